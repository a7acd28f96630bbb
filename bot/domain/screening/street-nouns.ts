/** Street nouns (Finnish and Swedish) and the in-place tests for a word that ends in one. */
import * as charsModule from './chars';
import { WordTable } from './word-table';
// Imports bound once at load: a use through the module object is re-checked on every call (README, "Imports").
const { lowerCode } = charsModule;

// A street name is one word ending in a street noun, possibly inflected (Fredrikinkadulla), Finnish or
// Swedish (Handelsesplanaden, Brunnsgränd, Skeppsbrokajen, Järnvägsplan).
const STREET_NOUNS = [
  'tie', 'tien', 'tiellä', 'tiella', 'tieltä', 'tielle', 'tietä', 'katu', 'kadun', 'kadulla', 'kadulle', 'kadulta',
  'katua', 'kuja', 'kujan', 'kujalla', 'kujalle', 'kujalta', 'polku', 'polun', 'polulla', 'polulle', 'raitti',
  'raitin', 'raitilla', 'tori', 'torin', 'torilla', 'kaari', 'kaaren', 'kaarella', 'rinne', 'rinteen', 'rinteellä',
  'väylä', 'väylän', 'väylällä', 'puistikko', 'aukio', 'aukion', 'aukiolla', 'penger', 'portti', 'portin', 'kaarre',
  'kallio', 'mäki', 'mäen', 'mäellä', 'ranta', 'rannan', 'rannalla', 'gatan', 'gatu', 'gata', 'vägen', 'väg',
  'gränd', 'gränden', 'stigen', 'stig', 'backen', 'backe', 'torget', 'torg', 'allén', 'allen', 'allé', 'kajen',
  'kaj', 'strand', 'stranden', 'esplanaden', 'esplanad', 'esplanadi', 'esplanadilla', 'bulevarden', 'bulevardi',
  'plan', 'planen', 'parken', 'kullen', 'höjden', 'berget', 'udden', 'ängen', 'bågen', 'slingan', 'ringen',
  'stråket', 'hagen', 'bryggan', 'kroken', 'svängen', 'liden', 'brinken', 'puistotie', 'puistokatu', 'ahde',
];
// Streets whose whole name is the street noun.
const WHOLE_NAMES = ['esplanadi', 'esplanadilla', 'esplanaden', 'bulevardi', 'bulevardilla', 'bulevarden', 'mannerheimintie'];
export const WHOLE_STREET_NAMES = new WordTable(WHOLE_NAMES.map((w) => [w, 1] as const));

/**
 * The low five bits of the last three letters (lower case): 15 bits. Distinct for a-z; a rarer letter
 * may share a key with another word's ending, which only lets that word on to the exact tests.
 */
function tailKey(a: number, b: number, c: number): number {
  return ((a & 31) << 10) | ((b & 31) << 5) | (c & 31);
}

// The endings of every street noun and whole street name, one bit per key (4 KB): a word ending
// otherwise is no street, and its suffixes are not looked up.
const STREET_TAILS = new Int32Array(1 << 10);
for (const w of [...STREET_NOUNS, ...WHOLE_NAMES]) {
  const key = tailKey(w.charCodeAt(w.length - 3), w.charCodeAt(w.length - 2), w.charCodeAt(w.length - 1));
  STREET_TAILS[key >>> 5] |= 1 << (key & 31);
}

/** The word s[start, end) may end like a street noun or whole street name (a filter: the exact tests follow). */
export function streetTail(s: string, start: number, end: number): boolean {
  if (end - start < 3) return false;
  const key = tailKey(lowerCode(s.charCodeAt(end - 3)), lowerCode(s.charCodeAt(end - 2)), lowerCode(s.charCodeAt(end - 1)));
  return (STREET_TAILS[key >>> 5] & (1 << (key & 31))) !== 0;
}

// Street nouns grouped by tailKey(), longest first: a word whose ending passes STREET_TAILS is
// compared with the few nouns of its key only, from the last letter back (no copy, no regex). The
// groups are found by an index per key (32 KB, read only for street-like words), not a Map look-up.
const GROUPS: string[][] = [];
const GROUP_OF_TAIL = new Uint8Array(1 << 15);
for (const w of STREET_NOUNS) {
  const key = tailKey(w.charCodeAt(w.length - 3), w.charCodeAt(w.length - 2), w.charCodeAt(w.length - 1));
  if (GROUP_OF_TAIL[key] === 0) GROUP_OF_TAIL[key] = GROUPS.push([]);
  GROUPS[GROUP_OF_TAIL[key] - 1].push(w);
}
// the index holds a group number in a byte
if (GROUPS.length > 255) throw new Error('street nouns: more endings than GROUP_OF_TAIL can number');
for (const group of GROUPS) group.sort((a, b) => b.length - a.length);

/** The lower-cased s[..., end) ends in `noun`, compared from the last letter back. */
function endsWithNoun(s: string, end: number, noun: string): boolean {
  const from = end - noun.length;
  for (let k = noun.length - 1; k >= 0; k--) if (lowerCode(s.charCodeAt(from + k)) !== noun.charCodeAt(k)) return false;
  return true;
}

/** Length of the longest street noun the word s[start, end) ends in, compared in lower case; 0 when none. */
export function streetNounLength(s: string, start: number, end: number): number {
  if (end - start < 3) return 0;
  const g = GROUP_OF_TAIL[tailKey(lowerCode(s.charCodeAt(end - 3)), lowerCode(s.charCodeAt(end - 2)), lowerCode(s.charCodeAt(end - 1)))];
  if (g === 0) return 0;
  const group = GROUPS[g - 1];
  for (let k = 0; k < group.length; k++) {
    const noun = group[k];
    if (noun.length <= end - start && endsWithNoun(s, end, noun)) return noun.length;
  }
  return 0;
}
