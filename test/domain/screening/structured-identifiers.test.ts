import { screen } from '../../../bot/domain/screening';

const CHECK = '0123456789ABCDEFHJKLMNPRSTUVWXY';
function hetu(ddmmyy: string, sign: string, nnn: string): string {
  return `${ddmmyy}${sign}${nnn}${CHECK[Number(ddmmyy + nnn) % 31]}`;
}
import { findings as found } from './found';

describe('personal_id', () => {
  it.each(['+', '-', 'Y', 'X', 'W', 'V', 'U', 'A', 'B', 'C', 'D', 'E', 'F'])('finds a code with century sign %s', (sign) => {
    const code = hetu('131052', sign, '308');
    expect(found(`hetu ${code} tiedossa`)).toEqual([{ type: 'personal_id', text: code }]);
  });

  it('finds temporary codes (900-999), lower case, spaced signs, zero-width and non-ASCII dashes', () => {
    const tmp = hetu('010203', 'A', '945');
    expect(found(`väliaikainen ${tmp}`)).toEqual([{ type: 'personal_id', text: tmp }]);
    const code = hetu('131052', '-', '308');
    expect(found(`hetu ${code.toLowerCase()}.`)).toEqual([{ type: 'personal_id', text: code.toLowerCase() }]);
    expect(found(`hetu 131052 - ${code.slice(7)}`)).toEqual([{ type: 'personal_id', text: `131052 - ${code.slice(7)}` }]);
    const zw = `131052\u200b-${code.slice(7)}`;
    expect(found(`(${zw})`)).toEqual([{ type: 'personal_id', text: zw }]);
    const dash = `131052\u2013${code.slice(7)}`;
    expect(found(dash)).toEqual([{ type: 'personal_id', text: dash }]);
  });

  it('does not report a well-formed code whose check character is wrong, as anything', () => {
    const good = hetu('131052', '-', '308');
    const wrongChar = CHECK[(CHECK.indexOf(good[10]) + 1) % 31];
    expect(screen(`hetu ${good.slice(0, 10)}${wrongChar} tarkistetaan`)).toEqual([]);
  });

  it('reads a code up to the edges of the text and of its widest gaps', () => {
    const code = hetu('131052', '-', '308');
    expect(found(code)).toEqual([{ type: 'personal_id', text: code }]);
    const spaced = `131052  -  ${code.slice(7)}`;
    expect(found(`x ${spaced}`)).toEqual([{ type: 'personal_id', text: spaced }]);
    expect(found(`x ${spaced}.`)).toEqual([{ type: 'personal_id', text: spaced }]);
    // three blanks is one too many; a letter or digit right before or after is part of another word
    expect(screen(`x 131052   -${code.slice(7)}`)).toEqual([]);
    expect(screen(`x ${code}a`)).toEqual([]);
    expect(screen(`x ${spaced}a`)).toEqual([]);
    expect(screen(`a${code}`)).toEqual([]);
    // cut short by the end of the text
    expect(screen(`x ${code.slice(0, 10)}`)).toEqual([]);
    expect(screen(`x 131052  -  ${code.slice(7, 10)}`)).toEqual([]);
  });

  it('does not take a longer digit run or an impossible date for a code', () => {
    expect(screen('tilaus 1131052-308T')).toEqual([]);
    expect(screen('koodi 321352-308T')).toEqual([]);
  });
});

describe('phone', () => {
  it.each(['040 123 4567', '0401234567', '040-123 4567', '+358 40 123 4567', '+358401234567', '00358 40 1234567', '+358 (0)40 123 4567',
    '045 123 45 67', '(09) 123 4567', '09 123 4567', '013 123 456', '+46 70 123 45 67', '+44 20 7946 0958', '+1 212 555 0199'])('finds %s', (num) => {
    expect(found(`Soita ${num} iltaisin.`)).toEqual([{ type: 'phone', text: num }]);
  });

  it('leaves dates, times, durations, counts, money and ICD codes alone', () => {
    for (const text of ['Palaveri 03.04.2024 klo 09.30-10.00', 'Hoito kesti 2 h 30 min', '3 lasta, 12 000 euroa velkaa', 'F32.1 ja I10, 01-02-2020',
      'vuosina 2019-2023', 'Kela maksaa 0,5 kk', '1 000 000']) {
      expect(screen(text)).toEqual([]);
    }
  });
});

describe('email and iban', () => {
  it('finds e-mail addresses but not @-mentions', () => {
    expect(found('Posti: matti.virtanen@example.fi, kiitos @Mikko')).toEqual([{ type: 'email', text: 'matti.virtanen@example.fi' }]);
  });

  it('finds addresses written with (at) or [at], as Finnish organisations do', () => {
    expect(found('Yhteys matti.virtanen(at)example.fi tai liisa[at]posti.example.com')).toEqual([
      { type: 'email', text: 'matti.virtanen(at)example.fi' },
      { type: 'email', text: 'liisa[at]posti.example.com' },
    ]);
  });

  it('finds IBANs grouped or compact and checks mod-97', () => {
    expect(found('Tili FI21 1234 5600 0007 85.')).toEqual([{ type: 'iban', text: 'FI21 1234 5600 0007 85' }]);
    expect(found('konto SE4550000000058398257466')).toEqual([{ type: 'iban', text: 'SE4550000000058398257466' }]);
    expect(found('Tili FI21 1234 5600 0007 86.').filter((f) => f.type === 'iban')).toEqual([]);
  });

  it('checks mod-97 over letters inside the IBAN and its longest forms', () => {
    expect(found('account GB29 NWBK 6016 1331 9268 19 only')).toEqual([{ type: 'iban', text: 'GB29 NWBK 6016 1331 9268 19' }]);
    expect(found('account GB29 NWBK 6016 1331 9268 18 only').filter((f) => f.type === 'iban')).toEqual([]);
    expect(found('konto MT84MALT011000012345MTLCAST001S')).toEqual([{ type: 'iban', text: 'MT84MALT011000012345MTLCAST001S' }]);
    expect(found('konto MT84MALT011000012345MTLCAST001T').filter((f) => f.type === 'iban')).toEqual([]);
  });
});
