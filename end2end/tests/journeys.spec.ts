import { expect, test } from '@playwright/test';

// Each journey runs twice: with JavaScript on and off (see the projects in playwright.config.ts).
// Every page is server-rendered HTML and every form is a plain GET form, so both must pass.

test('a reader browses the newest claims', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle('claimtrack');
  await expect(page.getByRole('heading', { level: 1, name: 'Latest claims' })).toBeVisible();
  await expect(page.locator('.claim-card')).toHaveCount(11);
  await expect(page.getByRole('status')).toHaveText('11 claims');
  const missiles = page.locator('.claim-card', { hasText: 'cruise missiles fired from air and sea' });
  await expect(missiles.locator('.quantity-figure')).toHaveText('54 of 69 (78.3%)');
  await expect(missiles.locator('.badge')).toHaveText('Unverified');
  await expect(missiles.getByRole('link', { name: 'Armed Forces of Ukraine' })).toBeVisible();
  const trade = page.locator('.claim-card', { hasText: 'Sino-Russian trade' });
  await expect(trade.locator('.quantity-figure')).toHaveText('+25%');
  await expect(trade.locator('.badge')).toHaveText('In review');
});

test('a reader filters by status and kind, and the filters live in the URL', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('checkbox', { name: /In review/ }).check();
  await page.getByRole('checkbox', { name: /^True/ }).check();
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/status=in_review/);
  await expect(page).toHaveURL(/status=true/);
  await expect(page.locator('.claim-card')).toHaveCount(2);
  await expect(page.getByRole('status')).toHaveText('2 claims · In review, True');
  // The counts per status stay visible, and the ticked boxes stay ticked.
  await expect(page.locator('label[for="filter-status-unverified"] .count')).toHaveText('9');
  await expect(page.getByRole('checkbox', { name: /^True/ })).toBeChecked();

  await page.getByLabel('Kind').selectOption('numeric');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/kind=numeric/);
  await expect(page.locator('.claim-card')).toHaveCount(1);
  await expect(page.locator('.claim-card')).toContainText('Sino-Russian trade is set to increase by 25 percent');

  // The URL is the view: opening it afresh shows the same.
  const shared = page.url();
  await page.goto('/');
  await page.goto(shared);
  await expect(page.locator('.claim-card')).toHaveCount(1);

  await page.getByRole('link', { name: 'Clear all' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.locator('.claim-card')).toHaveCount(11);
});

test('a reader searches from the header and sees the matches highlighted', async ({ page }) => {
  await page.goto('/');
  const search = page.getByRole('searchbox', { name: 'Search claims' });
  await search.fill('needier partner');
  await search.press('Enter');
  await expect(page).toHaveURL(/q=needier\+partner/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Claims matching “needier partner”');
  await expect(page.locator('.claim-card')).toHaveCount(1);
  await expect(page.locator('.claim-card mark')).toHaveText(['needier', 'partner']);

  // Speakers are found by their aliases too.
  await search.fill('Gabuev');
  await search.press('Enter');
  await expect(page.locator('.claim-card')).toHaveCount(2);
});

test('an empty result says so and offers to clear the filters', async ({ page }) => {
  await page.goto('/?q=zeppelin');
  await expect(page.getByText('No claims match these filters.')).toBeVisible();
  await page.getByRole('link', { name: 'Clear the filters' }).click();
  await expect(page.locator('.claim-card')).toHaveCount(11);
});

test('a reader opens a permalink and follows the speaker and source links', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: /a model of cooperation between major powers/ }).click();
  await expect(page).toHaveURL(/\/claims\/[0-9a-z]{8}$/);
  await expect(page).toHaveTitle(/^Vladimir Putin: “a model of cooperation .*” — True — claimtrack$/);
  await expect(page.locator('blockquote')).toHaveText('“a model of cooperation between major powers in the 21st century”');
  await expect(page.getByText('President of Russia')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Status' })).toBeVisible();
  await expect(page.locator('.current-status')).toContainText('Accurately quoted.');
  const timeline = page.locator('.timeline-entry');
  await expect(timeline).toHaveCount(2);
  await expect(timeline.first()).toContainText('Two outlets report the same words');
  await expect(timeline.first().getByRole('link', { name: 'The Week, Dec. 30, 2022' })).toBeVisible();
  await expect(timeline.last()).toContainText('Checking the Kremlin transcript of the call.');
  await expect(page.locator('.appearances li')).toHaveCount(2);
  const permalink = await page.getByLabel(/Link to this claim/).inputValue();
  expect(permalink).toBe(page.url());

  await page.getByRole('link', { name: 'Vladimir Putin' }).first().click();
  await expect(page).toHaveURL(/\/speakers\/vladimir-putin$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vladimir Putin');
  await expect(page.getByRole('img', { name: 'Ratings: 1 unverified, 1 in review, 1 true' })).toBeVisible();
  await expect(page.locator('.claim-card')).toHaveCount(3);

  await page.locator('.claim-card').first().getByRole('link', { name: 'The Washington Post' }).click();
  await expect(page).toHaveURL(/\/sources\/[0-9a-z]{8}$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Putin and Xi highlight Russia-China cooperation against backdrop of war',
  );
  await expect(page.locator('.claim-card')).toHaveCount(11);
});

test('an unknown address gets a 404 page that leads back', async ({ page }) => {
  for (const path of ['/claims/zzzzzzzz', '/no/such/page', '/speakers/nobody']) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Not found');
  }
  await page.getByRole('link', { name: 'Browse all claims' }).click();
  await expect(page.locator('.claim-card')).toHaveCount(11);
});

test('a bad filter value gets a 400 page that says what is accepted', async ({ page }) => {
  const response = await page.goto('/?status=bogus');
  expect(response?.status()).toBe(400);
  await expect(page.getByRole('alert')).toContainText('“bogus” is not a status. Use one of: unverified, in_review');
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test('pages fit the screen, filters above the results', async ({ page }) => {
    for (const path of ['/', '/speakers/vladimir-putin']) {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
    }
    await page.goto('/');
    const filters = await page.locator('.filters').boundingBox();
    const results = await page.locator('.list-results').boundingBox();
    expect(filters && results && filters.y < results.y).toBeTruthy();
    await page.locator('.claim-card a').first().click();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
