import { Browser, expect, Page, test } from '@playwright/test';
import { editorPort } from '../playwright.config';
import { openClaim, signIn } from '../support';

// Editors' journeys, against their own server (see playwright.config.ts). Both projects run them,
// with JavaScript on and off, each on different claims so that the two runs never meet.
test.use({ baseURL: `http://127.0.0.1:${editorPort}` });

const claims = {
  'with-javascript': { edit: 'We aim to strengthen', conflict: 'the most acute regional problems', status: 'Moscow is a much needier partner' },
  'without-javascript': { edit: 'aggressive U.S. military buildup', conflict: 'a historic event', status: 'all 16 self-detonating' },
} as const;

function pick(projectName: string) {
  return claims[projectName as keyof typeof claims];
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

test('an editor edits a claim; a reader sees the edit in its history', async ({ page, browser }, info) => {
  const { edit } = pick(info.project.name);
  await signIn(page, 'editor-a');
  await openClaim(page, edit);
  const permalink = page.url();

  await page.getByRole('link', { name: 'Edit the claim' }).click();
  const text = page.getByLabel(/^Text/);
  const original = await text.inputValue();
  // Only spaces get past the browser's `required` check but not the server, which answers beside
  // the field, keeping what was typed.
  await text.fill('   ');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.locator('#field-text-error')).toHaveText("Enter the claim's words, exactly as said or reported.");
  await text.fill(`${original} (corrected)`);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page).toHaveURL(permalink + '#history');
  await expect(page.locator('blockquote')).toContainText('(corrected)');

  const { context, page: reader } = await newReader(browser, info.project.name === 'with-javascript');
  await reader.goto(permalink);
  await expect(reader.locator('blockquote')).toContainText('(corrected)');
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

test('a reader cannot reach the editor tools, and is sent to sign in', async ({ page }, info) => {
  const { status } = pick(info.project.name);
  await openClaim(page, status);
  await expect(page.getByText('Editor tools')).toHaveCount(0);
  const claim = new URL(page.url()).pathname;
  for (const path of [`${claim}/edit`, `${claim}/desk`, `${claim}/ruling`, '/desk']) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/login\?next=/);
    expect(new URL(page.url()).searchParams.get('next')).toBe(path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in');
  }
});
