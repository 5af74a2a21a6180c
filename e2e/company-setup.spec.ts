import { mkdirSync } from 'node:fs';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { makePng } from '../test/support/images';
import { apiHeaders, uniqueCode } from './support';

/**
 * Issue 4's "set up a company from an empty tenant": a new customer signs up, and the new 組織管理者
 * follows the startup guide (自社情報 → 税率 → 分類 → masters → 担当者) through the UI only. The
 * API is read at the end to prove every value was stored as typed.
 */
const SHOTS = process.env.E2E_SETUP_SHOTS ?? '/tmp/setup-shots';
let shotNumber = 0;
async function shot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  shotNumber += 1;
  await page.screenshot({
    path: `${SHOTS}/${String(shotNumber).padStart(2, '0')}-${name}.png`,
    fullPage: true,
  });
}

/** Mantine's Select is a text box with a listbox; pick by the option's visible name. */
async function choose(page: Page, scope: Page | Locator, label: string, option: string | RegExp) {
  await scope.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: typeof option === 'string' }).click();
}

async function toMenu(page: Page) {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'メインメニュー' })).toBeVisible();
}

const tenantCode = uniqueCode('setup-').toLowerCase();
const password = 'a quiet morning at the new shop';
const company = {
  companyName: '株式会社はじめ商事',
  postalCode: '150-0001',
  address1: '東京都渋谷区神宮前1-2-3',
  phone: '03-5555-0101',
  registrationNumber: 'T7123456789012',
};

