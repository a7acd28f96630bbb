/**
 * The intake card: the live tally and time plan for everyone, and the answer form while intake is
 * open. A personal variant (answer preselected, own deferral suggestion) goes to whoever answered.
 */
import { Deferral, IntakeAnswer, MAX_LISTED_CASES, MeetingSettings, MORE_CASES_VALUE, SERVICES, ServiceId, Tally, TimePlan } from '../domain/intake';
import { Lang, t, tn } from '../i18n';
import { CardJson, Element, card, choiceSet, execute, facts, heading, paragraph } from './card-kit';
import { ROUND_VERBS } from './round-status-card';

/** Action verbs the intake card sends back. */
export const INTAKE_VERBS = { answer: 'intake.answer', close: 'intake.close', refresh: 'intake.refresh' } as const;

/** What the card shows. Deferrals come with the service of whoever brings them, not a name. */
export interface IntakeCardModel {
  lang: Lang;
  meetingId: string;
  open: boolean;
  tally: Tally;
  plan: TimePlan;
  settings: MeetingSettings;
  deferrals: Array<Deferral & { service: ServiceId }>;
  /** Present in the variant for one person. */
  personal?: { answer?: IntakeAnswer; deferral?: Deferral; errorKey?: string };
}

function countText(lang: Lang, cases: number, topics: number): { cases: string; topics: string } {
  return { cases: tn(lang, 'intake.casesCount', cases), topics: tn(lang, 'intake.topicsCount', topics) };
}

function itemsText(lang: Lang, d: { cases: number; topics: number }): string {
  const parts: string[] = [];
  if (d.cases) parts.push(tn(lang, 'intake.casesCount', d.cases));
  if (d.topics) parts.push(tn(lang, 'intake.topicsCount', d.topics));
  return parts.join(', ');
}

function planBlocks(m: IntakeCardModel): Element[] {
  const { lang, plan, settings } = m;
  const params = { available: plan.availableMinutes, minutes: plan.minutesPerItem, items: plan.items, fit: plan.itemsThatFit, target: settings.targetSlotMinutes };
  switch (plan.status) {
    case 'empty':
      return [paragraph(t(lang, 'intake.planEmpty', params))];
    case 'fits':
      return [paragraph(t(lang, 'intake.planFits', params), { color: 'Good' })];
    case 'tight':
      return [paragraph(t(lang, 'intake.planTight', params), { color: 'Warning' })];
    case 'over': {
      const deferred = m.deferrals.reduce((n, d) => n + d.cases + d.topics, 0);
      const list = m.deferrals.map((d) => t(lang, 'intake.deferItem', { service: t(lang, `services.${d.service}`), what: itemsText(lang, d) })).join('; ');
      return [
        paragraph(t(lang, 'intake.planOver', params), { color: 'Attention', bold: true }),
        paragraph(t(lang, 'intake.deferSuggestion', { count: tn(lang, 'intake.casesCount', deferred), list })),
      ];
    }
  }
}

function form(m: IntakeCardModel): Element[] {
  const { lang } = m;
  const answer = m.personal?.answer;
  const countChoices = (): Array<[string, string]> => [
    ...Array.from({ length: MAX_LISTED_CASES + 1 }, (_, n): [string, string] => [String(n), String(n)]),
    ['more', t(lang, 'intake.more')],
  ];
  const asChoice = (n: number | undefined) => (n === undefined ? undefined : n >= MORE_CASES_VALUE ? 'more' : String(n));
  return [
    choiceSet('cases', t(lang, 'intake.casesLabel'), countChoices(), { value: asChoice(answer?.cases), required: t(lang, 'intake.casesRequired') }),
    choiceSet('topics', t(lang, 'intake.topicsLabel'), countChoices(), { value: asChoice(answer?.topics) ?? '0' }),
    choiceSet('service', t(lang, 'intake.serviceLabel'), SERVICES.map((s): [string, string] => [s, t(lang, `services.${s}`)]), {
      value: answer?.service,
      required: t(lang, 'intake.serviceRequired'),
    }),
  ];
}

/** Builds the intake card for everyone (no `personal`) or for one person. */
export function intakeCard(m: IntakeCardModel): CardJson {
  const { lang, tally } = m;
  const counts = countText(lang, tally.cases, tally.topics);
  const body: Element[] = [heading(t(lang, m.open ? 'intake.title' : 'intake.closedTitle'))];
  if (m.open) body.push(paragraph(t(lang, 'intake.instructions'), { subtle: true }));
  body.push(
    facts([
      [t(lang, 'intake.factCases'), String(tally.cases)],
      [t(lang, 'intake.factTopics'), String(tally.topics)],
      [t(lang, 'intake.factPeople'), String(tally.people)],
      [t(lang, 'intake.factServices'), tally.services.length ? tally.services.map((s) => t(lang, `services.${s}`)).join(', ') : t(lang, 'intake.noServices')],
    ]),
    ...planBlocks(m),
  );
  const personal = m.personal;
  if (personal?.errorKey) body.push(paragraph(t(lang, personal.errorKey), { color: 'Attention', bold: true }));
  if (personal?.answer) {
    const mine = countText(lang, personal.answer.cases, personal.answer.topics);
    body.push(paragraph(t(lang, 'intake.yourAnswer', { ...mine, service: t(lang, `services.${personal.answer.service}`) }), { bold: true }));
  }
  if (personal?.deferral) body.push(paragraph(t(lang, 'intake.yourDeferral', { what: itemsText(lang, personal.deferral) }), { color: 'Warning' }));
  if (!m.open) {
    body.push(paragraph(t(lang, 'intake.closedSummary', { ...counts, people: tally.people })));
    return card(body);
  }
  body.push(...form(m));
  return card(body, [
    execute(t(lang, 'intake.submit'), INTAKE_VERBS.answer, { meetingId: m.meetingId }, 'positive'),
    execute(t(lang, 'intake.close'), INTAKE_VERBS.close, { meetingId: m.meetingId }),
    execute(t(lang, 'round.start'), ROUND_VERBS.start, { meetingId: m.meetingId }),
  ]);
}
