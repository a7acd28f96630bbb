/**
 * The screener remembers, by hash only, words it has found to be no name, so a word that recurs in a
 * meeting is settled once. A benchmark that loops over one corpus would hit that memory on every
 * pass after the first; it calls this before each pass to measure the speed on unseen text.
 */
import { forgetNonNames } from './classify-name';
import { forgetRejectedLowerNames } from './lower-name-filter';

export function forgetWords(): void {
  forgetNonNames();
  forgetRejectedLowerNames();
}
