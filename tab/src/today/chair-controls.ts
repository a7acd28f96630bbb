/**
 * The chair's controls in the Today view, and the presenter's own "Done": real buttons that POST
 * /api/meetings/{id}/round/actions with the round version on screen, so a press on an outdated view
 * is refused (409 stale) instead of landing on another turn. The server decides who may press what;
 * these only spare participants buttons that would be refused.
 */
import type { TodayPayload } from '../../../bot/api/today-payload';
import { h } from '../dom';
import { tr } from '../i18n';
import type { Lang } from '../i18n';

/** What a button asks the round to do. */
export type ControlAction = 'finish' | 'next' | 'pause' | 'resume' | 'extend' | 'skip' | 'defer' | 'moveUp' | 'moveDown' | 'end';

/** One press: the action and, for the per-presenter buttons, the running-order position. */
export interface Press {
  action: ControlAction;
  position?: number;
}

type Round = NonNullable<TodayPayload['round']>;
type Turn = Round['order'][number];

/** The key a button is found by again after the view re-renders (to keep the keyboard focus). */
export function pressKey(p: Press): string {
  return p.position === undefined ? p.action : `${p.action}:${p.position}`;
}

/** The localised name of an action, as on its button. */
export function actionLabel(lang: Lang, action: ControlAction): string {
  return tr(lang, `todayChair.buttons.${action}`);
}

/** The localised message for an error code of the API (or a generic one). */
export function errorText(lang: Lang, code: string): string {
  const key = `todayChair.errors.${code}`;
  const text = tr(lang, key);
  return text === key ? tr(lang, 'todayChair.errors.generic') : text;
}

/** Sends a press; an error comes back as the API's code. */
export async function sendPress(meetingId: string, token: string, version: number, press: Press): Promise<{ ok: true } | { ok: false; code: string }> {
  try {
    const res = await fetch(`/api/meetings/${encodeURIComponent(meetingId)}/round/actions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ ...press, version }),
    });
    if (res.ok) return { ok: true };
    if (res.status === 401) return { ok: false, code: 'signIn' };
    const body = (await res.json().catch(() => ({}))) as { error?: unknown };
    return { ok: false, code: typeof body.error === 'string' ? body.error : 'generic' };
  } catch {
    return { ok: false, code: 'generic' };
  }
}

function button(lang: Lang, p: Press, onPress: (p: Press) => void, kind = ''): HTMLButtonElement {
  return h('button', { type: 'button', class: `btn${kind ? ` ${kind}` : ''}`, 'data-control': pressKey(p), onclick: () => onPress(p) }, actionLabel(lang, p.action));
}

/** The bar above the running order: "Done" for the presenter, the round's controls for the chair. */
export function controlBar(lang: Lang, data: TodayPayload, round: Round, onPress: (p: Press) => void): HTMLElement | null {
  if (round.phase === 'ended' || (!data.canControl && !data.presenting)) return null;
  const bar = h('div', { class: 'controls', role: 'group', 'aria-label': tr(lang, data.canControl ? 'todayChair.controls' : 'todayChair.yourTurn') });
  if (data.presenting) bar.append(button(lang, { action: 'finish' }, onPress, 'primary'));
  if (!data.canControl) return bar;
  const paused = round.phase === 'paused';
  if (round.current && !data.presenting) bar.append(button(lang, { action: 'next' }, onPress, 'primary'));
  bar.append(button(lang, { action: paused ? 'resume' : 'pause' }, onPress));
  if (round.current && !paused) bar.append(button(lang, { action: 'extend' }, onPress));
  bar.append(button(lang, { action: 'end' }, onPress, 'danger'));
  return bar;
}

/** The chair's buttons on one waiting presenter's row (none for anyone else). */
export function rowControls(lang: Lang, data: TodayPayload, round: Round, turn: Turn, name: string, onPress: (p: Press) => void): HTMLElement | null {
  if (!data.canControl || round.phase === 'ended' || turn.status !== 'waiting') return null;
  const waiting = round.order.filter((t) => t.status === 'waiting').map((t) => t.position);
  const at = (action: ControlAction) => button(lang, { action, position: turn.position }, onPress);
  return h('div', { class: 'row-controls', role: 'group', 'aria-label': tr(lang, 'todayChair.row', { position: turn.position, service: name }) },
    waiting[0] !== turn.position ? at('moveUp') : null,
    waiting[waiting.length - 1] !== turn.position ? at('moveDown') : null,
    at('skip'),
    at('defer'));
}
