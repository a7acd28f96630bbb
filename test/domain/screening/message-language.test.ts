import { LANG, languageWords, messageLanguage } from '../../../bot/domain/screening/message-language';

// messageLanguage() looks a word up only when its bit in a small hash filter is set: a word the
// filter wrongly skipped would silently stop counting for its language.
describe('message language', () => {
  it('counts every function word of two to twelve letters for its language, in any case', () => {
    const words = languageWords().filter(([w]) => w.length >= 2 && w.length <= 12);
    expect(words.length).toBeGreaterThan(1500);
    const missed = words.filter(([w, bit]) => messageLanguage(`${w} ${w.toUpperCase()}`) !== bit).map(([w]) => w);
    expect(missed).toEqual([]);
  });

  it('guesses the language of a message from its function words', () => {
    expect(messageLanguage('Asiakas ei ole vielä saanut päätöstä, koska hakemus on kesken.')).toBe(LANG.fi);
    expect(messageLanguage('Klienten har inte fått något beslut än, eftersom ansökan är ofullständig.')).toBe(LANG.sv);
    expect(messageLanguage('The client has not received a decision yet, because the application is incomplete.')).toBe(LANG.en);
    expect(messageLanguage('Matti Virtanen')).toBe(LANG.short);
  });
});
