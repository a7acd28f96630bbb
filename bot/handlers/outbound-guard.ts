/**
 * The last guard: every activity Vuoro sends or updates is screened, and any identifier in its
 * text, card text blocks or facts is replaced by a placeholder before it leaves. Vuoro only ever
 * posts screened text, so a hit here means a bug upstream; it is logged as a count.
 */
import { Activity, Middleware, TurnContext } from 'botbuilder';
import { redact, screen } from '../domain/screening';
import { langFromLocale } from '../i18n';
import { Logger } from '../logger';
import { placeholderFor } from './screening-labels';

type Node = Record<string, unknown>;

/** Redacts identifiers in an activity in place; returns how many strings it changed. */
export function guardActivity(activity: Partial<Activity>): number {
  const placeholder = placeholderFor(langFromLocale(activity.locale));
  let changed = 0;
  const clean = (s: unknown): unknown => {
    if (typeof s !== 'string' || s.length === 0) return s;
    const findings = screen(s);
    if (!findings.length) return s;
    changed++;
    return redact(s, findings, placeholder);
  };
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const o = node as Node;
    // Inputs keep their values: a dialog hands the presenter's own text back to them alone.
    if (typeof o.type === 'string' && o.type.startsWith('Input.')) return;
    if (o.type === 'TextBlock' || o.type === 'TextRun') o.text = clean(o.text);
    if (o.type === 'FactSet' && Array.isArray(o.facts)) for (const f of o.facts as Node[]) { f.title = clean(f.title); f.value = clean(f.value); }
    // for...in rather than Object.entries: every card update passes here, and the entry pairs were
    // a large share of what a status update allocated.
    for (const k in o) if (k !== 'facts' && typeof o[k] === 'object') walk(o[k]);
  };
  const a = activity as Node;
  for (const key of ['text', 'summary', 'speak']) a[key] = clean(a[key]);
  walk(activity.attachments);
  if (activity.type === 'invokeResponse') walk(activity.value);
  return changed;
}

/** botbuilder middleware installing the guard on every turn's sends and updates. */
export class OutboundGuard implements Middleware {
  constructor(private readonly log: Logger) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const check = (activities: Array<Partial<Activity>>) => {
      const changed = activities.reduce((n, a) => n + guardActivity(a), 0);
      if (changed) this.log.warn({ event: 'screening.outbound_redacted', conversationId: context.activity?.conversation?.id, strings: changed }, 'outgoing text redacted');
    };
    context.onSendActivities(async (_ctx, activities, nextSend) => {
      check(activities);
      return nextSend();
    });
    context.onUpdateActivity(async (_ctx, activity, nextUpdate) => {
      check([activity]);
      return nextUpdate();
    });
    await next();
  }
}
