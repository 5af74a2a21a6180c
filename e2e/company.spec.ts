import { mkdirSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { makePng } from '../test/support/images';
import { signIn } from './support';

const shots = process.env.E2E_SCREENSHOTS;
/** Set E2E_SCREENSHOTS=<dir> to keep a picture of each screen for review. */
async function shot(page: Page, name: string, fullPage = true) {
  if (!shots) return;
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: `${shots}/${name}.png`, fullPage });
}

test('an admin fills the company profile, uploads a logo, adds a bank account and blocks missing prices', async ({
  page,
}) => {
  await signIn(page);
  await page.getByRole('link', { name: '自社情報', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: '自社情報' })).toBeVisible();

  await page.getByLabel('会社名').fill('あきない商事株式会社');
  await page.getByLabel('代表者の役職').fill('代表取締役');
  await page.getByLabel('代表者名').fill('山田 太郎');
  await page.getByLabel('郵便番号').fill('100-0001');
  await page.getByLabel('住所1').fill('東京都千代田区千代田1-1');
  await page.getByLabel('電話番号').fill('03-1234-5678');
  const registration = page.getByLabel('適格請求書発行事業者 登録番号');
  await registration.fill('T1123456789012');
  await expect(page.getByTestId('registration-warning')).toContainText('チェックデジット');
  await page.getByRole('region', { name: 'インボイス（適格請求書）' }).scrollIntoViewIfNeeded();
  await page.mouse.wheel(0, 400);
  await shot(page, 'company-profile-warning', false);
  await registration.fill('T7123456789012');
  await expect(page.getByText('法人番号のチェックデジットと一致しています')).toBeVisible();
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('自社情報を保存しました。')).toBeVisible();
  await shot(page, 'company-profile');

  await page.getByRole('tab', { name: 'ロゴ・角印' }).click();
  const logo = page.getByRole('region', { name: '自社ロゴ' });
  await logo.locator('input[type=file]').setInputFiles({
    name: 'logo.png',
    mimeType: 'image/png',
    buffer: makePng(360, 120, [20, 90, 160]),
  });
  await expect(page.getByText('自社ロゴを登録しました。')).toBeVisible();
  const preview = logo.getByRole('img', { name: '自社ロゴのプレビュー' });
  await expect(preview).toBeVisible();
  await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(360);
  await expect(logo.getByText('360 × 120 px')).toBeVisible();

  const seal = page.getByRole('region', { name: '角印' });
  await seal.locator('input[type=file]').setInputFiles({
    name: 'seal.png',
    mimeType: 'image/png',
    buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
  });
  await expect(seal.getByRole('alert')).toContainText('画像として読み取れません');
  await shot(page, 'company-images');

  await page.getByRole('tab', { name: '振込先' }).click();
  await page.getByRole('button', { name: '振込先を追加' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('金融機関名').fill('みずほ銀行');
  await dialog.getByLabel('支店名').fill('東京営業部');
  await dialog.getByLabel('口座番号').fill('12345');
  await dialog.getByLabel('口座名義（カナ）').fill('ｶ)ｱｷﾅｲｼﾖｳｼﾞ');
  await shot(page, 'company-bank-dialog');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('振込先を保存しました。')).toBeVisible();
  const row = page
    .getByRole('table', { name: '振込先の一覧' })
    .getByRole('row', { name: /みずほ銀行/ });
  await expect(row).toContainText('普通　0012345');
  await expect(row).toContainText('カ)アキナイシヨウジ');
  await expect(row).toContainText('既定');
  await shot(page, 'company-bank-accounts');

  await page.goto('/');
  await page.getByRole('link', { name: '伝票入力チェック', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: '伝票入力チェック' })).toBeVisible();
  const unitPrice = page.getByRole('row', { name: /単価未入力/ });
  await unitPrice.getByText('入力不可').click();
  await expect(unitPrice).toContainText('入力するまで保存できません');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('伝票入力チェックを保存しました。')).toBeVisible();
  await shot(page, 'entry-checks');
  await page.reload();
  await expect(page.getByRole('row', { name: /単価未入力/ })).toContainText(
    '入力するまで保存できません',
  );

  await page.goto('/');
  await page.getByRole('link', { name: '帳票設定', exact: true }).click();
  await expect(page.getByRole('tab', { name: '請求書' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByLabel('登録番号（インボイス）を印刷する')).toBeDisabled();
  await page.getByRole('textbox', { name: '表題' }).fill('御請求書');
  await page.getByLabel('備考欄に印刷する文章').fill('お振込手数料は貴社にてご負担ください。');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('請求書の設定を保存しました。')).toBeVisible();
  await shot(page, 'print-settings');
});
