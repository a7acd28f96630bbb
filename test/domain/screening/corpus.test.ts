import * as path from 'node:path';
import { screen } from '../../../bot/domain/screening';

// The scoring logic is the same plain script the bench and the lead run by hand.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const scoring = require('../../bench/score-screening.js') as {
  loadCorpus(file: string): Array<{ id: string; lang: string; text: string; labels: Array<{ type: string; start: number; end: number }> }>;
  scoreCorpus(lines: unknown[], fn: typeof screen): { lines: number; negatives: number; rows: Array<{ type: string; labels: number }> };
  targetFailures(score: unknown): string[];
};

const corpus = scoring.loadCorpus(path.join(__dirname, '..', '..', 'fixtures', 'screening-corpus.jsonl'));

describe('labelled corpus', () => {
  it('is big enough, trilingual, at least 40% negatives, and every label has a type', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(300);
    expect(new Set(corpus.map((l) => l.lang))).toEqual(new Set(['fi', 'sv', 'en']));
    expect(corpus.filter((l) => l.labels.length === 0).length / corpus.length).toBeGreaterThanOrEqual(0.4);
    for (const l of corpus) for (const lab of l.labels) expect(lab.end).toBeGreaterThan(lab.start);
  });

  it('meets the recall, precision and negative-line targets of issue 3', () => {
    const score = scoring.scoreCorpus(corpus, screen);
    expect(score.rows.every((r) => r.labels > 0)).toBe(true);
    expect(scoring.targetFailures(score)).toEqual([]);
  });
});

// Three corpora written blind, from the text only, by engineers who had not seen the screener;
// the first two have since guided fixes, the third only two small ones (weekday abbreviations, "patientnr").
describe.each(['screening-holdout.jsonl', 'screening-holdout2.jsonl', 'screening-holdout3.jsonl'])('held-out corpus %s', (file) => {
  it('meets the same targets', () => {
    const lines = scoring.loadCorpus(path.join(__dirname, '..', '..', 'fixtures', file));
    expect(scoring.targetFailures(scoring.scoreCorpus(lines, screen))).toEqual([]);
  });
});
