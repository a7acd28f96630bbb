import { lowerCode } from '../../../bot/domain/screening/chars';
import { suffixCount } from '../../../bot/domain/screening/finnish-inflection';
import { FORM_BITS, LEX } from '../../../bot/domain/screening/lexicon-bits';
import { LEX_MASK, lexicons } from '../../../bot/domain/screening/lexicons';
import { NO_NAME, READ_AT_RUN_TIME, READING_SHIFT, READINGS, readWord } from '../../../bot/domain/screening/name-reading';
import { hashLower, hashSecond, WordTable } from '../../../bot/domain/screening/word-table';

// The readings stored with the lexicon words at load time must be what reading the word in a
// message gives: a stale or shifted reading would silently change what the screener finds.
describe('name readings stored in the lexicon', () => {
  const lex = lexicons();
  const words: string[] = [];
  // mapBits with the bits unchanged only lists the words
  lex.flags.mapBits((bits, all, start, end) => {
    words.push(all.slice(start, end));
    return bits;
  });

  it('hold every lexicon word', () => {
    expect(words.length).toBe(lex.flags.size);
  });

  it('agree with reading the word in a message, in any case, for every lexicon word', () => {
    let stored = 0;
    for (const w of words) {
      const bits = lex.flags.getWord(w);
      const r = (bits >>> READING_SHIFT) - 1;
      if (r === READ_AT_RUN_TIME - 1) continue;
      stored++;
      const title = w.charAt(0).toUpperCase() + w.slice(1);
      const text = `Asiakas ${title}-`;
      const got = readWord(text, 8, 8 + w.length, bits & LEX_MASK, lex);
      if (got !== r) throw new Error(`${w}: stored ${r}, read ${got}`);
    }
    expect(stored).toBeGreaterThan(words.length * 0.95);
  });

  it('are found in the compact table as in the flags table, from the hash the tokeniser gives', () => {
    const differ = words.filter((w) => {
      const text = `Asiakas ${w.toUpperCase()}.`;
      return lex.names.get(hashLower(text, 8, 8 + w.length), text, 8, 8 + w.length) !== lex.flags.getWord(w) >>> READING_SHIFT;
    });
    expect(differ).toEqual([]);
    const other = 'Asiakas Virtaselle';
    expect(lex.names.get(hashLower(other, 8, 18), other, 8, 18)).toBe(0);
  });

  // A base form is looked up in the compact table, not the flags table: a word missing there, or
  // with other bits, would silently change how its inflected forms read.
  it('give every lexicon word the same LEX bits as a base form in the compact table as in the flags table', () => {
    // as readWord() looks a proposed base form up: the first slot of its hash, then the second hash
    const formBits = (h: number, second: number) => {
      const i = lex.names.firstSlot(h);
      return i < 0 ? 0 : lex.names.formBitsFrom(i, h, second);
    };
    // a base form is lower case (lowerCode): a word with another letter can be no base form in either table
    const lower = (w: string) => [...w].every((ch) => lowerCode(ch.charCodeAt(0)) === ch.charCodeAt(0));
    const differ = words.filter((w) => {
      const bits = lex.flags.getWord(w);
      const want = bits & FORM_BITS && lower(w) ? bits & LEX_MASK : 0;
      return formBits(hashLower(w, 0, w.length), hashSecond(w, 0, w.length)) !== want;
    });
    expect(differ).toEqual([]);
    expect(formBits(hashLower('virtanen', 0, 8), hashSecond('virtanen', 0, 8)) & (LEX.first | LEX.last)).toBe(LEX.last);
    // the second hash is checked: a word that only shares the first hash and the length is not found
    expect(formBits(hashLower('virtanen', 0, 8), 0x12345)).toBe(0);
  });

  it('read names, places and ordinary words as before', () => {
    const reading = (w: string) => {
      const r = (lex.flags.getWord(w) >>> READING_SHIFT) - 1;
      return r === NO_NAME ? null : READINGS[r];
    };
    expect(reading('matti')).toMatchObject({ first: true, ambiguous: false });
    expect(reading('virtanen')).toMatchObject({ last: true, ambiguous: false });
    expect(reading('salo')).toMatchObject({ last: true, place: true, ambiguous: true });
    expect(reading('vantaa')).toBeNull();
    expect(reading('kela')).toBeNull();
  });

  it('keep the bits of tables that carry none', () => {
    const t = new WordTable([['äiti', 1], ['isä', 2]]);
    t.mapBits((bits) => bits * 4);
    expect([t.getWord('äiti'), t.getWord('ISÄ'), t.getWord('sisko')]).toEqual([4, 8, 0]);
  });
});

// The name classifier finds a word's suffixes once and passes their count on to readWord(): a
// count that did not reach the base forms would read an inflected name as no name.
describe('reading a word with its suffixes already found', () => {
  const lex = lexicons();
  it.each(['Virtaselle', 'Lainella', 'Aholassa', 'Korhosten', 'Mäkiselle', 'Matin', 'Rinteelle', 'Keskustelin', 'Anna-Liisalle'])('reads %s as without them', (w) => {
    const text = `Tapasin ${w} eilen`;
    const end = 8 + w.length;
    const plain = readWord(text, 8, end, 0, lex);
    const suffixes = suffixCount(text, 8, end);
    expect(readWord(text, 8, end, 0, lex, suffixes)).toBe(plain);
  });

  it('reads inflected names through the passed count', () => {
    const text = 'Tapasin Virtaselle eilen';
    const suffixes = suffixCount(text, 8, 18);
    expect(suffixes).toBeGreaterThan(0);
    expect(READINGS[readWord(text, 8, 18, 0, lex, suffixes)]).toMatchObject({ last: true });
    // no suffixes passed: nothing is proposed, so the word is no name
    expect(readWord(text, 8, 18, 0, lex, 0)).toBe(NO_NAME);
  });
});
