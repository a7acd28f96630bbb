/**
 * Where the tab runs: inside Teams (through teams-js, loaded lazily from ./teams/) or in a plain
 * browser. Initialisation never hangs: after `timeoutMs` the tab carries on in plain-browser mode,
 * taking ?lang= and ?theme= from the URL.
 */

/** Teams theme names, plus what a plain browser maps to. */
export type ThemeName = 'default' | 'dark' | 'contrast';

/** What the tab learns about its host. */
export interface HostInfo {
  inTeams: boolean;
  locale?: string;
  theme: ThemeName;
  /** 'content', 'sidePanel', 'meetingStage', 'settings', … when in Teams. */
  frameContext?: string;
  meetingId?: string;
}

/** The host's abilities the views use. */
export interface Host {
  info: HostInfo;
  onThemeChange(cb: (theme: ThemeName) => void): void;
  /** A Teams SSO token for the API, or undefined outside Teams or when sign-in fails. */
  getToken(): Promise<string | undefined>;
  /** Saves a channel/group tab configuration (settings frame only). */
  enableConfigSave(contentUrl: string, name: string): void;
}

/** Normalises Teams and URL theme names. */
export function themeName(raw: string | null | undefined): ThemeName {
  if (raw === 'dark') return 'dark';
  if (raw === 'contrast' || raw === 'highContrast' || raw === 'high-contrast') return 'contrast';
  return 'default';
}

function browserHost(url: URL): Host {
  const mql = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : undefined;
  const fromUrl = url.searchParams.get('theme');
  const theme = fromUrl ? themeName(fromUrl) : matchMedia?.('(forced-colors: active)').matches ? 'contrast' : mql?.matches ? 'dark' : 'default';
  return {
    info: { inTeams: false, locale: url.searchParams.get('lang') ?? navigator.language, theme, meetingId: url.searchParams.get('meetingId') ?? undefined },
    onThemeChange: (cb) => { if (!fromUrl) mql?.addEventListener('change', (e) => cb(e.matches ? 'dark' : 'default')); },
    getToken: async () => undefined,
    enableConfigSave: () => undefined,
  };
}

function maybeHosted(): boolean {
  // Teams web/desktop frame the tab; Teams mobile injects nativeInterface. Otherwise skip the wait.
  try {
    return window.parent !== window || !!window.opener || 'nativeInterface' in window;
  } catch {
    return true;
  }
}

/** Connects to Teams if hosted there, within `timeoutMs`; otherwise returns the plain-browser host. */
export async function connectHost(url: URL, timeoutMs = 1500): Promise<Host> {
  const fallback = browserHost(url);
  if (!maybeHosted()) return fallback;
  try {
    const teams = await import('./teams/teams-host');
    const host = await Promise.race([
      teams.connectTeams(url),
      new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), timeoutMs)),
    ]);
    return host ?? fallback;
  } catch {
    return fallback;
  }
}
