/**
 * The services a participant can represent: the services of a health and wellbeing centre
 * (domain.md), Kela, and other agreed social and health services.
 */
export const SERVICES = [
  'health_station',
  'psychiatry_substance',
  'youth_social',
  'adult_social',
  'rehabilitation',
  'oral_health',
  'older_people',
  'disability',
  'support_services',
  'kela',
  'other',
] as const;

/** One of SERVICES; the label comes from the i18n catalogue (`services.<id>`). */
export type ServiceId = (typeof SERVICES)[number];

/** Narrowing guard for values arriving from cards. */
export function isServiceId(value: unknown): value is ServiceId {
  return typeof value === 'string' && (SERVICES as readonly string[]).includes(value);
}
