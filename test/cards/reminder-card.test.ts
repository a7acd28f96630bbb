import { reminderCard, substituteForm } from '../../bot/cards/reminder-card';
import { loadDemoCycles } from '../../bot/adapters/calendar/demo-cycles-loader';
import { visibleText } from '../helpers/connector-capture';

const demo = loadDemoCycles()[0].workshops;
const withLinks = demo.find((w) => w.joinUrl && w.materialsUrl)!;
const noLinks = demo.find((w) => !w.joinUrl && !w.materialsUrl)!;
const base = 'https://vuoro.example.fi';
type Action = { type: string; title: string; url?: string; verb?: string; data?: Record<string, unknown> };
const actions = (c: object) => ((c as { actions?: unknown }).actions ?? []) as Action[];

describe('reminder card', () => {
  it('shows theme, Helsinki date and time, join, add-to-calendar, materials and the substitute button', () => {
    const card = reminderCard({ lang: 'fi', kind: 'reminder', workshop: withLinks, offset: '1d', publicBaseUrl: base });
    const text = visibleText(card);
    expect(text).toContain('Muistutus: PPT-paja huomenna');
    expect(text).toContain(withLinks.title.fi);
    expect(text).toContain(`${withLinks.start}–${withLinks.end} (Suomen aikaa)`);
    const [y, m, d] = withLinks.date.split('-').map(Number);
    expect(text).toContain(`${d}.${m}.${y}`);
    expect(actions(card).map((a) => [a.type, a.url ?? a.verb])).toEqual([
      ['Action.OpenUrl', withLinks.joinUrl],
      ['Action.OpenUrl', `${base}/api/workshops/${withLinks.id}.ics`],
      ['Action.OpenUrl', withLinks.materialsUrl],
      ['Action.Execute', 'reminder.substitute'],
    ]);
    expect(actions(card)[3]).toMatchObject({ title: 'En pääse — lähetän sijaisen', data: { workshopId: withLinks.id } });
  });

  it('says the join link comes later, and speaks Swedish and English', () => {
    const sv = reminderCard({ lang: 'sv', kind: 'reminder', workshop: noLinks, offset: '7d', publicBaseUrl: base });
    expect(visibleText(sv)).toContain('Påminnelse: PPT-verkstad om 7 dagar');
    expect(visibleText(sv)).toContain('Länken till mötet läggs till senare.');
    expect(actions(sv).map((a) => a.type)).toEqual(['Action.OpenUrl', 'Action.Execute']);
    const en = reminderCard({ lang: 'en', kind: 'reminder', workshop: noLinks, offset: '1h', publicBaseUrl: base });
    expect(visibleText(en)).toContain('Reminder: PPT workshop in an hour');
    expect(visibleText(en)).toContain("I can't attend — I'll send a substitute");
  });

  it('tells of a move and a cancellation', () => {
    const moved = { ...withLinks, date: '2026-11-19', status: 'moved' as const };
    expect(visibleText(reminderCard({ lang: 'fi', kind: 'moved', workshop: moved, publicBaseUrl: base }))).toContain(`Uusi aika: torstaina 19.11.2026 klo ${moved.start}.`);
    const cancelled = reminderCard({ lang: 'en', kind: 'cancelled', workshop: { ...withLinks, status: 'cancelled' }, publicBaseUrl: base });
    expect(visibleText(cancelled)).toContain('The PPT workshop is cancelled');
    expect(actions(cancelled)).toEqual([]);
  });

  it('asks for a service and a substitute from the people picker', () => {
    const form = substituteForm('fi', withLinks);
    const inputs = (form.body as Array<Record<string, unknown>>).filter((b) => String(b.type).startsWith('Input.'));
    expect(inputs.map((i) => i.id)).toEqual(['service', 'substitute']);
    expect(inputs[1]['choices.data']).toEqual({ type: 'Data.Query', dataset: 'graph.users' });
    expect(actions(form).map((a) => a.verb)).toEqual(['reminder.substituteSave', 'reminder.attend']);
  });
});
