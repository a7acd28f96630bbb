/** Localised redaction placeholders: the screening domain stays i18n-free and takes this function. */
import type { FindingType } from '../domain/screening';
import { t, type Lang } from '../i18n';

/** Placeholder maker for `lang`: `[henkilötunnus]`, `[personbeteckning]`, `[personal identity code]` ... */
export function placeholderFor(lang: Lang): (type: FindingType) => string {
  return (type) => `[${t(lang, `screening.type.${type}`)}]`;
}
