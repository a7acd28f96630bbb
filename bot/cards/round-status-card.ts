/**
 * The live status card of the consultation round: who presents now (by service, never by name),
 * case k of n, minutes left, who is next, how the round stands against the hour, what no longer
 * fits, and the controls. One card for everyone; it is updated in place.
 */
import { NotFitting, PresenterView, RoundView } from '../domain/turn-order';
import { Lang, t, tn } from '../i18n';
import { CardJson, Element, card, execute, paragraph } from './card-kit';

/** Action verbs the status card (and the intake card's start button) send back. */
export const ROUND_VERBS = {
  start: 'round.start',
  finish: 'round.finish',
  next: 'round.next',
  pause: 'round.pause',
  resume: 'round.resume',
  extend: 'round.extend',
  skip: 'round.skip',
  defer: 'round.defer',
  moveUp: 'round.moveUp',
  moveDown: 'round.moveDown',
  end: 'round.end',
} as const;

/** Every `round.*` verb, for one route. */
export const ROUND_VERB_PATTERN = /^round\./;

/** What the status card shows. */
export interface RoundStatusModel {
  lang: Lang;
  view: RoundView;
  /** Mention the next presenter on the card (the targeted notification could not be sent). */
  mentionNext: boolean;
  /** IANA zone of the meeting's clock times. */
  timeZone: string;
  /** An extra line for whoever pressed a button (a refusal or "out of date"). */
  notice?: string;
}

/** "2 tapausta, 1 ilmiö": only the parts that are there. */
export function itemsText(lang: Lang, counts: { cases: number; topics: number }): string {
  const parts: string[] = [];
  if (counts.cases || !counts.topics) parts.push(tn(lang, 'intake.casesCount', counts.cases));
  if (counts.topics) parts.push(tn(lang, 'intake.topicsCount', counts.topics));
  return parts.join(', ');
}

const serviceName = (lang: Lang, p: { service: string }) => t(lang, `services.${p.service}`);
const wholeMinutes = (seconds: number) => Math.ceil(Math.abs(seconds) / 60);

// Building a DateTimeFormat costs about a millisecond; every status update renders a clock time.
const clockFormats = new Map<string, Intl.DateTimeFormat>();

function clockTime(at: number, timeZone: string): string {
  let format = clockFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('fi-FI', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    clockFormats.set(timeZone, format);
  }
  return format.format(new Date(at)).replace('.', ':');
}

function timeLine(lang: Lang, current: NonNullable<RoundView['current']>): Element {
  if (current.paused) return paragraph(t(lang, 'round.pausedLeft', { minutes: wholeMinutes(Math.max(0, current.secondsLeft)) }), { color: 'Warning', bold: true });
  // The first minute past the deadline reads "time up": the update posted at the deadline lands a
  // moment after it, and "0 min over time" would say nothing.
  const minutesOver = Math.floor(-current.secondsLeft / 60);
  if (minutesOver >= 1) return paragraph(t(lang, 'round.overrun', { minutes: minutesOver }), { color: 'Attention', bold: true });
  if (current.secondsLeft <= 0) return paragraph(t(lang, 'round.timeUp'), { color: 'Attention', bold: true });
  if (current.secondsLeft < 60) return paragraph(t(lang, 'round.underMinute'), { color: 'Attention', bold: true });
  const minutes = wholeMinutes(current.secondsLeft);
  return paragraph(t(lang, 'round.minutesLeft', { minutes }), { color: minutes <= 2 ? 'Attention' : minutes <= 5 ? 'Warning' : undefined, bold: true });
}

function standingText(lang: Lang, view: RoundView): string {
  const { kind, minutes } = view.standing;
  return kind === 'on_time' ? t(lang, 'round.onTime') : t(lang, kind === 'ahead' ? 'round.ahead' : 'round.behind', { minutes });
}

function notFittingText(lang: Lang, list: NotFitting[], upcoming: PresenterView[]): string {
  const serviceOf = (userId: string) => upcoming.find((p) => p.userId === userId)?.service ?? 'other';
  return list.map((d) => t(lang, 'round.fitItem', { service: t(lang, `services.${serviceOf(d.userId)}`), what: itemsText(lang, d) })).join('; ');
}

