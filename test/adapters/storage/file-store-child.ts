/**
 * A second process for the file engine's cross-process tests (bundled by test/helpers/node-script).
 *   increment <dir> <key> <count> <concurrency>  optimistic increments, prints "done"
 *   churn <dir> <key>                             rewrites a large value forever, prints each seq
 */
import { FileStore } from '../../../bot/adapters/storage/file-store';
import { updateWithRetry } from '../../../bot/adapters/storage/update-with-retry';

/** The value churn writes for `seq`; its body makes a half-written file detectable. */
export function churnValue(seq: number): { seq: number; body: string } {
  return { seq, body: `${seq};`.repeat(40_000) };
}

async function main(): Promise<void> {
  const [mode, dir, key, ...rest] = process.argv.slice(2);
  const store = new FileStore({ dir });
  if (mode === 'increment') {
    const [count, concurrency] = rest.map(Number);
    await Promise.all(Array.from({ length: concurrency }, async (_, w) => {
      for (let i = w; i < count; i += concurrency) {
        await updateWithRetry<{ n: number }>(store, key, (cur) => ({ n: (cur?.n ?? 0) + 1 }), { attempts: 10_000, maxBackoffMs: 4 });
      }
    }));
    process.stdout.write('done\n');
  } else if (mode === 'churn') {
    for (let seq = 1; ; seq++) {
      await store.put(key, churnValue(seq));
      process.stdout.write(`${seq}\n`);
    }
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`${String(err)}\n`);
    process.exit(1);
  });
}
