import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { teamsTabUnderTest } from '../helpers/teams-tab-under-test';
import { MEMBER_OID, makeKey, signToken } from '../helpers/sso-test-keys';
import { seedMeeting } from '../helpers/today-seed';
import { RoundRepository } from '../../bot/adapters/repositories/round-repository';
import { next } from '../../bot/domain/turn-order';
import { ReminderRepository, personKey } from '../../bot/adapters/reminders/reminder-repository';
import { t } from '../../bot/i18n';

jest.setTimeout(120_000);

// Page functions run in the browser; the test program has no DOM lib.
declare const window: Record<string, unknown>;
declare const document: unknown;

const NOW = Date.parse('2026-11-26T10:00:00Z');
const ARTIFACTS = path.resolve(__dirname, '..', 'artifacts');
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const ROUND_MEETING = 'MCMxOTptZWV0aW5nX3JvdW5kQHRocmVhZC52Mg==';
const INTAKE_MEETING = '19:meeting_intake@thread.v2';
const key = makeKey('today-tab-key');
const member = signToken(key, { oid: MEMBER_OID }, Math.floor(NOW / 1000));
beforeAll(() => mkdirSync(ARTIFACTS, { recursive: true }));
const tab = teamsTabUnderTest('today', NOW, key);

/** Opens the tab in the fake Teams host, with the browser clock at the server's time. */
async function open(query: string, opts: { token?: string; meetingId?: string } = {}): Promise<Page> {
  const page = await tab.chrome.browser.newPage();
  await page.clock.install({ time: NOW });
  await page.addInitScript((o) => {
    if (o.token) window.vuoroTestToken = o.token;
    if (o.meetingId) window.vuoroTestMeetingId = o.meetingId;
  }, opts);
  await page.goto(`${tab.srv.base}/tab/?${query}`);
  await page.waitForSelector('#panel');
  return page;
}

const seconds = (text: string | null) => {
  const m = /(\d+):(\d\d)/.exec(text ?? '');
  if (!m) throw new Error(`no time in ${text}`);
  return Number(m[1]) * 60 + Number(m[2]);
};

/** Serious or critical axe findings in each Teams theme (axe injected over DevTools, so the CSP stays as served). */
async function seriousAxe(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const found: string[] = [];
  for (const theme of ['default', 'dark', 'contrast']) {
    await page.evaluate((th) => (window.vuoroTestSetTheme as (x: string) => void)(th), theme);
    await page.waitForTimeout(300); // let the 0.1 s colour transitions finish before measuring contrast
    found.push(...(await axeOnce(page)).map((id) => `${theme}: ${id}`));
  }
  await page.evaluate(() => (window.vuoroTestSetTheme as (x: string) => void)('default'));
  return found;
}

async function axeOnce(page: Page): Promise<string[]> {
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: object): Promise<{ violations: Array<{ id: string; impact: string; nodes: unknown[] }> }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({ impact: v.impact, id: `${v.id} (${v.nodes.length})` }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
}

