/**
 * `npm run package`: fills manifest/manifest.template.json from the environment, validates it and its
 * localisation files against the official schemas offline, checks the icons, and writes
 * dist/appPackage/vuoro-<version>.zip. The last line of output is the zip's absolute path.
 *
 * Environment: MicrosoftAppId (bot id), VUORO_PUBLIC_URL (tab host), optionally VUORO_SSO_APP_ID
 * (tab SSO app when the bot runs as a managed identity) and VUORO_TEAMS_APP_ID.
 * `--out <dir>` writes the zip elsewhere.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import AdmZip from 'adm-zip';
import { ACCENT_COLOR, ICON_FILES } from './draw-icons';
import { DEMO_BOT_ID, fillTemplate, PackageInputError, readPlaceholders } from './fill-manifest';
import { findProjectRoot } from '../bot/project-root';
import { danglingLocalizationKeys, iconErrors, schemaErrors } from './validate-manifest';

type Json = Record<string, unknown>;

function readJson(file: string): Json {
  return JSON.parse(readFileSync(file, 'utf8')) as Json;
}

function outDirFrom(argv: readonly string[], root: string): string {
  const i = argv.indexOf('--out');
  return i >= 0 && argv[i + 1] ? path.resolve(argv[i + 1]!) : path.join(root, 'dist', 'appPackage');
}

/** Builds the package; returns the zip path, or the list of problems found. */
export async function packageApp(root: string, env: Record<string, string | undefined>, outDir: string): Promise<{ zip: string } | { errors: string[] }> {
  const dir = path.join(root, 'manifest');
  const version = String(readJson(path.join(root, 'package.json')).version);
  const { manifest, sources } = fillTemplate(readJson(path.join(dir, 'manifest.template.json')), readPlaceholders(env, version, ACCENT_COLOR));

  const errors = await schemaErrors('manifest.json', manifest, sources);
  const files = new Map<string, Buffer>();
  const languages = ((manifest.localizationInfo as Json | undefined)?.additionalLanguages ?? []) as { file: string }[];
  for (const { file } of languages) {
    const localization = readJson(path.join(dir, file));
    errors.push(...(await schemaErrors(file, localization)));
    errors.push(...danglingLocalizationKeys(manifest, localization).map((key) => `${file} "${key}": the manifest has no such string`));
    files.set(file, readFileSync(path.join(dir, file)));
  }
  const color = readFileSync(path.join(dir, ICON_FILES.color));
  const outline = readFileSync(path.join(dir, ICON_FILES.outline));
  errors.push(...iconErrors(ICON_FILES.color, color, 192, false), ...iconErrors(ICON_FILES.outline, outline, 32, true));
  if (errors.length) return { errors };

  const zip = new AdmZip();
  zip.addFile('manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8'));
  zip.addFile(ICON_FILES.color, color);
  zip.addFile(ICON_FILES.outline, outline);
  for (const [name, content] of files) zip.addFile(name, content);
  mkdirSync(outDir, { recursive: true });
  const zipPath = path.join(outDir, `vuoro-${version}.zip`);
  zip.writeZip(zipPath);
  return { zip: zipPath };
}

async function main(): Promise<number> {
  const root = findProjectRoot(__dirname);
  try {
    const result = await packageApp(root, process.env, outDirFrom(process.argv, root));
    if ('errors' in result) {
      console.error(`The app package was not written: ${result.errors.length} problem(s).`);
      for (const error of result.errors) console.error(`  ${error}`);
      return 1;
    }
    if (!process.env.MicrosoftAppId?.trim()) console.error(`note: MicrosoftAppId is not set; the package uses the demo bot id ${DEMO_BOT_ID}`);
    console.log('manifest.json and localisation files are valid against the official schema');
    console.log(result.zip);
    return 0;
  } catch (e) {
    if (e instanceof PackageInputError) {
      console.error(`The app package was not written: ${e.message}`);
      return 1;
    }
    throw e;
  }
}

if (require.main === module) {
  main().then((code) => { process.exitCode = code; }, (e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
