/** The headline: "next workshop in N days", with the join link and "add to my calendar". */
import type { CalendarView, WorkshopView } from '../../../bot/domain/calendar/calendar-view';
import { localText } from '../../../bot/domain/calendar/model';
import { workshopIcsUrl } from '../api';
import { h } from '../dom';
import { longDate } from '../format';
import { tr } from '../i18n';
import type { Lang } from '../i18n';
import { themeIcon } from './theme-marks';

/** Finds the next workshop's full record, wherever the view is pointed. */
export function nextHeadline(lang: Lang, next: NonNullable<CalendarView['next']>): string {
  if (next.ongoing) return tr(lang, 'ui.nextOngoing');
  if (next.daysUntil === 0) return tr(lang, 'ui.nextToday');
  if (next.daysUntil === 1) return tr(lang, 'ui.nextTomorrow');
  return tr(lang, 'ui.nextIn', { days: next.daysUntil });
}

/** Join and add-to-calendar actions for one workshop. */
export function workshopActions(lang: Lang, w: WorkshopView): HTMLElement {
  return h('div', { class: 'actions' },
    w.joinUrl && w.status !== 'cancelled' ? h('a', { class: 'btn primary', href: w.joinUrl, target: '_blank', rel: 'noopener noreferrer' }, tr(lang, 'ui.join')) : null,
    h('a', { class: 'btn', href: workshopIcsUrl(w.id, lang), download: `ppt-paja-${w.date}.ics` }, tr(lang, 'ui.addToCalendar')));
}

/** Builds the card; `nextWorkshop` is the record when it is in the loaded cycle. */
export function renderNextUp(lang: Lang, view: CalendarView, nextWorkshop: WorkshopView | undefined, open: (w: WorkshopView, opener: Element) => void): HTMLElement {
  const card = h('section', { class: 'next-up', 'aria-labelledby': 'next-heading' });
  if (!view.next) {
    card.append(h('h2', { id: 'next-heading' }, tr(lang, 'ui.nextNone')));
    return card;
  }
  card.append(h('h2', { id: 'next-heading', class: 'next-heading' }, nextHeadline(lang, view.next)));
  if (!nextWorkshop) return card;
  const title = h('button', { type: 'button', class: 'link-button next-title' }, localText(nextWorkshop.title, lang));
  title.addEventListener('click', () => open(nextWorkshop, title));
  card.append(
    h('p', { class: 'next-title-row' }, themeIcon(nextWorkshop.theme, 18), title),
    h('p', { class: 'next-when' }, `${longDate(lang, nextWorkshop.date)} ${tr(lang, 'ui.timeRange', { start: nextWorkshop.start, end: nextWorkshop.end })}`),
    h('p', { class: 'next-host' }, `${tr(lang, 'fields.host')}: ${tr(lang, `hosts.${nextWorkshop.host}`)}`),
    workshopActions(lang, nextWorkshop));
  return card;
}
