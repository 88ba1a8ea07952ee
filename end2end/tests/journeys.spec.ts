import { expect, test } from '@playwright/test';

// Each journey runs twice: with JavaScript on and off (see the projects in playwright.config.ts).
// Every page is server-rendered HTML and every form is a plain GET form, so both must pass.

test('a reader lands on the newest fact-checks, the claims being checked one click away', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle('claimtrack');
  await expect(page.getByRole('heading', { level: 1, name: 'Latest fact-checks' })).toBeVisible();
  await expect(page.locator('.claim-card')).toHaveCount(5);
  await expect(page.getByRole('status')).toContainText('5 fact-checks');
  // Newest ruling first: Gabuev's was published last.
  await expect(page.locator('.claim-card').first()).toContainText('Moscow is a much needier partner than China is');
  const trade = page.locator('.claim-card', { hasText: 'Sino-Russian trade' });
  await expect(trade.locator('.quantity-figure')).toHaveText('+25%');
  await expect(trade.locator('.badge')).toHaveText('Mostly true');
  await expect(trade.getByRole('link', { name: 'Vladimir Putin' })).toBeVisible();
  const quote = page.locator('.claim-card', { hasText: 'a model of cooperation' });
  await expect(quote.locator('.badge.status-opinion')).toHaveText('Opinion — not rated');
  await expect(quote.locator('.badge.attribution')).toHaveText('Attribution: Said it');

  await page.getByRole('link', { name: 'Claims being checked (5)' }).click();
  await expect(page).toHaveURL(/\?status=being_checked$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Claims being checked' })).toBeVisible();
  await expect(page.locator('.claim-card')).toHaveCount(5);
  const missiles = page.locator('.claim-card', { hasText: 'cruise missiles fired from air and sea' });
  await expect(missiles.locator('.quantity-figure')).toHaveText('54 of 69 (78.3%)');
  await expect(missiles.locator('.badge')).toHaveText('Being checked');
  await page.getByRole('link', { name: 'See the fact-checks' }).click();
  await expect(page.locator('.claim-card')).toHaveCount(5);
});

test('a reader filters by rating and kind, and the filters live in the URL', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('checkbox', { name: /Opinion — not rated/ }).check();
  await page.getByRole('checkbox', { name: /^Unverifiable/ }).check();
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/status=unverifiable/);
  await expect(page).toHaveURL(/status=opinion/);
  await expect(page.locator('.claim-card')).toHaveCount(3);
  await expect(page.getByRole('status')).toContainText('3 claims · Unverifiable, Opinion — not rated');
  // The counts per status stay visible, and the ticked boxes stay ticked.
  await expect(page.locator('label[for="filter-status-being_checked"] .count')).toHaveText('5');
  await expect(page.getByRole('checkbox', { name: /^Unverifiable/ })).toBeChecked();

  await page.getByLabel('Kind').selectOption('numeric');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/kind=numeric/);
  await expect(page.locator('.claim-card')).toHaveCount(1);
  await expect(page.locator('.claim-card')).toContainText('all 16 self-detonating drones');

  // The URL is the view: opening it afresh shows the same.
  const shared = page.url();
  await page.goto('/');
  await page.goto(shared);
  await expect(page.locator('.claim-card')).toHaveCount(1);

  await page.getByRole('link', { name: 'Clear all' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.locator('.claim-card')).toHaveCount(5);
});

