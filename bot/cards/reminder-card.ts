/**
 * The reminder card (theme, date and time in Helsinki time, join link, add-to-calendar, materials,
 * "I can't attend — I'll send a substitute"), the change notice, and the substitute form.
 */
import type { Workshop } from '../domain/calendar/model';
import { localText } from '../domain/calendar/model';
import { HELSINKI, helsinkiToUtc } from '../domain/calendar/helsinki-time';
import { parseOffset } from '../domain/reminders/offsets';
import { SERVICES } from '../domain/intake/services';
import { Lang, t, tn } from '../i18n';
import { CardJson, Element, card, choiceSet, execute, facts, heading, paragraph } from './card-kit';

/** Action verbs the reminder cards send back. */
export const REMINDER_VERBS = { substitute: 'reminder.substitute', saveSubstitute: 'reminder.substituteSave', attend: 'reminder.attend' } as const;

/** What a reminder or notice card shows. */
export interface ReminderCardModel {
  lang: Lang;
  kind: 'reminder' | 'moved' | 'cancelled';
  workshop: Workshop;
  /** The offset code for a reminder ("7d"), absent for notices. */
  offset?: string;
  publicBaseUrl: string;
}

const LOCALES: Record<Lang, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

// Building an Intl formatter costs far more than using one; a reminder round formats hundreds of dates.
const dateFormats = new Map<Lang, Intl.DateTimeFormat>();

/** The workshop's date as people read it, e.g. "torstaina 12.11.2026", in Helsinki time. */
export function workshopDate(lang: Lang, w: Pick<Workshop, 'date' | 'start'>): string {
  let format = dateFormats.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALES[lang], { timeZone: HELSINKI, weekday: 'long', day: 'numeric', month: 'numeric', year: 'numeric' });
    dateFormats.set(lang, format);
  }
  return format.format(new Date(helsinkiToUtc(w.date, w.start)));
}

function when(lang: Lang, offset: string | undefined): string {
  const o = offset ? parseOffset(offset) : undefined;
  if (!o) return '';
  const key = o.unit === 'd' ? 'reminders.inDays' : o.unit === 'h' ? 'reminders.inHours' : 'reminders.inMinutes';
  return tn(lang, key, o.amount);
}

function openUrl(title: string, url: string): Element {
  return { type: 'Action.OpenUrl', title, url };
}

/** The card for one reminder or change notice. */
export function reminderCard(m: ReminderCardModel): CardJson {
  const { lang, workshop: w } = m;
  const title = localText(w.title, lang);
  const date = workshopDate(lang, w);
  const icsUrl = `${m.publicBaseUrl}/api/workshops/${encodeURIComponent(w.id)}.ics`;
  const data = { workshopId: w.id };
  if (m.kind === 'cancelled') {
    return card([heading(t(lang, 'reminders.cancelledTitle')), paragraph(title, { bold: true }), paragraph(t(lang, 'reminders.cancelledText', { date }), { color: 'Attention' })]);
  }
  const body: Element[] = [
    heading(m.kind === 'moved' ? t(lang, 'reminders.movedTitle') : t(lang, 'reminders.cardTitle', { when: when(lang, m.offset) })),
    paragraph(title, { bold: true }),
  ];
  if (m.kind === 'moved') body.push(paragraph(t(lang, 'reminders.movedText', { date, time: w.start }), { color: 'Warning' }));
  body.push(facts([
    [t(lang, 'reminders.theme'), t(lang, `calendar.themes.${w.theme}`)],
    [t(lang, 'reminders.date'), date],
    [t(lang, 'reminders.time'), t(lang, 'reminders.timeRange', { start: w.start, end: w.end })],
    [t(lang, 'reminders.host'), t(lang, `calendar.hosts.${w.host}`)],
  ]));
  const description = localText(w.description, lang);
  if (description) body.push(paragraph(description, { subtle: true }));
  if (!w.joinUrl) body.push(paragraph(t(lang, 'reminders.noJoinLink'), { subtle: true }));
  const actions: Element[] = [];
  if (w.joinUrl) actions.push(openUrl(t(lang, 'reminders.join'), w.joinUrl));
  actions.push(openUrl(t(lang, 'reminders.addToCalendar'), icsUrl));
  if (w.materialsUrl) actions.push(openUrl(t(lang, 'reminders.materials'), w.materialsUrl));
  actions.push(execute(t(lang, 'reminders.substitute'), REMINDER_VERBS.substitute, data));
  return card(body, actions);
}

/** The form shown to the person who pressed "I can't attend": their service and who covers. */
export function substituteForm(lang: Lang, w: Workshop, errorKey?: string): CardJson {
  const body: Element[] = [heading(t(lang, 'reminders.formTitle')), paragraph(`${localText(w.title, lang)} · ${workshopDate(lang, w)} ${w.start}`, { bold: true }), paragraph(t(lang, 'reminders.formIntro'), { subtle: true })];
  if (errorKey) body.push(paragraph(t(lang, errorKey), { color: 'Attention', bold: true }));
  body.push(
    choiceSet('service', t(lang, 'reminders.serviceLabel'), SERVICES.map((s): [string, string] => [s, t(lang, `services.${s}`)]), { required: t(lang, 'reminders.serviceRequired') }),
    // Teams' people picker: the value is the chosen person's Entra object id, never a name.
    { type: 'Input.ChoiceSet', id: 'substitute', label: t(lang, 'reminders.substituteLabel'), choices: [], 'choices.data': { type: 'Data.Query', dataset: 'graph.users' } },
  );
  return card(body, [
    execute(t(lang, 'reminders.saveSubstitute'), REMINDER_VERBS.saveSubstitute, { workshopId: w.id }, 'positive'),
    execute(t(lang, 'reminders.attendInstead'), REMINDER_VERBS.attend, { workshopId: w.id }),
  ]);
}

/** The confirmation after an answer was recorded. */
export function answerRecorded(lang: Lang, w: Workshop, status: 'attending' | 'substitute', service: string): CardJson {
  const key = status === 'substitute' ? 'reminders.savedSubstitute' : 'reminders.savedAttending';
  return card([heading(localText(w.title, lang)), paragraph(`${workshopDate(lang, w)} ${w.start}`), paragraph(t(lang, key, { service: t(lang, `services.${service}`) }), { color: 'Good' })]);
}
