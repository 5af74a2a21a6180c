import { execSync } from 'node:child_process';
import { defineConfig, devices } from '@playwright/test';
import { demo } from './e2e/support';

/**
 * Browser tests drive Debian's chromium (apt-get install chromium fonts-noto-cjk); Playwright
 * downloads no browser. The web server is the real app: a fresh build, a fresh embedded
 * PostgreSQL in var/e2e, stopped with SIGTERM so the database shuts down cleanly.
 */
function systemChromium(): string {
  try {
    return execSync('command -v chromium', { encoding: 'utf8', shell: '/bin/sh' }).trim();
  } catch {
    return '/usr/bin/chromium';
  }
}

// Overridable so several checkouts can run their browser tests side by side.
const PORT = Number(process.env.E2E_PORT ?? 3999);
const DATABASE_PORT = Number(process.env.E2E_PG_PORT ?? 54399);
const DATA_DIR = 'var/e2e';

export default defineConfig({
  testDir: 'e2e',
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  reporter: 'list',
  use: {
    ...devices['Desktop Chrome'],
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
    viewport: { width: 1366, height: 860 },
    screenshot: 'only-on-failure',
    trace: 'off',
    launchOptions: {
      executablePath: systemChromium(),
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium' }],
  webServer: {
    command: [
      `node -e "require('node:fs').rmSync('${DATA_DIR}', { recursive: true, force: true })"`,
      'npx vite build --logLevel warn',
      'exec node --import tsx src/server/main.ts',
    ].join(' && '),
    url: `http://127.0.0.1:${PORT}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
    env: {
      PORT: String(PORT),
      HOST: '127.0.0.1',
      DATA_DIR,
      EMBEDDED_PG_PORT: String(DATABASE_PORT),
      DATABASE_URL: '',
      DATABASE_OWNER_URL: '',
      APP_ORIGIN: '',
      DEMO_TENANT: 'true',
      DEMO_ADMIN_PASSWORD: demo.password,
      LOG_LEVEL: 'warn',
      // Every spec signs in from 127.0.0.1; the per-IP login limit is proven by the API tests.
      LOGIN_RATE_LIMIT_PER_MINUTE: '600',
    },
  },
});
