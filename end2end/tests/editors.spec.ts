import { Browser, expect, Page, test } from '@playwright/test';
import { editorPort } from '../playwright.config';
import { signIn } from '../support';

// Editors' journeys, against their own server (see playwright.config.ts). Both projects run them,
// with JavaScript on and off, each on different claims so that the two runs never meet.
test.use({ baseURL: `http://127.0.0.1:${editorPort}` });

const claims = {
  'with-javascript': { edit: 'We aim to strengthen', conflict: 'the most acute regional problems', status: 'Moscow is a much needier partner' },
  'without-javascript': { edit: 'aggressive U.S. military buildup', conflict: 'a historic event', status: 'Putin may not see it' },
} as const;

function pick(projectName: string) {
  return claims[projectName as keyof typeof claims];
}

export async function openClaim(page: Page, text: string) {
  await page.goto('/');
  await page.getByRole('link', { name: new RegExp(text) }).click();
  await expect(page).toHaveURL(/\/claims\/[0-9a-z]{8}$/);
}

async function newReader(browser: Browser, javaScriptEnabled: boolean) {
  const context = await browser.newContext({ javaScriptEnabled, baseURL: `http://127.0.0.1:${editorPort}` });
  return { context, page: await context.newPage() };
}

test('a wrong password is refused with a message, and the username is kept', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Username').fill('editor-a');
  await page.getByLabel('Password').fill('not the password at all');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('That username and password do not match an account');
  await expect(page.getByLabel('Username')).toHaveValue('editor-a');
});

test('an editor edits a claim and sets it to misleading; a reader sees the verdict and the history', async ({ page, browser }, info) => {
  const { edit } = pick(info.project.name);
  await signIn(page, 'editor-a');
  await openClaim(page, edit);
  const permalink = page.url();

  await page.getByRole('link', { name: 'Edit the claim' }).click();
  const text = page.getByLabel(/^Text/);
  const original = await text.inputValue();
  await text.fill(`${original} (corrected)`);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page).toHaveURL(permalink + '#history');
  await expect(page.locator('blockquote')).toContainText('(corrected)');

  // A verdict of only spaces gets past the browser's `required` check but not the server, which
  // answers beside the field, keeping what was typed.
  await page.getByRole('combobox', { name: 'Status' }).selectOption('misleading');
  await page.getByLabel(/^Verdict/).fill('   ');
  await page.getByLabel(/^Rationale/).fill('The speech said *cooperation*, not alliance.');
  await page.getByRole('button', { name: 'Save the status' }).click();
  await expect(page.locator('#field-verdict-error')).toHaveText('Enter the verdict (one line).');
  await expect(page.getByLabel(/^Rationale/)).toHaveValue('The speech said *cooperation*, not alliance.');

  await page.getByLabel(/^Verdict/).fill('Quoted out of context.');
  await page.getByLabel('Link 1: address').fill('https://example.org/transcript');
  await page.getByLabel('Link 1: title').fill('Kremlin transcript');
  await page.getByRole('button', { name: 'Save the status' }).click();
  await expect(page).toHaveURL(permalink + '#history');

  const { context, page: reader } = await newReader(browser, info.project.name === 'with-javascript');
  await reader.goto(permalink);
  await expect(reader.locator('.current-status')).toContainText('Misleading');
  await expect(reader.locator('.current-status')).toContainText('Quoted out of context.');
  const history = reader.locator('.timeline-entry');
  await expect(history.first()).toContainText('Quoted out of context.');
  await expect(history.first().locator('em')).toHaveText('cooperation');
  await expect(history.first().getByRole('link', { name: 'Kremlin transcript' })).toHaveAttribute('href', 'https://example.org/transcript');
  await expect(reader.locator('.revision-entry').first()).toContainText('Edited (version 2)');
  await expect(reader.getByText('Editor tools')).toHaveCount(0);
  await context.close();
});

test('two editors edit the same claim: the second is told and keeps what they typed', async ({ browser }, info) => {
  const { conflict } = pick(info.project.name);
  const js = info.project.name === 'with-javascript';
  const a = await newReader(browser, js);
  const b = await newReader(browser, js);
  await signIn(a.page, 'editor-a');
  await signIn(b.page, 'editor-b');
  await openClaim(a.page, conflict);
  const edit = a.page.url() + '/edit';
  await a.page.goto(edit);
  await b.page.goto(edit);

  await a.page.getByLabel(/^Text/).fill('First editor wins the race.');
  await a.page.getByRole('button', { name: 'Save changes' }).click();
  await expect(a.page.locator('blockquote')).toContainText('First editor wins the race.');

  await b.page.getByLabel(/^Text/).fill('Second editor was slower.');
  await b.page.getByRole('button', { name: 'Save changes' }).click();
  await expect(b.page.getByRole('alert').first()).toContainText('Someone else saved this claim (now version 2)');
  await expect(b.page.locator('.conflict-panel')).toContainText('First editor wins the race.');
  await expect(b.page.getByLabel(/^Text/)).toHaveValue('Second editor was slower.');

  // Saving again is a deliberate choice, made on the newer version.
  await b.page.getByRole('button', { name: 'Save changes' }).click();
  await expect(b.page.locator('blockquote')).toContainText('Second editor was slower.');
  await expect(b.page.locator('.revision-entry')).toHaveCount(2);
  await a.context.close();
  await b.context.close();
});

test('a reader cannot reach the editor tools', async ({ page }, info) => {
  const { status } = pick(info.project.name);
  await openClaim(page, status);
  await expect(page.getByText('Editor tools')).toHaveCount(0);
  const response = await page.goto(page.url() + '/edit');
  expect(response?.status()).toBe(401);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in to edit');
});
