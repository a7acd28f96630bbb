/**
 * Vuoro serves Microsoft Teams only, and in production only the organisations it was deployed
 * for: an activity from another channel or tenant is refused before any handler sees it.
 */

/** Why an authenticated activity is not served, or undefined when it is. */
export function refusal(activity: { channelId?: string; channelData?: unknown; conversation?: { tenantId?: string } }, allowedTenants: readonly string[]): 'channel_not_served' | 'tenant_not_served' | undefined {
  if (activity.channelId !== 'msteams') return 'channel_not_served';
  if (allowedTenants.length === 0) return undefined;
  const tenant = (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id ?? activity.conversation?.tenantId;
  return tenant && allowedTenants.includes(tenant) ? undefined : 'tenant_not_served';
}
