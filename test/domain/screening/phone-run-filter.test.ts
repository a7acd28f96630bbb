import { screen } from '../../../bot/domain/screening';

import { findings as found } from './found';

// detect-phone.ts reads a number only when its digit runs, with the separators between them, can hold
// six digits, and a number without a leading 0 or '+' only after a label; these are the numbers at
// those filters' edges, which must still be found.
describe('phone: the digit runs that are read as numbers', () => {
  it('finds numbers whose six digits or more are spread over short groups', () => {
    expect(found('Soita 09 12 34 56 iltaisin.')).toEqual([{ type: 'phone', text: '09 12 34 56' }]);
    expect(found('Soita (09) 123 4567 iltaisin.')).toEqual([{ type: 'phone', text: '(09) 123 4567' }]);
    expect(found('Ring 040 - 123 45 67 på kvällen.')).toEqual([{ type: 'phone', text: '040 - 123 45 67' }]);
  });

  it('finds a number after a label or a plus without a leading 0', () => {
    expect(found('puh. 123 4567 iltaisin')).toEqual([{ type: 'phone', text: '123 4567' }]);
    expect(found('tel: 1234567')).toEqual([{ type: 'phone', text: '1234567' }]);
    expect(found('Call +44 20 7946 0958 today.')).toEqual([{ type: 'phone', text: '+44 20 7946 0958' }]);
  });

  it('finds a number whose plus sign is inside an identifier found before it', () => {
    expect(found('Hetu 131052+308T, puh. 040 123 4567.').map((f) => f.type)).toEqual(['personal_id', 'phone']);
  });

  it('reads unlabelled numbers without a leading 0 and short groups as no phone', () => {
    expect(screen('Syntynyt 1939-03-03, asuu yksin.').filter((f) => f.type === 'phone')).toEqual([]);
    expect(screen('Velkaa on 30 000 euroa ja GAD-7 21 pistettä.')).toEqual([]);
    expect(screen('Asiakkaalla on 123 4567 euroa velkaa.')).toEqual([]);
  });
});
