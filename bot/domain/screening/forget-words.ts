/**
 * The screener remembers, by hash only, words it has found to be no name, so a word that recurs in a
 * meeting is settled once. A benchmark that loops over one corpus would hit that memory on every
 * pass after the first; it calls this before each pass to measure the speed on unseen text.
 */
import * as classifyNameModule from './classify-name';
import * as lowerNameFilterModule from './lower-name-filter';
// Imports bound once at load: a use through the module object is re-checked on every call (README, "Imports").
const { forgetNonNames } = classifyNameModule;
const { forgetRejectedLowerNames } = lowerNameFilterModule;

export function forgetWords(): void {
  forgetNonNames();
  forgetRejectedLowerNames();
}
