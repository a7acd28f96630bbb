import { boundaryAfter, boundaryBefore, classOf, CC, isAlnum, isLetter, isUpper } from '../../../bot/domain/screening/chars';

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

  // the detectors read letters and digits from the class table: a code unit it classed otherwise than
  // Unicode would silently move where an identifier starts or ends
  it("isLetter() and isAlnum() answer as Unicode's letter class for every code unit", () => {
    const wrong: number[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const letter = /\p{L}/u.test(String.fromCharCode(c));
      if (isLetter(c) !== letter || isAlnum(c) !== (letter || (c >= 48 && c <= 57))) wrong.push(c);
    }
    expect(wrong).toEqual([]);
  });

  it('isLetter() and isAlnum() say no past the text, where codeAt() gives -1 and charCodeAt() NaN', () => {
    for (const c of [-1, NaN]) expect([isLetter(c), isAlnum(c)]).toEqual([false, false]);
  });

  it("finds word boundaries at letters and digits of any script, and at the text's ends", () => {
    const s = 'Åke-12 x Ωmega 9ä İs';
    const starts = [0, 4, 7, 9, 15, 18];
    const ends = [3, 6, 8, 14, 17, 20];
    for (let i = 0; i <= s.length; i++) {
      expect([i, boundaryBefore(s, i) && !boundaryAfter(s, i)]).toEqual([i, starts.includes(i)]);
      expect([i, !boundaryBefore(s, i) && boundaryAfter(s, i)]).toEqual([i, ends.includes(i)]);
    }
  });
});
