import { asciiHeadOf, HeadWordTable } from '../../../bot/domain/screening/head-word-table';
import { hashLower } from '../../../bot/domain/screening/word-table';

const table = new HeadWordTable(new Map([['on', 1], ['asiakas', 2], ['asiakkaan', 4], ['äiti', 8], ['sosiaalityöntekijä', 16]]));

/** What the tokeniser asks: the hash, and the ASCII head when the word's first five code units are ASCII letters. */
function look(text: string): number {
  return table.get(hashLower(text, 0, text.length), text, 0, text.length, asciiHeadOf(text.slice(0, 5).toLowerCase()));
}

describe('the trigger table read by head', () => {
  it('finds registered words in any case, by head or by letters', () => {
    expect([look('on'), look('ON'), look('Asiakas'), look('ASIAKKAAN'), look('Äiti'), look('SOSIAALITYÖNTEKIJÄ')]).toEqual([1, 1, 2, 4, 8, 16]);
  });

  it('compares the letters past the head', () => {
    expect([look('asiakax'), look('asiakkaat'), look('sosiaalityöntekijö')]).toEqual([0, 0, 0]);
  });

  it('finds nothing for a head of other letters, whatever the hash says', () => {
    const h = hashLower('asiakas', 0, 7);
    expect(table.get(h, 'asiakas', 0, 7, asciiHeadOf('bsiak'))).toBe(0);
    expect(table.get(h, 'asiakas', 0, 7, asciiHeadOf('asiak'))).toBe(2);
  });

  it('gives no ASCII head to words with other first letters', () => {
    expect([asciiHeadOf('äiti'), asciiHeadOf('a-b'), asciiHeadOf('Asia')]).toEqual([-1, -1, -1]);
    expect(asciiHeadOf('ab')).toBe((1 << 5) | 2);
  });
});
