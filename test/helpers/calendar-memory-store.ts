/**
 * The memory engine with two hooks the calendar tests need: force the next write to fail, and run
 * something just before a write lands (to simulate a race).
 */
import { MemoryStore } from '../../bot/adapters/storage/memory-store';
import type { IfMatch } from '../../bot/domain/ports';

/** MemoryStore plus `failNextPut`, `beforePut` and a count of successful puts. */
export class CalendarMemoryStore extends MemoryStore {
  puts = 0;
  failNextPut: Error | undefined;
  /** Called before each put is applied; a test may write in between to simulate a race. */
  beforePut: ((key: string) => Promise<void>) | undefined;

  override async put<T>(key: string, value: T, ifMatch?: IfMatch): Promise<string> {
    const hook = this.beforePut;
    this.beforePut = undefined;
    if (hook) await hook(key);
    if (this.failNextPut) {
      const e = this.failNextPut;
      this.failNextPut = undefined;
      throw e;
    }
    const eTag = await super.put(key, value, ifMatch);
    this.puts++;
    return eTag;
  }
}
