/**
 * `npm start` and the App Service command line in Bicep must start the server the same way: the
 * memory target of issue 5 is measured with production's Node flags (the heap cap), so a local
 * start with other flags would behave differently from Azure.
 */
import fs from 'node:fs';
import path from 'node:path';
import { readBicep } from './bicep-text';

const root = path.resolve(__dirname, '..', '..');

function nodeCommand(line: string): string {
  const m = /(?:^|&&\s*)(node\s+[^&]*?dist\/bot\/index\.js)/.exec(line);
  if (!m) throw new Error(`no "node … dist/bot/index.js" in: ${line}`);
  return m[1].trim().replace(/\s+/g, ' ');
}

describe('server start command', () => {
  it('is the same node command, with the same flags, in npm start and on App Service', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    const bicep = readBicep(path.join(root, 'infra', 'modules', 'web-app.bicep'));
    const appCommand = /appCommandLine:\s*'([^']+)'/.exec(bicep);
    expect(appCommand).not.toBeNull();
    expect(nodeCommand(pkg.scripts.start)).toBe(nodeCommand(appCommand![1]));
    expect(nodeCommand(pkg.scripts.start)).toMatch(/--max-old-space-size=\d+/);
  });
});
