import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import pg from 'pg';
import { formatJapaneseDate } from '../src/domain/lifecycle/purge-policy';
import { createTenant } from '../src/server/modules/organization/create-tenant';
import { apiHeaders, signIn } from './support';

/**
 * Contract end in the browser: a tenant whose contract ended sees the banner on every screen,
 * cannot save, and its admin downloads the full export ZIP. The tenant is made for this spec
 * in the e2e server's own database, so the demo tenant other specs use stays writable.
 */
const ended = {
  tenantCode: 'ended-e2e',
  tenantName: '終了商事株式会社',
  loginId: 'admin',
  password: 'e2e-ended-tenant-password-2026',
};
let purgeDate = '';

function superuserPool() {
  const secrets = JSON.parse(readFileSync('var/e2e/db-secrets.json', 'utf8'));
  return new pg.Pool({
    host: '127.0.0.1',
    port: Number(process.env.E2E_PG_PORT ?? 54399),
    user: 'postgres',
    password: secrets.superuserPassword,
    database: 'akinai',
    max: 2,
  });
}

test.beforeAll(async () => {
  const pool = superuserPool();
  try {
    const { tenantId } = await createTenant(
      pool,
      {
        code: ended.tenantCode,
        name: ended.tenantName,
        admin: { loginId: ended.loginId, name: '終了 管理者', password: ended.password },
      },
      { actorLabel: 'e2e', ip: '127.0.0.1', userAgent: 'playwright', requestId: 'e2e' },
    );
    const { rows } = await pool.query<{ contract_ended_at: Date }>(
      `UPDATE app.tenants SET status = 'ended', plan = 'standard',
              contract_ended_at = now() - interval '2 days'
        WHERE tenant_id = $1 RETURNING contract_ended_at`,
      [tenantId],
    );
    const endedAt = rows[0]!.contract_ended_at;
    purgeDate = formatJapaneseDate(new Date(endedAt.getTime() + 21 * 24 * 60 * 60 * 1000));
  } finally {
    await pool.end();
  }
});

async function signInEnded(page: Page) {
  await page.goto('/login');
  await page.getByLabel('組織コード').fill(ended.tenantCode);
  await page.getByLabel('ログインID').fill(ended.loginId);
  await page.getByLabel('パスワード', { exact: true }).fill(ended.password);
  await page.getByRole('button', { name: 'ログイン' }).click();
  await expect(page.getByRole('heading', { name: 'メインメニュー' })).toBeVisible();
}

test('an ended tenant sees the banner everywhere, cannot save, and downloads its export', async ({
  page,
}) => {
  await signInEnded(page);
  const banner = page.getByTestId('contract-ended-banner');
  await expect(banner).toContainText(
    `ご契約は終了しました。データは ${purgeDate} に削除されます。エクスポートしてください。`,
  );
  await page.screenshot({ path: 'test-results/screens/contract-ended-menu.png' });

  // Another screen: the banner is part of the frame; saving is refused by the server.
  await page.goto('/customers/new');
  await expect(banner).toBeVisible();
  await page.getByRole('textbox', { name: '得意先コード' }).fill('E1');
  await page.getByRole('textbox', { name: '得意先名', exact: true }).fill('保存できない得意先');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('ご契約が終了しているため').first()).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/contract-ended-refused.png' });

  await banner.getByRole('link', { name: 'エクスポートする' }).click();
  await expect(page.getByRole('heading', { name: '全データのエクスポート' })).toBeVisible();
  await expect(page.getByText('ご契約は終了しています')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/data-export.png', fullPage: true });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'ZIP ファイルをダウンロード' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^akinai-export-ended-e2e-\d{8}-\d{6}\.zip$/);
  const file = await download.path();
  const listing = execFileSync('unzip', ['-l', file], { encoding: 'utf8' });
  expect(listing).toContain('README.txt');
  expect(listing).toContain('tables/customers.csv');
  expect(listing).toContain('audit_log.csv');
  const readme = execFileSync('unzip', ['-p', file, 'README.txt'], { encoding: 'utf8' });
  expect(readme).toContain('Akinai 全データエクスポート');
});

test('the running demo tenant shows no banner and may export at any time', async ({ page }) => {
  await signIn(page);
  await expect(page.getByTestId('contract-ended-banner')).toHaveCount(0);
  await page.getByRole('link', { name: '全データのエクスポート' }).click();
  await expect(page.getByRole('heading', { name: '全データのエクスポート' })).toBeVisible();
  await expect(page.getByText('ご契約は終了しています')).toHaveCount(0);
  const response = await page.request.get('/api/v1/data-export', { headers: apiHeaders() });
  expect(response.status()).toBe(200);
  expect((await response.body()).subarray(0, 2).toString()).toBe('PK');
});
