/**
 * The chair's controls in the Today view, in headless Chromium against the real server: the tab
 * (built with the stand-in Teams host) talks to the same server the meeting's bot runs in, so a press
 * in the tab moves the round and the status card in the (loopback) meeting chat follows.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nock from 'nock';
import type { Page } from 'playwright-core';
import { MemoryStore } from '../../bot/adapters/storage/memory-store';
import { MIN_UPDATE_INTERVAL_MS } from '../../bot/domain/turn-order';
import { t } from '../../bot/i18n';
import { VuoroUnderTest, startTestVuoro } from '../helpers/vuoro-under-test';
import { ConnectorCapture, startConnectorCapture } from '../helpers/connector-capture';
import { AUDIENCE, makeKey, serveTenantKeys } from '../helpers/sso-test-keys';
import { launchBrowser } from '../helpers/tab-browser';
import type { TestBrowser } from '../helpers/tab-browser';
import { CHAIR, MEETING_TENANT, PARTICIPANT, PRESENTER, cardText, roundInMeeting, statusUpdates, tabToken } from '../helpers/round-in-meeting';

jest.setTimeout(120_000);

// Page functions run in the browser; the test program has no DOM lib.
declare const window: Record<string, unknown>;
declare const document: { querySelector(s: string): { textContent: string | null } | null };

const T0 = Date.parse('2026-11-26T07:00:00Z');
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const key = makeKey('today-chair-key');
const clock = { t: T0, now: () => clock.t };
let outDir = '';
let connector: ConnectorCapture;
let vuoro: VuoroUnderTest;
let chrome: TestBrowser;
let meetingId = '';
let statusCardId = '';

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  serveTenantKeys([key], MEETING_TENANT, 5);
  outDir = mkdtempSync(path.join(tmpdir(), 'vuoro-tab-chair-'));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { buildTab } = require('../../tab/build.js') as { buildTab(o: object): Promise<unknown> };
  await buildTab({ outDir, quiet: true, hostModule: path.join(__dirname, 'fake-teams-host.js') });
  connector = await startConnectorCapture();
  vuoro = await startTestVuoro(
    { VUORO_SSO_AUDIENCE: AUDIENCE, VUORO_ALLOWED_TENANTS: MEETING_TENANT },
    { clock, store: new MemoryStore(), scheduler: { pollIntervalMs: 3_600_000, rescanIntervalMs: 3_600_000 }, tabDistDir: outDir },
  );
  ({ meetingId, statusCardId } = await roundInMeeting(vuoro, connector, clock, 'tab-chair'));
  chrome = await launchBrowser();
});
afterAll(async () => {
  await chrome?.close();
  await vuoro?.close();
  await connector?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
  nock.cleanAll();
  nock.enableNetConnect();
});

/** Opens the Today view as `oid`, with the browser clock at the server's time. */
async function openAs(oid: string, lang = 'fi'): Promise<Page> {
  const page = await chrome.browser.newPage();
  await page.clock.install({ time: clock.t });
  await page.addInitScript((o) => {
    window.vuoroTestToken = o.token;
    window.vuoroTestMeetingId = o.meetingId;
  }, { token: tabToken(key, oid, clock.t), meetingId });
  await page.goto(`${vuoro.url}/tab/?lang=${lang}&view=today`);
  await page.waitForSelector('.today .order');
  return page;
}

const labels = (page: Page, selector: string) => page.$$eval(selector, (els) => els.map((e) => (e as unknown as { textContent: string }).textContent));

