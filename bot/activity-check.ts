/**
 * A first check of an incoming activity before the Bot Framework sees it, so that malformed input
 * gets a clear 400 naming the missing field instead of a crash deep in the SDK. The messages name
 * fields only; they never echo content.
 */

/** The first problem found, or undefined for an activity worth routing. */
export function activityProblem(body: unknown): string | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return 'body must be a JSON object (an activity)';
  const a = body as Record<string, unknown>;
  if (typeof a.type !== 'string' || !a.type) return 'activity.type is required';
  if (typeof a.channelId !== 'string' || !a.channelId) return 'activity.channelId is required';
  if (typeof a.serviceUrl !== 'string' || !/^https?:\/\//.test(a.serviceUrl)) return 'activity.serviceUrl must be an http(s) URL';
  const conversation = a.conversation as Record<string, unknown> | undefined;
  if (!conversation || typeof conversation.id !== 'string' || !conversation.id) return 'activity.conversation.id is required';
  const from = a.from as Record<string, unknown> | undefined;
  if (a.type !== 'conversationUpdate' && a.type !== 'installationUpdate' && (!from || typeof from.id !== 'string')) return 'activity.from.id is required';
  if (a.text !== undefined && typeof a.text !== 'string') return 'activity.text must be a string';
  return undefined;
}
