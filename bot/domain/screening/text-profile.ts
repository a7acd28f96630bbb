/**
 * One pass over a message that tells screen() which detectors can fire at all: most messages have
 * no digit, no '@' and no dash, and the detectors that need them are then skipped without a scan.
 */
import { touches } from './normalise';

/** Bits of `TextProfile.flags`. */
export const HAS = {
  markup: 1, at: 2, dash: 4, bracket: 8,
  /** An ASCII letter right before two digits (IBAN head "FI21"). */
  letterDigits: 16,
  /** A lower-case a/e/n/u, a space and a digit (lower-case street "mannerheimintie 12"). */
  wordSpaceDigit: 32,
} as const;

/** What the pass found; the object is reused by every call. */
export interface TextProfile {
  flags: number;
  /** ASCII digits in the text. */
  digits: number;
  /** Longest run of consecutive ASCII digits. */
  maxRun: number;
}

/** Flags for the characters in front of a digit run starting at i. */
function digitRunFlags(s: string, i: number): number {
  const b = s.charCodeAt(i - 1);
  if ((b >= 65 && b <= 90) || (b >= 97 && b <= 122)) {
    const d = s.charCodeAt(i + 1);
    return d >= 48 && d <= 57 ? HAS.letterDigits : 0;
  }
  if (b !== 32 || i < 2) return 0;
  const a = s.charCodeAt(i - 2);
  return a === 97 || a === 101 || a === 110 || a === 117 ? HAS.wordSpaceDigit : 0;
}

const profile: TextProfile = { flags: 0, digits: 0, maxRun: 0 };

/**
 * Profiles `s`; `markup` is set when normalise() has work to do (tags, entities, look-alikes). With
 * `stopAtMarkup` the pass ends at the first such character (the caller normalises and profiles the
 * result instead), leaving the other fields incomplete.
 */
export function profileText(s: string, stopAtMarkup = false): TextProfile {
  let flags = 0;
  let digits = 0;
  let run = 0;
  let maxRun = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      digits++;
      if (run === 0 && i > 0) flags |= digitRunFlags(s, i);
      if (++run > maxRun) maxRun = run;
      continue;
    }
    run = 0;
    if (c < 65) {
      if (c === 45) flags |= HAS.dash;
      else if (c === 40) flags |= HAS.bracket;
      else if (c === 60 || c === 38 || c === 9) {
        flags |= HAS.markup;
        if (stopAtMarkup) break;
      } else if (c === 64) flags |= HAS.at;
    } else if (c === 91) flags |= HAS.bracket;
    else if (c >= 0xa0 && touches(c)) {
      flags |= HAS.markup;
      if (stopAtMarkup) break;
    }
  }
  profile.flags = flags;
  profile.digits = digits;
  profile.maxRun = maxRun;
  return profile;
}
