import { loadConfig } from './platform/config';
import { startAkinai } from './server';

function fail(error: unknown): never {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

const akinai = await Promise.resolve()
  .then(() => startAkinai(loadConfig()))
  .catch(fail);

const banner = [
  '',
  `  Akinai is running on ${akinai.url}`,
  ...(akinai.demoLogin
    ? [
        '',
        '  A demo tenant was created. Sign in with (the password is shown only this once):',
        `    組織コード  ${akinai.demoLogin.tenantCode}`,
        `    ログインID  ${akinai.demoLogin.loginId}`,
        `    パスワード  ${akinai.demoLogin.password}`,
      ]
    : []),
  '',
];
console.log(banner.join('\n'));

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping Akinai…');
    akinai.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
