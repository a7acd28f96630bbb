/**
 * The shape every held-out screening corpus promises: big enough, about 55 % Finnish, 20 % Swedish
 * and 25 % English, at least 45 % negative lines, no line twice.
 */

/** One corpus line as the scorer reads it. */
export interface CorpusLine {
  id: string;
  lang: string;
  text: string;
  labels: ReadonlyArray<{ type: string; start: number; end: number }>;
}

/** Asserts the agreed size, language mix, share of negatives and uniqueness. */
export function expectCorpusShape(lines: readonly CorpusLine[]): void {
  const share = (pred: (l: CorpusLine) => boolean) => lines.filter(pred).length / lines.length;
  expect(lines.length).toBeGreaterThanOrEqual(300);
  expect(share((l) => l.labels.length === 0)).toBeGreaterThanOrEqual(0.45);
  for (const [lang, target] of [['fi', 0.55], ['sv', 0.2], ['en', 0.25]] as const) {
    expect(Math.abs(share((l) => l.lang === lang) - target)).toBeLessThan(0.03);
  }
  expect(new Set(lines.map((l) => l.id)).size).toBe(lines.length);
  expect(new Set(lines.map((l) => l.text)).size).toBe(lines.length);
}