/** Serious or critical axe findings in each Teams theme. */
async function seriousAxe(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const found: string[] = [];
  for (const theme of ['default', 'dark', 'contrast']) {
    await page.evaluate((th) => (window.vuoroTestSetTheme as (x: string) => void)(th), theme);
    await page.waitForTimeout(300);
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(ctx: unknown, opts: object): Promise<{ violations: Array<{ id: string; impact: string }> }> } }).axe;
      const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
      return result.violations.map((v) => ({ impact: v.impact, id: v.id }));
    });
    found.push(...violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${theme}: ${v.id}`));
  }
  return found;
}

describe('the chair\'s controls in the Today view', () => {
  it('shows a participant no controls at all', async () => {
    const page = await openAs(PARTICIPANT.aadObjectId, 'en');
    expect(await page.$$('.today button')).toHaveLength(0);
    expect(await page.textContent('.today-readonly')).toBe(t('en', 'calendar.today.readOnly'));
    await page.close();
  });

  it('shows the presenter only "Done"', async () => {
    const page = await openAs(PRESENTER.aadObjectId, 'sv');
    expect(await labels(page, '.today button')).toEqual([t('sv', 'calendar.todayChair.buttons.finish')]);
    await page.close();
  });

  it('gives the chair accessible controls; Next moves the view and the chat\'s status card to the next presenter', async () => {
    const page = await openAs(CHAIR.aadObjectId);
    const b = (k: string) => t('fi', `calendar.todayChair.buttons.${k}`);
    expect(await labels(page, '.today .controls button')).toEqual([b('next'), b('pause'), b('extend'), b('end')]);
    expect(await page.getAttribute('.today .controls', 'aria-label')).toBe(t('fi', 'calendar.todayChair.controls'));
    // Waiting presenters 2 and 3: the first cannot move up, the last cannot move down.
    expect(await labels(page, '.today .order li:nth-child(2) button')).toEqual([b('moveDown'), b('skip'), b('defer')]);
    expect(await labels(page, '.today .order li:nth-child(3) button')).toEqual([b('moveUp'), b('skip'), b('defer')]);
    expect(await page.$$('.today .order li:nth-child(1) .row-controls')).toHaveLength(0);
    expect(await seriousAxe(page)).toEqual([]);

    // Keyboard: Tab reaches Next with a visible focus ring; Enter presses it.
    await page.focus('[data-control="next"]');
    expect(await page.$eval('[data-control="next"]', (e) => (window.getComputedStyle as (x: unknown) => { outlineStyle: string })(e).outlineStyle)).not.toBe('none');
    // The request is held at the browser's edge to see the view while it is in flight.
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => { release = resolve; });
    await page.route('**/round/actions', async (route) => { await held; await route.continue(); });
    await page.keyboard.press('Enter');
    await page.waitForSelector('.today-body[aria-busy="true"]');
    expect(await page.$$eval('.today button', (els) => els.every((e) => (e as unknown as { disabled: boolean }).disabled))).toBe(true);
    release();
    await page.waitForFunction(() => (document.querySelector('.today [aria-live="polite"]')?.textContent ?? '') !== '');
    expect(await page.textContent('.today [aria-live="polite"]')).toBe(
      `${t('fi', 'calendar.todayChair.done', { action: b('next') })} ${t('fi', 'calendar.today.nowPresenting', { position: 2, service: t('fi', 'calendar.today.services.kela') })}`,
    );
    expect(await page.getAttribute('.today .order li:nth-child(2)', 'aria-current')).toBe('step');
    expect(await page.$$eval('.today button', (els) => els.filter((e) => (e as unknown as { disabled: boolean }).disabled).length)).toBe(0);
    expect(await page.evaluate(() => (document as unknown as { activeElement: { dataset: { control?: string } } }).activeElement.dataset.control)).toBe('next');

    // The chat's status card follows once the posting budget allows.
    clock.t += MIN_UPDATE_INTERVAL_MS;
    await vuoro.scheduler.tick();
    const updates = statusUpdates(connector, statusCardId);
    expect(cardText(updates[updates.length - 1])).toContain('Nyt vuorossa: Kela, 1 tapaus');

    await page.close();
  });

  it('shows a refused press in the view\'s language and the round as it is now', async () => {
    const page = await openAs(CHAIR.aadObjectId, 'en');
    // Meanwhile the round is paused elsewhere (the chat card, another chair's tab).
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${tabToken(key, CHAIR.aadObjectId, clock.t)}` };
    const url = `${vuoro.url}/api/meetings/${encodeURIComponent(meetingId)}`;
    const { round } = (await (await fetch(`${url}/today`, { headers })).json()) as { round: { version: number } };
    expect((await fetch(`${url}/round/actions`, { method: 'POST', headers, body: JSON.stringify({ action: 'pause', version: round.version }) })).status).toBe(200);
    await page.click('[data-control="extend"]');
    await page.waitForSelector('.today-error:not(:empty)');
    expect(await page.textContent('.today-error')).toBe(t('en', 'calendar.todayChair.errors.stale'));
    expect(await page.textContent('.today [aria-live="polite"]')).toContain(t('en', 'calendar.todayChair.errors.stale'));
    // The view refreshed at once: the round is paused, so Resume replaces Pause.
    expect(await labels(page, '.today .controls button')).toEqual(['next', 'resume', 'end'].map((k) => t('en', `calendar.todayChair.buttons.${k}`)));
    await page.close();
  });
});
