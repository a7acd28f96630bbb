import { randomBytes } from 'node:crypto';
import { access, constants, mkdir, open, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { IfMatch, StateStore, Stored } from '../../domain/ports';
import { decodeKey, encodeKey, FILE_SAFE } from './key-codec';
import { errorCode, unlinkIfPresent, withLockFile } from './file-lock';
import { assertKey, assertPrecondition, newETag, serialise } from './store-rules';

/** Options of the embedded file engine. */
export interface FileStoreOptions {
  /** Data directory; created if missing. */
  dir: string;
  /** A lock or temp file older than this is taken to be left by a crashed writer (default 10 s). */
  staleMs?: number;
}

interface FileRecord {
  eTag: string;
  value: unknown;
}

/** Longest encoded key: leaves room for the temp-file affixes within a 255-byte file name. */
const MAX_NAME = 200;

/**
 * The embedded default engine: one JSON file per key under a data directory. A write goes to a
 * temp file that is fsynced and renamed over the old one, so a reader (or a restart after a
 * crash) sees the old or the new value, never half of one; the directory is fsynced before the
 * write is acknowledged. The precondition check and the rename happen under a per-key queue inside
 * this process and a per-key lock file across processes sharing the directory.
 */
export class FileStore implements StateStore {
  private readonly dir: string;
  private readonly staleMs: number;
  private readonly queues = new Map<string, Promise<unknown>>();
  private ready: Promise<void> | undefined;

  constructor(options: FileStoreOptions) {
    this.dir = options.dir;
    this.staleMs = options.staleMs ?? 10_000;
  }

  async get<T>(key: string): Promise<Stored<T> | undefined> {
    const name = this.nameOf(key);
    await this.open();
    const record = await this.read(key, name);
    return record && { value: record.value as T, eTag: record.eTag };
  }

  async put<T>(key: string, value: T, ifMatch?: IfMatch): Promise<string> {
    const name = this.nameOf(key);
    const json = serialise(key, value);
    await this.open();
    await this.check(key, name, ifMatch);
    const eTag = newETag();
    // Write and fsync outside the lock; under it only the check and the rename happen.
    const temp = await this.writeTemp(name, `{"eTag":${JSON.stringify(eTag)},"value":${json}}`);
    try {
      await this.exclusive(name, async () => {
        await this.check(key, name, ifMatch);
        await rename(temp, this.pathOf(name));
      });
    } catch (err) {
      await unlinkIfPresent(temp);
      throw err;
    }
    await this.syncDir();
    return eTag;
  }

  async delete(key: string, ifMatch?: IfMatch): Promise<void> {
    const name = this.nameOf(key);
    await this.open();
    await this.check(key, name, ifMatch);
    const removed = await this.exclusive(name, async () => {
      await this.check(key, name, ifMatch);
      try {
        await unlink(this.pathOf(name));
        return true;
      } catch (err) {
        if (errorCode(err) === 'ENOENT') return false;
        throw err;
      }
    });
    if (removed) await this.syncDir();
  }

  async list(prefix: string): Promise<string[]> {
    await this.open();
    const keys: string[] = [];
    for (const file of await readdir(this.dir)) {
      if (file.startsWith('.') || !file.endsWith('.json')) continue; // temp and lock files
      const key = decodeKey(file.slice(0, -'.json'.length), FILE_SAFE);
      if (key !== undefined && key.startsWith(prefix)) keys.push(key);
    }
    return keys.sort();
  }

  async ping(): Promise<void> {
    await this.open();
    await access(this.dir, constants.R_OK | constants.W_OK);
  }

  private nameOf(key: string): string {
    assertKey(key);
    const name = encodeKey(key, FILE_SAFE);
    if (name.length > MAX_NAME) throw new RangeError(`storage key too long for the file store (${key.length} characters)`);
    return name;
  }

  private pathOf(name: string): string {
    return join(this.dir, `${name}.json`);
  }

  private open(): Promise<void> {
    this.ready ??= this.prepare().catch((err: unknown) => {
      this.ready = undefined;
      throw err;
    });
    return this.ready;
  }

  /** Creates the directory and clears temp files a crashed writer left (fresh ones may be in use). */
  private async prepare(): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    for (const file of await readdir(this.dir)) {
      if (!file.startsWith('.') || !file.endsWith('.tmp')) continue;
      const path = join(this.dir, file);
      const info = await stat(path).catch(() => undefined);
      if (info && Date.now() - info.mtimeMs > this.staleMs) await unlinkIfPresent(path);
    }
  }

  private async read(key: string, name: string): Promise<FileRecord | undefined> {
    let text: string;
    try {
      text = await readFile(this.pathOf(name), 'utf8');
    } catch (err) {
      if (errorCode(err) === 'ENOENT') return undefined;
      throw err;
    }
    try {
      return JSON.parse(text) as FileRecord;
    } catch {
      throw new Error(`stored state for key ${key} is unreadable`);
    }
  }

  /**
   * Throws ConflictError unless `ifMatch` holds now. Called once before queueing for the lock, so
   * a writer that already lost does not wait behind the winner (a read is an atomic snapshot and
   * an eTag is never issued twice, so failing at that moment is a correct outcome), and again
   * under the lock, where it decides.
   */
  private async check(key: string, name: string, ifMatch: IfMatch): Promise<void> {
    if (ifMatch !== undefined) assertPrecondition(key, (await this.read(key, name))?.eTag, ifMatch);
  }

  /** Serialises work on one key within this process, then across processes by lock file. */
  private exclusive<R>(name: string, fn: () => Promise<R>): Promise<R> {
    const previous = this.queues.get(name) ?? Promise.resolve();
    const run = previous.then(() => withLockFile(join(this.dir, `${name}.lock`), this.staleMs, fn));
    const tail = run.then(
      () => undefined,
      () => undefined,
    );
    this.queues.set(name, tail);
    void tail.then(() => {
      if (this.queues.get(name) === tail) this.queues.delete(name);
    });
    return run;
  }

  /** Writes `text` to a new temp file and fsyncs it; returns the temp file's path. */
  private async writeTemp(name: string, text: string): Promise<string> {
    const temp = join(this.dir, `.${name}.${randomBytes(6).toString('hex')}.tmp`);
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } catch (err) {
      await handle.close();
      await unlinkIfPresent(temp);
      throw err;
    }
    await handle.close();
    return temp;
  }

  /** Makes a rename or unlink durable; platforms that cannot fsync a directory skip it. */
  private async syncDir(): Promise<void> {
    let handle;
    try {
      handle = await open(this.dir, 'r');
      await handle.sync();
    } catch (err) {
      if (!['EISDIR', 'EPERM', 'EINVAL', 'EBADF'].includes(errorCode(err) ?? '')) throw err;
    } finally {
      await handle?.close();
    }
  }
}
