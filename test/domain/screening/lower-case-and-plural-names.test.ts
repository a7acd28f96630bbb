import { baseForms } from '../../../bot/domain/screening/finnish-inflection';

import { foundOfType, names } from './found';

const births = (text: string) => foundOfType(text, 'date_of_birth');

describe('names typed in lower case with no context word', () => {
  it('finds a frequent first name, inflected too, and a first name with its surname', () => {
    expect(names('eilen pekka kertoi että rahat loppuivat')).toEqual(['pekka']);
    expect(names('kirjoitin muistion aino korhosesta')).toEqual(['aino korhosesta']);
    expect(names('lähetin viestin tuomakselle ja odotan')).toEqual(['tuomakselle']);
    expect(names('soitin sirpa lehtiselle aamulla')).toEqual(['sirpa lehtiselle']);
    expect(names('I talked to fatima yesterday about rent')).toEqual(['fatima']);
    expect(names('vi pratade med jukka om skolan')).toEqual(['jukka']);
  });

  it('leaves names that are also ordinary words, and ordinary words that are rare names, alone', () => {
    expect(names('onni ja toivo ovat tärkeitä, satu luettiin illalla')).toEqual([]);
    expect(names('kivi ja salo näkyivät ikkunasta')).toEqual([]);
    expect(names('will you check whether may works for the group')).toEqual([]);
    expect(names('kirjoita asia uudelleen, rivi kerrallaan')).toEqual([]);
    expect(names('mäki on liian jyrkkä rollaattorille')).toEqual([]);
    expect(names('please edit the plan before the meeting')).toEqual([]);
  });

  it('a surname alone needs a title or a relative before it, not only a verb of contacting', () => {
    expect(names('lomake korhoselle lähti')).toEqual([]);
    expect(names('soitin tulkille eilen ja olin yhteydessä tulkkiin')).toEqual([]);
    expect(names('olin yhteydessä äiti korhoseen eilen')).toEqual(['korhoseen']);
    expect(names('olin yhteydessä sirpa korhoseen eilen')).toEqual(['sirpa korhoseen']);
  });

  it('leaves greeted colleagues and speakers alone', () => {
    expect(names('kiitos pekka, hyvä huomio')).toEqual([]);
    expect(names('hei jukka ja sirpa, ehdittekö katsoa')).toEqual([]);
    expect(names('pekka: samaa mieltä, jatketaan')).toEqual([]);
    expect(names('mukana oli jukka virtanen sosiaalityöstä')).toEqual([]);
  });
});

describe('Finnish family plurals', () => {
  it('reads -nen and -la plurals back to the surname', () => {
    expect(baseForms('lehtisille')).toContain('lehtinen');
    expect(baseForms('heikkisten')).toContain('heikkinen');
    expect(baseForms('mäkelöillä')).toContain('mäkelä');
  });

  it('finds a family named in the plural, also after a greeting when the family is talked about', () => {
    expect(names('Kävimme Lehtisillä tiistaina.')).toEqual(['Lehtisillä']);
    expect(names('Toimitin paperit Heikkisille eilen.')).toEqual(['Heikkisille']);
    expect(names('Moi, Salosten perhe muuttaa ensi kuussa')).toEqual(['Salosten']);
    expect(names('Olin Mäkelöillä kotikäynnillä')).toEqual(['Mäkelöillä']);
  });

  it('leaves plural ordinary words alone', () => {
    expect(names('Kävimme kaupoissa ja pankeilla tiistaina.')).toEqual([]);
    expect(names('Olin kotona koko päivän.')).toEqual([]);
  });
});

describe('a known first name first in a sentence', () => {
  it('finds an inflected first name before a school word, and a bare first name starting an English sentence', () => {
    expect(names('Fatiman päiväkoti vaihtuu syksyllä')).toEqual(['Fatiman']);
    expect(names('Hamza is moving to his aunt next week')).toEqual(['Hamza']);
  });

  it('leaves schools named after places, and ordinary words first in a sentence, alone', () => {
    expect(names('Kallion koulu aloittaa syksyllä')).toEqual([]);
    expect(names('Will is the only thing that matters here')).toEqual([]);
  });
});

describe('date of birth', () => {
  it('finds a two-digit year after a dash or an apostrophe', () => {
    expect(births('Hän on s. 12.5.-91 ja asuu yksin')).toEqual(['12.5.-91']);
    expect(births("b. 12.5.'91, lives alone")).toEqual(["12.5.'91"]);
  });

  it('leaves a date range alone', () => {
    expect(births('s. 1.3.-15.3. lomalla')).toEqual([]);
  });
});
