import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { editorPort } from '../playwright.config';
import { signIn } from '../support';

// An automated accessibility audit of every kind of page: no serious or critical violations
// (WCAG 2.x A and AA rules, colour contrast of the status badges included).

async function firstHref(page: import('@playwright/test').Page, prefix: string): Promise<string> {
  await page.goto('/');
  const href = await page.locator(`a[href^="${prefix}"]`).first().getAttribute('href');
  expect(href).toBeTruthy();
  return href as string;
}

test('every page passes an axe audit', async ({ page }) => {
  // Thirteen pages, each audited in turn: under CI's load (schemathesis runs beside it) this took
  // over the default 30 s once, as the editor pages' audit below did before it had this limit.
  test.setTimeout(90_000);
  const claim = await firstHref(page, '/claims/');
  const source = await firstHref(page, '/sources/');
  // The trade claim: its page has the comparison with the record, and its chart.
  await page.goto('/?q=Sino-Russian');
  const trade = await page.locator('a[href^="/claims/"]').first().getAttribute('href');
  const pages = [
    trade as string,
    '/',
    '/?status=mostly_true&status=opinion&kind=quote',
    '/?status=being_checked',
    '/methodology',
    '/corrections',
    '/?q=cooperation',
    '/?q=zeppelin',
    claim,
    '/speakers/vladimir-putin',
    source,
    '/claims/zzzzzzzz',
    '/?status=bogus',
  ];
  for (const path of pages) {
    await page.goto(path);
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
      .analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(
      serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
      `axe on ${path}`,
    ).toEqual([]);
  }
});

test.describe('editor pages', () => {
  test.use({ baseURL: `http://127.0.0.1:${editorPort}` });

  test('pass an axe audit', async ({ page }) => {
    test.setTimeout(90_000);
    await signIn(page, 'chief');
    await page.goto('/');
    const claim = await page.locator('a[href^="/claims/"]').nth(3).getAttribute('href');
    const audit = async (label: string) => {
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(
        serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
        `axe on ${label}`,
      ).toEqual([]);
    };
    for (const path of ['/login', claim as string, `${claim}/edit`, `${claim}/retract`, `${claim}/desk`, '/desk', '/claims/new', '/sources/new', '/speakers/new', '/speakers/xi-jinping/edit', '/admin/users', '/import']) {
      await page.goto(path);
      await audit(path);
    }
    // A claim's desk page with a ruling awaiting sign-off (the sign-off form), and the ruling
    // form itself, for a claim the audit takes (no other test uses Xi's quote).
    await page.goto('/desk');
    await page.locator('#sign-off').getByRole('link').first().click();
    await expect(page.getByRole('group', { name: 'Your sign-off' })).toBeVisible();
    await audit('a desk page with a ruling awaiting sign-off');
    await page.goto('/?status=being_checked');
    await page.getByRole('link', { name: /In the face of a difficult/ }).click();
    await page.goto(page.url() + '/desk');
    await page.getByRole('button', { name: 'Take it' }).click();
    await page.getByRole('link', { name: 'Write the ruling' }).click();
    await expect(page.getByRole('group', { name: 'Did they say it?' })).toBeVisible();
    await audit('the ruling form');
    // Spaces pass the browser's `required` check, not the server's.
    await page.getByLabel(/^Verdict/).fill('   ');
    await page.getByRole('button', { name: 'Propose the ruling' }).click();
    await expect(page.locator('#field-verdict-error')).toBeVisible();
    await audit('the ruling form with its errors');
    // The record page of the trade claim, after "Check": what was understood, the comparison.
    await page.goto('/?q=Sino-Russian');
    await page.getByRole('link', { name: /Sino-Russian trade/ }).first().click();
    await page.getByRole('link', { name: 'Check against the record' }).click();
    await audit('the record page');
    await page.getByLabel(/^Recorded figure/).fill('+31%');
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await expect(page.locator('.understood')).toBeVisible();
    await audit('the record page after Check');
    // The import review page, with its marked article and candidate boxes.
    await page.goto('/import');
    await page.getByLabel(/^Address/).fill('https://wire.example/axe');
    await page.getByLabel(/^Title/).fill('Audit');
    await page.getByLabel(/^Outlet/).fill('Wire');
    await page.getByLabel(/^Published on/).fill('2024-05-06');
    await page.getByLabel(/^The article's text/).fill('“We will not be rushed into a bad deal,” Lopez told reporters. Prices rose 25 percent.');
    await page.getByRole('button', { name: 'Find the claims' }).click();
    await expect(page.getByRole('heading', { name: 'Review the claims found' })).toBeVisible();
    await audit('the import review');
  });
});
