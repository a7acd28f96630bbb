/**
 * The end-of-meeting summary: cases consulted and deferred, each turn's time against its plan
 * (by service, never by name), and the screening counts when screening has run.
 */
import { OutcomeCount, RoundSummary } from '../domain/turn-order';
import { Lang, t, tn } from '../i18n';
import { CardJson, Element, card, facts, heading, paragraph } from './card-kit';
import { itemsText } from './round-status-card';
import type { ScreeningCounts } from '../domain/meeting-screening';

/** What the summary card shows. */
export interface RoundSummaryModel {
  lang: Lang;
  summary: RoundSummary;
  /** The meeting's screening counts (numbers only), when the screener ran in this meeting. */
  screening?: ScreeningCounts;
}

function counts(lang: Lang, c: OutcomeCount): string {
  return t(lang, 'round.summary.counts', { cases: tn(lang, 'intake.casesCount', c.cases), topics: tn(lang, 'intake.topicsCount', c.topics) });
}

const itemCount = (c: OutcomeCount) => String(c.cases + c.topics);

/** Builds the summary card. */
export function roundSummaryCard(m: RoundSummaryModel): CardJson {
  const { lang, summary: s } = m;
  const body: Element[] = [
    heading(t(lang, 'round.summary.title')),
    facts([
      [t(lang, 'round.summary.consulted'), counts(lang, s.consulted)],
      [t(lang, 'round.summary.deferred'), counts(lang, s.deferred)],
      [t(lang, 'round.summary.skipped'), itemCount(s.skipped)],
      [t(lang, 'round.summary.notReached'), itemCount(s.notReached)],
      [t(lang, 'round.summary.roundTime'), t(lang, 'round.summary.minutes', { minutes: s.roundMinutes })],
    ]),
    paragraph(s.overrunMinutes > 0 ? t(lang, 'round.summary.overrun', { minutes: s.overrunMinutes }) : t(lang, 'round.summary.inTime'), {
      color: s.overrunMinutes > 0 ? 'Warning' : 'Good',
    }),
    { type: 'TextBlock', text: t(lang, 'round.summary.turnsTitle'), weight: 'Bolder', wrap: true, spacing: 'Medium' },
    facts(
      s.turns.map((turn, i): [string, string] => {
        const status = t(lang, `round.summary.status.${turn.status}`);
        const value = turn.actualMinutes === undefined
          ? t(lang, 'round.summary.turnNotStarted', { planned: turn.plannedMinutes, status })
          : t(lang, 'round.summary.turnTime', { actual: turn.actualMinutes, planned: turn.plannedMinutes, status });
        return [t(lang, 'round.summary.turnRow', { position: i + 1, service: t(lang, `services.${turn.service}`), what: itemsText(lang, turn) }), value];
      }),
    ),
  ];
  if (m.screening && m.screening.screened > 0) {
    const c = m.screening;
    body.push(paragraph(t(lang, 'round.summary.screening', { screened: c.screened, flagged: c.flagged, blocked: c.blocked, warned: c.warned, stopped: c.stopped })));
    const types = Object.entries(c.byType).filter(([, n]) => n > 0).map(([type, n]) => `${t(lang, `screening.type.${type}`)} ${n}`);
    if (types.length) body.push(paragraph(t(lang, 'round.summary.screeningTypes', { types: types.join(', ') }), { subtle: true }));
  }
  body.push(paragraph(t(lang, 'round.summary.privacy'), { subtle: true }));
  return card(body);
}
