import { MemoryStore } from '../../../bot/adapters/storage/memory-store';
import { describeStoreContract } from './store-contract';

describeStoreContract('memory', {
  persistent: false,
  async namespace() {
    const store = new MemoryStore();
    return { open: () => store };
  },
});
