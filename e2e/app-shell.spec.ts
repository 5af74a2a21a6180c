import { expect, test } from '@playwright/test';
import { signIn } from './support';

test('the language toggle switches the UI to English and remembers it', async ({ page }) => {
  await signIn(page);
  await page.getByText('English').click();
  await expect(page.getByRole('heading', { name: 'Main menu' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Main menu' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Customers' })).toBeVisible();
});

test('a session that ends while working returns to the login page', async ({ page, context }) => {
  await signIn(page);
  await context.clearCookies();
  await page.getByRole('link', { name: '得意先' }).click();
  await expect(page).toHaveURL(/\/login\?reason=expired$/);
  await expect(
    page.getByText('ログインの有効期限が切れました。もう一度ログインしてください。'),
  ).toBeVisible();
});
