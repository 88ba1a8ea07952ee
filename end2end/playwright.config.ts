import { defineConfig } from '@playwright/test';

// The suite runs against the real binary (the debug build; any build works) on a fresh database
// holding the demo data. `make test-e2e` builds the binary and sets CLAIMTRACK_BIN.
const port = Number(process.env.E2E_PORT ?? 3210);
const bin = process.env.CLAIMTRACK_BIN ?? '../target/debug/claimtrack';
/** The server for editors' journeys (see tests/editors.spec.ts). */
export const editorPort = port + 1;
/** A web server of article pages, for importing by address (see tests/importing.spec.ts). */
export const pagesPort = port + 2;
export const EDITOR_PASSWORD = 'correct horse battery staple';

// Debian's Chromium (never a downloaded browser): headless, and quiet on this closed network.
const launchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

export default defineConfig({
  testDir: './tests',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    headless: true,
    launchOptions,
  },
  projects: [
    { name: 'with-javascript', use: { javaScriptEnabled: true } },
    // axe runs as a script inside the page, so the audit runs in the project with JavaScript.
    { name: 'without-javascript', use: { javaScriptEnabled: false }, testIgnore: /accessibility|conformance/ },
  ],
  webServer: [
    // Readers' journeys: the demo data, never changed.
    {
      command: `bash -c 'db="$(mktemp -d)/e2e.db" && exec "${bin}" --db "$db" serve --demo --addr 127.0.0.1:${port}'`,
      url: `http://127.0.0.1:${port}/healthz`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    // Editors' journeys change data, so they get a database of their own, with two editors and an
    // admin added through the command line.
    {
      command:
        `bash -c 'db="$(mktemp -d)/editors.db" && ` +
        `for u in editor-a:editor editor-b:editor chief:admin; do ` +
        `echo "${EDITOR_PASSWORD}" | "${bin}" --db "$db" user add "\${u%%:*}" --role "\${u##*:}" --password-stdin >/dev/null || exit 1; done && ` +
        `"${bin}" --db "$db" demo >/dev/null && exec "${bin}" --db "$db" serve --addr 127.0.0.1:${editorPort} --allow-private-addresses'`,
      url: `http://127.0.0.1:${editorPort}/healthz`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    // Article pages on loopback, which the editors' server may fetch (--allow-private-addresses):
    // the same saved page the Rust tests fetch.
    {
      command: `python3 -m http.server ${pagesPort} --bind 127.0.0.1 --directory ../server/tests/fixtures/pages`,
      url: `http://127.0.0.1:${pagesPort}/article.html`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: 'ignore',
      stderr: 'ignore',
    },
  ],
});
