import { baseForms, baseFormsAt, FORM_HASH, formEndsInNen, formHash, formLength, formSecondHash, suffixCount } from '../../../bot/domain/screening/finnish-inflection';
import { FORM_HASH_BITS } from '../../../bot/domain/screening/lexicon-bits';
import { hashLower, hashPair, hashSecond, HashSet, pairHash1, pairHash2, WordTable } from '../../../bot/domain/screening/word-table';

describe('WordTable (look-ups inside the message, no copies)', () => {
  const table = new WordTable([['äiti', 1], ['asiakas', 2], ['asiakas', 4], ['åsa', 8]]);

  it('finds a word anywhere in a text, in any case, with the bits of every entry for it', () => {
    const text = 'Kävin ÄITI:n ja Asiakas-käynnillä ÅSA';
    expect(table.get(text, 6, 10)).toBe(1);
    expect(table.get(text, 16, 23)).toBe(6);
    expect(table.get(text, 34, 37)).toBe(8);
  });

  it('answers 0 for words it does not hold, for prefixes and for longer words', () => {
    expect(table.get('isä', 0, 3)).toBe(0);
    expect(table.get('asiakas', 0, 6)).toBe(0);
    expect(table.get('asiakkaat', 0, 9)).toBe(0);
    expect(table.getWord('')).toBe(0);
  });

  it('agrees with the hash it is given', () => {
    const text = 'rouva Asiakas';
    expect(table.getHashed(hashLower(text, 6, 13), text, 6, 13)).toBe(6);
    hashPair(text, 6, 13);
    expect(pairHash1).toBe(hashLower('asiakas', 0, 7));
  });
});

describe('HashSet (remembers words by hash only)', () => {
  it('holds what was added, forgets everything when cleared and starts over when full', () => {
    const set = new HashSet(8);
    hashPair('Kela', 0, 4);
    const [a, b] = [pairHash1, pairHash2];
    expect(set.has(a, b)).toBe(false);
    set.add(a, b);
    expect(set.has(a, b)).toBe(true);
    hashPair('kela', 0, 4);
    expect(set.has(pairHash1, pairHash2)).toBe(true);
    for (let i = 0; i < 20; i++) {
      const w = `sana${i}`;
      hashPair(w, 0, w.length);
      set.add(pairHash1, pairHash2);
    }
    // a full set starts over: the first word is gone, the last one is there
    expect(set.has(a, b)).toBe(false);
    hashPair('sana19', 0, 6);
    expect(set.has(pairHash1, pairHash2)).toBe(true);
    set.clear();
    expect(set.has(pairHash1, pairHash2)).toBe(false);
  });

  it('hasFirst answers for the first hash alone, so a caller can skip computing the second', () => {
    const set = new HashSet(16);
    hashPair('viikolla', 0, 8);
    const [a, b] = [pairHash1, pairHash2];
    expect(set.hasFirst(a)).toBe(false);
    set.add(a, b);
    expect(set.hasFirst(a)).toBe(true);
    // the same first hash with another second hash: hasFirst says maybe, has() says no
    expect(set.has(a, b ^ 2)).toBe(false);
    hashPair('kuukauden', 0, 9);
    expect(set.hasFirst(pairHash1)).toBe(false);
    set.clear();
    expect(set.hasFirst(a)).toBe(false);
  });
});

describe('baseForms', () => {
  it.each([
    ['virtaselle', 'virtanen'],
    ['matin', 'matti'],
    ['aholassa', 'ahola'],
    ['lahden', 'lahti'],
    ['tuomakselle', 'tuomas'],
    ['korhosta', 'korhonen'],
  ])('%s proposes %s', (word, base) => {
    expect(baseForms(word)).toContain(base);
  });

  it('proposes nothing for short words', () => {
    expect(baseForms('ja')).toEqual([]);
  });

  // The name classifier skips reading (and remembering) a word in which suffixCount() finds no suffix: it must never
  // reject a word with a base form, and it does reject words that end in no suffix.
  it('is seen to propose nothing only for words that have no base form', () => {
    const words = ['Virtaselle', 'Kelassa', 'Matti', 'Jokinen', 'Helsingfors', 'Biblioteksgatan', 'Korhosten', 'Lindqvist', 'Tuomakseen', 'Rinteeksi', "Olsson's", 'Aholoille', 'Ahmed'];
    for (const w of words) if (suffixCount(w, 0, w.length) === 0) expect([w, baseForms(w.toLowerCase())]).toEqual([w, []]);
    expect(words.filter((w) => suffixCount(w, 0, w.length) === 0)).toEqual(['Matti', 'Ahmed']);
  });

  // The name classifier drops a proposed form whose hash no lexicon word has; a hash that differs
  // from the tables' own would drop every inflected name ("Virtaselle" would pass unseen).
  it.each(['Virtaselle', 'matin', 'Aholassa', 'tuomakselle', 'Korhosta', 'Mäkiselle'])('hashes each form of %s as the word tables do', (word) => {
    const forms = baseForms(word);
    expect(forms.length).toBeGreaterThan(0);
    baseFormsAt(word, 0, word.length);
    forms.forEach((form, k) => expect(formHash(k)).toBe(hashLower(form, 0, form.length)));
  });

  // The compact table of base forms (Lexicons.forms) is built with hashSecond and probed with the
  // form's own second hash: if they differed, every inflected name would be read as no name.
  it.each(['Virtaselle', 'matin', 'Aholassa', 'Korhosten', 'rinteelle'])('gives each form of %s the second hash and -nen ending of its letters', (word) => {
    const forms = baseForms(word);
    baseFormsAt(word, 0, word.length);
    forms.forEach((form, k) => {
      expect(formSecondHash(k)).toBe(hashSecond(form, 0, form.length));
      expect(formEndsInNen(k)).toBe(form.endsWith('nen'));
    });
  });

  // Proposing through the lexicons' bit set must keep exactly the forms whose bit is set, with the
  // word tables' hash: a form dropped wrongly is an inflected name missed.
  it.each(['Virtaselle', 'Aholoille', 'Lahden', 'Mäkiselle', 'rinteelle', 'Korhosten'])('keeps exactly the forms of %s that the bit set holds', (word) => {
    const forms = baseForms(word);
    const kept = forms.filter((_, k) => k % 2 === 0);
    const bits = new Uint32Array(FORM_HASH_BITS >>> 5);
    for (const f of kept) {
      const b = hashLower(f, 0, f.length) & (FORM_HASH_BITS - 1);
      bits[b >>> 5] |= 1 << (b & 31);
    }
    const n = baseFormsAt(word, 0, word.length, bits);
    const got = Array.from({ length: n }, (_, k) => ({ form: forms.find((f) => hashLower(f, 0, f.length) === FORM_HASH[k]), len: formLength(k) }));
    expect(new Set(got.map((g) => g.form))).toEqual(new Set(kept));
    got.forEach((g) => expect(g.len).toBe(g.form?.length));
  });
});
