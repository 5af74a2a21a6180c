import { cpus, loadavg } from 'node:os';
import { hashSync, verifySync } from '@node-rs/argon2';
import { hashPassword } from '../src/server/platform/auth/passwords';
import { replaceGeneratedBlock } from './lib/docs-block';

/**
 * Login throughput is bounded by argon2id (issue 3): how many verifications one core does per
 * second with the parameters the app uses. Runs the synchronous binding on the main thread, so
 * exactly one core works; the app runs the same code on libuv's thread pool.
 */
const SECONDS = Number(process.env.BENCH_ARGON2_SECONDS ?? 5);

function perSecond(work: () => void): { count: number; perSecond: number; msEach: number } {
  work(); // warm-up: first call allocates the memory the hash needs
  const started = process.hrtime.bigint();
  const deadline = started + BigInt(SECONDS * 1e9);
  let count = 0;
  while (process.hrtime.bigint() < deadline) {
    work();
    count++;
  }
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  return { count, perSecond: count / elapsed, msEach: (elapsed * 1000) / count };
}

const stored = await hashPassword('benchmark passphrase 2026');
const parameters = stored.split('$')[3] ?? '';
const verifyRun = perSecond(() => verifySync(stored, 'benchmark passphrase 2026'));
const hashRun = perSecond(() =>
  hashSync('benchmark passphrase 2026', {
    algorithm: 2,
    memoryCost: 19_456,
    timeCost: 2,
    parallelism: 1,
  }),
);
const cores = cpus().length;
const load = loadavg()
  .map((value) => value.toFixed(2))
  .join(' / ');

const block = [
  `Last run: **${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC**, ${cores} cores (${cpus()[0]?.model.trim()}), Node ${process.version}; load average before: ${load}.`,
  '',
  `Parameters: argon2id \`${parameters}\` (m = 19,456 KiB, t = 2, p = 1), ${SECONDS} s per measurement on one core.`,
  '',
  '| operation | per second per core | ms each | samples |',
  '| --- | ---: | ---: | ---: |',
  `| verify (login) | ${verifyRun.perSecond.toFixed(1)} | ${verifyRun.msEach.toFixed(1)} | ${verifyRun.count} |`,
  `| hash (password change, initial password) | ${hashRun.perSecond.toFixed(1)} | ${hashRun.msEach.toFixed(1)} | ${hashRun.count} |`,
  '',
  `- Upper bound for password sign-ins on this machine: about **${Math.round(verifyRun.perSecond * cores)} per second** (${cores} cores × ${verifyRun.perSecond.toFixed(1)}), before any other work.`,
  '- The login rate limit (per IP, `LOGIN_RATE_LIMIT_PER_MINUTE`) and the throttling of failures keep an attacker far below this.',
].join('\n');

console.log(block);
if (!process.argv.includes('--no-docs')) {
  replaceGeneratedBlock('docs/benchmarks.md', 'argon2', block);
  console.log('\nresults written to docs/benchmarks.md');
}
