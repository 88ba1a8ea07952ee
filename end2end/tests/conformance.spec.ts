import { expect, test } from '@playwright/test';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { HtmlValidate } from 'html-validate';

// Real clients' verdicts on what claimtrack serves: html-validate on every main page type, and
// schemathesis on the JSON API against its own OpenAPI document. Both run against the readers'
// server, and both must find nothing.

// Leptos marks the boundaries of dynamic text with `<!>` (an empty comment in effect); it is
// removed before validating, and that is the only allowance. Checkboxes of one filter share a
// name by design (`?status=a&status=b`), which HTML allows and the rule's `shared` list names.
const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: { 'form-dup-name': ['error', { shared: ['radio', 'checkbox', 'button', 'reset', 'submit'] }] },
});

async function pageTypes(request: import('@playwright/test').APIRequestContext): Promise<string[]> {
  const claims = await (await request.get('/api/v1/claims')).json();
  const claim = claims.claims[0];
  return [
    '/',
    '/?q=putin',
    '/?status=being_checked',
    '/speakers',
    '/speakers?letter=V',
    `/speakers/${claim.speaker.slug}`,
    `/sources/${claim.first_source.id}`,
    `/claims/${claim.id}`,
    `/claims/${claim.id}/embed`,
    '/methodology',
    '/corrections',
    '/api',
    '/login',
    '/no-such-page',
  ];
}

test('every main page type is valid HTML', async ({ request }) => {
  for (const path of await pageTypes(request)) {
    const html = (await (await request.get(path)).text()).replaceAll('<!>', '');
    const report = await validator.validateString(html, path);
    const messages = report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message} (${m.selector})`));
    expect(messages, path).toEqual([]);
  }
});

test('schemathesis finds nothing wrong with the API and its OpenAPI document', async ({ baseURL }) => {
  test.setTimeout(300_000);
  const schemathesis = process.env.SCHEMATHESIS ?? '../target/venv/bin/schemathesis';
  // A fixed seed: the same cases every run, so a failure reproduces; `make fuzz`-style
  // exploration is `SCHEMATHESIS_SEED=random`.
  const seed = process.env.SCHEMATHESIS_SEED ?? '20261206';
  const args = ['run', `${baseURL}/api/v1/openapi.json`, '--url', `${baseURL}`, '--checks', 'all', '--max-examples', '100', '--no-color'];
  if (seed !== 'random') args.push('--seed', seed);
  const run = await promisify(execFile)(schemathesis, args, { maxBuffer: 16 << 20 }).catch((e) => e);
  const output = `${run.stdout ?? ''}${run.stderr ?? ''}`;
  expect(output, output).toContain('No issues found');
  expect(run.code ?? 0, output).toBe(0);
});
