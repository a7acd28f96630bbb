/**
 * The shifted, accelerated clock of VUORO_LOCAL_CLOCK (local mode only): a meeting's deadlines and a
 * workshop's reminder moments come within seconds, and processes given the same anchor agree on the
 * time, so several real processes can be tested together on one store.
 */
import type { LocalClockSetting } from '../config';
import type { Clock } from '../domain/ports';

/** A clock reading `setting.startsAt` at the anchor (default: now) and running `setting.speed` times real time. */
export function localClock(setting: LocalClockSetting, realNow: () => number = Date.now): Clock {
  const anchor = setting.anchorMs ?? realNow();
  return { now: () => setting.startsAt + Math.floor((realNow() - anchor) * setting.speed) };
}
