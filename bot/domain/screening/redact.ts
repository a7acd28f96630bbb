/** Replacing findings with placeholders, and counting them (types and counts are all we keep). */
import * as typesModule from './types';
import type { Finding, FindingType } from './types';
// Imports bound once at load: a use through the module object is re-checked on every call (README, "Imports").
const { FINDING_TYPES } = typesModule;

/** Finnish placeholders, the default when no localised ones are passed. */
export const FINNISH_PLACEHOLDERS: Record<FindingType, string> = {
  personal_id: '[henkilötunnus]',
  phone: '[puhelinnumero]',
  email: '[sähköposti]',
  iban: '[tilinumero]',
  address: '[osoite]',
  name: '[nimi]',
  date_of_birth: '[syntymäaika]',
  record_number: '[asiakasnumero]',
  vehicle_number: '[rekisterinumero]',
  passport_number: '[passinumero]',
};

/**
 * Returns `text` with every finding replaced by `placeholder(type)`. Findings may come in any
 * order; overlapping ones are merged into the first.
 */
export function redact(text: string, findings: readonly Finding[], placeholder: (type: FindingType) => string = finnishPlaceholder): string {
  // most messages have nothing to redact: returned as they are, with no copy
  if (findings.length === 0) return text;
  // screen() returns findings sorted; only others are copied and sorted
  const sorted = isSorted(findings) ? findings : [...findings].sort((a, b) => a.start - b.start);
  let out = '';
  let pos = 0;
  for (const f of sorted) {
    const start = Math.max(f.start, pos);
    if (f.end <= start) continue;
    out += text.slice(pos, start) + placeholder(f.type);
    pos = f.end;
  }
  return out + text.slice(pos);
}

/**
 * FINNISH_PLACEHOLDERS[type] by a switch on the interned type strings (compared by reference): the
 * keyed look-up went through V8's megamorphic stub cache for every finding.
 */
function finnishPlaceholder(type: FindingType): string {
  switch (type) {
    case 'personal_id': return FINNISH_PLACEHOLDERS.personal_id;
    case 'phone': return FINNISH_PLACEHOLDERS.phone;
    case 'email': return FINNISH_PLACEHOLDERS.email;
    case 'iban': return FINNISH_PLACEHOLDERS.iban;
    case 'address': return FINNISH_PLACEHOLDERS.address;
    case 'name': return FINNISH_PLACEHOLDERS.name;
    case 'date_of_birth': return FINNISH_PLACEHOLDERS.date_of_birth;
    case 'record_number': return FINNISH_PLACEHOLDERS.record_number;
    case 'vehicle_number': return FINNISH_PLACEHOLDERS.vehicle_number;
    case 'passport_number': return FINNISH_PLACEHOLDERS.passport_number;
    default: return FINNISH_PLACEHOLDERS[type];
  }
}

function isSorted(findings: readonly Finding[]): boolean {
  for (let i = 1; i < findings.length; i++) if (findings[i].start < findings[i - 1].start) return false;
  return true;
}

/** Counts per type (every type present, zero when absent). */
export function summarise(findings: readonly Finding[]): Record<FindingType, number> {
  const counts = Object.fromEntries(FINDING_TYPES.map((t) => [t, 0])) as Record<FindingType, number>;
  for (const f of findings) counts[f.type]++;
  return counts;
}
