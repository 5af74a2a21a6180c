import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { apiHeaders, signIn } from './support';

const shots = process.env.E2E_SCREENSHOTS;

test('an admin builds a permission group on the grid, copies and deletes it, and finds it in 操作ログ', async ({
  page,
}) => {
  const name = `参照のみ得意先${Date.now().toString(36).slice(-4)}`;

  await test.step('opens アクセス権限グループ from the main menu', async () => {
    await signIn(page);
    await page.getByRole('link', { name: 'アクセス権限グループ', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'アクセス権限グループ' })).toBeVisible();
    const table = page.getByRole('table', { name: 'アクセス権限グループの一覧' });
    await expect(table).toContainText('一般');
    await expect(table).toContainText('参照のみ');
    if (shots) await page.screenshot({ path: `${shots}/groups-list.png`, fullPage: true });
  });

  await test.step('creates a group: 修正 implies 参照, unticking 参照 clears the row', async () => {
    await page.getByRole('link', { name: '新規作成' }).click();
    await page.getByLabel('グループ名').fill(name);
    const edit = page.getByRole('checkbox', { name: '得意先の修正' });
    const view = page.getByRole('checkbox', { name: '得意先の参照' });
    await edit.check();
    await expect(view).toBeChecked();
    await view.uncheck();
    await expect(edit).not.toBeChecked();
    await view.check();
    await page.getByRole('checkbox', { name: '販売の参照をすべて' }).check();
    await expect(page.getByRole('checkbox', { name: '見積の参照' })).toBeChecked();
    await expect(page.getByText('6件の権限')).toBeVisible();
    if (shots) await page.screenshot({ path: `${shots}/groups-form.png`, fullPage: true });
    await page.getByRole('button', { name: '保存' }).click();
    await expect(page.getByText(`アクセス権限グループ「${name}」を作成しました。`)).toBeVisible();
    const row = page.getByRole('row', { name: new RegExp(name) });
    await expect(row).toContainText('0人');
    await expect(row).toContainText('6 / 17機能');
  });

  await test.step('a duplicate name is refused in Japanese', async () => {
    await page.getByRole('link', { name: '新規作成' }).click();
    await page.getByLabel('グループ名').fill(name);
    await page.getByRole('button', { name: '保存' }).click();
    await expect(page.getByText('このグループ名は既に使われています').first()).toBeVisible();
    await page.getByRole('button', { name: '戻る' }).click();
  });

  await test.step('copies the group and deletes the copy', async () => {
    await page.getByRole('link', { name, exact: true }).click();
    await page.getByRole('button', { name: 'コピーして作成' }).click();
    await expect(page.getByLabel('新しいグループ名')).toHaveValue(`${name}のコピー`);
    await page.getByRole('dialog').getByRole('button', { name: '作成', exact: true }).click();
    await expect(
      page.getByText(`アクセス権限グループ「${name}のコピー」を作成しました。`),
    ).toBeVisible();
    await expect(page.getByLabel('グループ名')).toHaveValue(`${name}のコピー`);
    await expect(page.getByRole('checkbox', { name: '得意先の参照' })).toBeChecked();
    await page.getByRole('button', { name: '削除' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '削除' }).click();
    await expect(
      page.getByText(`アクセス権限グループ「${name}のコピー」を削除しました。`),
    ).toBeVisible();
  });

  await test.step('a group in use cannot be deleted and says by how many users', async () => {
    const groups = await (await page.request.get('/api/v1/permission-groups')).json();
    const groupId = groups.items.find((g: { name: string }) => g.name === name).groupId;
    const member = await page.request.post('/api/v1/users', {
      headers: apiHeaders(),
      data: { loginId: `m${Date.now().toString(36)}`, name: '所属 花子', groupId, isActive: false },
    });
    expect(member.status()).toBe(201);
    await page.getByRole('link', { name, exact: true }).click();
    await page.getByRole('button', { name: '削除' }).click();
    await expect(page.getByRole('dialog')).toContainText(
      '1人の担当者がこのグループを使用しているため削除できません',
    );
    if (shots) await page.screenshot({ path: `${shots}/groups-in-use.png` });
    await page.getByRole('dialog').getByRole('button', { name: '閉じる' }).click();
  });

  await test.step('操作ログ lists the creation in JST and exports CSV', async () => {
    await page.goto('/');
    await page.getByRole('link', { name: '操作ログ', exact: true }).click();
    await expect(page.getByRole('heading', { name: '操作ログ' })).toBeVisible();
    await expect(page.getByText('日本時間（JST, UTC+9）')).toBeVisible();
    await page.getByLabel('操作', { exact: true }).selectOption('permission_group.created');
    await page.getByRole('button', { name: '検索' }).click();
    const table = page.getByRole('table', { name: '操作ログの一覧' });
    // Newest first: the copy, then the group this test made, then the starter groups.
    await expect(table.getByRole('row').nth(1)).toContainText('アクセス権限グループを作成');
    await expect(table.getByRole('row').nth(1)).toContainText('admin');
    await expect(table.getByRole('row').nth(2)).toContainText(`アクセス権限グループ「${name}」`);
    if (shots) await page.screenshot({ path: `${shots}/audit-list.png`, fullPage: true });
    await table.getByRole('row').nth(2).click();
    const drawer = page.getByRole('dialog', { name: '操作ログの詳細' });
    await expect(drawer).toContainText(name);
    await expect(drawer).toContainText('customers:view');
    await expect(drawer).toContainText(' JST');
    if (shots) {
      await page.waitForTimeout(500);
      await page.screenshot({ path: `${shots}/audit-detail.png` });
    }
    await page.keyboard.press('Escape');

    await page.getByText('Shift_JIS', { exact: true }).click();
    await expect(page.getByText('「〓」に置き換えて')).toBeVisible();
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'CSV出力' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^audit-log-\d{8}-\d{6}\.csv$/);
    const bytes = readFileSync((await download.path())!);
    const text = new TextDecoder('shift_jis').decode(bytes);
    expect(text.startsWith('"日時(JST)","連番","操作"')).toBe(true);
    expect(text).toContain(name);
    expect(text).toMatch(/"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+09:00"/);
  });
});
