/**
 * One catalogue per language, complete: every key in Finnish exists in Swedish and English, no
 * string is empty, and every placeholder survives translation.
 */
import { catalogueKeys, langFromLocale, t, tn } from '../../bot/i18n';

const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();

describe('message catalogues', () => {
  const fi = catalogueKeys('fi');

  it.each(['sv', 'en'] as const)('%s has exactly the Finnish keys', (lang) => {
    expect(catalogueKeys(lang)).toEqual(fi);
  });

  it.each(['fi', 'sv', 'en'] as const)('%s has no empty strings and keeps the placeholders', (lang) => {
    for (const key of fi) {
      const text = t(lang, key);
      expect(text.trim()).not.toBe('');
      expect(text).not.toBe(key);
      expect(placeholders(text)).toEqual(placeholders(t('fi', key)));
    }
  });

  it('picks the language from the Teams locale, Finnish by default', () => {
    expect(langFromLocale('sv-FI')).toBe('sv');
    expect(langFromLocale('en-US')).toBe('en');
    expect(langFromLocale('fi-FI')).toBe('fi');
    expect(langFromLocale('de-DE')).toBe('fi');
    expect(langFromLocale(undefined)).toBe('fi');
  });

  it('uses singular and plural forms', () => {
    expect(tn('fi', 'intake.casesCount', 1)).toBe('1 tapaus');
    expect(tn('fi', 'intake.casesCount', 3)).toBe('3 tapausta');
    expect(tn('sv', 'intake.casesCount', 2)).toBe('2 ärenden');
    expect(tn('en', 'intake.topicsCount', 2)).toBe('2 phenomena');
  });
});
