/** `@Vuoro seulonta esto|varoitus|pois` (granskning / screening): the centre's safety-net setting. */
import { TurnContext } from 'botbuilder';
import { DEFAULT_SCREENING_MODE, ScreeningMode } from '../domain/meeting-screening';
import { CentreRepository } from '../adapters/repositories/centre-repository';
import { MeetingRepository } from '../adapters/repositories/meeting-repository';
import { t } from '../i18n';
import { Logger } from '../logger';
import { isChair, turnInfo } from './turn-info';

/** Shows or changes the screening mode; only the chair may change it. */
export class ScreeningSettingsHandlers {
  constructor(private readonly deps: { centres: CentreRepository; meetings: MeetingRepository; graphBlocking: boolean; log: Logger }) {}

  /** Returns the reply text. Without a mode word it tells the current setting. */
  async command(context: TurnContext, mode: ScreeningMode | undefined): Promise<string> {
    const info = turnInfo(context);
    const current = (await this.deps.centres.get(info.conversationId)).screening ?? DEFAULT_SCREENING_MODE;
    const label = (m: ScreeningMode) => t(info.lang, `screening.mode.${m}`);
    if (!mode) return t(info.lang, 'screening.mode.current', { mode: label(current) });
    const record = await this.deps.meetings.get(info.meetingId);
    if (!(await isChair(context, info, record?.intake.openedBy))) return t(info.lang, 'screening.mode.chairOnly');
    await this.deps.centres.update(info.conversationId, (c) => ({ ...c, screening: mode }));
    this.deps.log.info({ event: 'screening.mode_set', conversationId: info.conversationId, mode }, 'screening mode changed');
    const text = t(info.lang, 'screening.mode.set', { mode: label(mode) });
    return mode === 'block' && !this.deps.graphBlocking ? `${text} ${t(info.lang, 'screening.mode.blockWithoutGraph')}` : text;
  }
}
