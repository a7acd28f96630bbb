/**
 * Command words in Finnish, Swedish and English. The first word after the mention decides; the
 * rest are arguments (numbers only: commands never take client text).
 */
import { plainText } from './message-text';
import { ScreeningMode, parseScreeningMode } from '../domain/meeting-screening';

/** What a chat command asks Vuoro to do. */
export type CommandId = 'start' | 'close' | 'help' | 'length' | 'round' | 'end' | 'remind' | 'screening' | 'settings';

const WORDS: Record<string, CommandId> = {
  aloita: 'start', start: 'start', 'börja': 'start', borja: 'start',
  sulje: 'close', close: 'close', 'stäng': 'close', stang: 'close',
  ohje: 'help', help: 'help', 'hjälp': 'help', hjalp: 'help', apua: 'help', '?': 'help',
  kesto: 'length', length: 'length', 'längd': 'length', langd: 'length',
  kierros: 'round', runda: 'round', round: 'round',
  lopeta: 'end', avsluta: 'end', end: 'end',
  muistuta: 'remind', remind: 'remind', 'påminn': 'remind', paminn: 'remind',
  seulonta: 'screening', granskning: 'screening', screening: 'screening',
  asetukset: 'settings', 'inställningar': 'settings', installningar: 'settings', settings: 'settings',
};

/** Second words that turn reminders off (`muistuta pois`, `påminn av`, `remind off`). */
const OFF_WORDS = new Set(['pois', 'off', 'av', 'stop', 'lopeta']);

/** A parsed command; `unknown` keeps only the word's length class, never the word itself. */
export type Command =
  | { id: Exclude<CommandId, 'remind'>; args: number[]; mode?: ScreeningMode }
  | { id: 'remind'; off: boolean }
  | { id: 'unknown' }
  | { id: 'empty' };

/** Parses message text (HTML, mentions and entities allowed) into a command. */
export function parseCommand(text: string | undefined): Command {
  const plain = plainText(text).toLowerCase();
  if (!plain) return { id: 'empty' };
  const [word, ...rest] = plain.split(' ');
  const id = WORDS[word.replace(/[.!,:;]+$/, '')];
  if (!id) return { id: 'unknown' };
  if (id === 'remind') return { id, off: OFF_WORDS.has((rest[0] ?? '').replace(/[.!,:;]+$/, '')) };
  const args = rest.map((r) => r.replace(/[^\d]/g, '')).filter(Boolean).map(Number);
  // The screening command's argument is one of a fixed set of words, never free text.
  if (id === 'screening') return { id, args, mode: parseScreeningMode(rest[0]) };
  return { id, args };
}
