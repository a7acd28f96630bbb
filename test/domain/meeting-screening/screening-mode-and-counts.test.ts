import fc from 'fast-check';
import { addScreening, emptyCounts, findingPlaces, mergeCounts, parseScreeningMode, safetyNetAction, typesFound } from '../../../bot/domain/meeting-screening';
import { FINDING_TYPES, screen, summarise } from '../../../bot/domain/screening';

describe('screening mode', () => {
  it.each([['esto', 'block'], ['Varoitus', 'warn'], ['pois', 'off'], ['block', 'block'], ['varning', 'warn'], ['av', 'off'], ['warn.', 'warn'], ['ehkä', undefined], [undefined, undefined]])('%s -> %s', (word, mode) => {
    expect(parseScreeningMode(word)).toBe(mode);
  });
  it('blocks only when chosen and Graph can; otherwise warns, unless off', () => {
    expect(safetyNetAction('block', true)).toBe('block');
    expect(safetyNetAction('block', false)).toBe('warn');
    expect(safetyNetAction('warn', true)).toBe('warn');
    expect(safetyNetAction('off', true)).toBe('none');
  });
});

describe('counts', () => {
  it('adds items by outcome and type', () => {
    let c = emptyCounts();
    c = addScreening(c, summarise(screen('hetu 131052-308T, puh 040 1234567')), 'blocked');
    c = addScreening(c, summarise([]), 'clean');
    c = addScreening(c, summarise(screen('131052-308T')), 'warned');
    expect(c).toEqual(expect.objectContaining({ screened: 3, flagged: 2, blocked: 1, warned: 1, stopped: 0 }));
    expect(c.byType.personal_id).toBe(2);
    expect(c.byType.phone).toBe(1);
    expect(typesFound(c.byType)).toEqual(['personal_id', 'phone']);
  });
  it('merging batches equals adding one by one', () => {
    const outcome = fc.constantFrom('clean' as const, 'blocked' as const, 'warned' as const, 'stopped' as const);
    const item = fc.record({ outcome, found: fc.record(Object.fromEntries(FINDING_TYPES.map((t) => [t, fc.nat(3)])) as Record<(typeof FINDING_TYPES)[number], fc.Arbitrary<number>>) });
    fc.assert(fc.property(fc.array(item, { maxLength: 20 }), fc.nat(20), (items, cut) => {
      const all = items.reduce((c, i) => addScreening(c, i.found, i.outcome), emptyCounts());
      const k = Math.min(cut, items.length);
      const a = items.slice(0, k).reduce((c, i) => addScreening(c, i.found, i.outcome), emptyCounts());
      const b = items.slice(k).reduce((c, i) => addScreening(c, i.found, i.outcome), emptyCounts());
      expect(mergeCounts(a, b)).toEqual(all);
    }));
  });
});

describe('findingPlaces', () => {
  it('gives the line of each finding, once per type and line, never the text', () => {
    const text = 'Ensimmäinen rivi.\r\nToisella 131052-308T ja 040 1234567\nKolmas 131052-308T';
    const places = findingPlaces(text, screen(text));
    expect(places).toEqual([{ type: 'personal_id', line: 2 }, { type: 'phone', line: 2 }, { type: 'personal_id', line: 3 }]);
  });
});
