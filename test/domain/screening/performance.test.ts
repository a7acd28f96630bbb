import { screen } from '../../../bot/domain/screening';

function timeOf(text: string, runs = 5): number {
  screen(text);
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    screen(text);
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return best;
}

const SIZE = 100 * 1024;
const fill = (unit: string) => unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);

describe('linear time on 100 KB', () => {
  const plain = fill('Asiakas kävi vastaanotolla ja tilanne on ennallaan, seuraava tapaaminen sovittu. ');

  it.each([
    ['digits with separators (phone/IBAN backtracking bait)', fill('0 ')],
    ['one long digit run', fill('1')],
    ['@ signs and dots (e-mail bait)', fill('a.a@')],
    ['unclosed tags and entities', fill('<a &amp')],
    ['capitalised name-like words', fill('Matti Virtanen Virtaselle ')],
    ['hetu-like fragments', fill('131052-308')],
    ['street-like words and numbers', fill('Mannerheimintie 1 B ')],
    ['letters and dashes (plate bait)', fill('ABC-ABC-')],
    ['zero-width and full-width characters', fill('\u200b１\u2013')],
  ])('%s stays within a small multiple of plain text', (_name, text) => {
    // measured side by side, so a busy machine slows both alike
    const plainMs = timeOf(plain);
    const ms = timeOf(text);
    expect(text.length).toBe(SIZE);
    // backtracking or a quadratic scan on 100 KB takes seconds; a linear one stays near the plain time
    // (the bound is loose because the test machine is shared and timings jitter)
    // a quadratic scan of 100 KB needs seconds, so a 500 ms floor still catches one.
    expect(ms).toBeLessThan(Math.max(20 * plainMs, 500));
  });
});
