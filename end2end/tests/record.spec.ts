import { expect, test } from '@playwright/test';
import { editorPort } from '../playwright.config';
import { openClaim, signIn } from '../support';

// Numbers checked against the record: an editor records a figure for a numeric claim, and a
// reader sees the comparison on the permalink. Both projects run it, on different claims.
test.use({ baseURL: `http://127.0.0.1:${editorPort}` });

const cases = {
  'with-javascript': {
    claim: 'cruise missiles fired from air and sea',
    figure: '54 of 72',
    shape: 'Part of a whole',
    understood: '54 of 72',
    period: 'the attack of 29 December 2022',
    sentence: 'Claimed 54 of 69 (78.3%) · Recorded 54 of 72 (75%)',
  },
  'without-javascript': {
    claim: 'Sino-Russian trade is set to increase',
    figure: '+30.5 percent',
    shape: 'Change',
    understood: '+30.5%',
    period: '2022 compared with 2021',
    sentence: 'Claimed +25% · Recorded +30.5%',
  },
} as const;

test('an editor records a figure; a reader sees the comparison', async ({ page, browser }, info) => {
  const c = cases[info.project.name as keyof typeof cases];
  await signIn(page, 'editor-a');
  await openClaim(page, c.claim);
  const permalink = page.url();
  await page.getByRole('link', { name: 'Check against the record' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check the figure against the record');

  await page.getByLabel(/^Recorded figure/).fill(c.figure);
  await page.getByLabel(c.shape, { exact: true }).check();
  await page.getByLabel('Period', { exact: true }).fill(c.period);
  await page.getByLabel(/^Source address/).fill('https://example.org/official-figures');
  await page.getByLabel(/^Source title/).fill('Official figures');
  await page.getByLabel(/^Publisher/).fill('Statistics Office');
  // Without a date the server refuses, beside the field, keeping what was typed.
  await page.getByRole('button', { name: 'Record the figure' }).click();
  await expect(page.locator('#field-published_on-error')).toContainText('Give the date the source was published');
  await expect(page.getByLabel(/^Recorded figure/)).toHaveValue(c.figure);

  await page.getByLabel('Published on').fill('2023-01-13');
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(page.locator('.understood')).toContainText(`Understood: ${c.understood}`);
  await page.getByLabel('The ruling compares the claim against this figure').check();
  await page.getByRole('button', { name: 'Record the figure' }).click();
  await expect(page).toHaveURL(/\/record$/);
  await expect(page.locator('.suggestion')).toContainText('Suggested rating:');

  const reader = await browser.newContext({
    javaScriptEnabled: info.project.name === 'with-javascript',
    baseURL: `http://127.0.0.1:${editorPort}`,
  });
  const readerPage = await reader.newPage();
  await readerPage.goto(permalink);
  const section = readerPage.locator('.figure-check');
  await expect(section.getByRole('heading', { name: 'Against the record' })).toBeVisible();
  await expect(section.locator('.figure-sentence')).toContainText(c.sentence);
  await expect(section.getByRole('img', { name: /^Chart: claimed/ })).toBeVisible();
  await reader.close();
});
