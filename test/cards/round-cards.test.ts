import { FINDING_TYPES, FindingType } from '../../bot/domain/screening';
/**
 * The round's cards as pure functions of the domain's view and summary: controls follow the phase,
 * the screening line appears only when screening ran, and every language reads as itself.
 */
import { applyAction, summarise, view } from '../../bot/domain/turn-order';
import { roundStatusCard } from '../../bot/cards/round-status-card';
import { roundSummaryCard } from '../../bot/cards/round-summary-card';
import { Lang } from '../../bot/i18n';
import { visibleText } from '../helpers/connector-capture';
import { MIN, ok, roundOf } from '../domain/turn-order/round-fixtures';

const zone = 'Europe/Helsinki';
const verbs = (card: Record<string, unknown>) => ((card.actions as Array<{ verb: string }> | undefined) ?? []).map((a) => a.verb);

describe('round status card', () => {
  const round = roundOf([[1, 0], [2, 0], [1, 1]]);

  it('offers Pause while running and Resume while paused, and no controls once ended', () => {
    const running = roundStatusCard({ lang: 'fi', view: view(round, 6 * MIN), mentionNext: false, timeZone: zone });
    expect(verbs(running)).toEqual(['round.finish', 'round.next', 'round.pause', 'round.extend', 'round.skip', 'round.end']);
    const paused = ok(applyAction(round, 'pause', 6 * MIN));
    expect(verbs(roundStatusCard({ lang: 'fi', view: view(paused, 7 * MIN), mentionNext: false, timeZone: zone }))).toContain('round.resume');
    const ended = ok(applyAction(round, 'end', 8 * MIN));
    const endedCard = roundStatusCard({ lang: 'fi', view: view(ended, 8 * MIN), mentionNext: false, timeZone: zone });
    expect(verbs(endedCard)).toEqual([]);
    expect(visibleText(endedCard)).toContain('Konsultaatiokierros päättyi');
  });

  it('reads "time up" for the first minute past the deadline, then counts whole minutes over', () => {
    const deadline = round.deadline!;
    const line = (at: number) => visibleText(roundStatusCard({ lang: 'en', view: view(round, at), mentionNext: false, timeZone: zone }));
    expect(line(deadline - 30_000)).toContain('Less than a minute left');
    expect(line(deadline)).toContain('Time is up');
    expect(line(deadline + 300)).toContain('Time is up');
    expect(line(deadline + 59_000)).toContain('Time is up');
    expect(line(deadline + 60_000)).toContain('1 min over time');
    expect(line(deadline + 150_000)).toContain('2 min over time');
  });

  it('carries the round version on every button so a stale press can be recognised', () => {
    const later = ok(applyAction(round, 'extend', 6 * MIN));
    const card = roundStatusCard({ lang: 'fi', view: view(later, 6 * MIN), mentionNext: false, timeZone: zone });
    const versions = new Set(JSON.stringify(card).match(/"version":\d+/g));
    expect([...versions]).toEqual([`"version":${later.version}`]);
  });

  it.each<[Lang, string, string]>([
    ['sv', 'Nu har ordet: FPA (Kela), 1 ärende', 'Näst på tur'],
    ['en', 'Presenting now: Kela, 1 case', 'Next: Kela, 2 cases'],
  ])('reads in %s', (lang, presenting, next) => {
    const text = visibleText(roundStatusCard({ lang, view: view(round, 6 * MIN), mentionNext: false, timeZone: zone }));
    expect(text).toContain(presenting);
    expect(text).toContain(next);
    expect(text).not.toMatch(/round\.|\{\w+\}/);
  });
});

describe('round summary card', () => {
  const byType = Object.fromEntries(FINDING_TYPES.map((type) => [type, 0])) as Record<FindingType, number>;
  const counts = { screened: 12, flagged: 3, blocked: 1, warned: 1, stopped: 1, byType: { ...byType, personal_id: 2, phone: 1 } };
  const ended = ok(applyAction(ok(applyAction(roundOf([[1, 0], [2, 0]]), 'next', 15 * MIN)), 'end', 30 * MIN));

  it('adds the screening line only when screening counts are present', () => {
    const without = visibleText(roundSummaryCard({ lang: 'fi', summary: summarise(ended, 30 * MIN) }));
    expect(without).not.toContain('seulonta');
    const withCounts = visibleText(roundSummaryCard({ lang: 'fi', summary: summarise(ended, 30 * MIN), screening: counts }));
    expect(withCounts).toContain('Tunnistetietojen seulonta: 12 viestiä seulottu, 3 sisälsi tunnistetietoja (1 estetty, 1 varoitettu, 1 pysäytetty ennen julkaisua).');
    expect(withCounts).toContain('Löydetyt tyypit: henkilötunnus 2, puhelinnumero 1.');
  });

  it.each<Lang>(['fi', 'sv', 'en'])('has every string translated in %s', (lang) => {
    const text = visibleText(roundSummaryCard({ lang, summary: summarise(ended, 30 * MIN), screening: counts }));
    expect(text).not.toMatch(/round\.|\{\w+\}/);
  });
});
