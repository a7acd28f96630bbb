/**
 * "Tänään" (today) in a meeting side panel, read-only for everyone (the chair's controls stay in the
 * meeting chat's status card). Reads GET /api/meetings/{meetingId}/today with the Teams SSO token
 * every 15 s and counts the current turn down each second from the server's absolute deadline,
 * corrected for this device's clock skew. Screen readers hear only turn changes, never the ticks.
 */
import type { TodayPayload } from '../../../bot/api/today-payload';
import { h } from '../dom';
import { tr } from '../i18n';
import type { Lang } from '../i18n';

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

function orderBlock(lang: Lang, round: Round, countdown: HTMLElement): HTMLElement {
  if (round.phase === 'ended') return h('p', { class: 'notice' }, tr(lang, 'today.roundEnded'));
  const items = round.order.map((t) => {
    const current = round.current?.position === t.position;
    return h('li', { class: `turn turn-${t.status}`, 'aria-current': current ? 'step' : undefined },
      h('span', {}, tr(lang, 'today.turn', { position: t.position, service: service(lang, t.service), cases: t.cases, topics: t.topics })),
      ' ', h('span', { class: `chip${current ? ' current' : ''}` }, tr(lang, `today.status.${t.status}`)),
      t.you ? h('span', { class: 'chip you' }, tr(lang, 'today.you')) : null,
      current ? countdown : null);
  });
  return h('div', { class: 'today-round' }, h('h3', {}, tr(lang, 'today.order')), h('ol', { class: 'order' }, ...items));
}

/** Renders the view into a fresh element; it keeps itself current until it leaves the document. */
export function renderToday(lang: Lang, meetingId: string | undefined, getToken: () => Promise<string | undefined>): HTMLElement {
  const section = h('section', { class: 'today', 'aria-labelledby': 'today-heading' }, h('h2', { id: 'today-heading' }, tr(lang, 'today.title')));
  const body = h('div', { class: 'today-body' });
  // Only turn changes go here, so the one-second ticks below stay silent for screen readers.
  const live = h('div', { class: 'sr-only', 'aria-live': 'polite', role: 'status' });
  section.append(body, live, h('p', { class: 'muted today-readonly' }, tr(lang, 'today.readOnly')));
  if (!meetingId) {
    body.append(h('p', { class: 'notice' }, tr(lang, 'today.notInMeeting')));
    return section;
  }
  const notice = (key: string) => body.replaceChildren(h('p', { class: 'notice' }, tr(lang, key)));
  let skew = 0;
  let current: Round['current'];
  let turnKey: string | undefined;
  const countdown = h('span', { class: 'countdown', role: 'timer' });
  const tick = () => { if (current) countdown.textContent = countdownText(lang, current, Date.now() + skew); };

  const show = (data: TodayPayload) => {
    skew = Date.parse(data.serverNow) - Date.now();
    const round = data.round;
    current = round?.current;
    if (!data.intake && !round) return notice('today.notAvailable');
    body.replaceChildren(...[data.intake ? intakeBlock(lang, data.intake) : null, round ? orderBlock(lang, round, countdown) : null].filter((x): x is HTMLElement => !!x));
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

  const ticker = setInterval(() => { if (!section.isConnected) stop(); else tick(); }, 1000);
  const poller = setInterval(() => { if (!section.isConnected) stop(); else void load(); }, TODAY_REFRESH_MS);
  function stop(): void { clearInterval(ticker); clearInterval(poller); }
  void load();
  return section;
}
