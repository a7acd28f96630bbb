/**
 * The chair's controls of the tab's Today view through the real server: the tab's SSO token, the
 * meeting role asked from the (loopback) Bot Connector, and the status card in the chat updated by
 * the durable scheduler exactly as after a press on the card.
 */
import nock from 'nock';
import { MemoryStore } from '../../bot/adapters/storage/memory-store';
import { MIN_UPDATE_INTERVAL_MS } from '../../bot/domain/turn-order';
import type { TodayPayload } from '../../bot/api/today-payload';
import { t } from '../../bot/i18n';
import { VuoroUnderTest, startTestVuoro } from '../helpers/vuoro-under-test';
import { ConnectorCapture, startConnectorCapture } from '../helpers/connector-capture';
import { AUDIENCE, TENANT, makeKey, serveTenantKeys } from '../helpers/sso-test-keys';
import { CHAIR, MEETING_TENANT, PARTICIPANT, PRESENTER, cardText, person, posts, roundInMeeting, statusUpdates as updatesOf, tabToken } from '../helpers/round-in-meeting';

const T0 = Date.parse('2026-11-26T07:00:00Z');
const key = makeKey('round-actions');
const clock = { t: T0, now: () => clock.t };

let connector: ConnectorCapture;
let vuoro: VuoroUnderTest;
let statusCardId: string;
let MEETING_ID: string;

const statusUpdates = () => updatesOf(connector, statusCardId);

const token = (oid: string, tid?: string) => tabToken(key, oid, clock.t, tid);

