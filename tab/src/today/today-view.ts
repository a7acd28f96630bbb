/**
 * "Tänään" (today) in a meeting side panel: read-only for participants, the round's controls for the
 * chair and "Done" for the presenter (chair-controls.ts). Reads GET /api/meetings/{meetingId}/today
 * with the Teams SSO token every 15 s and at once after a press, and counts the current turn down
 * each second from the server's absolute deadline, corrected for this device's clock skew. Screen
 * readers hear only turn changes and the outcome of a press, never the ticks.
 */
import type { TodayPayload } from '../../../bot/api/today-payload';
import { h } from '../dom';
import { tr } from '../i18n';
import type { Lang } from '../i18n';
import { actionLabel, controlBar, errorText, pressKey, rowControls, sendPress } from './chair-controls';
import type { Press } from './chair-controls';

/** How often the view asks the server again. */
export const TODAY_REFRESH_MS = 15_000;

type Round = NonNullable<TodayPayload['round']>;

function clock(seconds: number): string {
  const s = Math.abs(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

function countdownText(lang: Lang, current: NonNullable<Round['current']>, nowMs: number): string {
  const left = current.deadline ? Math.ceil((Date.parse(current.deadline) - nowMs) / 1000) : current.remainingSeconds;
  if (current.paused) return tr(lang, 'today.paused', { time: clock(Math.max(0, left)) });
  return left < 0 ? tr(lang, 'today.overrun', { time: clock(left) }) : tr(lang, 'today.countdown', { time: clock(left) });
}

function service(lang: Lang, id: string): string {
  return tr(lang, `today.services.${id}`);
}

function intakeBlock(lang: Lang, intake: NonNullable<TodayPayload['intake']>): HTMLElement {
  const { tally, plan } = intake;
  return h('div', { class: 'today-intake' },
    h('p', { class: 'muted' }, tr(lang, intake.status === 'open' ? 'today.intakeOpen' : 'today.intakeClosed')),
    h('ul', { class: 'tally' },
      h('li', {}, tr(lang, 'today.tally', { count: tally.cases })),
      h('li', {}, tr(lang, 'today.topics', { count: tally.topics })),
      h('li', {}, tr(lang, 'today.presenters', { count: tally.presenters }))),
    h('p', { class: `plan plan-${plan.status}` }, tr(lang, `today.plan.${plan.status}`, { items: plan.items, minutes: plan.minutesPerItem, fit: plan.itemsThatFit, deferred: plan.deferredItems })),
    tally.services.length ? h('p', {}, `${tr(lang, 'today.servicesPresent')}: ${tally.services.map((s) => service(lang, s)).join(', ')}`) : null);
}

function orderBlock(lang: Lang, data: TodayPayload, round: Round, countdown: HTMLElement, onPress: (p: Press) => void): HTMLElement {
  if (round.phase === 'ended') return h('p', { class: 'notice' }, tr(lang, 'today.roundEnded'));
  const items = round.order.map((t) => {
    const current = round.current?.position === t.position;
    return h('li', { class: `turn turn-${t.status}`, 'aria-current': current ? 'step' : undefined },
      h('span', {}, tr(lang, 'today.turn', { position: t.position, service: service(lang, t.service), cases: t.cases, topics: t.topics })),
      ' ', h('span', { class: `chip${current ? ' current' : ''}` }, tr(lang, `today.status.${t.status}`)),
      t.you ? h('span', { class: 'chip you' }, tr(lang, 'today.you')) : null,
      current ? countdown : null,
      rowControls(lang, data, round, t, service(lang, t.service), onPress));
  });
  return h('div', { class: 'today-round' }, h('h3', {}, tr(lang, 'today.order')), controlBar(lang, data, round, onPress), h('ol', { class: 'order' }, ...items));
}

/** Renders the view into a fresh element; it keeps itself current until it leaves the document. */
export function renderToday(lang: Lang, meetingId: string | undefined, getToken: () => Promise<string | undefined>): HTMLElement {
  const section = h('section', { class: 'today', 'aria-labelledby': 'today-heading' }, h('h2', { id: 'today-heading', tabindex: -1 }, tr(lang, 'today.title')));
  const body = h('div', { class: 'today-body' });
  // Only turn changes go here, so the one-second ticks below stay silent for screen readers.
  const live = h('div', { class: 'sr-only', 'aria-live': 'polite', role: 'status' });
  const failure = h('p', { class: 'today-error' });
  const footnote = h('p', { class: 'muted today-readonly' }, tr(lang, 'today.readOnly'));
  section.append(failure, body, live, footnote);
  if (!meetingId) {
    body.append(h('p', { class: 'notice' }, tr(lang, 'today.notInMeeting')));
    return section;
  }
  const notice = (key: string) => body.replaceChildren(h('p', { class: 'notice' }, tr(lang, key)));
  let skew = 0;
  let current: Round['current'];
  let turnKey: string | undefined;
  let version: number | undefined;
  let busy = false;
  const countdown = h('span', { class: 'countdown', role: 'timer' });
  const tick = () => { if (current) countdown.textContent = countdownText(lang, current, Date.now() + skew); };

  const show = (data: TodayPayload) => {
    skew = Date.parse(data.serverNow) - Date.now();
    const round = data.round;
    current = round?.current;
    version = round?.version;
    if (!data.intake && !round) return notice('today.notAvailable');
    const active = document.activeElement;
    const focused = active instanceof HTMLElement && body.contains(active) ? active.dataset.control : undefined;
    body.replaceChildren(...[data.intake ? intakeBlock(lang, data.intake) : null, round ? orderBlock(lang, data, round, countdown, press) : null].filter((x): x is HTMLElement => !!x));
    const controls = body.querySelectorAll<HTMLButtonElement>('[data-control]');
    for (const b of controls) b.disabled = busy; // a poll may land while a press is on its way
    footnote.textContent = tr(lang, controls.length ? 'todayChair.help' : 'today.readOnly');
    if (focused && !busy) focusControl(focused);
    tick();
    const key = round ? `${round.phase}:${round.current?.position ?? ''}` : undefined;
    if (turnKey !== undefined && key !== turnKey && round) {
      const turn = round.order.find((t) => t.position === round.current?.position);
      live.textContent = round.phase === 'ended' ? tr(lang, 'today.roundEnded')
        : turn ? tr(lang, 'today.nowPresenting', { position: turn.position, service: service(lang, turn.service) }) : '';
    }
    turnKey = key ?? '';
  };

  const load = async () => {
    const token = await getToken();
    if (!token) return notice('today.signIn');
    try {
      const res = await fetch(`/api/meetings/${encodeURIComponent(meetingId)}/today`, { headers: { accept: 'application/json', authorization: `Bearer ${token}` } });
      if (res.status === 401) return notice('today.signIn');
      if (res.status === 404) return notice('today.notAvailable');
      if (!res.ok) return notice('today.loadError');
      show((await res.json()) as TodayPayload);
    } catch {
      notice('today.loadError');
    }
  };

  /** Keeps the keyboard where it was across a re-render: the same button, else the first one, else the heading. */
  const focusControl = (key: string) => {
    const controls = [...body.querySelectorAll<HTMLButtonElement>('[data-control]')];
    (controls.find((b) => b.dataset.control === key) ?? controls[0] ?? section.querySelector<HTMLElement>('#today-heading'))?.focus();
  };
  const setBusy = (on: boolean) => {
    busy = on;
    body.setAttribute('aria-busy', String(on));
    for (const b of body.querySelectorAll<HTMLButtonElement>('[data-control]')) b.disabled = on;
  };

  async function press(p: Press): Promise<void> {
    if (busy || version === undefined || !meetingId) return;
    setBusy(true);
    failure.textContent = '';
    live.textContent = '';
    const token = await getToken();
    const result = token ? await sendPress(meetingId, token, version, p) : { ok: false as const, code: 'signIn' };
    await load(); // at once, also after a refusal: a stale view is what most refusals are about
    setBusy(false);
    focusControl(pressKey(p));
    const message = result.ok ? tr(lang, 'todayChair.done', { action: actionLabel(lang, p.action) }) : errorText(lang, result.code);
    if (!result.ok) failure.textContent = message;
    live.textContent = [message, live.textContent].filter(Boolean).join(' ');
  }

  const ticker = setInterval(() => { if (!section.isConnected) stop(); else tick(); }, 1000);
  const poller = setInterval(() => { if (!section.isConnected) stop(); else void load(); }, TODAY_REFRESH_MS);
  function stop(): void { clearInterval(ticker); clearInterval(poller); }
  void load();
  return section;
}
