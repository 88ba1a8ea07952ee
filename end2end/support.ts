import { expect, Page } from '@playwright/test';
import { EDITOR_PASSWORD } from './playwright.config';

/** Signs in through the form, as a person would, and waits for the header to say so. */
export async function signIn(page: Page, username: string) {
  await page.goto('/login');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(EDITOR_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('.signed-in')).toHaveText(`${username}`);
}
