/** Every kind of client identifier the screener reports, in a stable order. */
export const FINDING_TYPES = [
  'personal_id',
  'phone',
  'email',
  'iban',
  'address',
  'name',
  'date_of_birth',
  'record_number',
  'vehicle_number',
  'passport_number',
] as const;

/** One kind of client identifier. */
export type FindingType = (typeof FINDING_TYPES)[number];

/** A span of the ORIGINAL text (UTF-16 offsets, end exclusive) that identifies a client. */
export interface Finding {
  type: FindingType;
  start: number;
  end: number;
  /** 0..1; how sure the detector is. Above 0.5 is reported. */
  confidence: number;
}
