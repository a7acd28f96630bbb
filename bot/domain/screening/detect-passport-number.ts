/** Passport and identity card numbers after a label ("passin numero XP1234567"). */
import { detectLabelled, registerLabels, type LabelSpec } from './detect-labelled-number';
import type { Candidate, ScanContext } from './scan-context';
import { KIND } from './word-kinds';

const SPEC: LabelSpec = {
  type: 'passport_number',
  exact: new Set(['passi', 'passin', 'passia', 'pass', 'passet', 'passport', "passport's", 'passnr']),
  prefixes: ['passinumero', 'passinro', 'passnummer', 'passportnumber', 'henkilökortin', 'henkilökortti', 'id-kortin', 'id-kortti', 'id-kort', 'identitetskort', 'oleskelulupa', 'uppehållstillstånd'],
  pairs: new Map([
    ['identity', new Set(['card'])],
    ['id', new Set(['card'])],
    ['residence', new Set(['permit'])],
  ]),
  kind: KIND.passportLabel,
  minDigits: 4,
  minLength: 6,
};
const LABELS = registerLabels(SPEC);

/** Finds labelled passport numbers. */
export function detectPassportNumber(ctx: ScanContext, out: Candidate[]): void {
  detectLabelled(LABELS, ctx, out);
}
