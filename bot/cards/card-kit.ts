/**
 * Small builders for Adaptive Card JSON, so every card shares the same schema version and
 * accessible defaults (wrapping text, labelled inputs, headings marked as headings).
 */

/** Adaptive Card JSON as Teams expects it. */
export type CardJson = { type: 'AdaptiveCard'; [key: string]: unknown };
/** One body element. */
export type Element = Record<string, unknown>;

/** Teams supports Adaptive Cards 1.5 on desktop, web and mobile. */
export const CARD_VERSION = '1.5';

/** Wraps body and actions into a card. */
export function card(body: Element[], actions: Element[] = [], extra: Record<string, unknown> = {}): CardJson {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: CARD_VERSION,
    body,
    ...(actions.length ? { actions } : {}),
    ...extra,
  };
}

/** A heading that screen readers announce as one. */
export function heading(text: string): Element {
  return { type: 'TextBlock', text, wrap: true, size: 'Large', weight: 'Bolder', style: 'heading' };
}

/** A wrapping paragraph; `attention` colours warnings. */
export function paragraph(text: string, options: { color?: 'Attention' | 'Good' | 'Warning'; subtle?: boolean; bold?: boolean } = {}): Element {
  return {
    type: 'TextBlock',
    text,
    wrap: true,
    ...(options.color ? { color: options.color } : {}),
    ...(options.subtle ? { isSubtle: true } : {}),
    ...(options.bold ? { weight: 'Bolder' } : {}),
  };
}

/** A labelled fact list. */
export function facts(rows: Array<[string, string]>): Element {
  return { type: 'FactSet', facts: rows.map(([title, value]) => ({ title, value })) };
}

/** A labelled drop-down; the label is tied to the input for assistive technology. */
export function choiceSet(id: string, label: string, choices: Array<[string, string]>, options: { value?: string; required?: string } = {}): Element {
  return {
    type: 'Input.ChoiceSet',
    id,
    label,
    style: 'compact',
    choices: choices.map(([value, title]) => ({ title, value })),
    ...(options.value !== undefined ? { value: options.value } : {}),
    ...(options.required ? { isRequired: true, errorMessage: options.required } : {}),
  };
}

/** A Universal Action button (`Action.Execute`), answered through an `adaptiveCard/action` invoke. */
export function execute(title: string, verb: string, data: Record<string, unknown>, style?: 'positive' | 'destructive'): Element {
  return { type: 'Action.Execute', title, verb, data, ...(style ? { style } : {}) };
}
