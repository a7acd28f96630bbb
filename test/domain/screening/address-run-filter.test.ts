import { screen } from '../../../bot/domain/screening';

import { findings as found } from './found';

// detect-address.ts walks the tokens and the lower-case street nouns only when a digit run passes a
// filter first; these are the house numbers at the filter's edges, which must still be found.
describe('address: the digit runs that can be house numbers', () => {
  it('finds a house number written right against a staircase letter or after tabs', () => {
    expect(found('Lives at 221B Baker Street now.')).toEqual([{ type: 'address', text: '221B Baker Street' }]);
    expect(found('Asuu Mannerheimintie\t\t12 as. 4 nykyään.')).toEqual([{ type: 'address', text: 'Mannerheimintie\t\t12 as. 4' }]);
  });

  it('finds a lower-case street after an English one in the same message', () => {
    expect(found('She moved from 12 Baker Street to mannerheimintie 5 as. 2 last year.')).toEqual([
      { type: 'address', text: '12 Baker Street' },
      { type: 'address', text: 'mannerheimintie 5 as. 2' },
    ]);
  });

  it('finds a lower-case street between and after capitalised ones', () => {
    expect(found('Asuu Kuusitie 3 B 4, ennen hoitokatu 7 ja sitä ennen Koivukuja 9, nyt mannerheimintie 12.')).toEqual([
      { type: 'address', text: 'Kuusitie 3 B 4' },
      { type: 'address', text: 'hoitokatu 7' },
      { type: 'address', text: 'Koivukuja 9' },
      { type: 'address', text: 'mannerheimintie 12' },
    ]);
    expect(found('Hon bor på Storgatan 46 C 10, 04200 Kerava, tidigare kyrkogatan 3.')).toEqual([
      { type: 'address', text: 'Storgatan 46 C 10, 04200 Kerava' },
      { type: 'address', text: 'kyrkogatan 3' },
    ]);
  });

  it.each(['Brunnsgränd 3', 'Skeppsbrokajen 5', 'Järnvägsplan 2', 'Peltotie 4', 'Koulukuja 7', 'Rantaraitti 2', 'Kauppatori 1', 'Hakaniemenranta 6',
    'Vihdintien 3', 'Kirkkopuistikko 8', 'Linnankallio 4', 'Kuusiniemenpenger 2', 'Rauhankaari 5', 'Storbacken 9', 'Esplanadi 11', 'Bulevardi 3'])(
    'finds the street noun of %s among the nouns of its ending', (street) => {
      expect(found(`Asuu ${street} nyt.`)).toEqual([{ type: 'address', text: street }]);
    },
  );

  it('finds a street whose number is not the first run of digits in the message', () => {
    expect(found('Asiakasnumero 123456, puh. 040 1234567, osoite Hämeentie 30 C 83.')).toEqual([
      { type: 'record_number', text: '123456' },
      { type: 'phone', text: '040 1234567' },
      { type: 'address', text: 'Hämeentie 30 C 83' },
    ]);
  });

  it('reads counts, times and decimals as no address', () => {
    expect(screen('Käynti 3 kertaa viikossa klo 10.30, 2 lasta.')).toEqual([]);
  });
});
