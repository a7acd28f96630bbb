import { LEX_MASK, lexicons } from '../../../bot/domain/screening/lexicons';
import { NO_NAME, READ_AT_RUN_TIME, READING_SHIFT, READINGS, readWord } from '../../../bot/domain/screening/name-reading';
import { hashLower, WordTable } from '../../../bot/domain/screening/word-table';

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
      const got = readWord(text, 8, 8 + w.length, bits & LEX_MASK, lex.flags, lex.formHashes);
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
