/**
 * Command words in Finnish, Swedish and English. The first word after the mention decides; the
 * rest are arguments (numbers only: commands never take client text).
 */
import { plainText } from './message-text';
import { ScreeningMode, parseScreeningMode } from '../domain/meeting-screening';

/** What a chat command asks Vuoro to do. */
export type CommandId = 'start' | 'close' | 'help' | 'length' | 'round' | 'end' | 'screening';

const WORDS: Record<string, CommandId> = {
  aloita: 'start', start: 'start', 'börja': 'start', borja: 'start',
  sulje: 'close', close: 'close', 'stäng': 'close', stang: 'close',
  ohje: 'help', help: 'help', 'hjälp': 'help', hjalp: 'help', apua: 'help', '?': 'help',
  kesto: 'length', length: 'length', 'längd': 'length', langd: 'length',
  kierros: 'round', runda: 'round', round: 'round',
  lopeta: 'end', avsluta: 'end', end: 'end',
  seulonta: 'screening', granskning: 'screening', screening: 'screening',
};

/** A parsed command; `unknown` keeps only the word's length class, never the word itself. */
export type Command =
  | { id: CommandId; args: number[]; mode?: ScreeningMode }
  | { id: 'unknown' }
  | { id: 'empty' };

/** Parses message text (HTML, mentions and entities allowed) into a command. */
export function parseCommand(text: string | undefined): Command {
  const plain = plainText(text).toLowerCase();
  if (!plain) return { id: 'empty' };
  const [word, ...rest] = plain.split(' ');
  const id = WORDS[word.replace(/[.!,:;]+$/, '')];
  if (!id) return { id: 'unknown' };
  const args = rest.map((r) => r.replace(/[^\d]/g, '')).filter(Boolean).map(Number);
  // The screening command's argument is one of a fixed set of words, never free text.
  if (id === 'screening') return { id, args, mode: parseScreeningMode(rest[0]) };
  return { id, args };
}
