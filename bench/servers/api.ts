import { loadConfig } from '../../src/server/platform/config';
import { startAkinai } from '../../src/server/server';

/**
 * The real app, started exactly as `npm start` does (minus the web build), in its own process
 * so that the load generator in the parent does not compete with it inside one event loop.
 * Configuration comes from the environment the bench passes in.
 */
const akinai = await startAkinai(loadConfig(process.env));
const address = akinai.app.server.address();
const port = typeof address === 'object' && address ? address.port : 0;
process.send?.({ type: 'ready', url: `http://127.0.0.1:${port}` });

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  akinai.app.server.closeAllConnections();
  await akinai.stop();
  process.exit(0);
}
process.on('message', (message) => {
  if (message === 'stop') void stop();
});
process.on('disconnect', () => void stop());
process.on('SIGTERM', () => void stop());
