/**
 * Turns storage keys into file or blob names and back. Each character is encoded on its own, so a
 * key prefix maps to a name prefix (listing by prefix stays a name-prefix scan).
 */

/** Characters kept as they are in file names: lowercase only, so case-insensitive disks cannot merge keys. */
export const FILE_SAFE = /[a-z0-9_-]/;
/** Characters kept as they are in blob names: no '.', '/' or '%', which blob URLs treat specially. */
export const BLOB_SAFE = /[A-Za-z0-9_:-]/;

/** Percent-encodes (UTF-8) every character not matched by `safe`. */
export function encodeKey(key: string, safe: RegExp): string {
  let out = '';
  for (const ch of key) {
    if (safe.test(ch)) out += ch;
    else for (const byte of Buffer.from(ch, 'utf8')) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** Inverse of encodeKey; undefined for a name that encodeKey could not have produced. */
export function decodeKey(name: string, safe: RegExp): string | undefined {
  for (const ch of name.replace(/%[0-9A-F]{2}/g, '')) if (!safe.test(ch)) return undefined;
  try {
    return decodeURIComponent(name);
  } catch {
    return undefined;
  }
}
