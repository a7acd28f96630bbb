import { redact, screen } from '../../../bot/domain/screening';

import { foundOfType as found, names } from './found';

describe('names beyond the lexicon and the development corpus', () => {
  it('reads Swedish and English first words of a sentence as the ordinary words they are', () => {
    expect(names('God morgon! Vi har två ärenden i dag.')).toEqual([]);
    expect(names('Bilen med registreringsnumret står kvar på gården.')).toEqual([]);
    expect(names('Kortet var redan föråldrat, så ingenting ändrades.')).toEqual([]);
    expect(names('Ingen har anmält ärenden ännu.')).toEqual([]);
    expect(names('Edit')).toEqual([]);
    // a Finnish message keeps its sentence-initial first names
    expect(names('Ville kertoi asiasta ennen kokousta, mutta ei tullut.')).toEqual(['Ville']);
    // and Swedish context still makes a name
    expect(names('Klienten Inga bor ensam.')).toEqual(['Inga']);
  });

  it('leaves every colleague of a greeting alone, and a noun surname alone at a sentence start', () => {
    expect(names('Hei Janne ja Kaisa, pystyttekö tulemaan torstaina?')).toEqual([]);
    expect(names('Tack Jonas och Sofia för kommentarerna.')).toEqual([]);
    expect(names('Mäki kotitalon edessä on liian jyrkkä rollaattorille.')).toEqual([]);
    expect(names('Anna Mäki kertoi tilanteesta.')).toEqual(['Anna Mäki']);
  });

  it('finds common-noun surnames inflected, with context', () => {
    expect(names('Rouva Rinteelle soitetaan huomenna.')).toEqual(['Rinteelle']);
    expect(names('Kosken perheessä on neljä lasta.')).toEqual(['Kosken']);
    expect(names('Voisitko tarkistaa, onko Karhun asumistukipäätös tullut?')).toEqual(['Karhun']);
    expect(names('Voisitko soittaa Kalliolle huomenna?')).toEqual(['Kalliolle']);
    expect(names('Haastattelin Huttusta eilen.')).toEqual(['Huttusta']);
    expect(names('Niko Karhusta tehtiin ilmoitus.')).toEqual(['Niko Karhusta']);
    // but a call to a town is no name
    expect(names('Soitin Vantaalle ja Kelaan.')).toEqual([]);
  });

  it('finds names no list has after a title or relative, particles, initials and immigrant names', () => {
    expect(names('Mr Qarawi needs an interpreter.')).toEqual(['Qarawi']);
    expect(names('Fru Al-Zubaidi bor ensam.')).toEqual(['Al-Zubaidi']);
    expect(names('Veikko O. ei ole tullut sovitulle käynnille.')).toEqual(['Veikko O.']);
    expect(names('Jag skickar en kallelse till Tõnu Kask.')).toEqual(['Tõnu Kask']);
    expect(names('Kadrille on varattu tulkki.')).toEqual(['Kadrille']);
    // a title before a place or a service is no name
    expect(names('Asiakas Helsingistä soitti, herra Kela ei.')).toEqual([]);
    expect(names('Regional cooperation: Kela and NGOs')).toEqual([]);
  });
});

describe('structured identifiers written in other ways', () => {
  it('finds a birth date written before the birth word', () => {
    expect(found('06.09.1999 syntynyt mies asuu yksin.', 'date_of_birth')).toEqual(['06.09.1999']);
    expect(found('Kvinna, 1990-09-20 född i Åbo.', 'date_of_birth')).toEqual(['1990-09-20']);
    expect(found('Kokous 12.5.2025 syntyi hyvässä hengessä.', 'date_of_birth')).toEqual(['12.5.2025']);
  });

  it('finds Swedish street types', () => {
    for (const street of ['Handelsesplanaden 32', 'Brunnsgränd 4 B 12', 'Skeppsbrokajen 5', 'Järnvägsplan 3', 'Lindallén 7', 'Tallbacken 2'])
      expect(found(`Klienten bor på ${street}.`, 'address')).toEqual([street]);
    expect(found('Hon bor på Ingång 3.', 'address')).toEqual([]);
  });

  it('finds Swedish and English record labels and spaced passport numbers', () => {
    expect(found('FPA-kundnummer 11145231.', 'record_number')).toEqual(['11145231']);
    expect(found('Kundnumret är 55512345.', 'record_number')).toEqual(['55512345']);
    expect(found('Hans passnummer är 75 0240839.', 'passport_number')).toEqual(['75 0240839']);
    expect(found('Passport no. 75 0708611 expired in spring.', 'passport_number')).toEqual(['75 0708611']);
  });

  it('reports the mailto: copy of a linked address too, so redaction removes both', () => {
    const html = '<p>Sähköposti <a href="mailto:tapio.virtanen@example.fi">tapio.virtanen@example.fi</a></p>';
    const emails = found(html, 'email');
    expect(emails).toEqual(['tapio.virtanen@example.fi', 'tapio.virtanen@example.fi']);
    expect(redact(html, screen(html))).not.toContain('virtanen');
  });
});
