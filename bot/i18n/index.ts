/**
 * The one localisation layer: every user-facing string comes from fi.json (default), sv.json or
 * en.json. Keys are dotted paths; `{name}` placeholders are filled from params.
 */
import fi from './fi.json';
import sv from './sv.json';
import en from './en.json';

/** Languages Vuoro speaks. Finnish is the default. */
export type Lang = 'fi' | 'sv' | 'en';

type Catalogue = { [key: string]: string | Catalogue };

const catalogues: Record<Lang, Catalogue> = { fi, sv, en };

/** Maps a Teams locale ('sv-FI', 'en-US', 'fi', undefined) to one of our languages. */
export function langFromLocale(locale: string | undefined | null): Lang {
  const base = (locale ?? '').toLowerCase().split(/[-_]/)[0];
  return base === 'sv' || base === 'en' ? base : 'fi';
}

function lookup(cat: Catalogue, key: string): string | undefined {
  let node: string | Catalogue | undefined = cat;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** Translates `key` into `lang`; falls back to Finnish, then to the key itself (never throws). */
export function t(lang: Lang, key: string, params: Record<string, string | number> = {}): string {
  const template = lookup(catalogues[lang], key) ?? lookup(catalogues.fi, key) ?? key;
  if (!template.includes('{')) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** A translator bound to one language, handy in handlers and cards. */
export type Translate = (key: string, params?: Record<string, string | number>) => string;

/** Returns `t` bound to `lang`. */
export function translator(lang: Lang): Translate {
  return (key, params) => t(lang, key, params);
}

/** Every key of a catalogue, for the completeness test. */
export function catalogueKeys(lang: Lang): string[] {
  const keys: string[] = [];
  const walk = (node: Catalogue, prefix: string) => {
    for (const [k, v] of Object.entries(node)) {
      const path = prefix ? `${prefix}.${k}` : k;
      if (typeof v === 'string') keys.push(path);
      else walk(v, path);
    }
  };
  walk(catalogues[lang], '');
  return keys.sort();
}

/**
 * Plural-aware translation: a catalogue entry "one|other" picks the first form for 1 and the
 * second for any other count (enough for Finnish, Swedish and English).
 */
export function tn(lang: Lang, key: string, n: number, params: Record<string, string | number> = {}): string {
  const forms = t(lang, key, { ...params, n }).split('|');
  return n === 1 || forms.length === 1 ? forms[0] : forms[1];
}
