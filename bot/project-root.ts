/** Locating the repository root from wherever the packaging scripts run (source or dist/). */
import { existsSync } from 'node:fs';
import path from 'node:path';

/** Walks up from `start` to the directory holding package.json and manifest/; throws if there is none. */
export function findProjectRoot(start: string): string {
  let dir = path.resolve(start);
  for (;;) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'manifest'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no project root (package.json beside manifest/) above ${start}`);
    dir = parent;
  }
}
