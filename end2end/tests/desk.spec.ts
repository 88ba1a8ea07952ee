import { Browser, expect, Page, test } from '@playwright/test';
import { editorPort } from '../playwright.config';
import { signIn } from '../support';

// The desk's whole course, with JavaScript on and off (each project with an article of its own):
// an article is imported into intake, a claim is taken and researched, its ruling is proposed,
// sent back once, amended, signed off by a second editor; a reader then sees the ruling, and a
// later correction is listed on /corrections.
test.use({ baseURL: `http://127.0.0.1:${editorPort}` });

const speakers = { 'with-javascript': ['Ilse', 'Brandvold'], 'without-javascript': ['Tomas', 'Ekwueme'] } as const;

async function session(browser: Browser, javaScriptEnabled: boolean, username?: string) {
  const context = await browser.newContext({ javaScriptEnabled, baseURL: `http://127.0.0.1:${editorPort}` });
  const page = await context.newPage();
  if (username) await signIn(page, username);
  return { context, page };
}

/** Opens the claim's desk page from a section of /desk. */
async function fromDesk(page: Page, section: string, words: string) {
  await page.goto('/desk');
  await page.locator(section).getByRole('link', { name: new RegExp(words) }).click();
  await expect(page).toHaveURL(/\/claims\/[0-9a-z]{8}\/desk$/);
}

test('a claim goes from intake through sign-off to readers, and a correction is listed', async ({ browser }, info) => {
  const js = info.project.name === 'with-javascript';
  const [first, last] = speakers[info.project.name as keyof typeof speakers];
  const words = `The harbour will reopen before the ${last} inquiry reports`;
  const a = await session(browser, js, 'editor-a');
  const b = await session(browser, js, 'editor-b');
  const reader = await session(browser, js);

  // Import: the candidates go to intake, private.
  await a.page.goto('/import');
  await a.page.getByLabel(/^Address/).fill(`https://harbour.example/${info.project.name}`);
  await a.page.getByLabel(/^Title/).fill('Harbour inquiry opens');
  await a.page.getByLabel(/^Outlet/).fill('Harbour Gazette');
  await a.page.getByLabel(/^Published on/).fill('2024-05-07');
  await a.page.getByLabel(/^The article's text/).fill(`Port chief ${first} ${last} spoke on Tuesday.\n“${words},” ${last} told reporters.`);
  await a.page.getByRole('button', { name: 'Find the claims' }).click();
  await a.page.getByRole('button', { name: 'Add selected' }).click();
  await expect(a.page).toHaveURL(/\/desk\?source=/);

  // Take it with the intake's bulk form.
  const intake = a.page.locator('#intake');
  await intake.getByRole('checkbox', { name: new RegExp(`Select: ${words}`) }).check();
  await intake.getByLabel('Action').selectOption('assign');
  await intake.getByLabel('Assign to (for Assign)').selectOption('editor-a');
  await intake.getByRole('button', { name: 'Apply to the ticked claims' }).click();
  await expect(a.page.getByRole('status').first()).toHaveText('1 claim assigned.');

  // Research: a private note.
  await fromDesk(a.page, '#assigned', words);
  const desk = a.page.url();
  const permalink = desk.replace(/\/desk$/, '');
  await a.page.getByLabel('Add a note').fill('Called the **port authority**: reopening date not fixed.');
  await a.page.getByRole('button', { name: 'Add the note' }).click();
  await expect(a.page.locator('.note').first()).toContainText('Called the port authority');

  // Propose: a quote's ruling asks two questions.
  await a.page.getByRole('link', { name: 'Write the ruling' }).click();
  await a.page.getByRole('radio', { name: 'Verified: they said it' }).check();
  await a.page.getByRole('radio', { name: /^Opinion — not rated/ }).check();
  await a.page.getByLabel(/^Verdict/).fill('A forecast: it states no checkable fact yet.');
  await a.page.getByLabel(/^Ruling/).fill('The reopening depends on the inquiry.');
  await a.page.getByRole('button', { name: 'Propose the ruling' }).click();
  await expect(a.page.locator('.open-ruling-state')).toContainText('awaiting sign-off (0 of 1 approvals)');

  // Not public yet.
  const hidden = await reader.page.goto(permalink);
  expect(hidden?.status()).toBe(404);

  // A second editor sends it back once.
  await fromDesk(b.page, '#sign-off', words);
  await b.page.getByRole('radio', { name: 'Send back' }).check();
  await b.page.getByLabel('Note to the author').fill('Cite the port authority in the evidence.');
  await b.page.getByRole('button', { name: 'Send my sign-off' }).click();
  await expect(b.page.locator('.open-ruling-state')).toContainText('Sent back to editor-a');

  // The author finds it sent back, and amends it from where it was.
  await a.page.goto('/desk');
  await expect(a.page.locator('#sent-back')).toContainText('Cite the port authority in the evidence.');
  await a.page.goto(permalink + '/ruling');
  await expect(a.page.getByRole('note')).toContainText('Cite the port authority in the evidence.');
  await expect(a.page.getByLabel(/^Verdict/)).toHaveValue('A forecast: it states no checkable fact yet.');
  await a.page.getByLabel('Link 1: address').fill('https://harbour.example/authority');
  await a.page.getByLabel('Link 1: title').fill('Port authority statement');
  await a.page.getByRole('button', { name: 'Propose the ruling' }).click();

  // Signed off: published.
  await fromDesk(b.page, '#sign-off', words);
  await b.page.getByRole('radio', { name: 'Approve' }).check();
  await b.page.getByRole('button', { name: 'Send my sign-off' }).click();
  await expect(b.page).toHaveURL(permalink);

  // A reader sees the ruling, and nothing of the desk.
  await reader.page.goto(permalink);
  const ruling = reader.page.locator('.ruling-section');
  await expect(ruling).toContainText('Verified: they said it');
  await expect(ruling.locator('.rating-words')).toHaveText('Opinion — not rated');
  await expect(ruling.locator('.ruling-verdict')).toHaveText('A forecast: it states no checkable fact yet.');
  await expect(ruling.getByRole('link', { name: 'Port authority statement' })).toBeVisible();
  await expect(ruling).toContainText('By editor-a · signed off by editor-b');
  await expect(reader.page.getByText('Called the port authority')).toHaveCount(0);
  await expect(reader.page.getByText('Cite the port authority')).toHaveCount(0);

  // A later correction: another rating, with a note, signed off, listed.
  await a.page.goto(desk);
  await a.page.getByRole('button', { name: 'Take it' }).click();
  await a.page.getByRole('link', { name: 'Write the ruling' }).click();
  await a.page.getByRole('radio', { name: /^False/ }).check();
  await a.page.getByLabel(/^Verdict/).fill('The harbour stayed shut after the report.');
  await a.page.getByLabel('Correction note').fill(`The inquiry reported first; the ${last} forecast was wrong.`);
  await a.page.getByRole('button', { name: 'Propose the ruling' }).click();
  await fromDesk(b.page, '#sign-off', words);
  await b.page.getByRole('radio', { name: 'Approve' }).check();
  await b.page.getByRole('button', { name: 'Send my sign-off' }).click();
  await expect(b.page).toHaveURL(permalink);

  await reader.page.goto('/corrections');
  const entry = reader.page.locator('.corrections li', { hasText: words });
  await expect(entry).toContainText(`The inquiry reported first; the ${last} forecast was wrong.`);
  await expect(entry.locator('.badge')).toHaveText(['Opinion — not rated', 'False']);
  for (const s of [a, b, reader]) await s.context.close();
});
