import { expect, test } from '@playwright/test';

// What makes a permalink travel: the tags previews read, Copy link, and the embed card framed by
// another page. Read-only, on the readers' server.

async function permalink(page: import('@playwright/test').Page): Promise<string> {
  await page.goto('/');
  await page.getByRole('link', { name: /Moscow is a much needier partner/ }).click();
  await expect(page).toHaveURL(/\/claims\/[0-9a-z]{8}$/);
  return page.url();
}

test('a permalink carries the tags chat apps and search engines read', async ({ page }) => {
  const url = await permalink(page);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', url);
  await expect(page.locator('meta[property="og:url"]')).toHaveAttribute('content', url);
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute(
    'content',
    'Alexander Gabuev: “Moscow is a much needier partner…” — Mostly true',
  );
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary_large_image');
  const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? 'null');
  expect(ld[0]['@type']).toBe('ClaimReview');
  expect(ld[0].reviewRating.alternateName).toBe('Mostly true');
  expect(ld[0].reviewRating.ratingValue).toBe(4);
});

test('the permalink can be copied, or selected when there is no script', async ({ page, context, browserName }, info) => {
  const url = await permalink(page);
  const field = page.getByLabel('Link to this claim (it will never change)');
  await expect(field).toHaveValue(url);
  const copy = page.locator('button[data-copy="permalink-url"]');
  if (info.project.name === 'without-javascript') {
    await expect(copy).toBeHidden();
    return;
  }
  expect(browserName).toBe('chromium');
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await expect(copy).toBeVisible();
  await copy.click();
  await expect(copy).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
});

test('the embed card shows in another page’s iframe', async ({ page }) => {
  const url = await permalink(page);
  const snippet = await page.getByLabel('Embed on your site').inputValue();
  expect(snippet).toContain(`src="${url}/embed"`);
  // Another site's page, framing the card with the snippet as given.
  await page.setContent(`<!DOCTYPE html><html><body><h1>A news site</h1>${snippet}</body></html>`);
  const card = page.frameLocator('iframe');
  await expect(card.locator('.who')).toHaveText('Alexander Gabuev');
  await expect(card.locator('.badge').first()).toHaveText('Mostly true');
  await expect(card.getByRole('link', { name: /Read the fact-check/ })).toHaveAttribute('href', url);

  // Any other page refuses to be framed.
  await page.setContent(`<!DOCTYPE html><html><body><iframe src="${url}"></iframe></body></html>`);
  await expect(page.frameLocator('iframe').locator('blockquote')).toHaveCount(0);
});

test('a permalink’s share image loads as a 1200×630 PNG', async ({ page, request }) => {
  await permalink(page);
  const image = await page.locator('meta[property="og:image"]').getAttribute('content');
  expect(image).toMatch(/\/claims\/[0-9a-z]{8}\/share\.png\?v=[0-9a-f]{8}$/);
  const response = await request.get(image!);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('image/png');
  const png = await response.body();
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
  // It renders as an image in a browser too.
  await page.setContent(`<img src="${image}" alt="">`);
  await expect.poll(() => page.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1200);
});

test('the embed card keeps its link back in view on a phone, even for the longest claim', async ({ page, request }) => {
  // The published claim with the most to show: its text and verdict together.
  const all = await (await request.get('/api/v1/claims?status=' + ['being_checked', 'true', 'mostly_true', 'misleading', 'false', 'unverifiable', 'opinion'].join('&status='))).json();
  const longest = all.claims.reduce((a: any, b: any) =>
    (a.text.length + (a.verdict ?? '').length >= b.text.length + (b.verdict ?? '').length ? a : b));
  await page.setViewportSize({ width: 360, height: 640 });
  await page.goto(longest.url);
  const snippet = await page.getByLabel('Embed on your site').inputValue();
  await page.setContent(`<!DOCTYPE html><html><head><meta name="viewport" content="width=device-width"></head><body style="margin:8px">${snippet}</body></html>`);
  const link = page.frameLocator('iframe').getByRole('link', { name: /Read the fact-check/ });
  await expect(link).toBeVisible();
  await expect(link).toBeInViewport({ ratio: 1 });
  // The link sits inside the frame's box, not clipped below it.
  const frame = (await page.locator('iframe').boundingBox())!;
  const box = (await link.boundingBox())!;
  expect(box.y + box.height).toBeLessThanOrEqual(frame.y + frame.height);
});
