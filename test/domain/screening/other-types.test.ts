import { screen } from '../../../bot/domain/screening';

import { findings as found } from './found';

describe('address', () => {
  it('finds street addresses with staircase, flat and postal code', () => {
    expect(found('Osoite Mannerheimintie 12 B 34, 00100 Helsinki.')).toEqual([{ type: 'address', text: 'Mannerheimintie 12 B 34, 00100 Helsinki' }]);
    expect(found('asuu Fredrikinkatu 5 as. 3 kolmannessa kerroksessa')).toEqual([{ type: 'address', text: 'Fredrikinkatu 5 as. 3' }]);
    expect(found('Hon bor på Storgatan 3 A sedan i fjol.')).toEqual([{ type: 'address', text: 'Storgatan 3 A' }]);
    expect(found('postiosoite 00100 Helsinki')).toEqual([{ type: 'address', text: '00100 Helsinki' }]);
    expect(found('He lives at 12 Baker Street now.')).toEqual([{ type: 'address', text: '12 Baker Street' }]);
  });

  it('finds a street typed in lower case, but not a care path with a number', () => {
    expect(found('asuu mannerheimintie 12 b 5 yksin')).toEqual([{ type: 'address', text: 'mannerheimintie 12 b 5' }]);
    expect(screen('hoitopolku 2 on kesken')).toEqual([]);
  });

  it('does not flag a municipality alone or a street name without a number', () => {
    expect(screen('Asuu Vantaalla, käy Mannerheimintiellä töissä.')).toEqual([]);
  });
});

describe('date_of_birth', () => {
  it('finds a full date after a birth word', () => {
    expect(found('syntynyt 3.4.1987, asuu yksin')).toEqual([{ type: 'date_of_birth', text: '3.4.1987' }]);
    expect(found('Nuori (s. 3.4.87) on poissa koulusta.')).toEqual([{ type: 'date_of_birth', text: '3.4.87' }]);
    expect(found('Klienten är född 3 april 1987.')).toEqual([{ type: 'date_of_birth', text: '3 april 1987' }]);
    expect(found('He was born on April 3, 1987.')).toEqual([{ type: 'date_of_birth', text: 'April 3, 1987' }]);
    expect(found('DOB: 1987-04-03')).toEqual([{ type: 'date_of_birth', text: '1987-04-03' }]);
  });

  it('leaves meeting dates, past events and years alone', () => {
    expect(screen('Palaveri 3.4.2024 klo 14. Sairaalassa 1.2.–5.2.2023. Syntynyt 1987, kolme lasta.')).toEqual([]);
  });
});

describe('labelled numbers and plates', () => {
  it('finds record, passport and vehicle numbers', () => {
    expect(found('asiakasnumero 123456')).toEqual([{ type: 'record_number', text: '123456' }]);
    expect(found('Kelan asiakasnumero: 12345678.')).toEqual([{ type: 'record_number', text: '12345678' }]);
    expect(found('patient number 4455667')).toEqual([{ type: 'record_number', text: '4455667' }]);
    expect(found('passin numero XP1234567')).toEqual([{ type: 'passport_number', text: 'XP1234567' }]);
    expect(found('auto ABC-123 pihalla')).toEqual([{ type: 'vehicle_number', text: 'ABC-123' }]);
    expect(found('rekisterinumero on ab-12')).toEqual([{ type: 'vehicle_number', text: 'ab-12' }]);
  });

  it('reads short Finland-Swedish and Finnish labels (patientnr, kundnr, asiakasnr)', () => {
    expect(found('Patientnr 057187 finns i journalen.')).toEqual([{ type: 'record_number', text: '057187' }]);
    expect(found('FPA kundnr 44556677')).toEqual([{ type: 'record_number', text: '44556677' }]);
    expect(found('asiakasnr 998877 on väärä')).toEqual([{ type: 'record_number', text: '998877' }]);
    expect(screen('patientnr saknas ännu, 3 besök')).toEqual([]);
  });

  it('reads the value after every label, once after a pair whose second word is a label too', () => {
    expect(found('Kelan asiakasnumero 21363957 ja potilas numero 5892869.')).toEqual([
      { type: 'record_number', text: '21363957' },
      { type: 'record_number', text: '5892869' },
    ]);
    expect(found('asiakasnumero on hänen numero 1234567 ja passi no XP1234567')).toEqual([
      { type: 'record_number', text: '1234567' },
      { type: 'passport_number', text: 'XP1234567' },
    ]);
    expect(found('Asiakasnumero: 03015123, potilasnumero 5892869.')).toEqual([
      { type: 'record_number', text: '03015123' },
      { type: 'record_number', text: '5892869' },
    ]);
  });

  it('leaves scales, classifications and unlabelled numbers alone', () => {
    expect(screen('GAD-7 12 pistettä, PHQ-9 15, ICD-10 ja ICPC-2, COVID-19, SF-36; numero 123456 jonossa.')).toEqual([]);
  });
});

describe('the must-not-flag list of an anonymous case', () => {
  it.each([
    '60-vuotias mies, jolla päihdeongelma.',
    'Palaveri ma 12.3. klo 13.00–14.00, kesto 45 min.',
    'Next PPT meeting Thu 20.4. at 14.30, and the follow-up Fri 13 if needed.',
    'Nästa möte tors 20.4 kl. 14, uppföljning fre 5.5.',
    'Diagnoosit F32.1, F10.2 ja ICPC-koodi P76.',
    'Kela, Omaolo ja THK:n sosiaalityö ovat mukana.',
    'Sosiaalityöntekijä, sairaanhoitaja ja fysioterapeutti kävivät kotona.',
    'Asiakas asuu Vantaalla.',
    'Perheessä on 3 lasta.',
    'Sairaalajakso oli 5.1.2023–20.1.2023.',
    'Kiitos Sanna!',
    '@Mikko katso tämä',
    '<at>Mikko</at> katso tämä',
  ])('%s', (text) => {
    expect(screen(text)).toEqual([]);
  });
});
