import { IntakeState, answersInOrder } from './intake-state';

/** A centre's meeting settings, in whole minutes. */
export interface MeetingSettings {
  meetingMinutes: number;
  /** Greetings and the case count at the start. */
  openingMinutes: number;
  /** Wrap-up at the end; the round must finish before it. */
  closingMinutes: number;
  /** A comfortable consultation: what the plan aims at. */
  targetSlotMinutes: number;
  /** Below this a consultation is not worth starting; cases are deferred instead. */
  minSlotMinutes: number;
  /** A slot never grows past this, even in a quiet meeting. */
  maxSlotMinutes: number;
}

/** Defaults for a one-hour meeting; a centre can change them. */
export function defaultSettings(meetingMinutes = 60): MeetingSettings {
  return { meetingMinutes, openingMinutes: 5, closingMinutes: 5, targetSlotMinutes: 10, minSlotMinutes: 5, maxSlotMinutes: 20 };
}

/** Checks settings are coherent; returns the name of the first bad field, or undefined. */
export function invalidSetting(s: MeetingSettings): keyof MeetingSettings | undefined {
  const whole = (n: number, lo: number, hi: number) => Number.isInteger(n) && n >= lo && n <= hi;
  if (!whole(s.meetingMinutes, 15, 240)) return 'meetingMinutes';
  if (!whole(s.openingMinutes, 0, 30)) return 'openingMinutes';
  if (!whole(s.closingMinutes, 0, 30)) return 'closingMinutes';
  if (s.meetingMinutes - s.openingMinutes - s.closingMinutes < s.minSlotMinutes) return 'meetingMinutes';
  if (!whole(s.minSlotMinutes, 1, 60)) return 'minSlotMinutes';
  if (!whole(s.targetSlotMinutes, s.minSlotMinutes, 60)) return 'targetSlotMinutes';
  if (!whole(s.maxSlotMinutes, s.targetSlotMinutes, 120)) return 'maxSlotMinutes';
  return undefined;
}

/** Items a presenter should bring to the next meeting instead. */
export interface Deferral {
  userId: string;
  cases: number;
  topics: number;
}

/**
 * The plan for the hour. `fits`: every item gets at least the target slot. `tight`: everything fits
 * only with shorter slots (>= the minimum). `over`: even minimum slots don't fit; `deferrals` says
 * which items to move to the next meeting.
 */
export interface TimePlan {
  status: 'empty' | 'fits' | 'tight' | 'over';
  availableMinutes: number;
  items: number;
  minutesPerItem: number;
  /** Items that fit in this meeting at minutesPerItem. */
  itemsThatFit: number;
  deferrals: Deferral[];
}

/** Turns the intake into a time plan for the meeting. Pure and deterministic. */
export function planTime(state: IntakeState, settings: MeetingSettings): TimePlan {
  const available = Math.max(0, settings.meetingMinutes - settings.openingMinutes - settings.closingMinutes);
  const answers = answersInOrder(state);
  const items = answers.reduce((sum, a) => sum + a.cases + a.topics, 0);
  if (items === 0) {
    return { status: 'empty', availableMinutes: available, items: 0, minutesPerItem: 0, itemsThatFit: 0, deferrals: [] };
  }
  const perItem = Math.floor(available / items);
  if (perItem >= settings.minSlotMinutes) {
    return {
      status: perItem >= settings.targetSlotMinutes ? 'fits' : 'tight',
      availableMinutes: available,
      items,
      minutesPerItem: Math.min(perItem, settings.maxSlotMinutes),
      itemsThatFit: items,
      deferrals: [],
    };
  }
  const itemsThatFit = Math.floor(available / settings.minSlotMinutes);
  return {
    status: 'over',
    availableMinutes: available,
    items,
    minutesPerItem: settings.minSlotMinutes,
    itemsThatFit,
    deferrals: chooseDeferrals(answers, items - itemsThatFit),
  };
}

/**
 * Client cases come first (they are why the meeting exists), so topics are deferred before cases;
 * then cases are taken from whoever brings the most, latest answer first, and nobody loses their
 * last case while someone else still has two.
 */
function chooseDeferrals(answers: Array<{ userId: string; cases: number; topics: number; seq: number }>, count: number): Deferral[] {
  const left = new Map(answers.map((a) => [a.userId, { cases: a.cases, topics: a.topics, seq: a.seq }]));
  const deferred = new Map<string, Deferral>();
  const take = (userId: string, kind: 'cases' | 'topics') => {
    const entry = left.get(userId)!;
    entry[kind] -= 1;
    const d = deferred.get(userId) ?? { userId, cases: 0, topics: 0 };
    d[kind] += 1;
    deferred.set(userId, d);
  };
  let remaining = count;
  const latestFirst = [...answers].sort((a, b) => b.seq - a.seq);
  while (remaining > 0) {
    const withTopic = latestFirst.find((a) => left.get(a.userId)!.topics > 0);
    if (withTopic) {
      take(withTopic.userId, 'topics');
    } else {
      const most = latestFirst.reduce((best, a) => (left.get(a.userId)!.cases > left.get(best.userId)!.cases ? a : best), latestFirst[0]);
      if (left.get(most.userId)!.cases === 0) break;
      take(most.userId, 'cases');
    }
    remaining -= 1;
  }
  const order = new Map(answers.map((a) => [a.userId, a.seq]));
  return [...deferred.values()].sort((a, b) => order.get(a.userId)! - order.get(b.userId)!);
}
