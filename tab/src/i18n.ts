/**
 * The tab's view of the one localisation layer: the `calendar` key of bot/i18n/*.json, bundled at
 * build time; same lookup rules as bot/i18n (fall back to Finnish, then the key).
 */
import catalogues from 'virtual:calendar-i18n';

/** Languages the tab speaks. */
export type Lang = 'fi' | 'sv' | 'en';

type Node = string | { [key: string]: Node } | undefined;

/** Maps a Teams or browser locale to one of our languages; Finnish by default. */
export function langFromLocale(locale: string | null | undefined): Lang {
  const base = (locale ?? '').toLowerCase().split(/[-_]/)[0];
  return base === 'sv' || base === 'en' ? base : 'fi';
}

function lookup(node: Node, key: string): string | undefined {
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** Translates a key under `calendar.`. */
export function tr(lang: Lang, key: string, params: Record<string, string | number> = {}): string {
  const template = lookup(catalogues[lang], key) ?? lookup(catalogues.fi, key) ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** BCP 47 locale used for Intl date formatting. */
export function intlLocale(lang: Lang): string {
  return lang === 'fi' ? 'fi-FI' : lang === 'sv' ? 'sv-FI' : 'en-GB';
}
