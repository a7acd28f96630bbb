import path from 'node:path';
import type { Page } from 'playwright-core';
import { teamsTabUnderTest } from '../helpers/teams-tab-under-test';
import { makeKey, signToken, MEMBER_OID } from '../helpers/sso-test-keys';
import { t } from '../../bot/i18n';
import { ReminderRepository } from '../../bot/adapters/reminders/reminder-repository';
import { recordAnswer } from '../../bot/domain/reminders/attendance';

jest.setTimeout(120_000);

// The page functions below run in the browser; the test program has no DOM lib.
declare const window: Record<string, unknown> & { vuoroTestSetTheme(theme: string): void };

const NOW = Date.parse('2026-11-26T10:00:00Z');
const key = makeKey('tab-key');
const coordinatorToken = signToken(key, {}, Math.floor(NOW / 1000));
const tab = teamsTabUnderTest('teams', NOW, key);

async function openAs(token: string, query: string): Promise<Page> {
  const page = await tab.chrome.browser.newPage();
  await page.addInitScript((tk) => { (window as Record<string, unknown>).vuoroTestToken = tk; }, token);
  const coordinatorCheck = page.waitForResponse((r) => r.url().endsWith('/api/calendar/me'));
  await page.goto(`${tab.srv.base}/tab/?${query}`);
  await page.waitForSelector('.month-list, .wheel');
  await coordinatorCheck; // editing controls appear (or not) once this has come back
  await page.waitForTimeout(50);
  return page;
}

describe('the tab in a Teams meeting side panel, as the coordinator', () => {
  it('creates a workshop through the form, showing the same validation message as the API', async () => {
    const page = await openAs(coordinatorToken, 'lang=fi&view=list');
    await page.click('button:has-text("Uusi paja")');
    await page.fill('#f-title-fi', 'Kevään lisäpaja: Kela ja kuntoutus');
    await page.fill('#f-date', '2027-03-25');
    await page.fill('#f-start', '14:00');
    await page.fill('#f-end', '13:00');
    await page.selectOption('#f-theme', 'integration');
    await page.selectOption('#f-host', 'kela');
    await page.click('dialog button[type=submit]');
    expect(await page.textContent('#f-end-error')).toBe(t('fi', 'calendar.errors.endBeforeStart'));
    expect(await page.getAttribute('#f-end', 'aria-invalid')).toBe('true');
    expect(await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { id: string } } }).document.activeElement.id)).toBe('f-end');
    await page.screenshot({ path: path.resolve(__dirname, '..', 'artifacts', 'tab-form-1280-errors.png') });
    await page.fill('#f-end', '15:30');
    await page.click('dialog button[type=submit]');
    await page.waitForSelector('dialog', { state: 'detached' });
    const march = await page.textContent('.month[data-month="2027-03"]');
    expect(march).toContain('Kevään lisäpaja: Kela ja kuntoutus');
    expect(march).toContain('14:00–15:30');
    await page.close();
  });

  it('tells the coordinator when someone else changed the workshop meanwhile (412) and reloads it', async () => {
    const page = await openAs(coordinatorToken, 'lang=en&view=list');
    await page.click('[data-workshop="ws-2027-04"]');
    await page.click('dialog button:has-text("Edit")');
    await page.waitForSelector('#f-title-fi');
    const res = await fetch(`${tab.srv.base}/api/workshops/ws-2027-04`, {
      method: 'PATCH', headers: { authorization: `Bearer ${coordinatorToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: { fi: 'Ikääntyneiden palvelut (päivitetty)' } }),
    });
    expect(res.status).toBe(200);
    await page.fill('#f-title-fi', 'Minun muutokseni');
    await page.click('dialog button[type=submit]');
    await page.waitForSelector('.form-summary:not(:empty)');
    expect(await page.textContent('.form-summary')).toBe(t('en', 'calendar.errors.stale'));
    expect(await page.inputValue('#f-title-fi')).toBe('Ikääntyneiden palvelut (päivitetty)');
    await page.close();
  });

  it('shows the coordinator the expected attendance per service in the workshop details', async () => {
    const repo = new ReminderRepository(tab.srv.store);
    const answers = [
      { userId: 'aaaaaaaa-0000-4000-8000-000000000001', service: 'kela', status: 'attending', at: NOW },
      { userId: 'aaaaaaaa-0000-4000-8000-000000000002', service: 'kela', status: 'attending', at: NOW },
      { userId: 'aaaaaaaa-0000-4000-8000-000000000003', service: 'oral_health', status: 'substitute', substituteUserId: 'bbbbbbbb-0000-4000-8000-000000000003', at: NOW },
    ] as const;
    for (const entry of answers) await repo.updateAttendance('ws-2027-05', (r) => recordAnswer(r, 'ws-2027-05', entry));
    const page = await openAs(coordinatorToken, 'lang=fi&view=list');
    await page.click('[data-workshop="ws-2027-05"]');
    await page.waitForSelector('dialog .attendance-table');
    expect(await page.textContent('#attendance-title')).toBe(t('fi', 'calendar.attendance.title'));
    expect(await page.getAttribute('dialog .attendance-table', 'aria-labelledby')).toBe('attendance-title');
    const cells = async (service: string) => page.$$eval(`dialog tr[data-service="${service}"] > *`, (els) => els.map((e) => (e as unknown as { textContent: string }).textContent));
    expect(await cells('kela')).toEqual([t('fi', 'calendar.today.services.kela'), '2', '0']);
    expect(await cells('oral_health')).toEqual([t('fi', 'calendar.today.services.oral_health'), '0', '1']);
    expect(await cells('disability')).toEqual([t('fi', 'calendar.today.services.disability'), '0', '0']);
    expect(await page.$$eval('dialog .attendance-table thead th', (els) => els.map((e) => (e as unknown as { textContent: string }).textContent)))
      .toEqual(['calendar.attendance.service', 'calendar.attendance.attending', 'calendar.attendance.substitutes'].map((k) => t('fi', k)));
    await page.close();
  });

  it('follows a Teams theme change live and offers the Today view with a "not available yet" note', async () => {
    const page = await openAs(coordinatorToken, 'lang=sv');
    expect(await page.getAttribute('html', 'data-theme')).toBe('default');
    await page.evaluate(() => window.vuoroTestSetTheme('contrast'));
    expect(await page.getAttribute('html', 'data-theme')).toBe('contrast');
    await page.click('#tab-today');
    await page.waitForSelector('.today .notice');
    expect(await page.textContent('.today .notice')).toBe(t('sv', 'calendar.today.notAvailable'));
    await page.close();
  });

  it('shows no editing controls to a participant who is not a coordinator', async () => {
    const page = await openAs(signToken(key, { oid: MEMBER_OID }, Math.floor(NOW / 1000)), 'lang=fi&view=list');
    await page.click('[data-workshop="ws-2027-04"]');
    await page.waitForSelector('dialog[open]');
    expect(await page.$('dialog button:has-text("Muokkaa")')).toBeNull();
    expect(await page.$('dialog .attendance')).toBeNull();
    expect(await page.textContent('dialog')).not.toContain(t('fi', 'calendar.attendance.title'));
    expect(await page.$('button:has-text("Uusi paja")')).toBeNull();
    await page.close();
  });
});
