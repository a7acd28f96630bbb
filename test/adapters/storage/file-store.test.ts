import { existsSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { FileStore } from '../../../bot/adapters/storage/file-store';
import { ConflictError, CREATE_ONLY } from '../../../bot/domain/ports';
import { exited, useNodeScript } from '../../helpers/node-script';
import { tempDirs } from '../../helpers/temp-dir';
import { churnValue } from './file-store-child';
import { describeStoreContract } from './store-contract';

const newDir = tempDirs('file-store');
const childScript = useNodeScript(join(__dirname, 'file-store-child.ts'));

describeStoreContract('file', {
  persistent: true,
  async namespace() {
    const dir = newDir();
    return { open: () => new FileStore({ dir }) };
  },
});

describe('FileStore on disk', () => {
  it('keeps one JSON file per key and no temp or lock files after writes', async () => {
    const dir = newDir();
    const store = new FileStore({ dir });
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.put(`meeting:${i % 3}`, { i })));
    await store.delete('meeting:2');
    expect(readdirSync(dir).sort()).toEqual(['meeting%3A0.json', 'meeting%3A1.json']);
  });

  it('creates a missing data directory, nested', async () => {
    const dir = join(newDir(), 'a', 'b');
    await new FileStore({ dir }).put('k', 1);
    expect(await new FileStore({ dir }).get('k')).toMatchObject({ value: 1 });
  });

  it('refuses a key too long for a file name, naming only its length', async () => {
    const store = new FileStore({ dir: newDir() });
    await expect(store.put('x'.repeat(201), 1)).rejects.toThrow('(201 characters)');
    await expect(store.put('x'.repeat(200), 1)).resolves.toEqual(expect.any(String));
  });

  it('loses nothing when a writer died leaving a half-written temp file', async () => {
    const dir = newDir();
    const eTag = await new FileStore({ dir }).put('meeting:1', { cases: 3 });
    const stray = join(dir, '.meeting%3A1.deadbeef0000.tmp');
    writeFileSync(stray, '{"eTag":"x","value":{"cas');
    const old = new Date(Date.now() - 60_000);
    utimesSync(stray, old, old);
    const fresh = join(dir, '.meeting%3A1.0123456789ab.tmp');
    writeFileSync(fresh, '{"eTag":"y"');

    const restarted = new FileStore({ dir, staleMs: 10_000 });
    expect(await restarted.get('meeting:1')).toEqual({ value: { cases: 3 }, eTag });
    expect(await restarted.list('')).toEqual(['meeting:1']);
    expect(existsSync(stray)).toBe(false); // old enough to be a crashed writer's: cleared on start
    expect(existsSync(fresh)).toBe(true); // may belong to a live writer in another process: left alone
    await restarted.put('meeting:1', { cases: 4 }, eTag);
    expect((await restarted.get('meeting:1'))?.value).toEqual({ cases: 4 });
  });

  it('waits for a lock held by a live writer elsewhere, and breaks it once stale', async () => {
    const dir = newDir();
    const store = new FileStore({ dir, staleMs: 400 });
    await store.put('k', 1);
    writeFileSync(join(dir, 'k.lock'), JSON.stringify({ pid: 1, host: 'another-host', token: 't' }));
    const started = Date.now();
    await store.put('k', 2);
    const waited = Date.now() - started;
    expect(waited).toBeGreaterThanOrEqual(350);
    expect(waited).toBeLessThan(5_000);
    expect((await store.get('k'))?.value).toBe(2);
    expect(readdirSync(dir)).toEqual(['k.json']);
  });

  it('rejects a stale write at once instead of queueing behind a held lock', async () => {
    const dir = newDir();
    const store = new FileStore({ dir, staleMs: 5_000 });
    const first = await store.put('k', 1);
    await store.put('k', 2, first);
    writeFileSync(join(dir, 'k.lock'), JSON.stringify({ pid: 1, host: 'another-host', token: 't' }));
    const started = Date.now();
    await expect(store.put('k', 3, first)).rejects.toBeInstanceOf(ConflictError);
    await expect(store.delete('k', first)).rejects.toBeInstanceOf(ConflictError);
    await expect(store.put('k', 3, CREATE_ONLY)).rejects.toBeInstanceOf(ConflictError);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect((await store.get('k'))?.value).toBe(2);
  });

  it('two instances meeting one stale lock at once both get past it, and exactly one create wins', async () => {
    const dir = newDir();
    const old = new Date(Date.now() - 60_000);
    writeFileSync(join(dir, 'k.lock'), JSON.stringify({ pid: 1, host: 'another-host', token: 't' }));
    utimesSync(join(dir, 'k.lock'), old, old);
    const [a, b] = [new FileStore({ dir, staleMs: 1_000 }), new FileStore({ dir, staleMs: 1_000 })];
    const results = await Promise.all([a.put('k', 'a', CREATE_ONLY).catch((e: unknown) => e), b.put('k', 'b', CREATE_ONLY).catch((e: unknown) => e)]);
    expect(results.filter((r) => r instanceof ConflictError)).toHaveLength(1);
    expect(['a', 'b']).toContain((await a.get('k'))?.value);
    expect(readdirSync(dir)).toEqual(['k.json']);
  });

  it('recovers from a breaker that crashed while breaking a stale lock', async () => {
    const dir = newDir();
    const old = new Date(Date.now() - 60_000);
    for (const file of ['k.lock', 'k.lock.break']) {
      writeFileSync(join(dir, file), '');
      utimesSync(join(dir, file), old, old);
    }
    await new FileStore({ dir, staleMs: 1_000 }).put('k', 1);
    expect(readdirSync(dir)).toEqual(['k.json']);
  });

  it('breaks at once a lock whose owner process on this host is gone', async () => {
    const dir = newDir();
    const dead = childScript.start(['none', dir, 'k']);
    await exited(dead);
    writeFileSync(join(dir, 'k.lock'), JSON.stringify({ pid: dead.pid, host: hostname(), token: 't' }));
    const store = new FileStore({ dir, staleMs: 60_000 });
    const started = Date.now();
    await store.put('k', 'after');
    expect(Date.now() - started).toBeLessThan(2_000);
    expect((await store.get('k'))?.value).toBe('after');
  });

  it('two processes racing conditional increments on one directory end exactly right', async () => {
    const dir = newDir();
    const perProcess = 100;
    const children = [0, 1].map(() => childScript.start(['increment', dir, 'counter', String(perProcess), '6']));
    const codes = await Promise.all(children.map(exited));
    for (const child of children) expect(child.output()).toBe('done\n');
    expect(codes).toEqual([0, 0]);
    expect((await new FileStore({ dir }).get<{ n: number }>('counter'))?.value.n).toBe(2 * perProcess);
    expect(readdirSync(dir)).toEqual(['counter.json']);
  }, 60_000);

  it('a writer killed mid-write never leaves a half-written value, and its lock does not block', async () => {
    const dir = newDir();
    for (let round = 0; round < 5; round++) {
      const child = childScript.start(['churn', dir, 'big']);
      const wroteOnce = await Promise.race([
        new Promise<boolean>((resolve) => child.stdout?.once('data', () => resolve(true))),
        exited(child).then(() => false),
      ]);
      expect(wroteOnce ? 'writing' : child.output()).toBe('writing');
      await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 60));
      child.kill('SIGKILL');
      await exited(child);
      const acknowledged = Math.max(...child.output().trim().split('\n').map(Number));

      const store = new FileStore({ dir, staleMs: 60_000 });
      const read = await store.get<ReturnType<typeof churnValue>>('big');
      expect(read).toBeDefined();
      expect(read!.value.seq).toBeGreaterThanOrEqual(acknowledged);
      expect(read!.value).toEqual(churnValue(read!.value.seq));
      expect(await store.list('')).toEqual(['big']);
      const started = Date.now();
      const eTag = await store.put('big', churnValue(read!.value.seq + 1), read!.eTag);
      expect(Date.now() - started).toBeLessThan(2_000); // a lock the killed writer held is broken at once
      expect((await store.get('big'))?.eTag).toBe(eTag);
    }
  }, 60_000);
});
