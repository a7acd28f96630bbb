import { expectedAttendance, parseAttendance, recordAnswer } from '../../../bot/domain/reminders';

const A = '6b9c0b1e-0000-4000-8000-00000000a001';
const B = '6b9c0b1e-0000-4000-8000-00000000a002';
const C = '6b9c0b1e-0000-4000-8000-00000000a003';

describe('substitutes and expected attendance', () => {
  it('records who covers, and counts attendance per service with gaps visible', () => {
    const sub = parseAttendance(A, 'substitute', { service: 'kela', substitute: B.toUpperCase() }, 5);
    expect(sub).toEqual({ userId: A, service: 'kela', status: 'substitute', substituteUserId: B, at: 5 });
    let rec = recordAnswer(undefined, 'ws-1', sub as never);
    rec = recordAnswer(rec, 'ws-1', parseAttendance(C, 'attending', { service: 'kela' }, 6) as never);
    rec = recordAnswer(rec, 'ws-1', parseAttendance(B, 'attending', { service: 'oral_health' }, 7) as never);
    const byService = Object.fromEntries(expectedAttendance(rec).map((s) => [s.service, s]));
    expect(byService.kela).toEqual({ service: 'kela', attending: 1, substitutes: 1, covered: true });
    expect(byService.oral_health.attending).toBe(1);
    expect(byService.disability.covered).toBe(false);
    // Changing one's answer replaces it.
    rec = recordAnswer(rec, 'ws-1', parseAttendance(A, 'attending', { service: 'kela' }, 8) as never);
    expect(Object.fromEntries(expectedAttendance(rec).map((s) => [s.service, s])).kela).toEqual({ service: 'kela', attending: 2, substitutes: 0, covered: true });
  });

  it('refuses unknown services, a substitute that is not an id, and oneself', () => {
    expect(parseAttendance(A, 'attending', { service: 'Matti Meikäläinen' }, 1)).toBe('service');
    expect(parseAttendance(A, 'substitute', { service: 'kela', substitute: 'Maija' }, 1)).toBe('substitute');
    expect(parseAttendance(A, 'substitute', { service: 'kela', substitute: A }, 1)).toBe('self');
  });
});
