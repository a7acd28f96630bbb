import { classOf, CC, isUpper } from '../../../bot/domain/screening/chars';

/** The definition isUpper() had before it read the class table: a letter whose lower case differs. */
function upperByCase(c: number): boolean {
  const ch = String.fromCharCode(c);
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

describe('character classes', () => {
  it('isUpper() answers as the case test for every code unit at or past À (the class table is read for letters)', () => {
    const wrong: number[] = [];
    for (let c = 0xc0; c < 0x10000; c++) if (isUpper(c) !== upperByCase(c)) wrong.push(c);
    expect(wrong).toEqual([]);
  });

  it('isUpper() knows the Finnish and Swedish capitals and their small letters', () => {
    expect([...'ÄÖÅÉÜ'].map((ch) => isUpper(ch.charCodeAt(0)))).toEqual([true, true, true, true, true]);
    expect([...'äöåéüß'].map((ch) => isUpper(ch.charCodeAt(0)))).toEqual([false, false, false, false, false, false]);
    expect(isUpper('A'.charCodeAt(0)) && !isUpper('a'.charCodeAt(0)) && !isUpper('1'.charCodeAt(0))).toBe(true);
  });

  it('gives a cased non-letter (Roman numeral Ⅳ, circled Ⓐ) its case by the test, not by the letter table', () => {
    for (const ch of ['Ⅳ', 'Ⓐ']) {
      const c = ch.charCodeAt(0);
      expect(classOf(c) & CC.letter).toBe(0);
      expect(isUpper(c)).toBe(true);
    }
  });
});
