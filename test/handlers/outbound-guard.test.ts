import { guardActivity } from '../../bot/handlers/outbound-guard';

describe('the outbound guard', () => {
  it('redacts identifiers in text, card text blocks and facts, localised, and leaves inputs alone', () => {
    const activity = {
      type: 'message',
      locale: 'sv-FI',
      text: 'Ring 040 1234567',
      attachments: [{
        contentType: 'application/vnd.microsoft.card.adaptive',
        content: {
          type: 'AdaptiveCard',
          body: [
            { type: 'TextBlock', text: 'Hetu 131052-308T' },
            { type: 'Container', items: [{ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: 'matti.virtanen@example.fi' }] }] },
            { type: 'FactSet', facts: [{ title: 'Kontakt', value: 'matti.virtanen@example.fi' }] },
            { type: 'Input.Text', id: 'description', value: 'Hetu 131052-308T' },
            { type: 'TextBlock', text: 'Tuo: <at>Sanna Sairaanhoitaja</at>' },
          ],
        },
      }],
    };
    expect(guardActivity(activity)).toBe(4);
    const json = JSON.stringify(activity);
    expect(activity.text).toBe('Ring [telefonnummer]');
    expect(json).toContain('Hetu [personbeteckning]');
    expect(json).toContain('"text":"[e-post]"');
    expect(json).toContain('"value":"[e-post]"');
    expect(json).toContain('"value":"Hetu 131052-308T"'); // the presenter's own input, handed back to them
    expect(json).toContain('<at>Sanna Sairaanhoitaja</at>'); // colleagues named by mention stay
  });

  it('screens cards in invoke responses and leaves clean activities untouched', () => {
    const invoke = { type: 'invokeResponse', value: { status: 200, body: { task: { type: 'continue', value: { card: { content: { body: [{ type: 'TextBlock', text: 'IBAN FI21 1234 5600 0007 85' }] } } } } } } };
    expect(guardActivity(invoke)).toBe(1);
    expect(JSON.stringify(invoke)).not.toContain('5600');
    const clean = { type: 'message', text: 'Tapaus 3/7 · Terveysasema' };
    expect(guardActivity(clean)).toBe(0);
    expect(clean.text).toBe('Tapaus 3/7 · Terveysasema');
  });
});
