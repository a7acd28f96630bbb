import { addWorkshop, cancelWorkshop, editWorkshop, moveWorkshop, workshopEtag } from '../../../bot/domain/calendar/cycle-ops';
import type { Cycle } from '../../../bot/domain/calendar/model';
import { loadDemoCycles } from '../../../bot/adapters/calendar/demo-cycles-loader';

const cycle = (): Cycle => loadDemoCycles()[0];
const fieldsOf = (r: ReturnType<typeof editWorkshop>) => (!r.ok && r.kind === 'invalid' ? r.errors.map((e) => `${e.field}:${e.code}`).sort() : []);

describe('changing a cycle', () => {
  it('adds a valid workshop in date order and names every bad field of an invalid one', () => {
    const ok = addWorkshop(cycle(), 'ws-x', { date: '2026-12-17', start: '09:00', end: '10:30', title: { fi: 'Lisäpaja' }, theme: 'development', host: 'kela' });
    expect(ok.ok && ok.cycle.workshops.map((w) => w.id).slice(4, 6)).toEqual(['ws-2026-12', 'ws-x']);
    const bad = addWorkshop(cycle(), 'ws-y', { date: '2026-02-30', start: '9:00', end: '25:00', title: { fi: ' ', de: 'x' }, theme: 'x', host: 'y', joinUrl: 'javascript:alert(1)' });
    expect(fieldsOf(bad)).toEqual(['date:dateFormat', 'end:timeFormat', 'host:unknownHost', 'joinUrl:httpsUrl', 'start:timeFormat', 'theme:unknownTheme', 'title.de:unknownField', 'title.fi:required']);
  });

  it('refuses a date outside the cycle and an end before the start', () => {
    const r = editWorkshop(cycle(), 'ws-2027-03', { date: '2027-08-12', end: '12:00' });
    expect(fieldsOf(r)).toEqual(['date:outsideCycle', 'end:endBeforeStart']);
  });

  it('bumps the revision on each change and refuses a stale If-Match', () => {
    const c = cycle();
    const w = c.workshops.find((x) => x.id === 'ws-2027-03')!;
    const first = editWorkshop(c, w.id, { status: 'confirmed' }, workshopEtag(w));
    expect(first.ok && first.workshop.rev).toBe(w.rev + 1);
    const stale = editWorkshop(first.ok ? first.cycle : c, w.id, { status: 'planned' }, workshopEtag(w));
    expect(stale).toMatchObject({ ok: false, kind: 'stale' });
    expect(editWorkshop(c, w.id, {}, '*').ok).toBe(true);
  });

  it('only moves and cancels through their own actions, and a cancelled workshop can only be reinstated', () => {
    const c = cycle();
    expect(fieldsOf(editWorkshop(c, 'ws-2027-03', { status: 'cancelled' }))).toEqual(['status:statusTransition']);
    const cancelled = cancelWorkshop(c, 'ws-2027-03');
    expect(cancelled.ok && cancelled.workshop.status).toBe('cancelled');
    const next = cancelled.ok ? cancelled.cycle : c;
    expect(fieldsOf(moveWorkshop(next, 'ws-2027-03', { date: '2027-03-18', start: '13:00', end: '15:00' }))).toEqual(['status:statusTransition']);
    expect(fieldsOf(editWorkshop(next, 'ws-2027-03', { status: 'confirmed' }))).toEqual(['status:statusTransition']);
    expect(editWorkshop(next, 'ws-2027-03', { status: 'planned' }).ok).toBe(true);
  });

  it('moves a workshop and remembers its previous slot; a move needs all three slot fields', () => {
    const r = moveWorkshop(cycle(), 'ws-2027-05', { date: '2027-05-27', start: '12:00', end: '14:00' });
    expect(r.ok && r.workshop).toMatchObject({ status: 'moved', date: '2027-05-27', movedFrom: { date: '2027-05-20', start: '13:00', end: '15:00' } });
    expect(fieldsOf(moveWorkshop(cycle(), 'ws-2027-05', { date: '2027-05-27', title: { fi: 'x' } }))).toEqual(['end:required', 'start:required', 'title:unknownField']);
    expect(moveWorkshop(cycle(), 'ws-none', {})).toEqual({ ok: false, kind: 'notFound' });
  });
});
