import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import nock from 'nock';
import { BlobStore } from '../../../bot/adapters/storage/blob-store';
import { createStore } from '../../../bot/adapters/storage/create-store';
import { FileStore } from '../../../bot/adapters/storage/file-store';
import { MemoryStore } from '../../../bot/adapters/storage/memory-store';
import { loadConfig } from '../../../bot/config';
import { useAzurite } from '../../helpers/azurite';
import { tempDirs } from '../../helpers/temp-dir';

const azurite = useAzurite();
const newDir = tempDirs('create-store');

describe('createStore', () => {
  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it('uses the file engine under VUORO_DATA_DIR by default', async () => {
    const dir = newDir();
    const store = createStore(loadConfig({ VUORO_DATA_DIR: dir }).storage);
    expect(store).toBeInstanceOf(FileStore);
    await store.put('meeting:1', { cases: 1 });
    expect(existsSync(join(dir, 'meeting%3A1.json'))).toBe(true);
  });

  it('uses the memory engine when VUORO_STORAGE=memory', async () => {
    const store = createStore(loadConfig({ VUORO_STORAGE: 'memory' }).storage);
    expect(store).toBeInstanceOf(MemoryStore);
    await store.put('k', 1);
    expect((await store.get('k'))?.value).toBe(1);
  });

  it('uses Blob storage by connection string, in the configured container', async () => {
    const config = loadConfig({ VUORO_STORAGE: 'blob', AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString, VUORO_BLOB_CONTAINER: `vuoro-cs-${randomBytes(6).toString('hex')}` });
    const store = createStore(config.storage);
    expect(store).toBeInstanceOf(BlobStore);
    await store.ping();
    const eTag = await store.put('meeting:1', { cases: 2 });
    const again = createStore(config.storage);
    expect(await again.get('meeting:1')).toEqual({ value: { cases: 2 }, eTag });
  });

  it('uses the user-assigned managed identity for an account URL', async () => {
    const config = loadConfig({
      VUORO_STORAGE: 'blob', VUORO_BLOB_ACCOUNT_URL: 'https://vuorostate.blob.core.windows.net', AZURE_CLIENT_ID: 'mi-client-id',
    });
    nock.disableNetConnect(); // nothing may reach a real identity endpoint or storage account
    const tokenRequests: string[] = [];
    nock('http://169.254.169.254').persist()
      .get('/metadata/identity/oauth2/token').query(true)
      .reply(200, function reply() {
        tokenRequests.push(this.req.path);
        return { access_token: 'mi-token', expires_in: '3600', expires_on: String(Math.floor(Date.now() / 1000) + 3600), token_type: 'Bearer', resource: 'https://storage.azure.com' };
      });
    const authorizations: string[] = [];
    nock('https://vuorostate.blob.core.windows.net').persist()
      .put('/vuoro-state').query((q) => q.restype === 'container')
      .reply(function created() {
        authorizations.push(String(this.req.headers.authorization));
        return [201, '', { etag: '"0x1"' }];
      })
      .get('/vuoro-state').query((q) => q.restype === 'container')
      .reply(function props() {
        authorizations.push(String(this.req.headers.authorization));
        return [200, '', { etag: '"0x1"' }];
      });

    const store = createStore(config.storage, { managedIdentityClientId: config.managedIdentityClientId });
    await store.ping();
    expect(tokenRequests.some((path) => path.includes('client_id=mi-client-id'))).toBe(true);
    expect(authorizations).toEqual(['Bearer mi-token', 'Bearer mi-token']);
  });
});
