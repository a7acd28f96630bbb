/**
 * The tab built with the fake Teams host, served by a calendar test server, and a headless
 * Chromium to open it: set up once per test file (beforeAll) and torn down after (afterAll).
 * Nothing leaves loopback; the tenant's signing keys are served through nock.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nock from 'nock';
import { startCalendarServer } from './calendar-api-server';
import type { CalendarTestServer } from './calendar-api-server';
import { launchBrowser } from './tab-browser';
import type { TestBrowser } from './tab-browser';
import { serveTenantKeys } from './sso-test-keys';
import type { TestKey } from './sso-test-keys';

/** Filled in by beforeAll. */
export interface TeamsTab {
  srv: CalendarTestServer;
  chrome: TestBrowser;
}

/** Registers the set-up and tear-down hooks; the returned object is ready inside tests. */
export function teamsTabUnderTest(label: string, now: number, key: TestKey): TeamsTab {
  const tab = {} as TeamsTab;
  let outDir = '';
  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    serveTenantKeys([key], undefined, 5);
    outDir = mkdtempSync(path.join(tmpdir(), `vuoro-tab-${label}-`));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { buildTab } = require('../../tab/build.js') as { buildTab(o: object): Promise<unknown> };
    await buildTab({ outDir, quiet: true, hostModule: path.join(__dirname, '..', 'tab', 'fake-teams-host.js') });
    tab.srv = await startCalendarServer(now, outDir);
    tab.chrome = await launchBrowser();
  });
  afterAll(async () => {
    await tab.chrome?.close();
    await tab.srv?.close();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
    nock.cleanAll();
    nock.enableNetConnect();
  });
  return tab;
}
