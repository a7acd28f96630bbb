import { FINDING_TYPES, redact, screen, summarise } from '../../../bot/domain/screening';
import { normalise, originalEnd, toOriginalStart, type Normalised } from '../../../bot/domain/screening/normalise';

const toOriginal = (norm: Normalised, start: number, end: number): [number, number] => [toOriginalStart(norm, start, end), originalEnd];
import { placeholderFor } from '../../../bot/handlers/screening-labels';

describe('normalise', () => {
  it('strips tags, decodes entities and folds full-width digits, mapping back to the original offsets', () => {
    const html = '<p>hetu&nbsp;１３１０５２&#8211;308T</p>';
    const norm = normalise(html);
    expect(norm.text).toBe('\nhetu 131052-308T\n');
    const start = norm.text.indexOf('1');
    expect(toOriginal(norm, start, start + 11)).toEqual([html.indexOf('１'), html.indexOf('</p>')]);
  });

  it('leaves plain text untouched (identity map)', () => {
    const norm = normalise('Asiakas äiti, 3 lasta');
    expect(norm.text).toBe('Asiakas äiti, 3 lasta');
    expect(norm.segments).toBe(0);
  });

  it('maps back through more segments than its buffers first hold', () => {
    const html = `<p>${'<b>hoito</b> '.repeat(60)}hetu 131052-308T</p>`;
    const norm = normalise(html);
    expect(norm.segments).toBeGreaterThan(64);
    const start = norm.text.indexOf('131052');
    expect(toOriginal(norm, start, start + 11)).toEqual([html.indexOf('131052'), html.indexOf('</p>')]);
  });
});

describe('screen on Teams HTML, one message after another', () => {
  it('forgets the mentions of the message before', () => {
    const mentioned = '<p><at>Matti Virtanen</at> katsotko tätä?</p>';
    expect(screen(mentioned).filter((f) => f.type === 'name')).toEqual([]);
    // the same offsets as the mention before
    const html = '<p>Matti Virtanen soitti eilen.</p>';
    expect(screen(html).map((f) => html.slice(f.start, f.end))).toEqual(['Matti Virtanen']);
  });

  it('maps a message with many tags back to the original offsets', () => {
    const html = `<p>${'<b>hoito</b> '.repeat(60)}hetu 131052-308T</p>`;
    expect(screen(html).map((f) => [f.type, html.slice(f.start, f.end)])).toEqual([['personal_id', '131052-308T']]);
  });
});

describe('screen on Teams HTML', () => {
  it('reports offsets into the original HTML', () => {
    const html = '<p>Asiakas <b>Matti Virtanen</b>, puh&#58; 040&nbsp;123&nbsp;4567</p>';
    const f = screen(html);
    expect(f.map((x) => [x.type, html.slice(x.start, x.end)])).toEqual([
      ['name', 'Matti Virtanen'],
      ['phone', '040&nbsp;123&nbsp;4567'],
    ]);
  });
});

describe('redact and summarise', () => {
  const text = 'Asiakas Matti Virtanen, hetu 131052-308T, puh. 040 123 4567.';

  it('replaces every finding with a Finnish placeholder by default', () => {
    expect(redact(text, screen(text))).toBe('Asiakas [nimi], hetu [henkilötunnus], puh. [puhelinnumero].');
  });

  it('uses the localised labels from the i18n catalogues', () => {
    expect(redact(text, screen(text), placeholderFor('sv'))).toBe('Asiakas [namn], hetu [personbeteckning], puh. [telefonnummer].');
    expect(redact(text, screen(text), placeholderFor('en'))).toBe('Asiakas [name], hetu [personal identity code], puh. [phone number].');
    for (const lang of ['fi', 'sv', 'en'] as const) {
      for (const type of FINDING_TYPES) expect(placeholderFor(lang)(type)).not.toContain('screening.type');
    }
  });

  it('counts findings per type, every type present', () => {
    const counts = summarise(screen(text));
    expect(counts.name).toBe(1);
    expect(counts.personal_id).toBe(1);
    expect(counts.phone).toBe(1);
    expect(counts.iban).toBe(0);
    expect(Object.keys(counts).sort()).toEqual([...FINDING_TYPES].sort());
  });
});
