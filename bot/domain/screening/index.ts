/** The identifier screener: the one engine every screening path of the bot uses. */
export { screen, MIN_CONFIDENCE } from './screen';
export { redact, summarise, FINNISH_PLACEHOLDERS } from './redact';
export { FINDING_TYPES, type Finding, type FindingType } from './types';
export { warmUpScreener } from './warm-up';
export { forgetWords } from './forget-words';
