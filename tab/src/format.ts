/** Date and time formatting for Helsinki wall-clock values, in the user's language. */
import { intlLocale } from './i18n';
import type { Lang } from './i18n';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Intl formatters are costly to create; the tab renders dozens of dates, so they are reused. */
function fmt(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = locale + JSON.stringify(options);
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, f);
  }
  return f;
}

function utcNoon(date: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d, 12));
}

/** "to 10.12.2026" / "tors 10.12.2026" / "Thu 10/12/2026". */
export function shortDate(lang: Lang, date: string): string {
  return fmt(intlLocale(lang), { weekday: 'short', day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'UTC' }).format(utcNoon(date));
}

/** "torstai 10. joulukuuta 2026". */
export function longDate(lang: Lang, date: string): string {
  return fmt(intlLocale(lang), { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(utcNoon(date));
}

/** Month name for a YYYY-MM month: short (wheel) or long (list headings). */
export function monthName(lang: Lang, month: string, style: 'short' | 'long'): string {
  const date = utcNoon(`${month}-01`);
  if (style === 'short' && lang === 'fi') {
    // Finnish short forms ("tammik.") are hard to read on a wheel; the stem ("tammi") is what people write.
    return fmt('fi-FI', { month: 'long', timeZone: 'UTC' }).format(date).replace(/kuu$/, '');
  }
  return fmt(intlLocale(lang), { month: style, timeZone: 'UTC' }).format(date).replace(/\.$/, '');
}

/** "joulukuu 2026". */
export function monthYear(lang: Lang, month: string): string {
  return fmt(intlLocale(lang), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(utcNoon(`${month}-01`));
}
