import { isEnglishHashed, isEnglishWord, isSwedishHashed, isSwedishWord, stemHashes, wordHashes } from '../../../bot/domain/screening/foreign-words';
import { hashLower, hashPair, pairHash1, pairHash2 } from '../../../bot/domain/screening/word-table';

describe('foreign words (Swedish and English dictionaries behind a bit filter)', () => {
  it('hashes a word and its stems in one pass exactly as hashPair() hashes each of them', () => {
    const text = 'Hej DAGARNA är';
    wordHashes(text, 4, 11);
    for (let k = 0; k <= 4; k++) {
      hashPair(text, 4, 11 - k);
      expect(stemHashes(k)).toEqual([pairHash1, pairHash2]);
    }
  });

  it('knows Swedish words as written and with a definite or plural ending, in any case, inside a message', () => {
    const text = 'Kortet, Dagarna och BILEN';
    expect(isSwedishWord(text, 0, 6)).toBe(true);
    expect(isSwedishWord(text, 8, 15)).toBe(true);
    expect(isSwedishWord(text, 20, 25)).toBe(true);
    expect(isSwedishWord(text, 16, 19)).toBe(true);
  });

  it('does not take Finnish names or words for Swedish or English ones', () => {
    for (const w of ['Virtanen', 'Korhonen', 'Matti', 'asiakkaan', 'sosiaalityöntekijä', 'Hämäläinen']) {
      expect(isSwedishWord(w, 0, w.length)).toBe(false);
      expect(isEnglishWord(w, 0, w.length)).toBe(false);
    }
  });

  it('knows frequent English words and not the names it leaves out', () => {
    const text = 'Edit the plan, Mary';
    expect(isEnglishWord(text, 0, 4)).toBe(true);
    expect(isEnglishWord(text, 5, 8)).toBe(true);
    expect(isEnglishWord(text, 9, 13)).toBe(true);
    expect(isEnglishWord(text, 15, 19)).toBe(false);
  });

  it('answers the same from a token hash as from the letters alone', () => {
    const text = 'Vi har Kortet och Dagarna, Edit the Virtanen plan';
    for (const m of text.matchAll(/\p{L}+/gu)) {
      const [a, b] = [m.index, m.index + m[0].length];
      expect(isSwedishHashed(hashLower(text, a, b), text, a, b)).toBe(isSwedishWord(text, a, b));
      expect(isEnglishHashed(hashLower(text, a, b), text, a, b)).toBe(isEnglishWord(text, a, b));
    }
    expect(isSwedishHashed(hashLower(text, 7, 13), text, 7, 13)).toBe(true);
    expect(isEnglishHashed(hashLower(text, 27, 31), text, 27, 31)).toBe(true);
  });
});
