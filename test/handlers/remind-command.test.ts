import { parseCommand } from '../../bot/handlers/commands';

describe('the remind command', () => {
  it.each([
    ['<at>Vuoro</at>&nbsp;muistuta', false],
    ['Muistuta pois', true],
    ['påminn', false],
    ['PÅMINN AV', true],
    ['remind off.', true],
    ['remind me please', false],
  ])('%s -> off=%s', (text, off) => {
    expect(parseCommand(text)).toEqual({ id: 'remind', off });
  });

  it('keeps the other commands as they were', () => {
    expect(parseCommand('kesto 90')).toEqual({ id: 'length', args: [90] });
    expect(parseCommand('muistutus')).toEqual({ id: 'unknown' });
  });
});
