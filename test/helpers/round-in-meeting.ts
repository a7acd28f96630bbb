/**
 * A Teams meeting with a running round, set up through the real bot as Teams would drive it: the
 * intake opens at the meeting's start, three people answer on the card, and the organiser starts
 * the round. The tab's SSO tokens are signed for the meeting's tenant (the activity fixtures').
 */
import type { VuoroUnderTest } from './vuoro-under-test';
import type { Captured, ConnectorCapture } from './connector-capture';
import { visibleText } from './connector-capture';
import { activity, cardAction } from './teams-activities';
import { signToken } from './sso-test-keys';
import type { TestKey } from './sso-test-keys';

/** The tenant of the Teams activity fixtures: the meeting's tenant. */
export const MEETING_TENANT = '72f988bf-0000-4000-8000-0000000000f1';

/** A participant of the meeting, numbered. */
export const person = (n: number) => ({ aadObjectId: `00000000-0000-4000-8000-0000000002${String(n).padStart(2, '0')}`, name: `Osallistuja ${n}` });
/** The organiser, who starts the round. */
export const CHAIR = person(9);
/** Presents first (two health-station cases). */
export const PRESENTER = person(1);
/** Presents second (Kela); neither chair nor presenting at first. */
export const PARTICIPANT = person(2);

/** The bot's posts to a chat. */
export const posts = (c: Captured) => c.method === 'POST' && /\/v3\/conversations\/.+\/activities/.test(c.path);
/** All text on the card a request carries. */
export const cardText = (c: Captured) => visibleText((c.body.attachments as Array<{ content: object }>)[0].content);

/** Plays the meeting `name` up to a running round at `clock.t + 5 min`; returns the meeting id and the status card's id. */
export async function roundInMeeting(vuoro: VuoroUnderTest, connector: ConnectorCapture, clock: { t: number }, name: string): Promise<{ meetingId: string; statusCardId: string }> {
  const scene = { serviceUrl: connector.url, meeting: name };
  await vuoro.send(activity('meeting-start', scene));
  const [intakeCard] = await connector.waitFor(posts);
  for (const [n, cases, service] of [[1, '2', 'health_station'], [2, '1', 'kela'], [3, '1', 'adult_social']] as const) {
    await vuoro.send(cardAction({ ...scene, user: person(n) }, intakeCard.responseId!, 'intake.answer', { cases, topics: '0', service }));
  }
  connector.roles.set(CHAIR.aadObjectId, 'Organizer');
  clock.t += 5 * 60_000;
  await vuoro.send(cardAction({ ...scene, user: CHAIR }, intakeCard.responseId!, 'round.start', {}));
  const status = await connector.waitFor((c) => posts(c) && cardText(c).includes('Konsultaatiokierros'));
  return { meetingId: `MCMx-${name}`, statusCardId: status[0].responseId! };
}

/** The status card's updates in place. */
export function statusUpdates(connector: ConnectorCapture, statusCardId: string): Captured[] {
  return connector.requests.filter((c) => c.method === 'PUT' && c.path.endsWith(`/activities/${statusCardId}`));
}

/** A Teams SSO token of `oid` in `tid` (the meeting's tenant by default) at the fake time `nowMs`. */
export function tabToken(key: TestKey, oid: string, nowMs: number, tid = MEETING_TENANT): string {
  return signToken(key, { oid, tid, iss: `https://login.microsoftonline.com/${tid}/v2.0` }, Math.floor(nowMs / 1000));
}
