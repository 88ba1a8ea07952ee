import { defineConfig } from '@playwright/test';

// The suite runs against the real release binary on a fresh database holding the demo data.
// `make test-e2e` builds the binary and sets CLAIMTRACK_BIN.
const port = Number(process.env.E2E_PORT ?? 3210);
const bin = process.env.CLAIMTRACK_BIN ?? '../target/release/claimtrack';

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
    { name: 'without-javascript', use: { javaScriptEnabled: false }, testIgnore: /accessibility/ },
  ],
  webServer: {
    command: `bash -c 'db="$(mktemp -d)/e2e.db" && exec "${bin}" --db "$db" serve --demo --addr 127.0.0.1:${port}'`,
    url: `http://127.0.0.1:${port}/healthz`,
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
