/**
 * Renders what the bot posts (text or Adaptive Card) as readable terminal text, for the demo.
 */

type Node = Record<string, unknown>;

function render(node: Node, out: string[]): void {
  switch (node.type) {
    case 'TextBlock':
      out.push(node.style === 'heading' ? `== ${String(node.text)} ==` : String(node.text));
      break;
    case 'FactSet':
      for (const f of (node.facts as Array<{ title: string; value: string }>) ?? []) out.push(`  ${f.title}: ${f.value}`);
      break;
    case 'Input.ChoiceSet': {
      const choices = ((node.choices as Array<{ title: string }>) ?? []).map((c) => c.title).join(' | ');
      out.push(`  [${String(node.label)}] ${choices}`);
      break;
    }
    default:
      for (const key of ['items', 'columns', 'body']) if (Array.isArray(node[key])) (node[key] as Node[]).forEach((n) => render(n, out));
  }
}

/** Readable text of one outgoing activity. */
export function activityText(activity: Node): string {
  const out: string[] = [];
  if (typeof activity.text === 'string' && activity.text) out.push(activity.text);
  for (const a of (activity.attachments as Array<{ contentType: string; content: Node }>) ?? []) {
    if (a.contentType !== 'application/vnd.microsoft.card.adaptive') continue;
    ((a.content.body as Node[]) ?? []).forEach((n) => render(n, out));
    const actions = ((a.content.actions as Node[]) ?? []).map((x) => `[ ${String(x.title)} ]`);
    if (actions.length) out.push(actions.join('  '));
  }
  return out.join('\n');
}
