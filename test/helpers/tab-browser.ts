/**
 * Headless Chromium (Debian's package) through playwright-core, with a fresh profile, and the tab
 * built into dist/tab when it is missing or older than its sources.
 */
import { mkdtempSync, rmSync, statSync, readdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext } from 'playwright-core';

const ROOT = path.resolve(__dirname, '..', '..');
/** Where the built tab lives. */
export const TAB_DIST = path.join(ROOT, 'dist', 'tab');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds the tab when dist/tab is missing or stale; returns the build report. */
export async function ensureTabBuilt(): Promise<{ jsTotal: { bytes: number; gzip: number } }> {
  const index = path.join(TAB_DIST, 'index.html');
  const sources = Math.max(newestMtime(path.join(ROOT, 'tab', 'src')), newestMtime(path.join(ROOT, 'bot', 'i18n')), newestMtime(path.join(ROOT, 'bot', 'domain', 'calendar')));
  if (!existsSync(index) || statSync(index).mtimeMs < sources) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { buildTab } = require(path.join(ROOT, 'tab', 'build.js')) as { buildTab: () => Promise<unknown> };
    await buildTab();
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path.join(TAB_DIST, 'build-report.json'));
}

/** A browser with its own throw-away profile directory. */
export interface TestBrowser { browser: BrowserContext; close(): Promise<void> }

/** Launches Chromium headless with the project's flags. */
export async function launchBrowser(): Promise<TestBrowser> {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'vuoro-chromium-'));
  const browser = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    locale: 'fi-FI',
    timezoneId: 'Europe/Helsinki',
  });
  return {
    browser,
    close: async () => { await browser.close(); rmSync(userDataDir, { recursive: true, force: true }); },
  };
}

export type { Browser };
