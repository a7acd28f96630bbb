/**
 * The annual wheel: twelve month sectors from the cycle's first month, clockwise from the top;
 * each workshop marked at its day with its theme mark; the current month, today's "clock hand" and
 * the next workshop highlighted. Workshops are buttons: Tab, arrows, Enter or Space open details.
 */
import type { CalendarView, WorkshopView } from '../../../bot/domain/calendar/calendar-view';
import { localText } from '../../../bot/domain/calendar/model';
import { h, s } from '../dom';
import { monthName, shortDate } from '../format';
import { tr } from '../i18n';
import type { Lang } from '../i18n';
import { themeShape } from './theme-marks';

const C = 200;
const R_OUTER = 194;
const R_LABEL = 173;
const R_BAND = 150;
const R_INNER = 78;
const R_MARK = 114;

function polar(r: number, deg: number): [number, number] {
  const rad = (deg * Math.PI) / 180;
  return [C + r * Math.cos(rad), C + r * Math.sin(rad)];
}

function sectorPath(r0: number, r1: number, a0: number, a1: number): string {
  const [x0, y0] = polar(r1, a0);
  const [x1, y1] = polar(r1, a1);
  const [x2, y2] = polar(r0, a1);
  const [x3, y3] = polar(r0, a0);
  const f = (n: number) => n.toFixed(2);
  return `M${f(x0)} ${f(y0)}A${r1} ${r1} 0 0 1 ${f(x1)} ${f(y1)}L${f(x2)} ${f(y2)}A${r0} ${r0} 0 0 0 ${f(x3)} ${f(y3)}Z`;
}

function daysInMonth(month: string): number {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Angle (degrees, 0 = east) of a date within the wheel; sectors start at the top. */
function angleOf(months: string[], date: string, clampDeg = 0): number {
  const i = months.indexOf(date.slice(0, 7));
  const frac = (Number(date.slice(8, 10)) - 0.5) / daysInMonth(date.slice(0, 7));
  const within = Math.min(30 - clampDeg, Math.max(clampDeg, frac * 30));
  return -90 + i * 30 + within;
}

/** Accessible name of a workshop button. */
export function workshopLabel(lang: Lang, w: WorkshopView, isNext: boolean): string {
  const parts = [
    `${shortDate(lang, w.date)} ${tr(lang, 'ui.timeRange', { start: w.start, end: w.end })}`,
    localText(w.title, lang),
    `${tr(lang, 'fields.theme')}: ${tr(lang, `themes.${w.theme}`)}`,
    tr(lang, `statuses.${w.status}`),
  ];
  if (isNext) parts.unshift(tr(lang, 'ui.nextBadge'));
  return parts.join(', ');
}

/** Builds the wheel; `open` is called with the workshop to show. */
export function renderWheel(lang: Lang, view: CalendarView, open: (w: WorkshopView, opener: Element) => void): HTMLElement {
  const { months, workshops } = view.cycle;
  const nextId = view.next?.cycleId === view.cycle.id ? view.next.workshopId : undefined;
  const svg = s('svg', {
    viewBox: '-4 -4 408 408', class: 'wheel', role: 'group',
    'aria-label': tr(lang, 'ui.wheelLabel', { cycle: view.cycle.id.replace('-', '–'), count: workshops.length }),
  });
  const sectors = s('g', { 'aria-hidden': 'true' });
  months.forEach((month, i) => {
    const a0 = -90 + i * 30;
    const current = month === view.currentMonth;
    sectors.append(
      s('path', { d: sectorPath(R_INNER, R_OUTER, a0, a0 + 30), class: `sector${i % 2 ? ' odd' : ''}${current ? ' current' : ''}` }),
      s('path', { d: sectorPath(R_BAND, R_OUTER, a0, a0 + 30), class: `band${current ? ' current' : ''}` }),
    );
    const [lx, ly] = polar(R_LABEL, a0 + 15);
    sectors.append(s('text', { x: lx.toFixed(1), y: ly.toFixed(1), class: `month-label${current ? ' current' : ''}`, 'text-anchor': 'middle', 'dominant-baseline': 'central' }, monthName(lang, month, 'short')));
  });
  svg.append(sectors);

  if (months.includes(view.today.slice(0, 7))) {
    const a = angleOf(months, view.today);
    const [x0, y0] = polar(R_INNER + 2, a);
    const [x1, y1] = polar(R_BAND - 2, a);
    svg.append(s('g', { 'aria-hidden': 'true', class: 'hand' },
      s('line', { x1: x0.toFixed(1), y1: y0.toFixed(1), x2: x1.toFixed(1), y2: y1.toFixed(1) }),
      s('circle', { cx: x1.toFixed(1), cy: y1.toFixed(1), r: 4 })));
  }

  const [year0, year1] = view.cycle.id.split('-');
  svg.append(s('g', { 'aria-hidden': 'true' },
    s('circle', { cx: C, cy: C, r: R_INNER - 4, class: 'hub' }),
    s('text', { x: C, y: C - 10, class: 'hub-years', 'text-anchor': 'middle', 'dominant-baseline': 'central' }, `${year0}–${year1 ?? ''}`),
    s('text', { x: C, y: C + 16, class: 'hub-caption', 'text-anchor': 'middle', 'dominant-baseline': 'central' }, tr(lang, `phases.${view.cycle.phase}`))));

  const buttons: SVGGElement[] = [];
  for (const w of workshops) {
    if (!months.includes(w.date.slice(0, 7))) continue;
    const [x, y] = polar(R_MARK, angleOf(months, w.date, 7));
    const isNext = w.id === nextId;
    const g = s('g', {
      class: `ws status-${w.status}${isNext ? ' next' : ''}`, role: 'button', tabindex: '0',
      'aria-label': workshopLabel(lang, w, isNext), 'data-workshop': w.id, 'data-month': w.date.slice(0, 7),
    });
    g.append(s('circle', { cx: x.toFixed(1), cy: y.toFixed(1), r: 27, class: 'focus-ring' }));
    if (isNext) g.append(s('circle', { cx: x.toFixed(1), cy: y.toFixed(1), r: 23, class: 'next-ring' }));
    g.append(themeShape(w.theme, x, y, 16, `mark theme-${w.theme}`));
    g.append(s('text', { x: x.toFixed(1), y: (y + 0.5).toFixed(1), class: 'mark-day', 'text-anchor': 'middle', 'dominant-baseline': 'central' }, String(Number(w.date.slice(8, 10)))));
    g.addEventListener('click', () => open(w, g));
    g.addEventListener('keydown', (e) => {
      const i = buttons.indexOf(g);
      if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); open(w, g); }
      else if (e.key === 'ArrowRight' || e.key === 'ArrowDown') { e.preventDefault(); buttons[(i + 1) % buttons.length].focus(); }
      else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') { e.preventDefault(); buttons[(i - 1 + buttons.length) % buttons.length].focus(); }
    });
    buttons.push(g);
    svg.append(g);
  }
  return h('div', { class: 'wheel-wrap' }, svg);
}
