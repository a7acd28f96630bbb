/**
 * The chair's controls in the tab's Today view. The tab's signed-in user acts on the round through
 * the very function a status card button calls (RoundHandlers.act), inside a proactive turn on the
 * meeting chat: there Teams can tell the user's meeting role, and the summary lands in the chat.
 */
import { CloudAdapter, TurnContext } from 'botbuilder';
import { Clock } from '../domain/ports';
import { Round, RoundAction } from '../domain/turn-order';
import { MeetingRecord } from '../adapters/repositories/meeting-repository';
import { RoundActionOutcome, RoundHandlers, sendTo } from './round-handlers';
import { referenceOf } from './round-status-updates';
import { Asker, isChairOf } from './turn-info';

/** What the tab's controls need. */
export interface TabRoundControlDeps {
  adapter: Pick<CloudAdapter, 'continueConversationAsync'>;
  botAppId: string;
  round: RoundHandlers;
  clock: Clock;
}

/** Every open Today view asks every 15 s; a meeting role is asked from Teams at most once a minute per person. */
const ROLE_TTL_MS = 60_000;
const ROLE_CACHE_MAX = 10_000;

function askerIn(meeting: MeetingRecord, oid: string): Asker {
  // A group chat's "meeting" is the chat itself (turnInfo's fallback); only a real meeting has roles.
  const inMeeting = meeting.meetingId !== meeting.address.conversationId;
  return { meetingId: meeting.meetingId, inMeeting, tenantId: meeting.address.tenantId, userId: oid, aadObjectId: oid };
}

/** Round actions and the chair check for the tab's signed-in user `oid`. */
export class TabRoundControl {
  private readonly roles = new Map<string, { chair: boolean; until: number }>();

  constructor(private readonly deps: TabRoundControlDeps) {}

  /** Acts on the meeting's round as `oid`; `target` is the presenter acted on (skip, defer, moves). */
  act(meeting: MeetingRecord, oid: string, action: RoundAction, version: number, target?: string): Promise<RoundActionOutcome> {
    return this.inChat(meeting, (context) => this.deps.round.act({
      meetingId: meeting.meetingId,
      userId: oid,
      action,
      version,
      target,
      isChair: (openedBy) => isChairOf(context, askerIn(meeting, oid), openedBy),
      send: sendTo(context),
    }));
  }

  /** Whether `oid` is the chair of `round`; a failed look-up answers no, as in the chat. */
  async canControl(meeting: MeetingRecord, oid: string, round: Round): Promise<boolean> {
    const key = `${meeting.meetingId}\n${oid}`;
    const now = this.deps.clock.now();
    const known = this.roles.get(key);
    if (known && known.until > now) return known.chair;
    const openedBy = round.startedBy ?? meeting.intake.openedBy;
    const chair = await this.inChat(meeting, (context) => isChairOf(context, askerIn(meeting, oid), openedBy)).catch(() => false);
    if (this.roles.size >= ROLE_CACHE_MAX) this.roles.clear();
    this.roles.set(key, { chair, until: now + ROLE_TTL_MS });
    return chair;
  }

  private async inChat<T>(meeting: MeetingRecord, work: (context: TurnContext) => Promise<T>): Promise<T> {
    let result: { value: T } | undefined;
    await this.deps.adapter.continueConversationAsync(this.deps.botAppId, referenceOf(meeting.address), async (context) => {
      result = { value: await work(context) };
    });
    if (!result) throw new Error('the proactive turn did not run');
    return result.value;
  }
}
