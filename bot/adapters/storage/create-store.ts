import { resolve } from 'node:path';
import type { Config } from '../../config';
import type { StateStore } from '../../domain/ports';
import { BlobStore } from './blob-store';
import { FileStore } from './file-store';
import { MemoryStore } from './memory-store';

/** What createStore needs besides the storage section of Config. */
export interface CreateStoreOptions {
  /** Client id of the user-assigned managed identity (Config.managedIdentityClientId). */
  managedIdentityClientId?: string;
}

/**
 * Builds the engine Config selects. Nothing touches the disk or the network here; the engines
 * connect on first use, and `ping()` (used by /readyz) tells whether they can.
 */
export function createStore(storage: Config['storage'], options: CreateStoreOptions = {}): StateStore {
  switch (storage.kind) {
    case 'memory':
      return new MemoryStore();
    case 'blob':
      return new BlobStore({
        container: storage.blobContainer,
        connectionString: storage.blobConnectionString || undefined,
        accountUrl: storage.blobAccountUrl || undefined,
        managedIdentityClientId: options.managedIdentityClientId || undefined,
      });
    case 'file':
      return new FileStore({ dir: resolve(storage.dataDir) });
  }
}
