import { PERSONAL_AFTER } from '../../../bot/domain/screening/detect-name';
import { names } from './found';

// The checks after a name read the words beside it in place, through small tables; these make sure
// no word the tables stand for is skipped.
describe('the checks on the words after a name', () => {
  it('keeps a surname in the genitive before every word that makes it a person\'s, in any case of its last letter', () => {
    for (const w of PERSONAL_AFTER) {
      expect(names(`Voisitko tarkistaa, onko Karhun ${w} tullut?`)).toEqual(['Karhun']);
      expect(names(`Voisitko tarkistaa, onko Karhun asumis${w.slice(0, -1)}${w.slice(-1).toUpperCase()} tullut?`)).toEqual(['Karhun']);
      // the word must end in it
      expect(names(`Voisitko tarkistaa, onko Karhun ${w}x tullut?`)).toEqual([]);
    }
  });

  it('reads a service in the from-case as the expression does: a service, letters only, the ending', () => {
    for (const w of ['psykiatrialta', 'Psykiatriseltä', 'KELALTA', 'päihdepalveluilta', 'psykiatrilta', 'a-klinikalta', 'psykiatrišelta', 'PSYKIATRIŠELTA']) {
      expect(names(`Mukana oli Matti Virtanen ${w} eilen.`)).toEqual([]);
    }
    for (const w of ['psykiatrian-poliklinikalta', 'kela:sta', 'sosiaalipalvelu1lta', 'psykiatri-lta', 'psykiatrinen', 'klinikalta']) {
      expect(names(`Mukana oli Matti Virtanen ${w} eilen.`)).toEqual(['Matti Virtanen']);
    }
  });
});
