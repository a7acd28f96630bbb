import '../../../bot/domain/screening';
import { mayBeLowerName, mayBeLowerNameHead, rejectLowerName } from '../../../bot/domain/screening/lower-name-filter';
import { forgetWords } from '../../../bot/domain/screening/forget-words';
import { hashLower } from '../../../bot/domain/screening/word-table';

/** As the tokeniser asks: with the hash it built while reading the word. */
function passes(w: string): boolean {
  return mayBeLowerName(w, 0, w.length, hashLower(w, 0, w.length));
}

describe('the lower-case name filter', () => {
  afterEach(() => forgetWords());

  it('passes names and their inflected forms, the stems worked back from the whole word\'s hash', () => {
    const words = ['matti', 'matin', 'mattia', 'juha', 'juhalle', 'virtanen', 'virtaselle', 'virtasta', 'heikki', 'heikiltä', 'korhoselle'];
    expect(words.filter((w) => !passes(w))).toEqual([]);
  });

  it('lets names and their inflected forms past its first-letter maps, short stems and long', () => {
    // the maps are hashed: a wrong bit would drop these words before the stems are ever probed
    const words = ['juha', 'juhan', 'juhalle', 'olga', 'olgalle', 'matti', 'matin', 'mattia', 'virtanen', 'virtaselle', 'heikki', 'heikiltä', 'korhoselle', 'eveliina'];
    expect(words.filter((w) => !mayBeLowerNameHead(w, 0, w.length))).toEqual([]);
  });

  it('answers the same with the hash as without it', () => {
    const words = ['matin', 'virtasta', 'kuukauden', 'asiakkaalle', 'huomenna', 'elinalle', 'keskustelin'];
    expect(words.map(passes)).toEqual(words.map((w) => mayBeLowerName(w, 0, w.length)));
  });

  it('stops passing a word once the name detector rejected it, until the words are forgotten', () => {
    expect(passes('kuukauden')).toBe(true);
    rejectLowerName('Tässä kuukauden', 6, 15);
    expect(passes('kuukauden')).toBe(false);
    forgetWords();
    expect(passes('kuukauden')).toBe(true);
  });
});
