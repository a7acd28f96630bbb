/**
 * Exclusive lock files shared by every process that opens the same data directory. A lock is
 * created exclusively (a hard link, which fails like O_EXCL when the file exists) already holding
 * its owner's pid, host and a token, so a lock left by a crashed writer can be recognised (dead
 * pid on this host, or older than `staleMs`) and broken — under a second "break" lock, so two
 * waiters never both break it and a freshly taken lock is never removed.
 */
import { randomBytes } from 'node:crypto';
import { link, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';

interface LockInfo {
  raw: string;
  mtimeMs: number;
  owner?: { pid: number; host: string; token: string };
}

const HOST = hostname();

/** Error code of a Node fs error, if any. */
export function errorCode(err: unknown): string | undefined {
  return (err as NodeJS.ErrnoException | undefined)?.code;
}

/** unlink that treats "already gone" as done. */
export async function unlinkIfPresent(path: string): Promise<void> {
  try {
    await unlink(path);
  } catch (err) {
    if (errorCode(err) !== 'ENOENT') throw err;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function processIsGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch (err) {
    return errorCode(err) === 'ESRCH';
  }
}

/** Runs `fn` holding the lock file at `path`; waits (polling) while another holder has it. */
export async function withLockFile<R>(path: string, staleMs: number, fn: () => Promise<R>): Promise<R> {
  const token = await acquire(path, staleMs);
  const acquiredAt = Date.now();
  try {
    return await fn();
  } finally {
    // Nobody breaks a lock younger than staleMs, so a short hold can skip re-reading the owner.
    if (Date.now() - acquiredAt < staleMs / 2) await unlinkIfPresent(path);
    else await release(path, token);
  }
}

async function acquire(path: string, staleMs: number): Promise<string> {
  const token = randomBytes(9).toString('base64url');
  const content = JSON.stringify({ pid: process.pid, host: HOST, token });
  for (let pause = 1; ; pause = Math.min(pause * 2, 32)) {
    if (await tryCreate(path, content)) return token;
    if (!(await breakIfStale(path, staleMs))) await sleep(1 + Math.random() * pause);
  }
}

/**
 * Creates the lock file at `path` holding `content`, or returns false if it exists. The content is
 * written to a temp file first and hard-linked into place: link() is exclusive like O_EXCL, and a
 * lock never exists without its owner's pid in it, even if the writer dies at any moment.
 */
async function tryCreate(path: string, content: string): Promise<boolean> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  await writeFile(temp, content, { flag: 'wx' });
  try {
    await link(temp, path);
    return true;
  } catch (err) {
    if (errorCode(err) === 'EEXIST') return false;
    throw err;
  } finally {
    await unlinkIfPresent(temp);
  }
}

async function release(path: string, token: string): Promise<void> {
  // If we were so slow that our lock was broken and re-taken, the file is no longer ours to remove.
  const info = await readLock(path);
  if (info?.owner?.token === token) await unlinkIfPresent(path);
}

async function readLock(path: string): Promise<LockInfo | undefined> {
  try {
    const [raw, info] = await Promise.all([readFile(path, 'utf8'), stat(path)]);
    let owner: LockInfo['owner'];
    try {
      owner = JSON.parse(raw) as LockInfo['owner'];
    } catch {
      owner = undefined; // not one of ours (empty or foreign): judge it by age alone
    }
    return { raw, mtimeMs: info.mtimeMs, owner };
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return undefined;
    throw err;
  }
}

function isStale(info: LockInfo, staleMs: number): boolean {
  if (Date.now() - info.mtimeMs > staleMs) return true;
  return info.owner?.host === HOST && typeof info.owner.pid === 'number' && processIsGone(info.owner.pid);
}

/** True when the caller should retry at once (lock gone or broken), false when it should wait. */
async function breakIfStale(path: string, staleMs: number): Promise<boolean> {
  const seen = await readLock(path);
  if (!seen) return true;
  if (!isStale(seen, staleMs)) return false;
  const breakPath = `${path}.break`;
  if (!(await tryCreate(breakPath, ''))) {
    const breaker = await stat(breakPath).catch(() => undefined);
    if (breaker && Date.now() - breaker.mtimeMs > staleMs) await unlinkIfPresent(breakPath);
    return false;
  }
  try {
    const again = await readLock(path);
    if (again && again.raw === seen.raw && again.mtimeMs === seen.mtimeMs) await unlinkIfPresent(path);
  } finally {
    await unlinkIfPresent(breakPath);
  }
  return true;
}