test('a reader searches from the header and sees the matches highlighted', async ({ page }) => {
  await page.goto('/');
  const search = page.getByRole('searchbox', { name: 'Search claims' });
  await search.fill('needier partner');
  await search.press('Enter');
  await expect(page).toHaveURL(/q=needier\+partner/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Fact-checks matching “needier partner”');
  await expect(page.locator('.claim-card')).toHaveCount(1);
  await expect(page.locator('.claim-card mark')).toHaveText(['needier', 'partner']);

  // Speakers are found by their aliases too; a claim still in the desk's intake is not.
  await search.fill('Gabuev');
  await search.press('Enter');
  await expect(page.locator('.claim-card')).toHaveCount(1);
});

test('an empty result says so and offers to clear the filters', async ({ page }) => {
  await page.goto('/?q=zeppelin');
  await expect(page.getByText('No claims match these filters.')).toBeVisible();
  await page.getByRole('link', { name: 'Clear the filters' }).click();
  await expect(page.locator('.claim-card')).toHaveCount(5);
});

test('a reader opens a permalink and follows the speaker and source links', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: /a model of cooperation between major powers/ }).click();
  await expect(page).toHaveURL(/\/claims\/[0-9a-z]{8}$/);
  await expect(page).toHaveTitle('Vladimir Putin: “a model of…” — Opinion — not rated — claimtrack');
  await expect(page.locator('blockquote')).toHaveText('“a model of cooperation between major powers in the 21st century”');
  await expect(page.getByText('President of Russia')).toBeVisible();
  // The ruling is the centre: two questions for a quote, the verdict, the text, the evidence.
  const ruling = page.locator('.ruling-section');
  await expect(ruling.getByRole('heading', { name: 'The ruling' })).toBeVisible();
  await expect(ruling.getByRole('heading', { name: 'Did they say it?' })).toBeVisible();
  await expect(ruling).toContainText('Verified: they said it');
  await expect(ruling.getByRole('heading', { name: 'Is what they said accurate?' })).toBeVisible();
  await expect(ruling.getByRole('img', { name: /Opinion — not rated/ })).toBeVisible();
  await expect(ruling.locator('.ruling-verdict')).toHaveText('Putin said it; it is his characterisation of the relationship, not a checkable fact.');
  await expect(ruling.getByRole('link', { name: 'The Week, 30 Dec. 2022' })).toBeVisible();
  await expect(ruling).toContainText('By Demo desk writer · signed off by Demo desk editor');
  await expect(page.locator('.timeline-entry')).toHaveCount(1);
  await expect(page.locator('.appearances li')).toHaveCount(2);
  const permalink = await page.getByLabel(/Link to this claim/).inputValue();
  expect(permalink).toBe(page.url());

  await page.getByRole('link', { name: 'Vladimir Putin' }).first().click();
  await expect(page).toHaveURL(/\/speakers\/vladimir-putin$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vladimir Putin');
  await expect(page.getByRole('img', { name: 'Ratings: 1 mostly true' })).toBeVisible();
  await expect(page.locator('.claim-card')).toHaveCount(3);

  await page.locator('.claim-card').first().getByRole('link', { name: 'The Washington Post' }).click();
  await expect(page).toHaveURL(/\/sources\/[0-9a-z]{8}$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Putin and Xi highlight Russia-China cooperation against backdrop of war',
  );
  await expect(page.locator('.claim-card')).toHaveCount(5);
});

test('an unknown address gets a 404 page that leads back', async ({ page }) => {
  for (const path of ['/claims/zzzzzzzz', '/no/such/page', '/speakers/nobody']) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Not found');
  }
  await page.getByRole('link', { name: 'Browse the fact-checks' }).click();
  await expect(page.locator('.claim-card')).toHaveCount(5);
});

test('a bad filter value gets a 400 page that says what is accepted', async ({ page }) => {
  const response = await page.goto('/?status=bogus');
  expect(response?.status()).toBe(400);
  await expect(page.getByRole('alert')).toContainText('“bogus” is not a status. Use one of: being_checked, true');
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test('pages fit the screen; results come first, the filters one tap away', async ({ page }) => {
    for (const path of ['/', '/speakers', '/speakers/vladimir-putin', '/api']) {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
    }
    await page.goto('/');
    const filters = await page.locator('.filters').boundingBox();
    const firstClaim = await page.locator('.claim-card').first().boundingBox();
    expect(filters && firstClaim && firstClaim.y < filters.y && firstClaim.y < 740).toBeTruthy();
    await page.getByRole('link', { name: 'Filters', exact: true }).click();
    await expect(page).toHaveURL(/#filters$/);
    await expect(page.getByLabel('Search', { exact: true })).toBeInViewport();
    await page.locator('.claim-card a').first().click();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
