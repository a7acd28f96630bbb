/**
 * The compiled server (dist/bot/index.js) for tests that need a real process: SIGTERM, restarts.
 * `npm ci` builds it (prepare); a stale or missing build is rebuilt here first.
 */
import { execFileSync, spawn, ChildProcess } from 'node:child_process';
import { readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const entry = join(root, 'dist', 'bot', 'index.js');

function newestSource(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, name.name);
    newest = Math.max(newest, name.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Path of the compiled entry point, compiling first when sources are newer. */
export function builtEntry(): string {
  if (!existsSync(entry) || statSync(entry).mtimeMs < newestSource(join(root, 'bot'))) {
    execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
  }
  return entry;
}

/** A server process and what it printed. */
export type ServerProcess = ChildProcess & { output: () => string; url: Promise<string> };

/** Starts `node dist/bot/index.js` with `env`; `url` resolves once it says it is listening. */
export function startServerProcess(env: Record<string, string>): ServerProcess {
  const child = spawn(process.execPath, [builtEntry()], {
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  const url = new Promise<string>((resolve, reject) => {
    const onData = (d: Buffer) => {
      text += d.toString();
      const m = /listening on (http:\/\/[\d.:]+)/.exec(text);
      if (m) resolve(m[1]);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited with ${code} before listening:\n${text}`)));
  });
  url.catch(() => undefined);
  return Object.assign(child, { output: () => text, url });
}
