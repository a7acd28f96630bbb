/** Labelled client, patient and Kela customer numbers ("asiakasnumero 123456"). */
import * as detectLabelledNumberModule from './detect-labelled-number';
import type { LabelSpec } from './detect-labelled-number';
import type { Candidate, ScanContext } from './scan-context';
import * as wordKindsModule from './word-kinds';
// Imports bound once at load: a use through the module object is re-checked on every call (README, "Imports").
const { detectLabelled, registerLabels } = detectLabelledNumberModule;
const { KIND } = wordKindsModule;

const SPEC: LabelSpec = {
  type: 'record_number',
  exact: new Set(['mrn', 'nhs', 'asiakasnro', 'potilasnro', 'asnro', 'kelanro', 'asiakasnr', 'potilasnr', 'patientnr', 'kundnr', 'klientnr', 'journalnr']),
  prefixes: ['asiakasnumero', 'asiakastunnu', 'asiakkuusnumero', 'potilasnumero', 'potilastunnu', 'kela-numero', 'kelanumero', 'kela-asiakasnumero',
    'henkilöasiakasnumero', 'sosiaaliturvatunnu', 'arkistonumero', 'klientnummer', 'kundnummer', 'patientnummer', 'journalnummer', 'journalnr', 'klientnr', 'asiakasnumer',
    // Swedish labels for Kela (FPA) and the definite forms (kundnumret, klientnumret)
    'fpa-kundnummer', 'fpa-kundnr', 'fpa-nummer', 'fpa-nr', 'fpa-kundnum', 'kela-kundnummer', 'kela-nro', 'kela-nr', 'kundnum', 'klientnum',
    'patientnum', 'journalnum', 'asiakkuusnro', 'asiakasnro', 'potilasnro', 'kela-asiakasnro', 'clientnumber', 'patientnumber', 'casenumber'],
  pairs: new Map([
    ['asiakas', new Set(['nro', 'numero', 'no', 'id', 'tunnus'])],
    ['potilas', new Set(['nro', 'numero', 'no', 'id', 'tunnus'])],
    ['kelan', new Set(['asiakasnumero', 'numero', 'asiakasnro'])],
    ['customer', new Set(['number', 'no', 'id'])],
    ['record', new Set(['number', 'no'])],
    ['hospital', new Set(['number', 'no'])],
    ['case', new Set(['number', 'no'])],
    ['klient', new Set(['nr', 'nummer', 'id'])],
    ['kund', new Set(['nr', 'nummer', 'numret'])],
    ['fpa', new Set(['kundnummer', 'nummer', 'nr', 'kundnr', 'numret'])],
    ['kela', new Set(['number', 'no', 'nro', 'nr', 'numero', 'id'])],
    ['client', new Set(['number', 'no', 'id', 'nr', 'ref', 'reference'])],
    ['patient', new Set(['number', 'no', 'id', 'nr', 'nummer'])],
  ]),
  kind: KIND.recordLabel,
  minDigits: 4,
  minLength: 4,
};
const LABELS = registerLabels(SPEC);

/** Finds labelled record numbers. */
export function detectRecordNumber(ctx: ScanContext, out: Candidate[]): void {
  detectLabelled(LABELS, ctx, out);
}
