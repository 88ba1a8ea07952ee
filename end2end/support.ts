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

/** Every public claim, fact-checks and claims being checked. */
export const everything =
  '/?' + ['being_checked', 'true', 'mostly_true', 'misleading', 'false', 'unverifiable', 'opinion'].map((s) => `status=${s}`).join('&');

/** Opens a public claim's permalink from the list, by (part of) its text. */
export async function openClaim(page: Page, text: string) {
  await page.goto(everything);
  await page.getByRole('link', { name: new RegExp(text) }).click();
  await expect(page).toHaveURL(/\/claims\/[0-9a-z]{8}$/);
}
