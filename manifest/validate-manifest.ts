/**
 * Offline checks of an app package's parts: the official JSON schemas shipped in
 * @microsoft/app-manifest (never fetched from the network), the icon sizes, and that every
 * localisation key points at something the manifest has.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { AppManifestUtils, type AppManifest } from '@microsoft/app-manifest';

const SCHEMA_HOST = 'https://developer.microsoft.com/json-schemas/';

/** Loads the schema a document's `$schema` names from the copy inside @microsoft/app-manifest. */
export function loadShippedSchema(schemaUrl: unknown): object {
  if (typeof schemaUrl !== 'string' || !schemaUrl.startsWith(SCHEMA_HOST)) {
    throw new Error(`$schema must be a ${SCHEMA_HOST}… URL, got ${JSON.stringify(schemaUrl)}`);
  }
  const packageDir = path.dirname(require.resolve('@microsoft/app-manifest'));
  const file = path.join(packageDir, 'json-schemas', ...schemaUrl.slice(SCHEMA_HOST.length).split('/'));
  if (!existsSync(file)) throw new Error(`@microsoft/app-manifest does not ship ${schemaUrl}; pick a version it has`);
  return repairPatterns(JSON.parse(readFileSync(file, 'utf8')) as object) as object;
}

/**
 * Every shipped Localization schema (v1.8 to v1.30) has patterns with a lone `]`
 * (`activities.activityTypes\[\b(…)\b]`), legal in plain JavaScript regexes but a syntax error in the
 * Unicode mode ajv compiles with. Escaping the lone bracket keeps the meaning and makes them compile.
 */
function repairPatterns(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(repairPatterns);
  if (!node || typeof node !== 'object') return node;
  return Object.fromEntries(Object.entries(node).map(([key, value]) => {
    if (key === 'pattern' && typeof value === 'string') return [key, escapeLoneBrackets(value)];
    if (key === 'patternProperties' && value && typeof value === 'object') {
      return [key, Object.fromEntries(Object.entries(value).map(([p, v]) => [escapeLoneBrackets(p), repairPatterns(v)]))];
    }
    return [key, repairPatterns(value)];
  }));
}

function escapeLoneBrackets(pattern: string): string {
  try {
    new RegExp(pattern, 'u');
    return pattern;
  } catch {
    let out = '';
    let inClass = false;
    for (let i = 0; i < pattern.length; i++) {
      const c = pattern[i]!;
      if (c === '\\') {
        out += c + (pattern[i + 1] ?? '');
        i++;
      } else if (c === '[') {
        inClass = true;
        out += c;
      } else if (c === ']') {
        out += inClass ? c : '\\]';
        inClass = false;
      } else {
        out += c;
      }
    }
    return out;
  }
}

/**
 * Validates `doc` against the schema its `$schema` names. Each error reads
 * `<file> <json path>: <message>`, plus the environment variable behind the value when known.
 */
export async function schemaErrors(fileName: string, doc: Record<string, unknown>, sources?: ReadonlyMap<string, readonly string[]>): Promise<string[]> {
  const schema = loadShippedSchema(doc.$schema);
  const raw = await AppManifestUtils.validateAgainstSchema(doc as unknown as AppManifest, schema as never);
  return raw.map((error) => {
    const space = error.indexOf(' ');
    const pointer = error.slice(0, space);
    const variables = sources?.get(pointer) ?? [];
    const from = variables.length ? ` (value from ${variables.join(', ')})` : '';
    return `${fileName} ${pointer || '/'}:${error.slice(space)}${from}`;
  });
}

/** Width, height and colour type from a PNG's IHDR chunk; throws if the bytes are not a PNG. */
export function readPngHeader(png: Buffer): { width: number; height: number; colorType: number } {
  if (png.length < 33 || png.readUInt32BE(0) !== 0x89504e47 || png.toString('ascii', 12, 16) !== 'IHDR') {
    throw new Error('not a PNG file');
  }
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20), colorType: png[25]! };
}

/** Checks an icon's size and, for the outline icon, that it can be transparent (colour type 4 or 6). */
export function iconErrors(fileName: string, png: Buffer, size: number, transparent: boolean): string[] {
  let header;
  try {
    header = readPngHeader(png);
  } catch (e) {
    return [`${fileName}: ${(e as Error).message}`];
  }
  const errors: string[] = [];
  if (header.width !== size || header.height !== size) errors.push(`${fileName}: must be ${size}x${size}, is ${header.width}x${header.height}`);
  if (transparent && header.colorType !== 4 && header.colorType !== 6) errors.push(`${fileName}: must have an alpha channel (transparent background)`);
  return errors;
}

/** Keys like `bots[0].commandLists[1].commands[2].title` that do not resolve to a string in the manifest. */
export function danglingLocalizationKeys(manifest: Record<string, unknown>, localization: Record<string, unknown>): string[] {
  const special = new Set(['$schema', 'localizationKeys', 'name.short', 'name.full', 'description.short', 'description.full']);
  return Object.keys(localization).filter((key) => {
    if (special.has(key)) return false;
    let node: unknown = manifest;
    for (const part of key.split(/\.|\[(\d+)\]/).filter((p) => p !== undefined && p !== '')) {
      node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
    }
    return typeof node !== 'string';
  });
}
