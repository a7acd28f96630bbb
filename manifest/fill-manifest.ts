/**
 * Turns the manifest template into a manifest: `${{NAME}}` placeholders are replaced by values read
 * from the environment, and every filled JSON path remembers which variable it came from, so a schema
 * error can name the variable to fix.
 */

type Env = Record<string, string | undefined>;

/** Used when MicrosoftAppId is unset: a fixed, obviously fake id so a fresh clone can still package. */
export const DEMO_BOT_ID = '00000000-0000-4000-8000-00000000d3e0';
/** Vuoro's Teams app id; fixed so a new package updates the installed app instead of adding a second one. */
export const DEFAULT_TEAMS_APP_ID = '5f0c8a3e-2b7d-4e61-9c48-7a1d3e9b6f20';
/** Where the service listens locally (bot/config.ts uses the same default). */
export const DEFAULT_PUBLIC_URL = 'http://localhost:3978';

/** A placeholder's value and the environment variable it was read from (if any). */
export interface Filled {
  readonly value: string;
  readonly variable?: string;
}

/** Raised for an environment value that cannot be used at all; names the variable. */
export class PackageInputError extends Error {
  constructor(readonly variable: string, message: string) {
    super(`${variable}: ${message}`);
    this.name = 'PackageInputError';
  }
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Reads the placeholder values. GUIDs are passed through unchecked on purpose: the official schema
 * checks them, and its error is reported against the variable.
 */
export function readPlaceholders(env: Env, appVersion: string, accentColor: string): Record<string, Filled> {
  const get = (name: string): string | undefined => env[name]?.trim() || undefined;
  const botId = get('MicrosoftAppId');
  const rawUrl = get('VUORO_PUBLIC_URL') ?? DEFAULT_PUBLIC_URL;
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw new PackageInputError('VUORO_PUBLIC_URL', `expected an absolute http(s) URL, got "${rawUrl}"`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname))) {
    throw new PackageInputError('VUORO_PUBLIC_URL', `Teams loads tabs only over https (http is allowed for localhost), got "${rawUrl}"`);
  }
  const publicUrl = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  const ssoVariable = get('VUORO_SSO_APP_ID') ? 'VUORO_SSO_APP_ID' : 'MicrosoftAppId';
  return {
    BOT_ID: { value: botId ?? DEMO_BOT_ID, variable: 'MicrosoftAppId' },
    SSO_APP_ID: { value: get('VUORO_SSO_APP_ID') ?? botId ?? DEMO_BOT_ID, variable: ssoVariable },
    TEAMS_APP_ID: { value: get('VUORO_TEAMS_APP_ID') ?? DEFAULT_TEAMS_APP_ID, variable: 'VUORO_TEAMS_APP_ID' },
    PUBLIC_URL: { value: publicUrl, variable: 'VUORO_PUBLIC_URL' },
    PUBLIC_HOST: { value: url.host, variable: 'VUORO_PUBLIC_URL' },
    APP_VERSION: { value: appVersion },
    ACCENT_COLOR: { value: accentColor },
  };
}

/** The filled manifest and, per JSON pointer, the variables that went into it. */
export interface FillResult {
  readonly manifest: Record<string, unknown>;
  readonly sources: ReadonlyMap<string, readonly string[]>;
}

const PLACEHOLDER = /\$\{\{([A-Z_]+)\}\}/g;

/** Replaces every placeholder in the template; an unknown placeholder is a template bug and throws. */
export function fillTemplate(template: unknown, values: Record<string, Filled>): FillResult {
  const sources = new Map<string, string[]>();
  const walk = (node: unknown, pointer: string): unknown => {
    if (typeof node === 'string') {
      const used: string[] = [];
      const out = node.replace(PLACEHOLDER, (_m, name: string) => {
        const filled = values[name];
        if (!filled) throw new Error(`manifest template: unknown placeholder \${{${name}}} at ${pointer || '/'}`);
        if (filled.variable) used.push(filled.variable);
        return filled.value;
      });
      if (used.length) sources.set(pointer, [...new Set(used)]);
      return out;
    }
    if (Array.isArray(node)) return node.map((item, i) => walk(item, `${pointer}/${i}`));
    if (node && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v, `${pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`)]));
    }
    return node;
  };
  return { manifest: walk(template, '') as Record<string, unknown>, sources };
}
