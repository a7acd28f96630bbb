/** fast-check arbitraries for generated (fictional, checksum-valid) identifiers. */
import fc from 'fast-check';

const CHECK = '0123456789ABCDEFHJKLMNPRSTUVWXY';
const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** A valid Finnish identity code with any century sign. */
export const hetuArb = fc
  .record({
    day: fc.integer({ min: 1, max: 28 }),
    month: fc.integer({ min: 1, max: 12 }),
    yy: fc.integer({ min: 0, max: 99 }),
    sign: fc.constantFrom('+', '-', 'Y', 'X', 'W', 'V', 'U', 'A', 'B', 'C', 'D', 'E', 'F'),
    nnn: fc.integer({ min: 2, max: 999 }),
  })
  .map(({ day, month, yy, sign, nnn }) => {
    const nine = pad(day, 2) + pad(month, 2) + pad(yy, 2) + pad(nnn, 3);
    return nine.slice(0, 6) + sign + nine.slice(6) + CHECK[Number(nine) % 31];
  });

function mod97(s: string): number {
  let r = 0;
  for (const ch of s) {
    const v = /[0-9]/.test(ch) ? ch : String(ch.charCodeAt(0) - 55);
    for (const d of v) r = (r * 10 + Number(d)) % 97;
  }
  return r;
}

/** A valid Finnish IBAN, compact or in groups of four. */
export const ibanArb = fc
  .record({ bban: fc.stringMatching(/^[0-9]{14}$/), grouped: fc.boolean() })
  .map(({ bban, grouped }) => {
    const iban = 'FI' + pad(98 - mod97(bban + 'FI00'), 2) + bban;
    return grouped ? iban.replace(/(.{4})/g, '$1 ').trim() : iban;
  });

/** A Finnish mobile number in one of the usual spellings. */
export const phoneArb = fc
  .record({
    prefix: fc.constantFrom('40', '41', '44', '45', '46', '50'),
    a: fc.stringMatching(/^[0-9]{3}$/),
    b: fc.stringMatching(/^[0-9]{4}$/),
    style: fc.integer({ min: 0, max: 5 }),
  })
  .map(({ prefix, a, b, style }) =>
    [`0${prefix} ${a} ${b}`, `0${prefix}${a}${b}`, `+358 ${prefix} ${a} ${b}`, `+358${prefix}${a}${b}`, `00358 ${prefix} ${a}${b}`, `0${prefix}-${a} ${b}`][style],
  );

/** Filler text that cannot itself contain an identifier: lower-case words, spaces and punctuation. */
export const fillerArb = fc
  .array(fc.constantFrom('asiakas', 'tilanne', 'on', 'ja', 'hyvä', 'the', 'case', 'och', 'ett', 'möte', ',', '.', '!', 'kävi', 'vastaanotolla', 'klo', '60-vuotias'), { maxLength: 12 })
  .map((w) => w.join(' '));
