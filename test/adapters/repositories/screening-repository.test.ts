import { ScreeningRepository, FLUSH_AFTER_MS } from '../../../bot/adapters/repositories/screening-repository';
import { createStore } from '../../../bot/adapters/storage/create-store';
import { summarise, screen } from '../../../bot/domain/screening';
import { tempDirs } from '../../helpers/temp-dir';

const newDir = tempDirs('screening-repo');
const clean = summarise([]);

describe('screening counts in the file store', () => {
  it('batches clean messages into one later write and writes flagged ones at once', async () => {
    const store = createStore({ kind: 'file', dataDir: newDir(), blobConnectionString: '', blobAccountUrl: '', blobContainer: 'x' }, {});
    const repo = new ScreeningRepository(store);
    // The batch's timer starts with its first clean message, so time is measured from there.
    const started = Date.now();
    for (let i = 0; i < 50; i++) expect(await repo.record('m1', clean, 'clean')).toBeUndefined();
    expect(await store.get('screening:m1')).toBeUndefined();
    let stored: { counts: { screened: number } } | undefined;
    while (!stored && Date.now() - started < FLUSH_AFTER_MS + 5000) {
      await new Promise((r) => setTimeout(r, 50));
      stored = (await store.get<{ counts: { screened: number } }>('screening:m1'))?.value;
    }
    expect(Date.now() - started).toBeGreaterThanOrEqual(FLUSH_AFTER_MS - 100);
    expect(stored?.counts.screened).toBe(50);
    await repo.record('m1', clean, 'clean');
    const totals = await repo.record('m1', summarise(screen('131052-308T')), 'warned');
    expect(totals).toEqual(expect.objectContaining({ screened: 52, flagged: 1, warned: 1 }));
  });

  it('reads pending counts through any repository on the same store, and keeps shares per presenter', async () => {
    const store = createStore({ kind: 'file', dataDir: newDir(), blobConnectionString: '', blobAccountUrl: '', blobContainer: 'x' }, {});
    await new ScreeningRepository(store).record('m2', clean, 'clean');
    expect((await new ScreeningRepository(store).screeningCounts('m2')).screened).toBe(1);
    await new ScreeningRepository(store).record('m2', clean, 'clean', 'aad-1');
    expect(await new ScreeningRepository(store).sharedBy('m2', 'aad-1')).toBe(1);
    expect(await new ScreeningRepository(store).sharedBy('m2', 'aad-2')).toBe(0);
    expect(JSON.stringify((await store.get('screening:m2'))!.value)).toMatch(/^[^"]*("(counts|shared|screened|flagged|blocked|warned|stopped|byType|aad-1|personal_id|phone|email|iban|address|name|date_of_birth|record_number|vehicle_number|passport_number)"[^"]*)*$/);
  });

  it('writes batched counts at once when the server shuts down', async () => {
    const dir = newDir();
    const store = createStore({ kind: 'file', dataDir: dir, blobConnectionString: '', blobAccountUrl: '', blobContainer: 'x' }, {});
    for (let i = 0; i < 3; i++) await new ScreeningRepository(store).record('m3', clean, 'clean');
    await new ScreeningRepository(store).flush();
    const reopened = createStore({ kind: 'file', dataDir: dir, blobConnectionString: '', blobAccountUrl: '', blobContainer: 'x' }, {});
    expect((await reopened.get<{ counts: { screened: number } }>('screening:m3'))?.value.counts.screened).toBe(3);
  });
});
