/**
 * The "share a case" message extension: a dialog whose text is screened before anything is posted.
 * With findings the dialog comes back to the presenter alone (their text kept, the findings by type
 * and line); clean text is posted by Vuoro as a case card. Nothing typed is stored or logged.
 */
import { CardFactory, MessageFactory, TaskModuleTaskInfo, TurnContext } from 'botbuilder';
import { ShareCaseInput, caseNumber, findingPlaces, parseShareCase } from '../domain/meeting-screening';
import { type FindingType, redact, screen, summarise } from '../domain/screening';
import { MeetingRepository } from '../adapters/repositories/meeting-repository';
import { ScreeningRepository } from '../adapters/repositories/screening-repository';
import { FormFinding, SHARE_ACTIONS, ShareDialogModel, caseCard, shareCaseDialog } from '../cards/share-case-card';
import { Lang, t } from '../i18n';
import { Logger, errorFields } from '../logger';
import { placeholderFor } from './screening-labels';
import { turnInfo } from './turn-info';

/** The manifest's composeExtensions command id. */
export const SHARE_CASE_COMMAND = 'shareCase';

/** How long the submit waits for the chat post before answering Teams anyway (its limit is far longer). */
const POST_WAIT_MS = 3000;

/** What the dialog handlers need. */
export interface ShareCaseDeps {
  meetings: MeetingRepository;
  screening: ScreeningRepository;
  log: Logger;
}

function dialog(m: ShareDialogModel): TaskModuleTaskInfo {
  return { title: t(m.lang, 'screening.share.title'), height: 'large', width: 'medium', card: CardFactory.adaptiveCard(shareCaseDialog(m)) };
}

function screenForm(input: ShareCaseInput): { findings: FormFinding[]; found: Record<FindingType, number> } {
  const d = screen(input.description);
  const q = screen(input.question);
  const findings: FormFinding[] = [
    ...findingPlaces(input.description, d).map((p) => ({ field: 'description' as const, ...p })),
    ...findingPlaces(input.question, q).map((p) => ({ field: 'question' as const, ...p })),
  ];
  return { findings, found: summarise([...d, ...q]) };
}

/** Handlers for composeExtension/fetchTask and composeExtension/submitAction. */
export class ShareCaseHandlers {
  constructor(private readonly deps: ShareCaseDeps) {}

  /** Opens the empty dialog. */
  async fetchTask(context: TurnContext): Promise<TaskModuleTaskInfo> {
    const info = turnInfo(context);
    this.deps.log.info({ event: 'share.opened', meetingId: info.meetingId }, 'share dialog opened');
    return dialog({ lang: info.lang });
  }

  /** Screens the submitted form; returns the dialog again, or undefined (closed) once posted. */
  async submitAction(context: TurnContext, data: Record<string, unknown>): Promise<TaskModuleTaskInfo | undefined> {
    const info = turnInfo(context);
    const lang: Lang = info.lang;
    const values = { kind: str(data.kind), service: str(data.service), description: str(data.description), question: str(data.question) };
    const parsed = parseShareCase(data);
    if ('error' in parsed) {
      const problem = parsed.error === 'too_long' ? 'tooLong' : `${parsed.error}Required`;
      return dialog({ lang, values, problem });
    }
    let input = parsed.input;
    if (data.action === SHARE_ACTIONS.useRedacted) {
      const placeholder = placeholderFor(lang);
      input = { ...input, description: redact(input.description, screen(input.description), placeholder), question: redact(input.question, screen(input.question), placeholder) };
    }
    const { findings, found } = screenForm(input);
    if (findings.length) {
      await this.count(info.meetingId, found, 'stopped');
      this.deps.log.info({ event: 'share.stopped', meetingId: info.meetingId, findings: findings.length, redactedTried: data.action === SHARE_ACTIONS.useRedacted }, 'case held back');
      const redactedTried = data.action === SHARE_ACTIONS.useRedacted;
      return dialog({ lang, values: { ...values, description: input.description, question: input.question }, findings, problem: redactedTried ? 'stillFound' : undefined });
    }
    const posted = await this.post(context, info.meetingId, lang, input);
    if (!posted) return dialog({ lang, values: { ...values, description: input.description, question: input.question }, problem: 'postFailed' });
    return undefined;
  }

  private async post(context: TurnContext, meetingId: string, lang: Lang, input: ShareCaseInput): Promise<boolean> {
    const presenterAad = context.activity.from?.aadObjectId;
    const [record, already] = await Promise.all([
      this.deps.meetings.get(meetingId),
      presenterAad ? this.deps.screening.sharedBy(meetingId, presenterAad) : Promise.resolve(0),
    ]);
    const number = caseNumber(record?.intake, presenterAad, already);
    const cardJson = caseCard({
      lang: record?.lang ?? lang,
      ...input,
      presenter: { id: context.activity.from?.id ?? '', name: context.activity.from?.name || t(lang, 'screening.share.title') },
      number,
    });
    const sending = context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(cardJson)));
    let timer: NodeJS.Timeout | undefined;
    const outcome = await Promise.race([
      sending.then(() => 'sent' as const, (err: unknown) => {
        this.deps.log.warn({ event: 'share.post_failed', meetingId, ...errorFields(err) }, 'case card not posted');
        return 'failed' as const;
      }),
      new Promise<'slow'>((resolve) => { timer = setTimeout(() => resolve('slow'), POST_WAIT_MS); }),
    ]);
    clearTimeout(timer);
    if (outcome === 'failed') return false;
    await this.count(meetingId, summarise([]), 'clean', presenterAad);
    this.deps.log.info({ event: 'share.posted', meetingId, numbered: Boolean(number), slow: outcome === 'slow' }, 'case posted');
    return true;
  }

  private async count(meetingId: string, found: Record<FindingType, number>, outcome: 'clean' | 'stopped', sharedBy?: string): Promise<void> {
    try {
      await this.deps.screening.record(meetingId, found, outcome, sharedBy);
    } catch (err) {
      this.deps.log.warn({ event: 'screening.count_failed', meetingId, ...errorFields(err) }, 'count not stored');
    }
  }
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}
