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
  const claim = await firstHref(page, '/claims/');
  const source = await firstHref(page, '/sources/');
  const pages = [
    '/',
    '/?status=true&status=in_review&kind=quote',
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
    await signIn(page, 'chief');
    const claim = await page.locator('a[href^="/claims/"]').nth(3).getAttribute('href');
    const audit = async (label: string) => {
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(
        serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
        `axe on ${label}`,
      ).toEqual([]);
    };
    for (const path of ['/login', claim as string, `${claim}/edit`, `${claim}/retract`, '/claims/new', '/sources/new', '/speakers/new', '/speakers/xi-jinping/edit', '/admin/users', '/import']) {
      await page.goto(path);
      await audit(path);
    }
    // The import review page, with its marked article and candidate boxes.
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