test('a new org admin sets up the company on an empty tenant through the UI', async ({ page }) => {
  test.setTimeout(180_000);

  await test.step('sign up for a trial and sign in', async () => {
    await page.goto('/signup');
    await page.getByLabel('会社名').fill(company.companyName);
    await page.getByLabel('組織コード').fill(tenantCode);
    await page.getByLabel('管理者の氏名').fill('初芽 一郎');
    await page.getByLabel('ログインID').fill('ichiro');
    await page.getByLabel(/^パスワード/).fill(password);
    await page.getByLabel('連絡先メールアドレス').fill('ichiro@hajime.example');
    await page.getByLabel('利用規約とプライバシーポリシーに同意します').check();
    await page.getByRole('button', { name: '申し込む' }).click();
    await page.getByRole('link', { name: 'ログイン画面へ' }).click();
    await page.getByLabel('ログインID').fill('ichiro');
    await page.getByLabel('パスワード', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'ログイン' }).click();
    await expect(page.getByRole('heading', { name: 'メインメニュー' })).toBeVisible();
    await expect(page.getByTestId('getting-started-notice')).toContainText(
      '自社情報 → 税率 → 分類',
    );
    await shot(page, 'menu');
  });

  await test.step('empty lists say what to do first', async () => {
    for (const [link, heading] of [
      ['得意先', '得意先一覧'],
      ['仕入先', '仕入先一覧'],
      ['商品', '商品一覧'],
    ] as const) {
      await toMenu(page);
      await page.getByRole('link', { name: link, exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      await expect(page.getByText(`${link}はまだ登録されていません`)).toBeVisible();
      await shot(page, `empty-${link}`);
    }
  });

  await test.step('自社情報: name, address, phone, registration number', async () => {
    await toMenu(page);
    await page
      .getByTestId('getting-started-notice')
      .getByRole('link', { name: '自社情報を登録する' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: '自社情報' })).toBeVisible();
    await shot(page, 'company-empty');
    await page.getByLabel('会社名').fill(company.companyName);
    await page.getByLabel('郵便番号').fill(company.postalCode);
    await page.getByLabel('住所1').fill(company.address1);
    await page.getByLabel('電話番号').fill(company.phone);
    await page.getByLabel('適格請求書発行事業者 登録番号').fill(company.registrationNumber);
    await expect(page.getByText('法人番号のチェックデジットと一致しています')).toBeVisible();
    await page.getByRole('button', { name: '保存' }).click();
    await expect(page.getByText('自社情報を保存しました。')).toBeVisible();
    await shot(page, 'company-saved');
  });

  await test.step('ロゴ・角印: PNG uploads', async () => {
    await page.getByRole('tab', { name: 'ロゴ・角印' }).click();
    await shot(page, 'images-empty');
    for (const [region, file, size] of [
      ['自社ロゴ', 'logo.png', [300, 100]],
      ['角印', 'seal.png', [120, 120]],
    ] as const) {
      const slot = page.getByRole('region', { name: region });
      await slot.locator('input[type=file]').setInputFiles({
        name: file,
        mimeType: 'image/png',
        buffer: makePng(size[0], size[1], [180, 30, 30]),
      });
      await expect(page.getByText(`${region}を登録しました。`)).toBeVisible();
      await expect(slot.getByText(`${size[0]} × ${size[1]} px`)).toBeVisible();
    }
    await shot(page, 'images-uploaded');
  });

  await test.step('振込先: one bank account', async () => {
    await page.getByRole('tab', { name: '振込先' }).click();
    await shot(page, 'bank-empty');
    await page.getByRole('button', { name: '振込先を追加' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('金融機関名').fill('三井住友銀行');
    await dialog.getByLabel('支店名').fill('渋谷支店');
    await dialog.getByLabel('口座番号').fill('7654321');
    await dialog.getByLabel('口座名義（カナ）').fill('ｶ)ﾊｼﾞﾒｼﾖｳｼﾞ');
    await shot(page, 'bank-dialog');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(page.getByText('振込先を保存しました。')).toBeVisible();
    await expect(
      page.getByRole('table', { name: '振込先の一覧' }).getByRole('row', { name: /三井住友銀行/ }),
    ).toContainText('7654321');
    await shot(page, 'bank-saved');
  });

  await test.step('帳票設定: the invoice prints the bank account', async () => {
    await toMenu(page);
    // Once 自社情報 is saved the menu stops pointing at it.
    await expect(page.getByTestId('getting-started-notice')).toHaveCount(0);
    await page.getByRole('link', { name: '帳票設定', exact: true }).click();
    await expect(page.getByRole('tab', { name: '請求書' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await page.getByLabel('備考欄に印刷する文章').fill('お振込手数料は貴社にてご負担ください。');
    await shot(page, 'print-settings');
    await page.getByRole('button', { name: '保存' }).click();
    await expect(page.getByText('請求書の設定を保存しました。')).toBeVisible();
  });

  await test.step('税率: 10% and 軽減8% are there; a dated rate is added', async () => {
    await toMenu(page);
    await page.getByRole('link', { name: '税率設定' }).click();
    await expect(page.getByTestId('tax-rate-10')).toContainText('10%');
    await expect(page.getByTestId('tax-rate-8R')).toContainText('8%');
    await page.getByRole('button', { name: '税率を追加' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('コード').fill('OLD5');
    await dialog.getByLabel('印字名').fill('旧5%');
    await dialog.getByLabel('税率（%）').fill('5');
    await dialog.getByLabel('適用開始日').fill('1997-04-01');
    await dialog.getByLabel('適用終了日').fill('2014-03-31');
    await shot(page, 'tax-rate-dialog');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(page.getByText('税率「旧5%」を保存しました。')).toBeVisible();
    await expect(page.getByTestId('tax-rate-OLD5')).toContainText('1997-04-01 〜 2014-03-31');
    await shot(page, 'tax-rates');
  });

  await test.step('分類: an item for 地域 and for 業種', async () => {
    await toMenu(page);
    await page.getByRole('link', { name: '分類設定' }).click();
    await shot(page, 'classifications-empty');
    for (const [axis, code, name] of [
      ['地域', 'KANTO', '関東'],
      ['業種', 'RETAIL', '小売業'],
    ] as const) {
      await page.getByTestId(`axis-${axis}`).getByRole('button', { name: '項目を追加' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('コード').fill(code);
      await dialog.getByLabel('項目名').fill(name);
      await dialog.getByRole('button', { name: '保存' }).click();
      await expect(page.getByText(`「${name}」を保存しました。`)).toBeVisible();
    }
    await shot(page, 'classifications');
  });

  await test.step('部門', async () => {
    await toMenu(page);
    await page.getByRole('link', { name: '部門', exact: true }).click();
    await expect(page.getByText('部門はまだ登録されていません')).toBeVisible();
    await shot(page, 'departments-empty');
    await page.getByRole('link', { name: '最初の部門を登録' }).click();
    await page.getByLabel('部門コード').fill('D01');
    await page.getByLabel('部門名').fill('営業部');
    await page.getByRole('button', { name: '保存' }).click();
    await expect(page.getByText('部門「営業部」を登録しました。')).toBeVisible();
    await shot(page, 'departments');
  });

  await test.step('得意先 with 締日, 回収条件 and 分類', async () => {
    await toMenu(page);
    await page.getByRole('link', { name: '得意先', exact: true }).click();
    await page.getByRole('link', { name: '最初の得意先を登録' }).click();
    await page.getByLabel('得意先コード').fill('C0001');
    await page.getByLabel('得意先名').fill('株式会社青山ストア');
    await page.getByLabel('フリガナ').fill('アオヤマストア');
    await page.getByLabel('電話番号').fill('03-6666-0202');
    // 締日 starts as 末日; this customer closes on the 20th only.
    await page.getByRole('combobox', { name: '締日' }).click();
    await page.getByRole('combobox', { name: '締日' }).press('Backspace');
    await page.getByRole('listbox').getByRole('option', { name: '20日', exact: true }).click();
    await page.keyboard.press('Escape');
    await page.getByLabel('回収予定（月）').selectOption({ label: '翌月' });
    await page.getByLabel('回収日').selectOption({ label: '末日' });
    await choose(page, page, '地域', '関東');
    await choose(page, page, '業種', '小売業');
    await shot(page, 'customer-form');
    await page.getByRole('button', { name: '保存' }).click();
    await expect(page.getByRole('status')).toContainText(
      '得意先「株式会社青山ストア」を登録しました。',
    );
    await shot(page, 'customers');
  });

  await test.step('仕入先 with a registration number', async () => {
    await toMenu(page);
    await page.getByRole('link', { name: '仕入先', exact: true }).click();
    await page.getByRole('link', { name: '最初の仕入先を登録' }).click();
    await page.getByLabel('仕入先コード').fill('S0001');
    await page.getByLabel('仕入先名').fill('丸の内製紙株式会社');
    await page.getByLabel('登録番号').fill('T8000012010038');
    await shot(page, 'supplier-form');
    await page.getByRole('button', { name: '保存' }).click();
    await expect(page.getByRole('status').first()).toContainText(
      '仕入先「丸の内製紙株式会社」を登録しました。',
    );
    await shot(page, 'suppliers');
  });

  await test.step('商品 with 単価 and a 得意先別単価', async () => {
    await toMenu(page);
    await page.getByRole('link', { name: '商品', exact: true }).click();
    await page.getByRole('link', { name: '最初の商品を登録' }).click();
    await page.getByLabel('商品コード').fill('P0001');
    await page.getByLabel('商品名').fill('クラフト封筒 角2');
    await page.getByRole('combobox', { name: '単位' }).fill('箱');
    await page.getByLabel('単価1').fill('1,200');
    await page.getByRole('textbox', { name: '原価' }).fill('800');
    await shot(page, 'product-form');
    await page.getByRole('button', { name: '保存' }).click();
    await expect(page.getByText('商品「クラフト封筒 角2」（P0001）を登録しました。')).toBeVisible();
    await page.getByRole('row', { name: /P0001/ }).getByRole('link', { name: 'P0001' }).click();
    await page.getByRole('tab', { name: '得意先別単価' }).click();
    await page.getByRole('button', { name: '得意先別単価を追加' }).click();
    const dialog = page.getByRole('dialog', { name: '得意先別単価の追加' });
    await dialog.getByRole('combobox', { name: '得意先' }).fill('あおやま');
    await page.getByRole('option', { name: /C0001/ }).click();
    await dialog.getByLabel('単価').fill('1100');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(page.getByText('株式会社青山ストアの単価を保存しました。')).toBeVisible();
    await shot(page, 'customer-prices');
  });

  await test.step('担当者: a staff user', async () => {
    await toMenu(page);
    await page.getByRole('link', { name: '担当者', exact: true }).click();
    await page.getByRole('link', { name: '新規登録' }).click();
    await page.getByLabel('ログインID').fill('hanako');
    await page.getByLabel('氏名').fill('営業 花子');
    await page.getByRole('combobox', { name: '権限グループ' }).click();
    await page.getByRole('option', { name: '一般' }).click();
    await shot(page, 'user-form');
    await page.getByRole('button', { name: '保存' }).click();
    const issued = page.getByRole('dialog', { name: '初期パスワード' });
    await expect(issued).toContainText('「営業 花子」の初期パスワードです。');
    await shot(page, 'user-initial-password');
    await issued.getByRole('button', { name: '閉じる' }).click();
    await expect(page.getByRole('heading', { name: '担当者一覧' })).toBeVisible();
    await expect(page.getByRole('row', { name: /hanako/ })).toContainText('営業 花子');
    await shot(page, 'users');
  });

  await test.step('the API returns everything as entered', async () => {
    const get = async (url: string) => {
      const response = await page.request.get(url, { headers: apiHeaders() });
      expect(response.status(), url).toBe(200);
      return response.json();
    };
    expect(await get('/api/v1/company/profile')).toMatchObject({
      ...company,
      images: {
        logo: { contentType: 'image/png', width: 300, height: 100 },
        seal: { contentType: 'image/png', width: 120, height: 120 },
      },
    });
    expect((await get('/api/v1/company/bank-accounts')).items).toMatchObject([
      { bankName: '三井住友銀行', branchName: '渋谷支店', accountNumber: '7654321' },
    ]);
    const printSettings = await get('/api/v1/company/print-settings');
    expect(
      printSettings.items.find((s: { documentType: string }) => s.documentType === 'invoice'),
    ).toMatchObject({ footerNote: 'お振込手数料は貴社にてご負担ください。' });
    const rates = (await get('/api/v1/tax-rates')).items;
    expect(rates).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'OLD5', ratePercent: '5', validFrom: '1997-04-01' }),
      ]),
    );
    const axes = (await get('/api/v1/classification-axes?partnerType=customer')).axes;
    const region = axes.find((a: { name: string }) => a.name === '地域');
    expect(region.items).toMatchObject([{ code: 'KANTO', name: '関東' }]);
    const customers = (await get('/api/v1/customers?q=C0001')).items;
    const customer = await get(`/api/v1/customers/${customers[0].customerId}`);
    expect(customer).toMatchObject({
      code: 'C0001',
      name: '株式会社青山ストア',
      kana: 'アオヤマストア',
      phone: '03-6666-0202',
      closingDays: [20],
      paymentMonthsAfter: 1,
      paymentDay: 31,
    });
    const industry = (axes as { name: string; items: { itemId: string }[] }[]).find(
      (a) => a.name === '業種',
    )!;
    expect(customer.classifications).toEqual([
      { axisId: region.axisId, itemId: region.items[0].itemId },
      { axisId: expect.any(String), itemId: industry.items[0]!.itemId },
    ]);
    const suppliers = (await get('/api/v1/suppliers?q=S0001')).items;
    const supplier = await get(`/api/v1/suppliers/${suppliers[0].supplierId}`);
    expect(supplier).toMatchObject({ registrationNumber: 'T8000012010038' });
    const products = (await get('/api/v1/products?q=P0001')).items;
    const product = await get(`/api/v1/products/${products[0].productId}`);
    expect(product).toMatchObject({ name: 'クラフト封筒 角2', unit: '箱', unitPrice1: '1200' });
    const prices = (await get(`/api/v1/products/${product.productId}/customer-prices`)).items;
    expect(prices).toMatchObject([{ unitPrice: '1100' }]);
    const departments = (await get('/api/v1/departments')).items;
    expect(departments).toMatchObject([{ code: 'D01', name: '営業部' }]);
    const users = (await get('/api/v1/users')).items;
    expect(users.map((u: { loginId: string }) => u.loginId).sort()).toEqual(['hanako', 'ichiro']);
  });
});
