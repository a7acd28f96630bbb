import fc from 'fast-check';
import { redact, screen } from '../../../bot/domain/screening';
import { fillerArb, hetuArb, ibanArb, phoneArb } from './generators';

const covers = (text: string, type: string, value: string, at: number) =>
  screen(text).some((f) => f.type === type && f.start <= at && f.end >= at + value.length);

describe('properties', () => {
  it.each([
    ['personal_id', hetuArb],
    ['phone', phoneArb],
    ['iban', ibanArb],
  ] as const)('a generated %s anywhere in random text is found', (type, arb) => {
    fc.assert(
      fc.property(fillerArb, arb, fillerArb, fc.constantFrom(' ', ': ', ' (', '\n'), (before, value, after, sep) => {
        const prefix = `${before}${sep}`;
        const text = `${prefix}${value} ${after}`;
        return covers(text, type, value, prefix.length);
      }),
      { numRuns: 300 },
    );
  });

  it('offsets found in Teams HTML point at the identifier in the original text', () => {
    fc.assert(
      fc.property(fillerArb, hetuArb, fc.constantFrom('<p>', '<div><b>', '&nbsp;', '<p>hetu&#58; ', '\u200b'), (before, code, wrap) => {
        const text = `<p>${before.replace(/ /g, '&nbsp;')}</p>${wrap}${code}</b></p>`;
        const f = screen(text).find((x) => x.type === 'personal_id');
        return f !== undefined && text.slice(f.start, f.end) === code;
      }),
      { numRuns: 300 },
    );
  });

  it('redact leaves no finding behind', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fillerArb, hetuArb, phoneArb, ibanArb, fc.constant('Asiakas Matti Virtanen')), { maxLength: 8 }), (parts) => {
        const text = parts.join(' ');
        const redacted = redact(text, screen(text));
        return screen(redacted).length === 0;
      }),
      { numRuns: 300 },
    );
  });

  it('screening never throws and returns sorted, non-overlapping spans inside the text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 200 })), (text) => {
        const f = screen(text);
        for (let i = 0; i < f.length; i++) {
          if (f[i].start < 0 || f[i].end > text.length || f[i].start >= f[i].end) return false;
          if (i > 0 && f[i].start < f[i - 1].end) return false;
        }
        return true;
      }),
      { numRuns: 500 },
    );
  });
});
