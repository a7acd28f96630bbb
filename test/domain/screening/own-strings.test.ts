import * as fs from 'fs';
import * as path from 'path';
import { screen } from '../../../bot/domain/screening';

const root = path.join(__dirname, '..', '..', '..');

/** Every string of a JSON document with its path. */
function strings(value: unknown, at: string, out: Array<[string, string]>): Array<[string, string]> {
  if (typeof value === 'string') out.push([at, value]);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) strings(v, `${at}.${k}`, out);
  return out;
}

describe("Vuoro's own user-facing strings", () => {
  // the outbound guard screens what the bot sends: its own words must never look like a client's identifiers
  const files = ['bot/i18n/fi.json', 'bot/i18n/sv.json', 'bot/i18n/en.json', 'bot/data/demo-cycles.json'];
  it.each(files)('%s has no string with a finding', (file) => {
    const all = strings(JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')), file, []);
    expect(all.length).toBeGreaterThan(20);
    const flagged = all.filter(([, text]) => screen(text).length > 0).map(([at, text]) => `${at}: ${text}`);
    expect(flagged).toEqual([]);
  });
});
