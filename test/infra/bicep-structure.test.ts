/**
 * No Bicep CLI offline, so the templates are checked as text: modules exist and are called with the
 * params they declare, every param and output is described, no secret is written down, and the
 * resources the deployment guide promises are there.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { moduleCalls, outputs, params, readBicep } from './bicep-text';

const INFRA = path.resolve(__dirname, '..', '..', 'infra');
const MAIN = path.join(INFRA, 'main.bicep');
const files = [MAIN, ...readdirSync(path.join(INFRA, 'modules')).filter((f) => f.endsWith('.bicep')).map((f) => path.join(INFRA, 'modules', f))];
const texts = new Map(files.map((f) => [f, readBicep(f)]));
const main = texts.get(MAIN)!;
const calls = moduleCalls(main);
const all = [...texts.values()].join('\n');

describe('infra/ Bicep structure', () => {
  it('calls modules that exist, and every module file is used', () => {
    expect(calls.length).toBeGreaterThan(0);
    for (const call of calls) expect({ module: call.path, exists: existsSync(path.resolve(INFRA, call.path)) }).toEqual({ module: call.path, exists: true });
    const used = new Set(calls.map((c) => path.resolve(INFRA, c.path)));
    expect(files.filter((f) => f !== MAIN && !used.has(f))).toEqual([]);
  });

  it('passes each module exactly the params it declares, all required ones included', () => {
    for (const call of calls) {
      const declared = params(texts.get(path.resolve(INFRA, call.path))!);
      const unknown = call.passed.filter((p) => !declared.some((d) => d.name === p));
      const missing = declared.filter((d) => !d.hasDefault && !call.passed.includes(d.name)).map((d) => d.name);
      expect({ module: call.symbol, unknown, missing }).toEqual({ module: call.symbol, unknown: [], missing: [] });
    }
  });

  it('reads only outputs the modules declare', () => {
    for (const [, symbol, name] of main.matchAll(/\b(\w+)\.outputs\.(\w+)/g)) {
      const call = calls.find((c) => c.symbol === symbol);
      expect({ symbol, name, declared: call ? outputs(texts.get(path.resolve(INFRA, call.path))!).includes(name!) : false }).toEqual({ symbol, name, declared: true });
    }
  });

  it('describes every param and output', () => {
    for (const [file, text] of texts) {
      const undescribed = params(text).filter((p) => !p.decorators.some((d) => d.startsWith('@description('))).map((p) => p.name);
      expect({ file: path.basename(file), undescribed }).toEqual({ file: path.basename(file), undescribed: [] });
      const lines = text.split('\n');
      const bareOutputs = lines.flatMap((line, i) => (line.startsWith('output ') && !lines[i - 1]?.startsWith('@description(') ? [line] : []));
      expect({ file: path.basename(file), bareOutputs }).toEqual({ file: path.basename(file), bareOutputs: [] });
    }
  });

  it('writes down no secret: secure params have no value, parameters file holds none, no keys or connection strings', () => {
    const secure = [...texts.values()].flatMap((t) => params(t).filter((p) => p.secure));
    expect(secure.map((p) => p.name)).toContain('botAppPassword');
    for (const p of secure) expect(p.line).toMatch(/^param \w+ string( = '')?$/);
    const parameters = JSON.parse(readFileSync(path.join(INFRA, 'main.parameters.json'), 'utf8')) as { parameters: Record<string, { value?: unknown }> };
    for (const p of secure) expect(parameters.parameters[p.name]?.value).toBeUndefined();
    expect(all).not.toMatch(/AccountKey=|SharedAccessSignature=|DefaultEndpointsProtocol=|listKeys\(|client_secret|-----BEGIN/i);
  });

  it('has a parameters file whose names main.bicep declares', () => {
    const parameters = JSON.parse(readFileSync(path.join(INFRA, 'main.parameters.json'), 'utf8')) as { parameters: Record<string, unknown> };
    const declared = params(main).map((p) => p.name);
    expect(Object.keys(parameters.parameters).filter((n) => !declared.includes(n))).toEqual([]);
  });

  it('deploys what the guide promises: Teams channel, Linux Node 20 with a user-assigned identity, state, telemetry, Key Vault', () => {
    expect(all).toMatch(/'Microsoft\.BotService\/botServices@[\d-]+(-preview)?'/);
    expect(all).toMatch(/channelName:\s*'MsTeamsChannel'/);
    expect(all).toMatch(/linuxFxVersion:\s*'NODE\|20-lts'/);
    expect(all).toMatch(/reserved:\s*true/);
    expect(all).toMatch(/type:\s*'UserAssigned'/);
    expect(all).toMatch(/keyVaultReferenceIdentity:\s*identityId/);
    expect(all).toMatch(/'Microsoft\.Storage\/storageAccounts\/blobServices\/containers@/);
    expect(all).toContain("'ba92f5b4-2d11-453d-a403-e96b0029c9fe'"); // Storage Blob Data Contributor
    expect(all).toContain("'4633458b-17de-408a-b874-0445c86b69e6'"); // Key Vault Secrets User
    expect(all).toMatch(/'Microsoft\.Insights\/components@/);
    expect(all).toMatch(/'Microsoft\.OperationalInsights\/workspaces@/);
    expect(all).toMatch(/'Microsoft\.KeyVault\/vaults@/);
    for (const m of all.matchAll(/^resource\s+\w+\s+'([^']+)'/gm)) expect(m[1]).toMatch(/^[\w.]+\/[\w/]+@\d{4}-\d{2}-\d{2}(-preview)?$/);
  });
});
