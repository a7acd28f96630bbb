/**
 * The PPT network's annual cycle (vuosikello): cycles of monthly workshops (pajat).
 * Dates and times are wall-clock values in Europe/Helsinki, as people plan them; instants are derived.
 */

/** Languages a workshop text can be written in; Finnish is required, the others fall back to it. */
export type TextLang = 'fi' | 'sv' | 'en';

/** A short text in Finnish with optional Swedish and English versions. */
export interface LocalText {
  fi: string;
  sv?: string;
  en?: string;
}

/** Theme families the network plans its year around (integration, development, knowing services). */
export const THEMES = ['integration', 'development', 'services', 'coreProcess', 'wellbeing'] as const;
/** One of THEMES. */
export type ThemeKey = (typeof THEMES)[number];

/** Services of a health and wellbeing centre that can host a workshop (domain.md), plus the network itself. */
export const HOSTS = [
  'network', 'healthStation', 'mentalHealthSubstance', 'youthSocial', 'adultSocial', 'rehabilitation',
  'oralHealth', 'olderPeople', 'disability', 'laboratory', 'kela',
] as const;
/** One of HOSTS. */
export type HostKey = (typeof HOSTS)[number];

/** Lifecycle of a workshop; see status.ts for the allowed transitions. */
export const STATUSES = ['planned', 'confirmed', 'moved', 'cancelled'] as const;
/** One of STATUSES. */
export type WorkshopStatus = (typeof STATUSES)[number];

/** Where a moved workshop was originally, so people who remember the old date are told. */
export interface WorkshopSlot {
  date: string;
  start: string;
  end: string;
}

/** One monthly workshop. `date` is YYYY-MM-DD, `start`/`end` HH:MM, all Europe/Helsinki. */
export interface Workshop extends WorkshopSlot {
  id: string;
  title: LocalText;
  theme: ThemeKey;
  description: LocalText;
  host: HostKey;
  /** Teams meeting join link; empty until the meeting is created. */
  joinUrl: string;
  /** Link to slides or notes; may be empty. */
  materialsUrl: string;
  status: WorkshopStatus;
  /** Bumped on every change; the HTTP ETag and the ICS SEQUENCE derive from it. */
  rev: number;
  movedFrom?: WorkshopSlot;
  /** UTC ISO time of the last change (ICS DTSTAMP); set by the service. */
  updatedAt?: string;
}

/** Whether a cycle is the running one, being planned, or over. */
export type CyclePhase = 'running' | 'planning' | 'archived';

/** One annual cycle: twelve months from `startMonth` (YYYY-MM), usually one workshop a month. */
export interface Cycle {
  id: string;
  startMonth: string;
  phase: CyclePhase;
  title: LocalText;
  workshops: Workshop[];
}

/** Picks the text for `lang`, falling back to Finnish. */
export function localText(text: LocalText, lang: TextLang): string {
  return (lang !== 'fi' && text[lang]?.trim()) || text.fi;
}

/** The twelve YYYY-MM months a cycle covers, in order. */
export function cycleMonths(cycle: Pick<Cycle, 'startMonth'>): string[] {
  const [y, m] = cycle.startMonth.split('-').map(Number);
  return Array.from({ length: 12 }, (_, i) => {
    const month = ((m - 1 + i) % 12) + 1;
    const year = y + Math.floor((m - 1 + i) / 12);
    return `${year}-${String(month).padStart(2, '0')}`;
  });
}

/** Workshops sorted by date and start time. */
export function sortedWorkshops(workshops: readonly Workshop[]): Workshop[] {
  return [...workshops].sort((a, b) => (a.date + a.start).localeCompare(b.date + b.start));
}
