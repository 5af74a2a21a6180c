/**
 * What a bench must undo (servers, the embedded PostgreSQL, temp dirs): run once, in reverse
 * order, at the end or on Ctrl-C.
 */
export function createCleanups(options: { onSignal: boolean }) {
  const steps: (() => Promise<void> | void)[] = [];
  let cleaning: Promise<void> | undefined;
  const cleanUp = (): Promise<void> => {
    cleaning ??= (async () => {
      for (const step of steps.reverse()) {
        try {
          await step();
        } catch (error) {
          console.error('cleanup step failed:', error);
        }
      }
    })();
    return cleaning;
  };
  if (options.onSignal) {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        console.error(`\n${signal}: cleaning up…`);
        void cleanUp().then(() => process.exit(130));
      });
    }
  }
  return { push: (step: () => Promise<void> | void) => steps.push(step), cleanUp };
}

/** `[ 12.3 s] message`: seconds since the bench started. */
export function createLog(started = Date.now()): (message: string) => void {
  return (message) =>
    console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s] ${message}`);
}