function queue(m: RoundStatusModel, data: Record<string, unknown>): Element[] {
  const { lang, view } = m;
  if (view.upcoming.length === 0) return [];
  const rows: Element[] = view.upcoming.map((p, i) => ({
    type: 'Container',
    separator: i > 0,
    items: [
      paragraph(t(lang, 'round.queueItem', { position: i + 1, service: serviceName(lang, p), what: itemsText(lang, p), minutes: Math.round(p.slotSeconds / 60) })),
      {
        type: 'ActionSet',
        actions: [
          execute(t(lang, 'round.buttons.moveUp'), ROUND_VERBS.moveUp, { ...data, userId: p.userId }),
          execute(t(lang, 'round.buttons.moveDown'), ROUND_VERBS.moveDown, { ...data, userId: p.userId }),
          execute(t(lang, 'round.buttons.skip'), ROUND_VERBS.skip, { ...data, userId: p.userId }),
          execute(t(lang, 'round.buttons.defer'), ROUND_VERBS.defer, { ...data, userId: p.userId }),
        ],
      },
    ],
  }));
  return [{ type: 'TextBlock', text: t(lang, 'round.queueTitle'), weight: 'Bolder', wrap: true, spacing: 'Medium' }, ...rows];
}

/** Builds the status card for `view`. */
export function roundStatusCard(m: RoundStatusModel): CardJson {
  const { lang, view } = m;
  const ended = view.phase === 'ended';
  const titleKey = ended ? 'round.endedTitle' : view.phase === 'paused' ? 'round.pausedTitle' : 'round.title';
  const body: Element[] = [{ type: 'TextBlock', text: t(lang, titleKey), wrap: true, size: 'Large', weight: 'Bolder', style: 'heading' }];
  if (m.notice) body.push(paragraph(m.notice, { color: 'Attention' }));
  if (ended) {
    body.push(paragraph(t(lang, 'round.endedText')));
    return card(body);
  }
  const current = view.current;
  if (current) {
    body.push(paragraph(t(lang, 'round.presenting', { service: serviceName(lang, current), what: itemsText(lang, current) }), { bold: true }));
    const range = current.firstItem === current.lastItem ? 'round.caseOne' : 'round.caseRange';
    body.push(paragraph(t(lang, range, { first: current.firstItem, last: current.lastItem, total: view.totalItems }), { subtle: true }), timeLine(lang, current));
  }
  let extra: Record<string, unknown> = {};
  if (view.next) {
    const params = { service: serviceName(lang, view.next), what: itemsText(lang, view.next) };
    if (m.mentionNext) {
      const label = t(lang, 'round.mentionLabel');
      const mention = `<at>${label}</at>`;
      body.push(paragraph(t(lang, 'round.nextMention', { ...params, mention })));
      extra = { msteams: { entities: [{ type: 'mention', text: mention, mentioned: { id: view.next.userId, name: label } }] } };
    } else body.push(paragraph(t(lang, 'round.next', params)));
  } else body.push(paragraph(t(lang, 'round.lastTurn'), { subtle: true }));
  body.push(
    paragraph(`${standingText(lang, view)}. ${t(lang, 'round.roundEnds', { time: clockTime(view.roundEndAt, m.timeZone) })}`, {
      color: view.standing.kind === 'behind' ? 'Warning' : view.standing.kind === 'ahead' ? 'Good' : undefined,
    }),
  );
  if (view.doesNotFit.length > 0) {
    body.push(paragraph(t(lang, 'round.doesNotFit', { list: notFittingText(lang, view.doesNotFit, view.upcoming) }), { color: 'Attention', bold: true }));
  }
  const data = { meetingId: view.meetingId, version: view.version };
  body.push(...queue(m, data));
  const actions = [
    execute(t(lang, 'round.buttons.done'), ROUND_VERBS.finish, data, 'positive'),
    execute(t(lang, 'round.buttons.next'), ROUND_VERBS.next, data),
    view.phase === 'paused'
      ? execute(t(lang, 'round.buttons.resume'), ROUND_VERBS.resume, data)
      : execute(t(lang, 'round.buttons.pause'), ROUND_VERBS.pause, data),
    execute(t(lang, 'round.buttons.extend'), ROUND_VERBS.extend, data),
    execute(t(lang, 'round.buttons.skip'), ROUND_VERBS.skip, { ...data, userId: '' }),
    execute(t(lang, 'round.buttons.end'), ROUND_VERBS.end, data, 'destructive'),
  ];
  return card(body, actions, extra);
}
