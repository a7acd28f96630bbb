/**
 * Teams message text arrives as HTML with mentions (`<at>Vuoro</at>`), entities and sometimes
 * zero-width characters. Commands are read from the plain text this produces.
 */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Decodes the HTML entities Teams uses (named ones above and numeric ones). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6});/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

/** Plain text of a Teams message: mentions removed, tags stripped, entities decoded, spaces folded. */
export function plainText(text: string | undefined, removeMentions = true): string {
  if (!text) return '';
  let out = removeMentions ? text.replace(/<at\b[^>]*>[\s\S]*?<\/at>/gi, ' ') : text;
  out = out.replace(/<[^>]{0,2000}>/g, ' ');
  out = decodeEntities(out);
  out = out.replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '');
  return out.replace(/\s+/g, ' ').trim();
}
