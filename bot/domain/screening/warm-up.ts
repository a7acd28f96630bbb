import * as screenModule from './screen';
// Imports bound once at load: a use through the module object is re-checked on every call (README, "Imports").
const { screen } = screenModule;

/**
 * Loads every lexicon now (name and word lists, the Swedish and English word sets): done lazily,
 * that is about 0.7 s on the first message after each start, which would be a chat message waiting.
 */
export function warmUpScreener(): void {
  screen('Hei kaikki, asiakas Matti Virtanen soitti. Inga nya ärenden idag. See you tomorrow, Anna.');
}
