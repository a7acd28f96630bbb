/**
 * Model-based check: random sequences of operations run on the memory engine (the reference) and
 * on the file and blob engines must give the same outcome at every step. eTags differ between
 * engines, so a conditional write names "the n-th eTag this key was given" and each engine uses
 * its own n-th eTag.
 */
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { BlobStore } from '../../../bot/adapters/storage/blob-store';
import { FileStore } from '../../../bot/adapters/storage/file-store';
import { MemoryStore } from '../../../bot/adapters/storage/memory-store';
import { ConflictError, CREATE_ONLY, type IfMatch, type StateStore } from '../../../bot/domain/ports';
import { useAzurite } from '../../helpers/azurite';
import { tempDirs } from '../../helpers/temp-dir';

const azurite = useAzurite();
const newDir = tempDirs('equivalence');

type Condition = { kind: 'none' } | { kind: 'create' } | { kind: 'nth'; n: number };
type Op =
  | { t: 'put'; key: string; value: number; cond: Condition }
  | { t: 'delete'; key: string; cond: Condition }
  | { t: 'get'; key: string }
  | { t: 'list'; prefix: string };

const key = fc.constantFrom('a', 'A', 'a:1', 'a.b', 'b');
const cond: fc.Arbitrary<Condition> = fc.oneof(
  fc.constant({ kind: 'none' as const }),
  fc.constant({ kind: 'create' as const }),
  fc.nat(6).map((n) => ({ kind: 'nth' as const, n: -1 - n })), // -1: the latest eTag, -2: the one before…
);
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ t: fc.constant('put' as const), key, value: fc.integer(), cond }),
  fc.record({ t: fc.constant('delete' as const), key, cond }),
  fc.record({ t: fc.constant('get' as const), key }),
  fc.record({ t: fc.constant('list' as const), prefix: fc.constantFrom('', 'a', 'a:', 'A', 'c') }),
);

/** Runs one op on one engine; `history` holds every eTag that engine gave each key. */
async function apply(store: StateStore, history: Map<string, string[]>, o: Op): Promise<unknown> {
  const ifMatchFor = (k: string, c: Condition): IfMatch => {
    if (c.kind === 'none') return undefined;
    if (c.kind === 'create') return CREATE_ONLY;
    return history.get(k)?.at(c.n) ?? 'never-issued';
  };
  try {
    switch (o.t) {
      case 'put': {
        const eTag = await store.put(o.key, o.value, ifMatchFor(o.key, o.cond));
        history.set(o.key, [...(history.get(o.key) ?? []), eTag]);
        return 'ok';
      }
      case 'delete':
        await store.delete(o.key, ifMatchFor(o.key, o.cond));
        return 'ok';
      case 'get': {
        const got = await store.get<number>(o.key);
        // Same eTag position in history means the same version on every engine.
        return got && { value: got.value, version: history.get(o.key)?.indexOf(got.eTag) };
      }
      case 'list':
        return await store.list(o.prefix);
    }
  } catch (err) {
    if (err instanceof ConflictError) return 'conflict';
    throw err;
  }
}

describe('engine equivalence (model-based)', () => {
  it('file and blob engines behave exactly like the memory engine', async () => {
    await fc.assert(fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 25 }), async (ops) => {
      const engines: StateStore[] = [
        new MemoryStore(),
        new FileStore({ dir: newDir() }),
        new BlobStore({ connectionString: azurite.connectionString, container: `vuoro-eq-${randomBytes(6).toString('hex')}` }),
      ];
      const histories = engines.map(() => new Map<string, string[]>());
      for (const o of ops) {
        const [expected, ...actual] = await Promise.all(engines.map((e, i) => apply(e, histories[i], o)));
        for (const a of actual) expect(a).toEqual(expected);
      }
    }), { numRuns: 30 });
  }, 120_000);
});
