import { openIntake, defaultSettings } from '../../../bot/domain/intake';
import {
  applyAction, defer, endRound, extend, finishTurn, isChairAction, moveDown, moveUp, next, pause, resume, skip, startRound, view,
} from '../../../bot/domain/turn-order';
import { closedIntake, MIN, ok, roundOf } from './round-fixtures';

describe('starting the round', () => {
  it('refuses an open intake, an empty one and bad settings', () => {
    expect(startRound(openIntake('m1', 0), defaultSettings(), 0, 0)).toEqual({ error: 'intake_open' });
    expect(startRound(closedIntake([[0, 0]]), defaultSettings(), 0, 0)).toEqual({ error: 'no_presenters' });
    expect(startRound(closedIntake([[1, 0]]), { ...defaultSettings(), minSlotMinutes: 0 }, 0, 0)).toEqual({ error: 'invalid_settings' });
  });

  it('runs presenters in answer order, leaves out those with nothing to bring and ends before the closing buffer', () => {
    const round = roundOf([[1, 0], [0, 0], [2, 1]]);
    expect(round.turns.map((t) => t.userId)).toEqual(['u0', 'u2']);
    expect(round.roundEndAt).toBe(55 * MIN);
    expect(round.turns.map((t) => t.plannedMs)).toEqual([12 * MIN, 36 * MIN]); // 50 / 4 -> 12 per item
    const v = view(round, 5 * MIN);
    expect(v.current).toMatchObject({ userId: 'u0', firstItem: 1, lastItem: 1, secondsLeft: 12.5 * 60, overrun: false });
    expect(v.totalItems).toBe(4);
    expect(v.next?.userId).toBe('u2');
  });
});

describe('moving through the round', () => {
  it('only the presenter’s own Done finishes their turn', () => {
    const round = roundOf([[1, 0], [1, 0]]);
    expect(finishTurn(round, 6 * MIN, 'u1')).toEqual({ error: 'not_presenter' });
    const after = ok(finishTurn(round, 6 * MIN, 'u0'));
    expect(view(after, 6 * MIN).current?.userId).toBe('u1');
    expect(after.turns[0]).toMatchObject({ status: 'done', endedAt: 6 * MIN });
  });

  it('ends by itself after the last presenter and then refuses everything', () => {
    let round = roundOf([[1, 0]]);
    round = ok(next(round, 20 * MIN));
    expect(round.phase).toBe('ended');
    for (const action of ['next', 'pause', 'extend', 'skip', 'end'] as const) {
      expect(applyAction(round, action, 21 * MIN, 'u0')).toEqual({ error: 'round_ended' });
    }
  });

  it('pause keeps the time left, resume sets a new deadline and the pause does not count as presenting', () => {
    let round = roundOf([[1, 0], [1, 0]]); // 20 min slot, deadline 25
    round = ok(pause(round, 10 * MIN));
    expect(pause(round, 11 * MIN)).toEqual({ error: 'paused' });
    expect(view(round, 14 * MIN).current).toMatchObject({ paused: true, secondsLeft: 15 * 60 });
    round = ok(resume(round, 14 * MIN));
    expect(resume(round, 15 * MIN)).toEqual({ error: 'not_paused' });
    expect(round.deadline).toBe(29 * MIN);
    round = ok(next(round, 20 * MIN));
    expect(round.turns[0].endedAt! - round.turns[0].startedAt! - round.turns[0].pausedMs).toBe(11 * MIN);
  });

  it('+2 min during an overrun counts from now', () => {
    let round = roundOf([[1, 0], [1, 0]]); // deadline 25
    round = ok(extend(round, 27 * MIN));
    expect(round.deadline).toBe(29 * MIN);
    round = ok(extend(round, 28 * MIN));
    expect(round.deadline).toBe(31 * MIN);
  });

  it('skips and defers the current presenter or someone waiting, but not someone already done', () => {
    let round = roundOf([[1, 0], [1, 0], [1, 0], [1, 0]]);
    round = ok(defer(round, 6 * MIN, 'u2'));
    round = ok(skip(round, 7 * MIN, ''));
    expect(round.turns.map((t) => t.status)).toEqual(['skipped', 'presenting', 'deferred', 'waiting']);
    expect(skip(round, 8 * MIN, 'u0')).toEqual({ error: 'not_waiting' });
    expect(defer(round, 8 * MIN, 'nobody')).toEqual({ error: 'unknown_presenter' });
    expect(view(round, 8 * MIN).current).toMatchObject({ userId: 'u1', firstItem: 1, lastItem: 1 });
    expect(view(round, 8 * MIN).totalItems).toBe(2);
  });

  it('moves a waiting presenter past those who are no longer waiting', () => {
    let round = roundOf([[1, 0], [1, 0], [1, 0], [1, 0]]);
    round = ok(skip(round, 6 * MIN, 'u2'));
    round = ok(moveUp(round, 6 * MIN, 'u3'));
    expect(view(round, 6 * MIN).upcoming.map((p) => p.userId)).toEqual(['u3', 'u1']);
    expect(moveUp(round, 6 * MIN, 'u3')).toEqual({ error: 'first_in_line' });
    expect(moveDown(round, 6 * MIN, 'u1')).toEqual({ error: 'last_in_line' });
    expect(moveDown(round, 6 * MIN, 'u0')).toEqual({ error: 'not_waiting' });
    round = ok(moveDown(round, 6 * MIN, 'u3'));
    expect(view(round, 6 * MIN).upcoming.map((p) => p.userId)).toEqual(['u1', 'u3']);
    expect(view(round, 6 * MIN).current?.userId).toBe('u0');
  });

  it('end counts the presenter as consulted and the rest as not reached', () => {
    let round = roundOf([[1, 0], [1, 0]]);
    round = ok(endRound(round, 9 * MIN));
    expect(round.turns.map((t) => t.status)).toEqual(['done', 'waiting']);
    expect(view(round, 9 * MIN).current).toBeUndefined();
  });

  it('never mutates the round it is given and bumps the version on every change', () => {
    const round = roundOf([[1, 0], [1, 0]]);
    const frozen = JSON.stringify(round);
    const after = ok(pause(round, 6 * MIN));
    expect(JSON.stringify(round)).toBe(frozen);
    expect(after.version).toBe(round.version + 1);
  });

  it('tells the adapter which buttons need the chair', () => {
    expect(isChairAction('finish')).toBe(false);
    expect(['next', 'pause', 'resume', 'extend', 'skip', 'defer', 'moveUp', 'moveDown', 'end'].every((a) => isChairAction(a as never))).toBe(true);
  });
});

describe('standing against the hour', () => {
  it('is ahead after an early finish, behind after an overrun, on time as planned', () => {
    const round = roundOf([[1, 0], [1, 0], [1, 0], [1, 0], [1, 0]]); // 10 min each, round end 55
    expect(view(round, 5 * MIN).standing).toEqual({ kind: 'on_time', minutes: 0 });
    expect(view(ok(next(round, 9 * MIN)), 9 * MIN).standing).toEqual({ kind: 'ahead', minutes: 6 });
    expect(view(round, 18 * MIN).standing).toEqual({ kind: 'behind', minutes: 3 });
  });
});
