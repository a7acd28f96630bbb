/**
 * Optional: keeps a cycle in step with a Microsoft 365 group calendar through Microsoft Graph.
 * Events whose Outlook category names a theme are workshops; other events are ignored. Graph is the
 * source of truth for the workshops it provides; workshops created in the tab are kept.
 */
import { createHash } from 'node:crypto';
import type { TokenCredential } from '@azure/identity';
import { Client } from '@microsoft/microsoft-graph-client';
import { TokenCredentialAuthenticationProvider } from '@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials';
import { CREATE_ONLY, ConflictError } from '../../domain/ports';
import type { Clock } from '../../domain/ports';
import type { CalendarService } from '../../domain/calendar/calendar-service';
import { HOSTS, THEMES, cycleMonths, sortedWorkshops } from '../../domain/calendar/model';
import type { Cycle, HostKey, ThemeKey, Workshop } from '../../domain/calendar/model';
import { utcToHelsinki } from '../../domain/calendar/helsinki-time';
import { validateNewWorkshop } from '../../domain/calendar/validation';
import { t } from '../../i18n';
import type { Lang } from '../../i18n';

/** The slice of a Graph event the sync reads. */
interface GraphEvent {
  id: string;
  subject?: string;
  bodyPreview?: string;
  start?: { dateTime: string; timeZone: string };
  end?: { dateTime: string; timeZone: string };
  categories?: string[];
  isCancelled?: boolean;
  showAs?: string;
  onlineMeeting?: { joinUrl?: string } | null;
}

/** Settings for one sync. */
export interface GraphSyncOptions {
  client: Client;
  /** Entra object id of the Microsoft 365 group whose calendar holds the workshops. */
  groupId: string;
  /** The cycle to fill (its id, months and titles); created if the store lacks it. */
  cycle: Omit<Cycle, 'workshops'>;
  /** Outlook category name (any case) -> theme; defaults to the theme names in fi, sv and en. */
  categoryThemes?: Record<string, ThemeKey>;
  /** Outlook category name (any case) -> hosting service; defaults to the service names in fi, sv and en. */
  categoryHosts?: Record<string, HostKey>;
  clock: Clock;
}

/** What a sync did (counts only; event text is never logged). */
export interface SyncReport {
  workshops: number;
  ignored: number;
  invalid: number;
  changed: boolean;
}

/** A Graph client authenticated by any @azure/identity credential (managed identity in Azure). */
export function createGraphClient(credential: TokenCredential): Client {
  const authProvider = new TokenCredentialAuthenticationProvider(credential, { scopes: ['https://graph.microsoft.com/.default'] });
  return Client.initWithMiddleware({ authProvider });
}

function labelMap<K extends string>(keys: readonly K[], prefix: string): Record<string, K> {
  const out: Record<string, K> = {};
  for (const key of keys) for (const lang of ['fi', 'sv', 'en'] as Lang[]) out[t(lang, `calendar.${prefix}.${key}`).toLowerCase()] = key;
  return out;
}

/** Default category -> theme map: every theme's name in Finnish, Swedish and English. */
export function defaultCategoryThemes(): Record<string, ThemeKey> {
  return labelMap(THEMES, 'themes');
}

function lower<V>(map: Record<string, V>): Record<string, V> {
  return Object.fromEntries(Object.entries(map).map(([k, v]) => [k.toLowerCase(), v]));
}

/** What the sync compares to decide whether a workshop changed. */
function fingerprint(w: Omit<Workshop, 'id' | 'rev'>): string {
  const text = (x: { fi: string; sv?: string; en?: string }) => [x.fi, x.sv ?? '', x.en ?? ''];
  return JSON.stringify([w.date, w.start, w.end, text(w.title), w.theme, w.host, text(w.description), w.joinUrl, w.status]);
}

function toLocal(value: { dateTime: string; timeZone: string } | undefined) {
  if (!value || value.timeZone.toUpperCase() !== 'UTC') return undefined;
  const ms = Date.parse(`${value.dateTime.replace(/(\.\d{3})\d*$/, '$1')}Z`);
  return Number.isFinite(ms) ? utcToHelsinki(ms) : undefined;
}

