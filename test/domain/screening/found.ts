/** What the screener finds, as the tests compare it: the found text, by type or with its type. */
import { screen } from '../../../bot/domain/screening';

/** The texts of the findings of `type`, in order. */
export const foundOfType = (text: string, type: string): string[] => screen(text).filter((f) => f.type === type).map((f) => text.slice(f.start, f.end));

/** The texts of the names found. */
export const names = (text: string): string[] => foundOfType(text, 'name');

/** Every finding as its type and text. */
export const findings = (text: string): Array<{ type: string; text: string }> => screen(text).map((f) => ({ type: f.type, text: text.slice(f.start, f.end) }));