describe('the Today view in a meeting side panel', () => {
  it('shows the tally and the time plan while intake is open', async () => {
    await seedMeeting(tab.srv.store, INTAKE_MEETING, NOW);
    const page = await open('lang=fi&view=today', { token: member, meetingId: INTAKE_MEETING });
    await page.waitForSelector('.today-intake');
    const text = await page.textContent('.today');
    expect(text).toContain(t('fi', 'calendar.today.tally', { count: 4 }));
    expect(text).toContain(t('fi', 'calendar.today.plan.fits', { items: 5, minutes: 10 }));
    expect(text).toContain(t('fi', 'calendar.today.services.kela'));
    expect(await page.$('.today-round')).toBeNull();
    await page.close();
  });

  it('counts the current turn down from the server\'s deadline, marks "you", and announces only turn changes', async () => {
    const round = (await seedMeeting(tab.srv.store, ROUND_MEETING, NOW, { round: true }))!;
    const page = await open('lang=en&view=today', { token: member, meetingId: ROUND_MEETING });
    await page.waitForSelector('.countdown');
    const turns = await page.$$eval('.today .order li', (els) => els.map((e) => (e as unknown as { textContent: string }).textContent));
    expect(turns).toHaveLength(3);
    expect(turns[0]).toContain(t('en', 'calendar.today.services.health_station'));
    expect(turns[1]).toContain(t('en', 'calendar.today.you'));
    expect(turns.filter((x) => x.includes(t('en', 'calendar.today.you')))).toHaveLength(1);
    const total = Math.ceil((round.deadline! - NOW) / 1000);
    const first = seconds(await page.textContent('.countdown'));
    expect(Math.abs(first - total)).toBeLessThanOrEqual(1);
    await page.clock.runFor(5000);
    expect(Math.abs(seconds(await page.textContent('.countdown')) - (total - 5))).toBeLessThanOrEqual(1);
    // Ticking is silent: the live region has said nothing yet.
    expect(await page.textContent('.today [aria-live="polite"]')).toBe('');
    await page.setViewportSize({ width: 320, height: 900 });
    await page.screenshot({ path: path.join(ARTIFACTS, 'tab-today-320.png'), fullPage: true });
    expect(await seriousAxe(page)).toEqual([]);

    // The chair moves on in the chat; the next poll (15 s) picks it up and announces it once.
    const later = NOW + 20_000;
    await new RoundRepository(tab.srv.store).update(ROUND_MEETING, (r) => {
      const moved = next(r!.round, later);
      if ('error' in moved) throw new Error(moved.error);
      return { ...r!, round: moved.round };
    });
    tab.srv.clock.set(later);
    await page.clock.runFor(15_000);
    await page.waitForFunction(() => ((document as { querySelector(s: string): { textContent: string } }).querySelector('.today [aria-live="polite"]').textContent ?? '') !== '');
    expect(await page.textContent('.today [aria-live="polite"]')).toBe(t('en', 'calendar.today.nowPresenting', { position: 2, service: t('en', 'calendar.today.services.kela') }));
    expect(await page.getAttribute('.today .order li:nth-child(2)', 'aria-current')).toBe('step');
    tab.srv.clock.set(NOW);
    await page.close();
  });

  it('asks to sign in when there is no Teams token, and hides the reminders switch', async () => {
    const page = await open('lang=sv&view=today', { meetingId: ROUND_MEETING });
    await page.waitForSelector('.today .notice');
    expect(await page.textContent('.today .notice')).toBe(t('sv', 'calendar.today.signIn'));
    await page.clock.runFor(2000);
    expect(await page.$('#reminder-switch')).toBeNull();
    await page.close();
  });
});

describe('the reminders switch', () => {
  it('reads and toggles the signed-in person\'s own subscription', async () => {
    const repo = new ReminderRepository(tab.srv.store);
    const page = await open('lang=en&view=list', { token: member });
    await page.waitForSelector('#reminder-switch');
    expect(await page.getAttribute('#reminder-switch', 'role')).toBe('switch');
    expect(await page.getAttribute('#reminder-switch', 'aria-checked')).toBe('false');
    expect(await page.getAttribute('#reminder-switch', 'aria-describedby')).toBe('reminder-help');
    await page.focus('#reminder-switch');
    await page.keyboard.press('Space');
    await page.waitForSelector('#reminder-switch[aria-checked="true"]');
    expect(await page.textContent('.switch-status')).toBe(t('en', 'calendar.reminders.on'));
    expect(await repo.subscription(personKey(MEMBER_OID))).toMatchObject({ via: 'tab', lang: 'en' });
    expect(await seriousAxe(page)).toEqual([]);
    await page.close();

    const again = await open('lang=en&view=list', { token: member });
    await again.waitForSelector('#reminder-switch[aria-checked="true"]');
    await again.click('#reminder-switch');
    await again.waitForSelector('#reminder-switch[aria-checked="false"]');
    expect(await repo.subscription(personKey(MEMBER_OID))).toBeUndefined();
    await again.close();
  });
});
