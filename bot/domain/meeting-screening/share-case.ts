/**
 * The "share a case" form: what a presenter fills in, how it is checked, and where the case goes
 * in the day's order when intake is running.
 */
import { IntakeState, ServiceId, isServiceId } from '../intake';

/** What is brought to the group. */
export const CASE_KINDS = ['client_case', 'phenomenon', 'regional'] as const;

/** One of CASE_KINDS. */
export type CaseKind = (typeof CASE_KINDS)[number];

/** Longest description and question accepted (characters); a case is short and anonymous. */
export const MAX_DESCRIPTION = 1000;
/** Longest question accepted (characters). */
export const MAX_QUESTION = 500;

/** A checked form. The text fields are held only for the length of one request. */
export interface ShareCaseInput {
  kind: CaseKind;
  service: ServiceId;
  description: string;
  question: string;
}

/** Why a form was refused. */
export type ShareCaseError = 'kind' | 'service' | 'description' | 'question' | 'too_long';

function str(v: unknown): string {
  return typeof v === 'string' ? v.replace(/\r\n?/g, '\n').trim() : '';
}

/** Checks the raw dialog data; returns the input or the first problem. */
export function parseShareCase(data: Record<string, unknown>): { input: ShareCaseInput } | { error: ShareCaseError } {
  const kind = data.kind;
  if (typeof kind !== 'string' || !(CASE_KINDS as readonly string[]).includes(kind)) return { error: 'kind' };
  if (!isServiceId(data.service)) return { error: 'service' };
  const description = str(data.description);
  const question = str(data.question);
  if (!description) return { error: 'description' };
  if (!question) return { error: 'question' };
  if (description.length > MAX_DESCRIPTION || question.length > MAX_QUESTION) return { error: 'too_long' };
  return { input: { kind: kind as CaseKind, service: data.service, description, question } };
}

/**
 * The case's number in the day's order: people are in the order they first answered intake, each
 * with the cases and topics they announced; the presenter's k-th shared case takes their k-th slot.
 * Cases beyond what they announced follow everyone's. Undefined without intake or an answer.
 */
export function caseNumber(intake: IntakeState | undefined, userId: string | undefined, alreadyShared: number): { n: number; of: number } | undefined {
  if (!intake || !userId) return undefined;
  const answers = Object.entries(intake.answers).sort(([, a], [, b]) => a.seq - b.seq);
  const total = answers.reduce((sum, [, a]) => sum + a.cases + a.topics, 0);
  let before = 0;
  for (const [id, a] of answers) {
    const announced = a.cases + a.topics;
    if (id === userId) {
      if (alreadyShared < announced) return { n: before + alreadyShared + 1, of: total };
      const extra = total + (alreadyShared - announced) + 1;
      return { n: extra, of: Math.max(total, extra) };
    }
    before += announced;
  }
  return undefined;
}
