/** The list view: the same cycle month by month, for screen readers and the narrow side panel. */
import type { CalendarView, WorkshopView } from '../../../bot/domain/calendar/calendar-view';
import { THEMES, localText } from '../../../bot/domain/calendar/model';
import { h, s } from '../dom';
import { monthYear, shortDate } from '../format';
import { tr } from '../i18n';
import type { Lang } from '../i18n';
import { themeIcon } from './theme-marks';

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A status chip; colour plus text. */
export function statusChip(lang: Lang, status: WorkshopView['status']): HTMLElement {
  return h('span', { class: `chip status-${status}` }, tr(lang, `statuses.${status}`));
}

/** The legend under the wheel: theme marks, then what a dashed outline and a ring mean. */
export function renderLegend(lang: Lang): HTMLElement {
  const planned = s('svg', { width: 16, height: 16, viewBox: '0 0 20 20', 'aria-hidden': 'true', class: 'theme-icon legend-planned' }, s('circle', { cx: 10, cy: 10, r: 8 }));
  const next = s('svg', { width: 16, height: 16, viewBox: '0 0 20 20', 'aria-hidden': 'true', class: 'theme-icon legend-next' }, s('circle', { cx: 10, cy: 10, r: 7.5 }));
  return h('ul', { class: 'legend', 'aria-label': tr(lang, 'fields.theme') },
    ...THEMES.map((t) => h('li', {}, themeIcon(t), tr(lang, `themes.${t}`))),
    h('li', {}, planned, tr(lang, 'statuses.planned')),
    h('li', {}, next, tr(lang, 'ui.nextBadge')));
}

/** Builds the list; `open` shows details. */
export function renderList(lang: Lang, view: CalendarView, open: (w: WorkshopView, opener: Element) => void): HTMLElement {
  const nextId = view.next?.workshopId;
  const list = h('ol', { class: 'month-list' });
  for (const month of view.cycle.months) {
    const inMonth = view.cycle.workshops.filter((w) => w.date.startsWith(month));
    const current = month === view.currentMonth;
    const item = h('li', { class: `month${current ? ' current' : ''}`, 'data-month': month },
      h('h3', { class: 'month-name' }, capitalise(monthYear(lang, month)), current ? h('span', { class: 'chip current' }, tr(lang, 'ui.currentMonth')) : null));
    if (!inMonth.length) item.append(h('p', { class: 'empty' }, tr(lang, 'ui.noWorkshop')));
    for (const w of inMonth) {
      const button = h('button', { type: 'button', class: `ws-row${w.id === nextId ? ' next' : ''}${w.status === 'cancelled' ? ' cancelled' : ''}`, 'data-workshop': w.id },
        h('span', { class: 'ws-when' }, `${shortDate(lang, w.date)} ${tr(lang, 'ui.timeRange', { start: w.start, end: w.end })}`),
        h('span', { class: 'ws-title' }, localText(w.title, lang)),
        h('span', { class: 'ws-meta' }, themeIcon(w.theme), tr(lang, `themes.${w.theme}`), ' · ', tr(lang, `hosts.${w.host}`)),
        h('span', { class: 'ws-chips' }, w.id === nextId ? h('span', { class: 'chip next' }, tr(lang, 'ui.nextBadge')) : null, statusChip(lang, w.status)));
      button.addEventListener('click', () => open(w, button));
      item.append(button);
    }
    list.append(item);
  }
  return list;
}
