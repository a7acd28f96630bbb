/**
 * Theme marks: each theme has a colour and a shape, so the wheel does not rely on colour alone
 * (WCAG 1.4.1). Colours come from CSS variables that change with the Teams theme.
 */
import type { ThemeKey } from '../../../bot/domain/calendar/model';
import { s } from '../dom';

/** The SVG shape for a theme, centred on (x, y) with radius r. */
export function themeShape(theme: ThemeKey, x: number, y: number, r: number, cls: string): SVGElement {
  const poly = (points: Array<[number, number]>) => s('polygon', { points: points.map(([px, py]) => `${(x + px * r).toFixed(1)},${(y + py * r).toFixed(1)}`).join(' '), class: cls });
  const ngon = (n: number, rot: number) => poly(Array.from({ length: n }, (_, i) => {
    const a = rot + (i * 2 * Math.PI) / n;
    return [Math.cos(a), Math.sin(a)] as [number, number];
  }));
  switch (theme) {
    case 'integration': return s('circle', { cx: x, cy: y, r: r * 0.95, class: cls });
    case 'development': return poly([[0, -1.15], [1.15, 0], [0, 1.15], [-1.15, 0]]);
    case 'services': return s('rect', { x: x - r * 0.85, y: y - r * 0.85, width: r * 1.7, height: r * 1.7, rx: r * 0.25, class: cls });
    case 'coreProcess': return ngon(6, 0);
    case 'wellbeing': return ngon(8, Math.PI / 8);
  }
}

/** A small standalone icon of the theme mark, for the legend and the list. */
export function themeIcon(theme: ThemeKey, size = 16): SVGSVGElement {
  return s('svg', { width: size, height: size, viewBox: '0 0 20 20', 'aria-hidden': 'true', focusable: 'false', class: 'theme-icon' },
    themeShape(theme, 10, 10, 8, `mark theme-${theme}`));
}