/** Reads the events of the cycle's twelve months from the group calendar, following paging. */
export async function fetchGroupEvents(client: Client, groupId: string, cycle: Pick<Cycle, 'startMonth'>): Promise<GraphEvent[]> {
  const months = cycleMonths(cycle);
  const [y, m] = months[11].split('-').map(Number);
  const end = new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
  const start = `${months[0]}-01`;
  const events: GraphEvent[] = [];
  let page = await client.api(`/groups/${encodeURIComponent(groupId)}/calendar/calendarView`)
    .query({ startDateTime: `${start}T00:00:00+02:00`, endDateTime: `${end}T00:00:00+02:00` })
    .header('Prefer', 'outlook.timezone="UTC"')
    .select('id,subject,bodyPreview,start,end,categories,isCancelled,showAs,onlineMeeting')
    .top(100)
    .get() as { value: GraphEvent[]; '@odata.nextLink'?: string };
  events.push(...page.value);
  for (let guard = 0; page['@odata.nextLink'] && guard < 20; guard++) {
    page = await client.api(page['@odata.nextLink']).get();
    events.push(...page.value);
  }
  return events;
}

/** Maps events to workshops of `cycle`, keeping revisions and materials links of what was there. */
export function eventsToWorkshops(events: GraphEvent[], cycle: Pick<Cycle, 'startMonth'>, existing: readonly Workshop[], now: number, options: Pick<GraphSyncOptions, 'categoryThemes' | 'categoryHosts'> = {}) {
  const themes = lower(options.categoryThemes ?? defaultCategoryThemes());
  const hosts = lower(options.categoryHosts ?? labelMap(HOSTS, 'hosts'));
  const out: Workshop[] = [];
  let ignored = 0;
  let invalid = 0;
  for (const e of events) {
    const categories = (e.categories ?? []).map((c) => c.toLowerCase());
    const theme = categories.map((c) => themes[c]).find(Boolean);
    if (!theme) { ignored++; continue; }
    const start = toLocal(e.start);
    const end = toLocal(e.end);
    const joinUrl = e.onlineMeeting?.joinUrl ?? '';
    const draft = {
      date: start?.date, start: start?.time, end: end?.date === start?.date ? end?.time : undefined,
      title: { fi: (e.subject ?? '').trim().slice(0, 120) }, theme,
      host: categories.map((c) => hosts[c]).find(Boolean) ?? 'network',
      description: { fi: (e.bodyPreview ?? '').trim().slice(0, 600) },
      joinUrl: joinUrl.startsWith('https://') ? joinUrl : '',
      status: e.showAs === 'tentative' ? 'planned' : 'confirmed',
    };
    const checked = validateNewWorkshop(draft, cycle);
    if (!checked.ok) { invalid++; continue; }
    const id = `ws-g-${createHash('sha256').update(e.id).digest('hex').slice(0, 12)}`;
    const before = existing.find((w) => w.id === id);
    const value = { ...checked.value, status: e.isCancelled ? 'cancelled' as const : checked.value.status, materialsUrl: before?.materialsUrl ?? '' };
    const same = before && fingerprint(before) === fingerprint(value);
    out.push(same ? before : { id, ...value, rev: (before?.rev ?? 0) + 1, updatedAt: new Date(now).toISOString() });
  }
  return { workshops: out, ignored, invalid };
}

/** One sync: read the group calendar, merge, and write the cycle back in one conditional write. */
export async function syncCycleFromGraph(calendar: CalendarService, options: GraphSyncOptions): Promise<SyncReport> {
  const events = await fetchGroupEvents(options.client, options.groupId, options.cycle);
  for (let attempt = 0; attempt < 3; attempt++) {
    const snapshot = await calendar.getCycle(options.cycle.id);
    const existing = snapshot?.cycle.workshops ?? [];
    const mapped = eventsToWorkshops(events, options.cycle, existing, options.clock.now(), options);
    const local = existing.filter((w) => !w.id.startsWith('ws-g-'));
    const workshops = sortedWorkshops([...local, ...mapped.workshops]);
    const changed = JSON.stringify(workshops) !== JSON.stringify(sortedWorkshops(existing)) || !snapshot;
    const report = { workshops: mapped.workshops.length, ignored: mapped.ignored, invalid: mapped.invalid, changed };
    if (!changed) return report;
    try {
      await calendar.replaceCycle({ ...(snapshot?.cycle ?? options.cycle), workshops }, snapshot?.eTag ?? CREATE_ONLY);
      return report;
    } catch (e) {
      if (!(e instanceof ConflictError)) throw e;
    }
  }
  throw new ConflictError(`calendar/cycle/${options.cycle.id}`);
}
