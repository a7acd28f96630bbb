/**
 * Runs a TypeScript file as a separate Node process, for tests that need real second processes.
 * useNodeScript(entry) bundles it with esbuild in beforeAll and removes the bundle in afterAll.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { buildSync } from 'esbuild';

/** A started script: the child process plus everything it printed so far. */
export type ScriptProcess = ChildProcess & { output: () => string };

/** Registers the bundling of `entry` (an absolute .ts path) for this test file. */
export function useNodeScript(entry: string): { start(args: string[]): ScriptProcess } {
  let dir = '';
  let script = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'vuoro-script-'));
    script = join(dir, basename(entry).replace(/\.ts$/, '.js'));
    buildSync({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: script, logLevel: 'error' });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return {
    start(args) {
      const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
      let text = '';
      child.stdout?.on('data', (d: Buffer) => (text += d.toString()));
      child.stderr?.on('data', (d: Buffer) => (text += d.toString()));
      return Object.assign(child, { output: () => text });
    },
  };
}

/** Resolves with the exit code once the child has exited. */
export function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}
