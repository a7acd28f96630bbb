/**
 * The one storage contract every engine must keep. Each engine's test file calls
 * describeStoreContract with a harness; a behaviour belongs here unless it is engine-specific.
 */
import { ConflictError, CREATE_ONLY, type StateStore } from '../../../bot/domain/ports';
import { updateWithRetry } from '../../../bot/adapters/storage/update-with-retry';

/** Gives each test an empty namespace (directory, container) that more store instances can open. */
export interface StoreHarness {
  /** A fresh, empty namespace; `open()` returns a new store instance on it each time. */
  namespace(): Promise<{ open(): StateStore }>;
  /** True when a new instance on the same namespace sees earlier writes (a "restart"). */
  persistent: boolean;
}

/** Registers the shared contract tests for one engine. */
export function describeStoreContract(engine: string, harness: StoreHarness): void {
  describe(`StateStore contract: ${engine}`, () => {
    let store: StateStore;
    let ns: { open(): StateStore };

    beforeEach(async () => {
      ns = await harness.namespace();
      store = ns.open();
    });

    it('answers ping when reachable', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });

    it('returns undefined for a key never written', async () => {
      expect(await store.get('meeting:none')).toBeUndefined();
    });

    it('round-trips a value with the eTag put returned, as a copy', async () => {
      const value = { cases: 3, services: ['psykiatria', 'Kela'], nested: { ok: true, none: null } };
      const eTag = await store.put('meeting:1', value);
      expect(typeof eTag).toBe('string');
      expect(eTag.length).toBeGreaterThan(0);
      const read = await store.get<typeof value>('meeting:1');
      expect(read).toEqual({ value, eTag });
      value.cases = 99;
      expect((await store.get<typeof value>('meeting:1'))?.value.cases).toBe(3);
    });

    it('gives a new eTag on every write, even of the same value', async () => {
      const seen = new Set<string>();
      for (let i = 0; i < 5; i++) seen.add(await store.put('k', { same: true }));
      expect(seen.size).toBe(5);
      expect(seen.has((await store.get('k'))!.eTag)).toBe(true);
    });

    it('writes when the eTag presented is the current one', async () => {
      const first = await store.put('k', 1);
      const second = await store.put('k', 2, first);
      expect(await store.get('k')).toEqual({ value: 2, eTag: second });
    });

    it('rejects a stale eTag with ConflictError and keeps the newer value', async () => {
      const first = await store.put('k', 'a');
      const second = await store.put('k', 'b', first);
      const stale = store.put('k', 'c', first);
      await expect(stale).rejects.toBeInstanceOf(ConflictError);
      await expect(stale).rejects.toMatchObject({ key: 'k' });
      expect(await store.get('k')).toEqual({ value: 'b', eTag: second });
    });

    it('rejects an eTag write to a key that does not exist', async () => {
      const eTag = await store.put('k', 1);
      await store.delete('k');
      await expect(store.put('k', 2, eTag)).rejects.toBeInstanceOf(ConflictError);
      expect(await store.get('k')).toBeUndefined();
    });

    it('treats "*" and "" as eTags that never match', async () => {
      await store.put('k', 1);
      await expect(store.put('k', 2, '*')).rejects.toBeInstanceOf(ConflictError);
      await expect(store.put('k', 2, '')).rejects.toBeInstanceOf(ConflictError);
      expect((await store.get('k'))?.value).toBe(1);
    });

    it('creates with CREATE_ONLY once, then refuses to overwrite', async () => {
      const eTag = await store.put('k', { first: true }, CREATE_ONLY);
      await expect(store.put('k', { first: false }, CREATE_ONLY)).rejects.toBeInstanceOf(ConflictError);
      expect(await store.get('k')).toEqual({ value: { first: true }, eTag });
    });

    it('lets exactly one of many racing CREATE_ONLY writes win', async () => {
      const results = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => store.put('once', i, CREATE_ONLY)));
      const won = results.filter((r) => r.status === 'fulfilled');
      expect(won).toHaveLength(1);
      for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(ConflictError);
      expect((await store.get('once'))?.eTag).toBe((won[0] as PromiseFulfilledResult<string>).value);
    });

    it('deletes unconditionally, and deleting a missing key is no error', async () => {
      await store.put('k', 1);
      await store.delete('k');
      expect(await store.get('k')).toBeUndefined();
      await expect(store.delete('k')).resolves.toBeUndefined();
      expect(await store.list('')).toEqual([]);
    });

    it('deletes with the current eTag and refuses a stale one', async () => {
      const first = await store.put('k', 1);
      const second = await store.put('k', 2);
      await expect(store.delete('k', first)).rejects.toBeInstanceOf(ConflictError);
      expect((await store.get('k'))?.value).toBe(2);
      await store.delete('k', second);
      expect(await store.get('k')).toBeUndefined();
      await expect(store.delete('k', second)).rejects.toBeInstanceOf(ConflictError);
    });

    it('deletes with CREATE_ONLY only when the key is absent', async () => {
      await store.put('k', 1);
      await expect(store.delete('k', CREATE_ONLY)).rejects.toBeInstanceOf(ConflictError);
      expect((await store.get('k'))?.value).toBe(1);
      await expect(store.delete('absent', CREATE_ONLY)).resolves.toBeUndefined();
    });

    it('lists keys by prefix, sorted, including keys with dots, slashes, colons and capitals', async () => {
      const keys = ['meeting:b', 'meeting:a', 'meetings', 'Meeting:c', 'meeting:a/1', 'meeting:a.2', 'other', 'meeting:%41'];
      for (const key of keys) await store.put(key, key.length);
      expect(await store.list('meeting:')).toEqual(['meeting:%41', 'meeting:a', 'meeting:a.2', 'meeting:a/1', 'meeting:b']);
      expect(await store.list('meeting')).toEqual(['meeting:%41', 'meeting:a', 'meeting:a.2', 'meeting:a/1', 'meeting:b', 'meetings']);
      expect(await store.list('')).toEqual([...keys].sort());
      expect(await store.list('nothing')).toEqual([]);
      for (const key of keys) expect((await store.get(key))?.value).toBe(key.length);
    });

    it('keeps keys that differ only in case apart', async () => {
      await store.put('case:A', 'upper');
      await store.put('case:a', 'lower');
      expect((await store.get('case:A'))?.value).toBe('upper');
      expect((await store.get('case:a'))?.value).toBe('lower');
      expect(await store.list('case:')).toEqual(['case:A', 'case:a']);
    });

    it('stores unicode text exactly', async () => {
      const value = {
        fi: 'Hyvinvointikeskus – äiti, öljy, Åland',
        sv: 'Välfärdsområde: Ärende, Öppen',
        emoji: '👩‍⚕️🧑🏽‍🤝‍🧑🏻',
        mixed: '漢字 русский العربية \u2028\u2029 \u0000 tab\t "quote" \\',
        lone: '\ud800',
      };
      await store.put('unicode', value);
      expect((await store.get<typeof value>('unicode'))?.value).toEqual(value);
    });

    it('stores a 1 MB value intact', async () => {
      const chunk = 'äbc-123-ÖÅ-'.repeat(10);
      const value = { items: Array.from({ length: 1_000_000 / chunk.length }, (_, i) => `${i}:${chunk}`) };
      expect(JSON.stringify(value).length).toBeGreaterThan(1_000_000);
      const eTag = await store.put('big', value);
      const read = await store.get<typeof value>('big');
      expect(read?.eTag).toBe(eTag);
      expect(read?.value.items).toHaveLength(value.items.length);
      expect(read?.value).toEqual(value);
    });

    it('rejects non-JSON values and malformed keys, storing nothing', async () => {
      await expect(store.put('k', undefined)).rejects.toThrow(TypeError);
      expect(await store.get('k')).toBeUndefined();
      await expect(store.put('', 1)).rejects.toThrow(TypeError);
      await expect(store.put('half-\ud800', 1)).rejects.toThrow(TypeError);
      expect(await store.list('')).toEqual([]);
    });

    it('ends many concurrent optimistic increments on one key with the exact count', async () => {
      const workers = 8;
      const each = 6;
      await Promise.all(Array.from({ length: workers }, async () => {
        for (let i = 0; i < each; i++) {
          await updateWithRetry<{ n: number }>(store, 'counter', (cur) => ({ n: (cur?.n ?? 0) + 1 }), { attempts: 500, maxBackoffMs: 5 });
        }
      }));
      expect((await store.get<{ n: number }>('counter'))?.value.n).toBe(workers * each);
    }, 60_000);

    if (harness.persistent) {
      it('two instances on one namespace (two app instances) race increments and end exactly right', async () => {
        const instances = [store, ns.open()];
        const each = 15;
        await Promise.all(instances.flatMap((instance) => [0, 1].map(async () => {
          for (let i = 0; i < each; i++) {
            await updateWithRetry<{ n: number }>(instance, 'shared', (cur) => ({ n: (cur?.n ?? 0) + 1 }), { attempts: 500 });
          }
        })));
        expect((await ns.open().get<{ n: number }>('shared'))?.value.n).toBe(instances.length * 2 * each);
      }, 60_000);

      it('lets one of two instances claim a one-time job, however they race', async () => {
        const other = ns.open();
        for (let round = 0; round < 10; round++) {
          const key = `reminder:${round}:fired`;
          const outcomes = await Promise.allSettled([store.put(key, { by: 'a' }, CREATE_ONLY), other.put(key, { by: 'b' }, CREATE_ONLY)]);
          expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        }
        expect(await other.list('reminder:')).toHaveLength(10);
      });

      it('keeps everything across a restart (a new instance on the same namespace)', async () => {
        const eTag = await store.put('meeting:1', { cases: 4 });
        await store.put('meeting:2', { cases: 1 });
        await store.delete('meeting:2');
        const restarted = ns.open();
        expect(await restarted.get('meeting:1')).toEqual({ value: { cases: 4 }, eTag });
        expect(await restarted.list('meeting:')).toEqual(['meeting:1']);
        await expect(restarted.put('meeting:1', { cases: 5 }, 'stale')).rejects.toBeInstanceOf(ConflictError);
        await restarted.put('meeting:1', { cases: 5 }, eTag);
        expect((await store.get('meeting:1'))?.value).toEqual({ cases: 5 });
      });
    }
  });
}
