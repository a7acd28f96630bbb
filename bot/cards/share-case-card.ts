/**
 * The "share a case" dialog (an Adaptive Card task module) and the case card Vuoro posts in the
 * meeting chat. The dialog lists findings by type and line only, never the text found.
 */
import { SERVICES, ServiceId } from '../domain/intake';
import { CASE_KINDS, CaseKind, MAX_DESCRIPTION, MAX_QUESTION } from '../domain/meeting-screening';
import type { FindingType } from '../domain/screening';
import { Lang, t } from '../i18n';
import { CardJson, Element, card, choiceSet, facts, heading, paragraph } from './card-kit';

/** What the dialog's buttons send back in `data.action`. */
export const SHARE_ACTIONS = { share: 'share', useRedacted: 'useRedacted' } as const;

/** A finding's place in the form. */
export interface FormFinding {
  field: 'description' | 'question';
  type: FindingType;
  line: number;
}

/** What the dialog shows; values are the presenter's own text, echoed back only to them. */
export interface ShareDialogModel {
  lang: Lang;
  values?: { kind?: string; service?: string; description?: string; question?: string };
  findings?: FormFinding[];
  /** An i18n key under screening.share for a problem to show. */
  problem?: string;
}

function textInput(id: string, label: string, options: { value?: string; placeholder: string; maxLength: number; required: string }): Element {
  return {
    type: 'Input.Text',
    id,
    label,
    isMultiline: true,
    maxLength: options.maxLength,
    placeholder: options.placeholder,
    isRequired: true,
    errorMessage: options.required,
    ...(options.value ? { value: options.value } : {}),
  };
}

function submit(title: string, action: string, style?: 'positive'): Element {
  return { type: 'Action.Submit', title, data: { action }, ...(style ? { style } : {}) };
}

/** The dialog: the form, and after a screened submit the findings and the redacted-text option. */
export function shareCaseDialog(m: ShareDialogModel): CardJson {
  const tr = (key: string, params?: Record<string, string | number>) => t(m.lang, `screening.share.${key}`, params);
  const v = m.values ?? {};
  const body: Element[] = [heading(tr('title')), paragraph(tr('intro'), { subtle: true })];
  const findings = m.findings ?? [];
  if (findings.length) {
    body.push(paragraph(tr('findingsTitle'), { color: 'Attention', bold: true }));
    for (const f of findings) {
      const field = tr(f.field === 'description' ? 'fieldDescription' : 'fieldQuestion');
      body.push(paragraph(`- ${tr('findingPlace', { field, type: t(m.lang, `screening.type.${f.type}`), line: f.line })}`, { color: 'Attention' }));
    }
  }
  if (m.problem) body.push(paragraph(tr(m.problem, { description: MAX_DESCRIPTION, question: MAX_QUESTION }), { color: 'Attention', bold: true }));
  body.push(
    choiceSet('kind', tr('kindLabel'), CASE_KINDS.map((k): [string, string] => [k, tr(`kind.${k}`)]), { value: v.kind ?? 'client_case', required: tr('kindRequired') }),
    choiceSet('service', tr('serviceLabel'), SERVICES.map((s): [string, string] => [s, t(m.lang, `services.${s}`)]), { value: v.service, required: tr('serviceRequired') }),
    textInput('description', tr('descriptionLabel'), { value: v.description, placeholder: tr('descriptionPlaceholder'), maxLength: MAX_DESCRIPTION, required: tr('descriptionRequired') }),
    textInput('question', tr('questionLabel'), { value: v.question, placeholder: tr('questionPlaceholder'), maxLength: MAX_QUESTION, required: tr('questionRequired') }),
  );
  const actions = [submit(tr('submit'), SHARE_ACTIONS.share, 'positive')];
  if (findings.length) actions.push(submit(tr('useRedacted'), SHARE_ACTIONS.useRedacted));
  return card(body, actions);
}

/** The posted case; `description` and `question` have been screened clean. */
export interface CaseCardModel {
  lang: Lang;
  kind: CaseKind;
  service: ServiceId;
  description: string;
  question: string;
  /** The presenter, shown as a Teams mention (a colleague, not a client). */
  presenter: { id: string; name: string };
  number?: { n: number; of: number };
}

/** The case card in the meeting chat, attributed to the presenter by a mention. */
export function caseCard(m: CaseCardModel): CardJson {
  const tr = (key: string, params?: Record<string, string | number>) => t(m.lang, `screening.share.${key}`, params);
  const mentionText = `<at>${m.presenter.name}</at>`;
  return card(
    [
      heading(m.number ? tr('cardTitle', m.number) : tr('cardTitleUnnumbered')),
      paragraph(tr('presentedBy', { who: mentionText }), { subtle: true }),
      facts([
        [tr('factKind'), tr(`kind.${m.kind}`)],
        [tr('factService'), t(m.lang, `services.${m.service}`)],
      ]),
      paragraph(m.description),
      paragraph(tr('questionHeading'), { bold: true }),
      paragraph(m.question),
    ],
    [],
    { msteams: { entities: [{ type: 'mention', text: mentionText, mentioned: { id: m.presenter.id, name: m.presenter.name } }] } },
  );
}