async function act(oid: string, body: unknown, tid?: string, meetingId = MEETING_ID) {
  const res = await fetch(`${vuoro.url}/api/meetings/${encodeURIComponent(meetingId)}/round/actions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token(oid, tid)}` },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function today(oid: string): Promise<TodayPayload> {
  const res = await fetch(`${vuoro.url}/api/meetings/${encodeURIComponent(MEETING_ID)}/today`, { headers: { authorization: `Bearer ${token(oid)}` } });
  expect(res.status).toBe(200);
  return (await res.json()) as TodayPayload;
}

/** Moves the fake clock past the posting budget and lets the scheduler post the card. */
async function cardCatchesUp(): Promise<string> {
  const before = statusUpdates().length;
  clock.t += MIN_UPDATE_INTERVAL_MS;
  await vuoro.scheduler.tick();
  const updates = statusUpdates();
  expect(updates.length).toBeGreaterThan(before);
  return cardText(updates[updates.length - 1]);
}

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterAll(() => nock.enableNetConnect());
beforeEach(async () => {
  clock.t = T0;
  serveTenantKeys([key], MEETING_TENANT, 1);
  connector = await startConnectorCapture();
  vuoro = await startTestVuoro(
    { VUORO_SSO_AUDIENCE: AUDIENCE, VUORO_ALLOWED_TENANTS: `${MEETING_TENANT},${TENANT}` },
    { clock, store: new MemoryStore(), scheduler: { pollIntervalMs: 3_600_000, rescanIntervalMs: 3_600_000 } },
  );
  ({ meetingId: MEETING_ID, statusCardId } = await roundInMeeting(vuoro, connector, clock, 'tab-actions'));
});
afterEach(async () => {
  await vuoro.close();
  await connector.close();
  nock.cleanAll();
});

describe('POST /api/meetings/:meetingId/round/actions', () => {
  it('lets the organiser press Next: the round moves on and the chat\'s status card follows', async () => {
    const view = await today(CHAIR.aadObjectId);
    expect(view).toMatchObject({ canControl: true, presenting: false });
    const res = await act(CHAIR.aadObjectId, { action: 'next', version: view.round!.version });
    expect(res).toEqual({ status: 200, body: { ok: true, version: view.round!.version + 1, phase: 'running' } });
    expect((await today(CHAIR.aadObjectId)).round?.current?.position).toBe(2);
    expect(await cardCatchesUp()).toContain('Nyt vuorossa: Kela, 1 tapaus');
    expect(vuoro.logs.join('')).toContain('"event":"tab.round_action"');
    expect(vuoro.logs.join('')).not.toContain('Osallistuja');
  });

  it('asks Teams for the meeting role of a chair who did not start the round', async () => {
    const cochair = person(8);
    connector.roles.set(cochair.aadObjectId, 'Presenter');
    const view = await today(cochair.aadObjectId);
    expect(view.canControl).toBe(true);
    expect((await act(cochair.aadObjectId, { action: 'pause', version: view.round!.version })).status).toBe(200);
    const lookups = connector.requests.filter((c) => c.method === 'GET' && c.path === `/v1/meetings/${MEETING_ID}/participants/${cochair.aadObjectId}`);
    expect(lookups).toHaveLength(2); // the view's answer is remembered for a minute; an action always asks afresh
    expect(await today(cochair.aadObjectId)).toMatchObject({ canControl: true, round: { phase: 'paused' } });
    expect(connector.requests.filter((c) => c.path === lookups[0].path)).toHaveLength(2);
  });

  it('refuses a participant with 403 and leaves the round as it was', async () => {
    const view = await today(PARTICIPANT.aadObjectId);
    expect(view).toMatchObject({ canControl: false, presenting: false });
    expect(await act(PARTICIPANT.aadObjectId, { action: 'next', version: view.round!.version })).toEqual({ status: 403, body: { error: 'chairOnly' } });
    expect(await act(PARTICIPANT.aadObjectId, { action: 'finish', version: view.round!.version })).toEqual({ status: 403, body: { error: 'chairOnly' } });
    expect((await today(CHAIR.aadObjectId)).round).toMatchObject({ version: view.round!.version, current: { position: 1 } });
  });

  it('gives the presenter only "Done" for their own turn', async () => {
    const view = await today(PRESENTER.aadObjectId);
    expect(view).toMatchObject({ canControl: false, presenting: true });
    expect((await act(PRESENTER.aadObjectId, { action: 'extend', version: view.round!.version })).status).toBe(403);
    expect((await act(PRESENTER.aadObjectId, { action: 'finish', version: view.round!.version })).status).toBe(200);
    expect((await today(PRESENTER.aadObjectId)).presenting).toBe(false);
    expect(await cardCatchesUp()).toContain('Nyt vuorossa: Kela, 1 tapaus');
  });

  it('moves, skips and defers the presenter at a running-order position of the version shown', async () => {
    const { round } = await today(CHAIR.aadObjectId);
    const moved = await act(CHAIR.aadObjectId, { action: 'moveDown', version: round!.version, position: 2 });
    expect(moved.status).toBe(200);
    expect((await today(CHAIR.aadObjectId)).round!.order.map((x) => x.service)).toEqual(['health_station', 'adult_social', 'kela']);
    // The same press on the old view is stale: positions have moved since.
    expect(await act(CHAIR.aadObjectId, { action: 'moveDown', version: round!.version, position: 2 })).toEqual({ status: 409, body: { error: 'stale', version: moved.body.version } });
    expect((await act(CHAIR.aadObjectId, { action: 'defer', version: moved.body.version, position: 3 })).status).toBe(200);
    expect((await today(CHAIR.aadObjectId)).round!.order.map((x) => x.service)).toEqual(['health_station', 'adult_social']);
  });

  it('answers a domain refusal with 409 and its code, and a bad body with 400 naming the field', async () => {
    const { round } = await today(CHAIR.aadObjectId);
    const version = round!.version;
    expect(await act(CHAIR.aadObjectId, { action: 'resume', version })).toEqual({ status: 409, body: { error: 'not_paused', version } });
    expect(await act(CHAIR.aadObjectId, { action: 'moveUp', version, position: 2 })).toEqual({ status: 409, body: { error: 'first_in_line', version } });
    expect(await act(CHAIR.aadObjectId, { action: 'dance', version })).toEqual({ status: 400, body: { error: 'invalid', field: 'action' } });
    expect(await act(CHAIR.aadObjectId, { action: 'next' })).toEqual({ status: 400, body: { error: 'invalid', field: 'version' } });
    expect(await act(CHAIR.aadObjectId, { action: 'skip', version })).toEqual({ status: 400, body: { error: 'invalid', field: 'position' } });
    expect(await act(CHAIR.aadObjectId, [1, 2])).toEqual({ status: 400, body: { error: 'invalid', field: 'body' } });
  });

  it('answers 404 for another tenant\'s meeting and 401 without a token', async () => {
    serveTenantKeys([key], TENANT, 1);
    const { round } = await today(CHAIR.aadObjectId);
    expect(await act(CHAIR.aadObjectId, { action: 'next', version: round!.version }, TENANT)).toEqual({ status: 404, body: { error: 'notFound' } });
    const none = await fetch(`${vuoro.url}/api/meetings/${MEETING_ID}/round/actions`, { method: 'POST', body: '{}' });
    expect(none.status).toBe(401);
    expect((await today(CHAIR.aadObjectId)).round?.version).toBe(round!.version);
  });

  it('ends the round from the tab and posts the summary in the chat', async () => {
    const { round } = await today(CHAIR.aadObjectId);
    expect((await act(CHAIR.aadObjectId, { action: 'end', version: round!.version })).body).toMatchObject({ ok: true, phase: 'ended' });
    const summary = await connector.waitFor((c) => posts(c) && cardText(c).includes(t('fi', 'round.summary.title')));
    expect(summary).toHaveLength(1);
    expect(await today(CHAIR.aadObjectId)).toMatchObject({ canControl: false, presenting: false, round: { phase: 'ended' } });
  });
});
