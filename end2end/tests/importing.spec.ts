import { expect, test } from '@playwright/test';
import { editorPort, pagesPort } from '../playwright.config';
import { signIn } from '../support';

// Importing an article, with JavaScript on and off (each project on its own article address, so
// that the two runs never meet).
test.use({ baseURL: `http://127.0.0.1:${editorPort}` });

// Each project imports its own envoy's words: the second run must not find the first's claim
// (the same words by another envoy would be suggested as a repetition of it).
const envoys = {
  'with-javascript': ['Maria', 'Okonjo', 'We will not be rushed into a bad deal', '54 of 69'],
  'without-javascript': ['Ruth', 'Adeyemi', 'Nobody should expect us to sign before the harvest', '31 of 40'],
} as const;

function article(first: string, last: string, words: string, drones: string) {
  return [
    `Trade envoy ${first} ${last} arrived in Geneva on Monday.`,
    `“${words},” ${last} told reporters.`,
    `The so-called “night raid” ended at dawn, and ${drones} drones were shot down.`,
  ].join('\n');
}

test('an editor pastes an article, reviews the candidates and adds the ones that stand', async ({ page }, info) => {
  const [first, last, words, drones] = envoys[info.project.name as keyof typeof envoys];
  await signIn(page, 'editor-b');
  await page.getByRole('link', { name: 'Import article' }).click();
  await expect(page.getByRole('heading', { name: 'Import an article' })).toBeVisible();
  await page.getByLabel(/^Address/).fill(`https://wire.example/${info.project.name}`);
  await page.getByLabel(/^Title/).fill('Envoy arrives for trade talks');
  await page.getByLabel(/^Outlet/).fill('Example Wire');
  await page.getByLabel(/^Published on/).fill('2024-05-06');
  await page.getByLabel(/^The article's text/).fill(article(first, last, words, drones));
  await page.getByRole('button', { name: 'Find the claims' }).click();

  await expect(page.getByRole('heading', { name: 'Review the claims found' })).toBeVisible();
  await expect(page.locator('.lede')).toContainText('Found 2 candidates: 1 quote and 1 numeric claim.');
  await expect(page.locator('.article-text mark').first()).toHaveText(words);
  await expect(page.locator('#speaker-0')).toHaveValue(`${first} ${last}`);
  await expect(page.locator('#unit-1')).toHaveValue('drones');

  // The numeric claim has no speaker: ticked, it is refused beside its field, and nothing is lost.
  await page.getByRole('checkbox', { name: /\[2\]/ }).check();
  await page.getByRole('button', { name: 'Add selected' }).click();
  await expect(page.locator('#speaker-error-1')).toHaveText("Enter the speaker's name.");
  await expect(page.locator('#speaker-0')).toHaveValue(`${first} ${last}`);

  await page.locator('#speaker-1').fill(`${last} Trade Office`);
  await page.getByRole('button', { name: 'Add selected' }).click();
  // They go to the desk's intake, private, not to the public list.
  await expect(page).toHaveURL(/\/desk\?source=[0-9a-z]{8}&added=2&linked=0&already=0#intake$/);
  await expect(page.locator('.notice').filter({ hasText: 'Imported' })).toHaveText('Imported: 2 claims added.');
  const intake = page.locator('#intake');
  await expect(intake.locator('.desk-row')).toHaveCount(2);
  await intake.getByRole('link', { name: words }).click();
  await expect(page).toHaveURL(/\/claims\/[0-9a-z]{8}\/desk$/);
  await expect(page.locator('blockquote')).toContainText(words);
  await expect(page.getByText('In intake: only editors can see it.')).toBeVisible();
});

test('an editor imports an article by its address, fetched from a page on loopback', async ({ page }) => {
  await signIn(page, 'editor-a');
  await page.goto('/import');
  await page.getByLabel(/^Address/).fill(`http://127.0.0.1:${pagesPort}/article.html?from=e2e`);
  await page.getByRole('button', { name: 'Fetch from the address' }).click();

  await expect(page.getByRole('heading', { name: 'Review the claims found' })).toBeVisible();
  await expect(page.locator('.notice').first()).toContainText(`Fetched from http://127.0.0.1:${pagesPort}/article.html?from=e2e`);
  // The page's metadata and canonical address fill the source's fields.
  await expect(page.locator('#field-title')).toHaveValue('Port strike talks stall as union rejects offer');
  await expect(page.locator('#field-outlet')).toHaveValue('Harbour Gazette');
  await expect(page.locator('#field-author')).toHaveValue('Ana Ribeiro');
  await expect(page.locator('#field-published_on')).toHaveValue('2024-05-14');
  await expect(page.locator('#field-url')).toHaveValue(`http://127.0.0.1:${pagesPort}/news/port-strike-talks-stall`);
  // The article's text, without the page's navigation, share buttons or related links.
  const text = page.locator('.article-text');
  await expect(text).toContainText('We will not sign a deal that cuts real wages');
  await expect(text).not.toContainText('Share on Facebook');
  await expect(text).not.toContainText('Related articles');
  await expect(text).not.toContainText('Sign in to your account');
  await expect(page.locator('input[name$="_speaker"][value="Tomás Varga"]').first()).toBeVisible();

  await page.getByRole('button', { name: 'Add selected' }).click();
  await expect(page).toHaveURL(/\/desk\?source=[0-9a-z]{8}&added=\d+&linked=\d+&already=\d+#intake$/);
});

// (The address refusals are shown by the Rust tests: this server runs with
// --allow-private-addresses, to reach the page server on loopback.)
test('an address that is not an article comes back beside the field, the rest kept', async ({ page }) => {
  await signIn(page, 'editor-a');
  await page.goto('/import');
  await page.getByLabel(/^Address/).fill(`http://127.0.0.1:${pagesPort}/data.json`);
  await page.getByLabel(/^Title/).fill('Typed title');
  // An address and no text: the default button fetches it.
  await page.getByRole('button', { name: 'Find the claims' }).click();
  await expect(page.locator('#field-url-error')).toHaveText('The page is application/json, not HTML or plain text.');
  await expect(page.locator('#field-title')).toHaveValue('Typed title');
});

// A page restating, in other words and by another speaker, a claim the demo desk already rated.
test('an editor attaches a candidate to the claim it repeats; readers see the repetitions', async ({ page, browser }, info) => {
  await signIn(page, 'editor-a');
  await page.goto('/import');
  // Each project fetches its own address, so each run makes its own source.
  await page.getByLabel(/^Address/).fill(`http://127.0.0.1:${pagesPort}/analysis.html?run=${info.project.name}`);
  await page.getByRole('button', { name: 'Fetch from the address' }).click();

  await expect(page.getByRole('heading', { name: 'Review the claims found' })).toBeVisible();
  const choice = page.locator('.repeat-choice').filter({ hasText: 'Moscow is a much needier partner' });
  await expect(choice).toContainText('Already in the archive?');
  const earlier = choice.getByRole('radio', { name: /Moscow is a much needier partner than China is/ });
  // Alike, not the same words: the editor decides (a new claim stays chosen until they do).
  await expect(earlier).not.toBeChecked();
  await expect(choice.getByRole('radio', { name: /add it as a new claim/ })).toBeChecked();
  await expect(choice).toContainText('Mostly true');
  const claim = await earlier.getAttribute('value');
  await earlier.check();
  await page.getByRole('button', { name: 'Add selected' }).click();
  // (The other run's new claims from this page, if it ran first, are attached as repetitions too.)
  await expect(page).toHaveURL(/\/desk\?source=[0-9a-z]{8}&added=\d+&linked=[1-9]\d*&already=0#intake$/);
  const source = new URL(page.url()).searchParams.get('source');

  // A reader (no session) sees the repetition on the rated claim's permalink…
  const reader = await (
    await browser.newContext({ baseURL: `http://127.0.0.1:${editorPort}`, javaScriptEnabled: info.project.name === "with-javascript" })
  ).newPage();
  await reader.goto(`/claims/${claim}`);
  await expect(reader.getByRole('heading', { name: 'Repetitions' })).toBeVisible();
  const timeline = reader.locator('ol.repetitions');
  await expect(timeline).toContainText('Alexander Gabuev');
  await expect(timeline.locator('li').filter({ hasText: 'Irina Volkova' }).first()).toContainText('Summit leaves analysts unconvinced');
  await expect(timeline.locator('li').filter({ hasText: 'Irina Volkova' }).first()).toContainText('In these words: Russia is a much needier partner than China');
  await expect(reader.locator('.appearances-section .lede')).toContainText(/Said \d+ times, from Dec 30, 2022 to Jun 12, 2023\./);

  // …and on the new source's page, the claim in its sentence, never the article's whole text.
  await reader.goto(`/sources/${source}`);
  await expect(reader.getByText('Russia is a much needier partner than China', { exact: false }).first()).toBeVisible();
  await expect(reader.locator('main')).not.toContainText('Vladivostok');
  await expect(reader.locator('main')).not.toContainText('next meeting would be held in Warsaw');
  await reader.context().close();
});
