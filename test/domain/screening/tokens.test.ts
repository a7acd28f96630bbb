import '../../../bot/domain/screening';
import { HAS, profile } from '../../../bot/domain/screening/text-profile';
import { releaseTokens, scanPlain, tokenize } from '../../../bot/domain/screening/tokens';

const words = (text: string): string[] => tokenize(text).map((t) => t.text);

describe('tokens (reused from call to call)', () => {
  afterEach(() => releaseTokens());

  it('are the words of the last text, however many the text before had', () => {
    expect(words('Matti Virtanen ja Liisa Korhonen')).toEqual(['Matti', 'Virtanen', 'Liisa', 'Korhonen']);
    expect(words('Kalle')).toEqual(['Kalle']);
    expect(words('Anna-Liisa O\'Brien, Åsa ÄIJÄLÄ')).toEqual(['Anna-Liisa', 'O\'Brien', 'Åsa', 'ÄIJÄLÄ']);
  });

  it('give the lower case of the last text even when the caller did not release the one before', () => {
    expect(tokenize('Matti')[0].lower).toBe('matti');
    expect(tokenize('Kalle')[0].lower).toBe('kalle');
  });

  it('keep nothing of the text once released', () => {
    const tokens = scanPlain('Asiakas Matti Virtanen soitti')!;
    expect(tokens.map((t) => t.lower)).toEqual(['asiakas', 'matti', 'virtanen', 'soitti']);
    releaseTokens();
    expect(tokens.map((t) => t.text + t.lower)).toEqual(['', '', '', '']);
  });

  it('mark a capitalised word after a full stop as a sentence start unless an abbreviation ends there', () => {
    const starts = (text: string): string[] => tokenize(text).filter((t) => t.sentStart).map((t) => t.text);
    expect(starts('Hän soitti. Matti tuli')).toEqual(['Hän', 'Matti']);
    expect(starts('Tapasin esim. Kalle Virtasen')).toEqual(['Tapasin']);
    expect(starts('Soitin tri. Laineelle')).toEqual(['Soitin']);
    expect(starts('Anna-Liisa. Kalle')).toEqual(['Anna-Liisa', 'Kalle']);
    // the letters before the stop, not the whole hyphenated word, are the abbreviation
    expect(starts('Soitin Esim-Tri. Kalle')).toEqual(['Soitin']);
  });

  it('note every digit run of a message, however many, and what stands before them', () => {
    const text = Array.from({ length: 150 }, (_, k) => `${k}`).join(', ');
    tokenize(text);
    expect(profile.runCount).toBe(150);
    const runs = Array.from({ length: profile.runCount }, (_, k) => text.slice(profile.runStart[k], profile.runEnd[k]));
    expect(runs).toEqual(Array.from({ length: 150 }, (_, k) => `${k}`));
    const flags = (t: string): number => {
      tokenize(t);
      return profile.flags & (HAS.letterDigits | HAS.wordSpaceDigit);
    };
    expect([flags('FI21 1234'), flags('F1 2'), flags('kadulla 12'), flags('katu 12'), flags('x 12'), flags('12')])
      .toEqual([HAS.letterDigits, 0, HAS.wordSpaceDigit, HAS.wordSpaceDigit, 0, 0]);
  });
});
