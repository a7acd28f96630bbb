/**
 * Runs the real packaging script in a child process, the way `npm run package` does, and opens the zip.
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AdmZip from 'adm-zip';
import { buildSync } from 'esbuild';
import { drawColorIcon, drawOutlineIcon } from '../../manifest/draw-icons';
import { encodePng } from '../../manifest/png-encode';
import { decodePng } from './png-pixels';

const ROOT = path.resolve(__dirname, '..', '..');
const VERSION = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const SCHEMAS = path.join(path.dirname(require.resolve('@microsoft/app-manifest')), 'json-schemas');

/**
 * Validates with the official tool in a plain Node process: @microsoft/app-manifest requires an
 * ES module (strip-bom), which Node 20.19+ loads but jest's module loader does not.
 */
function officialSchemaErrors(manifest: object): string[] {
  const code = `const { AppManifestUtils } = require('@microsoft/app-manifest');
    const m = JSON.parse(require('fs').readFileSync(0, 'utf8'));
    const schema = JSON.parse(require('fs').readFileSync(process.argv[1], 'utf8'));
    AppManifestUtils.validateAgainstSchema(m, schema).then((e) => console.log(JSON.stringify(e)));`;
  const schemaFile = path.join(SCHEMAS, 'teams', `v${(manifest as { manifestVersion: string }).manifestVersion}`, 'MicrosoftTeams.schema.json');
  const run = spawnSync(process.execPath, ['-e', code, schemaFile], { cwd: ROOT, input: JSON.stringify(manifest), encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as string[];
}

let buildDir: string;
let script: string;
let outDir: string;
let fresh: ReturnType<typeof runPackage>; // one run with no environment, shared by the read-only checks

beforeAll(() => {
  // Same source as dist/manifest/package-app.js, built into dist/ so it finds the project the same way.
  buildDir = mkdtempSync(path.join(ROOT, 'dist', 'test-package-'));
  script = path.join(buildDir, 'manifest', 'package-app.js');
  buildSync({ entryPoints: [path.join(ROOT, 'manifest', 'package-app.ts')], outfile: script, bundle: true, platform: 'node', format: 'cjs', target: 'node20', packages: 'external', logLevel: 'silent' });
  fresh = runPackage({}, path.join(buildDir, 'fresh'));
});

beforeEach(() => {
  outDir = mkdtempSync(path.join(os.tmpdir(), 'vuoro-package-'));
});

afterEach(() => rmSync(outDir, { recursive: true, force: true }));
afterAll(() => rmSync(buildDir, { recursive: true, force: true }));

function runPackage(env: Record<string, string>, out = outDir): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [script, '--out', out], {
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
    timeout: 20000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

// The manifest's shape is checked by the schema; the tests read it loosely.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Manifest = Record<string, any>;

function openZip(stdout: string): { zipPath: string; zip: AdmZip; manifest: Manifest } {
  const zipPath = stdout.trim().split('\n').pop()!;
  const zip = new AdmZip(zipPath);
  return { zipPath, zip, manifest: JSON.parse(zip.readAsText('manifest.json')) };
}

describe('npm run package', () => {
  it('writes a valid package for the given bot id and public host, its path on the last line', () => {
    const botId = randomUUID();
    const host = `vuoro-${randomUUID().slice(0, 8)}.azurewebsites.net`;
    const run = runPackage({ MicrosoftAppId: botId, VUORO_PUBLIC_URL: `https://${host}/` });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);

    const { zipPath, zip, manifest } = openZip(run.stdout);
    expect(path.isAbsolute(zipPath)).toBe(true);
    expect(zipPath).toBe(path.join(outDir, `vuoro-${VERSION}.zip`));
    expect(zip.getEntries().map((e) => e.entryName).sort()).toEqual(['color.png', 'en.json', 'manifest.json', 'outline.png', 'sv.json']);

    expect(manifest.bots[0].botId).toBe(botId);
    expect(manifest.composeExtensions[0].botId).toBe(botId);
    expect(manifest.webApplicationInfo).toEqual({ id: botId, resource: `api://${host}/${botId}` });
    expect(manifest.validDomains).toEqual([host]);
    expect(manifest.configurableTabs[0].configurationUrl).toBe(`https://${host}/tab/config.html`);
    expect(manifest.staticTabs[0].contentUrl).toBe(`https://${host}/tab/index.html`);
    expect(manifest.version).toBe(VERSION);
    expect(JSON.stringify(manifest)).not.toContain('${{');

    expect(officialSchemaErrors(manifest)).toEqual([]);
  });

  it('declares what Vuoro uses in meetings and nothing more', () => {
    const { manifest } = openZip(fresh.stdout);
    expect(manifest.bots[0].scopes.sort()).toEqual(['groupChat', 'personal', 'team']);
    expect(manifest.authorization.permissions.resourceSpecific).toEqual([
      { name: 'OnlineMeeting.ReadBasic.Chat', type: 'Application' },
      { name: 'ChatMessage.Read.Chat', type: 'Application' },
      { name: 'OnlineMeetingNotification.Send.Chat', type: 'Application' },
    ]);
    expect(manifest.configurableTabs[0].context).toEqual(expect.arrayContaining(['meetingSidePanel', 'meetingChatTab', 'meetingDetailsTab', 'meetingStage']));
    expect(manifest.staticTabs[0].scopes).toEqual(['personal']);
    const share = manifest.composeExtensions[0].commands[0];
    expect(share).toMatchObject({ type: 'action', fetchTask: true, title: 'Tuo tapaus' });
    expect(share.context.sort()).toEqual(['commandBox', 'compose', 'message']);
    expect(manifest.activities.activityTypes.map((a: { type: string }) => a.type)).toEqual(['workshopReminder']);
    expect(manifest.localizationInfo.defaultLanguageTag).toBe('fi-FI');
  });

  it('translates every command, tab name and reminder into Swedish and English', () => {
    const { zip, manifest } = openZip(fresh.stdout);
    const expected: string[] = ['composeExtensions[0].commands[0].title', 'staticTabs[0].name', 'activities.activityTypes[0].templateText'];
    manifest.bots[0].commandLists.forEach((list: { commands: unknown[] }, i: number) =>
      list.commands.forEach((_c, j) => expected.push(`bots[0].commandLists[${i}].commands[${j}].title`, `bots[0].commandLists[${i}].commands[${j}].description`)));
    const finnish = new Set(manifest.bots[0].commandLists[0].commands.map((c: { title: string }) => c.title));
    for (const { languageTag, file } of manifest.localizationInfo.additionalLanguages) {
      const strings = JSON.parse(zip.readAsText(file));
      for (const key of expected) expect({ languageTag, key, present: typeof strings[key] === 'string' && strings[key].length > 0 }).toEqual({ languageTag, key, present: true });
      const titles = manifest.bots[0].commandLists[0].commands.map((_c: unknown, j: number) => strings[`bots[0].commandLists[0].commands[${j}].title`]);
      expect(titles.filter((t: string) => finnish.has(t))).toEqual([]);
    }
    expect(manifest.localizationInfo.additionalLanguages.map((l: { languageTag: string }) => l.languageTag).sort()).toEqual(['en', 'sv']);
  });

  it('ships a 192x192 colour icon and a 32x32 white-on-transparent outline icon', () => {
    const { zip } = openZip(fresh.stdout);
    const color = decodePng(zip.readFile('color.png')!);
    expect([color.width, color.height]).toEqual([192, 192]);
    const outline = decodePng(zip.readFile('outline.png')!);
    expect([outline.width, outline.height, outline.colorType]).toEqual([32, 32, 6]);
    const alpha = (x: number, y: number): number => outline.pixels[(y * 32 + x) * 4 + 3]!;
    expect([alpha(0, 0), alpha(31, 0), alpha(0, 31), alpha(31, 31)]).toEqual([0, 0, 0, 0]);
    let visible = 0;
    for (let i = 0; i < 32 * 32; i++) {
      if (outline.pixels[i * 4 + 3]! === 0) continue;
      visible++;
      expect([...outline.pixels.subarray(i * 4, i * 4 + 3)]).toEqual([255, 255, 255]);
    }
    expect(visible).toBeGreaterThan(32 * 32 * 0.1);
  });

  it('packages the icons that manifest/draw-icons.ts draws (the committed PNGs are up to date)', () => {
    expect(readFileSync(path.join(ROOT, 'manifest', 'color.png')).equals(encodePng(drawColorIcon()))).toBe(true);
    expect(readFileSync(path.join(ROOT, 'manifest', 'outline.png')).equals(encodePng(drawOutlineIcon()))).toBe(true);
  });

  it('works on a fresh machine with no environment: demo bot id and localhost', () => {
    const run = fresh;
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/MicrosoftAppId is not set/);
    const { manifest } = openZip(run.stdout);
    expect(manifest.validDomains).toEqual(['localhost:3978']);
    expect(manifest.configurableTabs[0].configurationUrl).toBe('http://localhost:3978/tab/config.html');
  });

  it('refuses a bot id that is not a GUID, naming the field and the variable, and writes no zip', () => {
    const run = runPackage({ MicrosoftAppId: 'not-a-guid', VUORO_PUBLIC_URL: 'https://vuoro.example.fi' });
    expect(run.status).not.toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/manifest\.json \/bots\/0\/botId: must match pattern .*\(value from MicrosoftAppId\)/);
    expect(run.stderr).toMatch(/\/webApplicationInfo\/id: .*MicrosoftAppId/);
    expect(readdirSync(outDir)).toEqual([]);
  });

  it('refuses a public URL Teams would not load (plain http off localhost)', () => {
    const run = runPackage({ MicrosoftAppId: randomUUID(), VUORO_PUBLIC_URL: 'http://vuoro.example.fi' });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/VUORO_PUBLIC_URL: .*https/);
    expect(existsSync(path.join(outDir, `vuoro-${VERSION}.zip`))).toBe(false);
  });
});
