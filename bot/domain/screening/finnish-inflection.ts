/**
 * Cheap Finnish (and Swedish/English genitive) suffix stripping that proposes nominative forms of
 * an inflected name: Virtaselle -> virtanen, Matin -> matti, Aholassa -> ahola, Lahden -> lahti.
 * The caller keeps a candidate only if it is in a name lexicon, so over-generation is harmless.
 */

// Longest first; case endings, plural -i- forms are left out (names are rarely plural here).
const SUFFIXES = [
  'ineen', 'lleen', 'ssaan', 'ssään', 'staan', 'stään', 'ltaan', 'ltään', 'llaan', 'llään',
  'ille', 'illa', 'illä', 'ilta', 'iltä', 'issa', 'issä', 'ista', 'istä', 'iin', 'ina', 'inä', 'ia', 'iä',
  'lle', 'lla', 'llä', 'lta', 'ltä', 'ssa', 'ssä', 'sta', 'stä', 'ksi', 'kin', 'tta', 'ttä',
  'na', 'nä', 'ta', 'tä', 'en', 'an', 'än', 'on', 'ön', 'un', 'yn', 'in', 'n', 'a', 'ä', "'s", 's', 't',
];

const VOWELS = 'aeiouyäöå';

function isVowel(ch: string | undefined): boolean {
  return ch !== undefined && VOWELS.includes(ch);
}

/** Strong grade forms of a weak-grade stem (reverse consonant gradation), plus the stem itself. */
function strongForms(stem: string, out: string[]): void {
  out.push(stem);
  const n = stem.length;
  if (n < 3) return;
  const last = stem[n - 1];
  if (!isVowel(last)) return;
  const body = stem.slice(0, n - 1);
  const c1 = body[body.length - 1];
  const c2 = body[body.length - 2];
  const head = body.slice(0, body.length - 1);
  const variants: string[] = [];
  if (c1 === 't' || c1 === 'k' || c1 === 'p') {
    if (c2 !== c1) variants.push(body + c1 + last); // mati -> matti, mikon -> mikko
  }
  if (c1 === 'd') variants.push(head + 't' + last); // sadu -> satu, lehdo -> lehto
  if (c1 === 'v') variants.push(head + 'p' + last); // kylvö? -> kylpö
  if (c1 === c2 && (c1 === 'r' || c1 === 'l' || c1 === 'n')) variants.push(head + 't' + last); // virra -> virta, ranna -> ranta
  if (c1 === 'm' && c2 === 'm') variants.push(head + 'p' + last); // lamme -> lampe -> lampi
  if (c1 === 'g' && c2 === 'n') variants.push(head + 'k' + last); // honga -> honka
  variants.push(body + 'k' + last); // mäe -> mäke -> mäki, turu -> turku (k deleted)
  for (const v of variants) out.push(v);
  // e-stems of i-ending nouns: kive -> kivi, nieme -> niemi, lahte -> lahti
  for (const v of [stem, ...variants]) if (v.endsWith('e')) out.push(v.slice(0, -1) + 'i');
}

/** Candidate base forms for a lower-case word (the word itself is not included). */
export function baseForms(word: string): string[] {
  const out: string[] = [];
  if (word.length < 4) return out;
  for (const suf of SUFFIXES) {
    if (!word.endsWith(suf)) continue;
    const stem = word.slice(0, word.length - suf.length);
    if (stem.length < 2) continue;
    // -nen names: virtase(lle), virtas(ta) -> virtanen; -s names: tuomakse(lle) -> tuomas
    if (stem.endsWith('kse')) out.push(stem.slice(0, -3) + 's');
    if (stem.endsWith('se')) out.push(stem.slice(0, -2) + 'nen');
    else if (stem.endsWith('s') && (suf === 'ta' || suf === 'tä')) out.push(stem.slice(0, -1) + 'nen');
    // illative: aholaa(n) -> ahola, matti(in) -> matti, lainee(lle) -> laine
    if (stem.length > 2 && stem[stem.length - 1] === stem[stem.length - 2] && isVowel(stem[stem.length - 1])) {
      strongForms(stem.slice(0, -1), out);
    }
    strongForms(stem, out);
  }
  if (word.endsWith('seen')) out.push(word.slice(0, -4) + 'nen');
  return out;
}
