/** Passport and identity card numbers after a label ("passin numero XP1234567"). */
import * as detectLabelledNumberModule from './detect-labelled-number';
import type { LabelSpec } from './detect-labelled-number';
import type { Candidate, ScanContext } from './scan-context';
import * as wordKindsModule from './word-kinds';
// Imports bound once at load: a use through the module object is re-checked on every call (README, "Imports").
const { detectLabelled, registerLabels } = detectLabelledNumberModule;
const { KIND } = wordKindsModule;

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
