import { expect, test } from '@playwright/test';
import { editorPort } from '../playwright.config';
import { signIn } from '../support';

// Importing an article, with JavaScript on and off (each project on its own article address, so
// that the two runs never meet).
test.use({ baseURL: `http://127.0.0.1:${editorPort}` });

// Each project imports its own envoy's words: the second run must not find the first's claim.
const envoys = { 'with-javascript': ['Maria', 'Okonjo'], 'without-javascript': ['Ruth', 'Adeyemi'] } as const;

function article(first: string, last: string) {
  return [
    `Trade envoy ${first} ${last} arrived in Geneva on Monday.`,
    `“We will not be rushed into a bad deal,” ${last} told reporters.`,
    'The so-called “night raid” ended at dawn, and 54 of 69 drones were shot down.',
  ].join('\n');
}

test('an editor pastes an article, reviews the candidates and adds the ones that stand', async ({ page }, info) => {
  const [first, last] = envoys[info.project.name as keyof typeof envoys];
  await signIn(page, 'editor-b');
  await page.getByRole('link', { name: 'Import article' }).click();
  await expect(page.getByRole('heading', { name: 'Import an article' })).toBeVisible();
  await page.getByLabel(/^Address/).fill(`https://wire.example/${info.project.name}`);
  await page.getByLabel(/^Title/).fill('Envoy arrives for trade talks');
  await page.getByLabel(/^Outlet/).fill('Example Wire');
  await page.getByLabel(/^Published on/).fill('2024-05-06');
  await page.getByLabel(/^The article's text/).fill(article(first, last));
  await page.getByRole('button', { name: 'Find the claims' }).click();

  await expect(page.getByRole('heading', { name: 'Review the claims found' })).toBeVisible();
  await expect(page.locator('.lede')).toContainText('Found 2 candidates: 1 quote and 1 numeric claim.');
  await expect(page.locator('.article-text mark').first()).toHaveText('We will not be rushed into a bad deal');
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
  await intake.getByRole('link', { name: /We will not be rushed into a bad deal/ }).click();
  await expect(page).toHaveURL(/\/claims\/[0-9a-z]{8}\/desk$/);
  await expect(page.locator('blockquote')).toContainText('We will not be rushed into a bad deal');
  await expect(page.getByText('In intake: only editors can see it.')).toBeVisible();
});
