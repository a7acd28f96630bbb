import { SERVICES } from '../../../bot/domain/screening/detect-name';
import { names } from './found';

describe('name', () => {
  it('finds first + last names and names after context words', () => {
    expect(names('Asiakas Matti Virtanen tuli vastaanotolle.')).toEqual(['Matti Virtanen']);
    expect(names('Tapasin eilen Liisa Korhosen kotona.')).toEqual(['Liisa Korhosen']);
    expect(names('Klienten Anna Lindqvist bor ensam.')).toEqual(['Anna Lindqvist']);
    expect(names('The client John Smith moved in March.')).toEqual(['John Smith']);
    expect(names('asiakas matti virtanen soitti')).toEqual(['matti virtanen']);
    expect(names('Äiti Fatima kertoi, että lapset voivat hyvin.')).toEqual(['Fatima']);
  });

  it('finds inflected Finnish names (Virtaselle, Matin, Aholassa)', () => {
    expect(names('Soitin eilen Virtaselle ja lupasin palata asiaan.')).toEqual(['Virtaselle']);
    expect(names('Keskustelin Matin kanssa pitkään.')).toEqual(['Matin']);
    expect(names('Kotikäynti tehtiin Aholassa maanantaina.')).toEqual(['Aholassa']);
    expect(names('Tapasimme Mikon ja Sadun vanhemmat.')).toEqual(['Mikon', 'Sadun']);
  });

  it('needs context for a surname that is also a common noun', () => {
    expect(names('Hän istui kiven päällä ja katseli, kun Koski virtasi.')).toEqual([]);
    expect(names('Asiakas Pekka Koski ei tullut.')).toEqual(['Pekka Koski']);
    expect(names('Herra Koski ei tullut.')).toEqual(['Koski']);
  });

  it('does not treat a capitalised first word of a sentence as a name by itself', () => {
    expect(names('Kivi on pudonnut asiakkaan harteilta. Toivo paremmasta on herännyt.')).toEqual([]);
    expect(names('Anna hänelle aikaa. Onni oli myötä.')).toEqual([]);
  });

  it('leaves colleagues alone: greetings, @-mentions and <at> mentions', () => {
    expect(names('Kiitos Sanna, hyvä huomio!')).toEqual([]);
    expect(names('@Mikko katsotko tämän?')).toEqual([]);
    expect(names('<p><at>Mikko Virtanen</at> katsotko tämän?</p>')).toEqual([]);
    expect(names('Tack Johan för kommentarerna.')).toEqual([]);
    expect(names('Sosiaaliohjaaja Laura hoitaa yhteydenoton.')).toEqual([]);
  });

  it('leaves municipalities, services, eponyms and roles alone', () => {
    expect(names('60-vuotias mies asuu Vantaalla, aiemmin Salossa ja Lahdessa.')).toEqual([]);
    expect(names('Kela ja Omaolo sekä THK:n palvelut, diagnoosina Alzheimerin tauti.')).toEqual([]);
    expect(names('Hän on käynyt Auroran sairaalassa ja Kallion terveysasemalla.')).toEqual([]);
  });

  // the word after a name is compared in place, and read to its end only when it may be a service
  it('leaves a colleague named with any service in the from-case, in any case of its first letter', () => {
    expect(names('Mukana oli Matti Virtanen eilen.')).toEqual(['Matti Virtanen']);
    for (const service of SERVICES) {
      const from = `${service}lta`;
      expect(names(`Mukana oli Matti Virtanen ${from}.`)).toEqual([]);
      expect(names(`Mukana oli Matti Virtanen ${from.charAt(0).toUpperCase()}${from.slice(1)} eilen.`)).toEqual([]);
      // the filter on a word's first two letters reads both in any case
      expect(names(`Mukana oli Matti Virtanen ${from.toUpperCase()}.`)).toEqual([]);
    }
  });

  it('tells names with a letter past ASCII second from acronyms with a suffix', () => {
    expect(names('Tapasimme eilen Päivi Mäkisen kotona.')).toEqual(['Päivi Mäkisen']);
    expect(names('Hän kertoi, että Söderström soitti.')).toEqual(['Söderström']);
    expect(names('Lähetin eilen PDFs ja ÅÄÖs liitteinä.')).toEqual([]);
  });

  it('leaves a colleague introduced by their organisation, also at the end of a message', () => {
    expect(names('Tapasimme eilen Mark Smith from Kela')).toEqual([]);
    expect(names('Tapasimme eilen Mark Smith from')).toEqual([]);
    expect(names('Tapasimme eilen Mark Smith FRÅN FPA')).toEqual([]);
    expect(names('Tapasimme eilen Mark Smith fromage')).toEqual(['Mark Smith']);
  });
});
