/**
 * The lint rule that keeps bot/domain/ free of Teams, Bot Framework, restify and Azure SDKs and of
 * process.env really fails, and passes clean domain code.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

function lint(code: string, file: string): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, [join(root, 'node_modules', 'eslint', 'bin', 'eslint.js'), '--stdin', '--stdin-filename', file], { cwd: root, input: code, encoding: 'utf8' });
  return { status: r.status, out: r.stdout + r.stderr };
}

describe('domain boundary lint rule', () => {
  it.each([
    ["import { TurnContext } from 'botbuilder';\nexport type X = TurnContext;\n", 'botbuilder'],
    ["import restify from 'restify';\nexport const x = restify;\n", 'restify'],
    ["import { app } from '@microsoft/teams-js';\nexport const x = app;\n", '@microsoft'],
    ['export const port = process.env.PORT;\n', 'process.env'],
  ])('fails for %j', (code, what) => {
    const r = lint(code, 'bot/domain/intake/bad.ts');
    expect(r.status).toBe(1);
    expect(r.out).toContain('bot/domain/');
    expect(r.out.toLowerCase()).toContain(what.toLowerCase().replace('process.env', 'process'));
  }, 60_000);

  it('passes the same import outside the domain and clean domain code', () => {
    expect(lint("import { TurnContext } from 'botbuilder';\nexport type X = TurnContext;\n", 'bot/handlers/ok.ts').status).toBe(0);
    expect(lint("import { Clock } from '../ports';\nexport const now = (c: Clock) => c.now();\n", 'bot/domain/intake/ok.ts').status).toBe(0);
  }, 60_000);
});
