import * as path from 'node:path';
import '../../../bot/domain/screening';
import { mayBeLowerName, mayBeLowerNameHead } from '../../../bot/domain/screening/lower-name-filter';
import { releaseTokens, scanPlain, type Token } from '../../../bot/domain/screening/tokens';
import { KIND, kindOf, TRIGGER } from '../../../bot/domain/screening/word-kinds';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const scoring = require('../../bench/score-screening.js') as { loadCorpus(file: string): Array<{ text: string }> };

// The tokeniser's filters (head-filter.ts, the heads it gathers while reading) may only skip look-ups
// that would find nothing: every word they skip must be one the plain look-ups reject too.
const texts = ['screening-corpus.jsonl', 'screening-holdout.jsonl', 'screening-holdout2.jsonl', 'screening-holdout3.jsonl']
  .flatMap((f) => scoring.loadCorpus(path.join(__dirname, '..', '..', 'fixtures', f)).map((l) => l.text))
  // astral characters are letters to the regular expression below but not to the tokeniser
  .filter((t) => !/[\ud800-\udfff]/.test(t))
  .flatMap((t) => [t, t.toLowerCase(), t.toUpperCase()]);
const WORD = /\p{L}+(?:[-']\p{L}+)*/gu;

/** Calls `visit` with every word of every text, its span and the token the scan made there (if any). */
function eachWord(visit: (word: string, text: string, start: number, end: number, token: Token | undefined) => void): void {
  for (const text of texts) {
    const tokens = scanPlain(text);
    if (!tokens) continue;
    const at = new Map<number, Token>(tokens.map((t) => [t.start, t]));
    for (const m of text.matchAll(WORD)) visit(m[0], text, m.index, m.index + m[0].length, at.get(m.index));
    releaseTokens();
  }
}

describe('the tokeniser\'s filters', () => {
  it('keep every registered word as a token with its kinds, in any case', () => {
    let checked = 0;
    eachWord((word, text, start, end, token) => {
      const kind = kindOf(text, start, end);
      if (kind === 0) return;
      checked++;
      expect([word, token?.kind]).toEqual([word, kind & ~TRIGGER]);
    });
    expect(checked).toBeGreaterThan(1000);
  });

  it('keep every lower-case word the name filter lets through as a possible name', () => {
    let checked = 0;
    eachWord((word, text, start, end, token) => {
      if (word !== word.toLowerCase() || end - start < 4 || kindOf(text, start, end) !== 0) return;
      if (!mayBeLowerNameHead(text, start, end - start) || !mayBeLowerName(text, start, end)) return;
      checked++;
      expect([word, (token?.kind ?? 0) & KIND.lowerName]).toEqual([word, KIND.lowerName]);
    });
    expect(checked).toBeGreaterThan(100);
  });

  it('settle every word of three ASCII letters or fewer as the look-ups do, in any case', () => {
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    const words = [...letters];
    for (const a of letters) for (const b of letters) words.push(a + b, ...[...letters].map((c) => a + b + c));
    let registered = 0;
    for (const variant of [(w: string) => w, (w: string) => w[0].toUpperCase() + w.slice(1), (w: string) => w.toUpperCase()]) {
      // one word a line: no word is kept only for following a registered one
      const text = words.map(variant).join('\n');
      const at = new Map<number, Token>((scanPlain(text) ?? []).map((t) => [t.start, t]));
      const wrong: string[] = [];
      let start = 0;
      for (const w of words) {
        const kind = kindOf(text, start, start + w.length);
        if (kind !== 0) registered++;
        if ((at.get(start)?.kind ?? 0) !== (kind & ~TRIGGER)) wrong.push(text.slice(start, start + w.length));
        start += w.length + 1;
      }
      releaseTokens();
      expect(wrong).toEqual([]);
    }
    expect(registered).toBeGreaterThan(30);
  });
});
