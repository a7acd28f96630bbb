/**
 * Runs a TypeScript file as a separate Node process (for tests that need real second processes):
 * esbuild bundles it once per test run into a temp .js file.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { buildSync } from 'esbuild';

const built = new Map<string, string>();

/** Path of a runnable .js bundle of `entry` (an absolute .ts path). */
export function bundle(entry: string): string {
  let out = built.get(entry);
  if (!out) {
    out = join(mkdtempSync(join(tmpdir(), 'vuoro-script-')), basename(entry).replace(/\.ts$/, '.js'));
    buildSync({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: out, logLevel: 'error' });
    built.set(entry, out);
  }
  return out;
}

/** Starts the bundled `entry` with `args`; stdout and stderr are collected as text. */
export function startScript(entry: string, args: string[]): ChildProcess & { output: () => string } {
  const child = spawn(process.execPath, [bundle(entry), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  child.stdout?.on('data', (d: Buffer) => (text += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (text += d.toString()));
  return Object.assign(child, { output: () => text });
}

/** Resolves with the exit code once the child has exited. */
export function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}
