/** Where findings are, as field and line, so a dialog can point to them without repeating them. */
import type { Finding, FindingType } from '../screening';

/** One finding's place: its type and 1-based line within the field. */
export interface FindingPlace {
  type: FindingType;
  line: number;
}

/** Lines (1-based, counting \n, \r\n and \r) of each finding's start; one entry per type and line. */
export function findingPlaces(text: string, findings: readonly Finding[]): FindingPlace[] {
  const breaks: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) breaks.push(i);
  }
  const seen = new Set<string>();
  const places: FindingPlace[] = [];
  for (const f of [...findings].sort((a, b) => a.start - b.start)) {
    let line = 1;
    while (line - 1 < breaks.length && breaks[line - 1] < f.start) line++;
    const key = `${f.type}:${line}`;
    if (seen.has(key)) continue;
    seen.add(key);
    places.push({ type: f.type, line });
  }
  return places;
}
