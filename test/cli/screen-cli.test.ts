import { execFileSync, spawnSync } from 'node:child_process';
import * as path from 'node:path';

const root = path.join(__dirname, '..', '..');
const cli = path.join(root, 'dist', 'bot', 'cli', 'screen-cli.js');

beforeAll(() => {
  // the CLI runs from dist/, exactly as `npm run screen` does
  execFileSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(root, 'tsconfig.build.json')], { cwd: root });
}, 120000);

describe('screen CLI', () => {
  it('--jsonl writes one findings line per input line, in order, and nothing else on stdout', () => {
    const input = [
      JSON.stringify({ id: 'a', text: 'Asiakas Matti Virtanen, puh. 040 123 4567' }),
      JSON.stringify({ id: 2, text: '60-vuotias mies, asuu Vantaalla' }),
      '',
      JSON.stringify({ id: 'c', text: '<p>hetu 131052-308T</p>' }),
    ].join('\n');
    const res = spawnSync(process.execPath, [cli, '--jsonl'], { input, encoding: 'utf8' });
    expect(res.status).toBe(0);
    const lines = res.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toEqual([
      { id: 'a', findings: [{ type: 'name', start: 8, end: 22 }, { type: 'phone', start: 29, end: 41 }] },
      { id: 2, findings: [] },
      { id: 'c', findings: [{ type: 'personal_id', start: 8, end: 19 }] },
    ]);
  });

  it('reports a broken line by number only, never echoing its text', () => {
    const res = spawnSync(process.execPath, [cli, '--jsonl'], { input: '{"id": 1, "text": "Matti Virtanen 040 123 4567"\n', encoding: 'utf8' });
    expect(JSON.parse(res.stdout.trim())).toEqual({ id: null, findings: [], error: 'invalid_json' });
    expect(res.stderr).toContain('line 1');
    expect(res.stderr).not.toContain('Virtanen');
  });

  it('without --jsonl prints a findings table and the redacted text', () => {
    const res = spawnSync(process.execPath, [cli], { input: 'Asiakas Matti Virtanen, hetu 131052-308T', encoding: 'utf8' });
    expect(res.status).toBe(0);
    expect(res.stdout).toContain('| personal_id | 29 | 40 |');
    expect(res.stdout).toContain('Asiakas [nimi], hetu [henkilötunnus]');
    expect(res.stdout).not.toContain('131052-308T');
  });
});
