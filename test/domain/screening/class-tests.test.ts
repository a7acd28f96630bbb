import * as chars from '../../../bot/domain/screening/chars';
import * as byClass from '../../../bot/domain/screening/class-tests';

// The detectors read letters and digits from the class table: a code unit it classed otherwise than
// chars.ts's own tests would silently move where an identifier starts or ends.
describe('the detectors\' class-table letter tests', () => {
  it('agree with chars.ts for every UTF-16 code unit', () => {
    const differ: number[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      if (byClass.isLetter(c) !== chars.isLetter(c) || byClass.isAlnum(c) !== chars.isAlnum(c)) differ.push(c);
    }
    expect(differ).toEqual([]);
  });

  it('say no past the text, where codeAt() gives -1 and charCodeAt() NaN', () => {
    for (const c of [-1, NaN]) {
      expect(byClass.isLetter(c)).toBe(false);
      expect(byClass.isAlnum(c)).toBe(false);
    }
  });

  it('find word boundaries where chars.ts does', () => {
    const s = 'Åke-12 x Ωmega 9ä İs ';
    for (let i = 0; i <= s.length + 1; i++) {
      expect([i, byClass.boundaryBefore(s, i)]).toEqual([i, chars.boundaryBefore(s, i)]);
      expect([i, byClass.boundaryAfter(s, i)]).toEqual([i, chars.boundaryAfter(s, i)]);
    }
  });
});
