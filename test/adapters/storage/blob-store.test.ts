import { randomBytes } from 'node:crypto';
import { BlobServiceClient } from '@azure/storage-blob';
import nock from 'nock';
import { BlobStore } from '../../../bot/adapters/storage/blob-store';
import { useAzurite } from '../../helpers/azurite';
import { describeStoreContract } from './store-contract';

const azurite = useAzurite();

/** A container name no other test (or earlier run on a shared Azurite) uses. */
function freshContainer(): string {
  return `vuoro-test-${randomBytes(6).toString('hex')}`;
}

describeStoreContract('Azure Blob (Azurite)', {
  persistent: true,
  async namespace() {
    const container = freshContainer();
    return { open: () => new BlobStore({ connectionString: azurite.connectionString, container }) };
  },
});

describe('BlobStore on Azurite', () => {
  it('creates its container on first use and keeps one JSON blob per key', async () => {
    const container = freshContainer();
    const store = new BlobStore({ connectionString: azurite.connectionString, container });
    await store.put('meeting:1/a.b', { cases: 2 });
    const client = BlobServiceClient.fromConnectionString(azurite.connectionString).getContainerClient(container);
    expect(await client.exists()).toBe(true);
    const names: string[] = [];
    for await (const blob of client.listBlobsFlat()) names.push(blob.name);
    expect(names).toEqual(['meeting:1%2Fa%2Eb']);
    const props = await client.getBlobClient(names[0]).getProperties();
    expect(props.contentType).toMatch(/^application\/json/);
  });

  it('recreates the container if someone deletes it while running', async () => {
    const container = freshContainer();
    const store = new BlobStore({ connectionString: azurite.connectionString, container });
    await store.put('k', 1);
    await BlobServiceClient.fromConnectionString(azurite.connectionString).getContainerClient(container).delete();
    await expect(store.get('k')).rejects.toMatchObject({ statusCode: 404 });
    expect(await store.get('k')).toBeUndefined();
    await store.put('k', 2);
    expect((await store.get('k'))?.value).toBe(2);
  });

  it('fails ping within seconds when the service cannot be reached, so /readyz answers', async () => {
    const store = new BlobStore({
      connectionString: azurite.connectionString.replace(`:${azurite.port}/`, ':9/'),
      container: freshContainer(),
    });
    const started = Date.now();
    await expect(store.ping()).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe('BlobStore with an identity that may use but not create the container', () => {
  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it('carries on when creating the container is forbidden', async () => {
    nock.disableNetConnect();
    const account = nock('https://vuorostate.blob.core.windows.net')
      .put('/vuoro-state').query((q) => q.restype === 'container')
      .reply(403, '<?xml version="1.0"?><Error><Code>AuthorizationPermissionMismatch</Code></Error>', { 'x-ms-error-code': 'AuthorizationPermissionMismatch' })
      .put('/vuoro-state/meeting%3A1').query(true).reply(201, '', { etag: '"0x2"' });
    const credential = { getToken: async () => ({ token: 'data-only', expiresOnTimestamp: Date.now() + 3_600_000 }) };
    const store = new BlobStore({ accountUrl: 'https://vuorostate.blob.core.windows.net', container: 'vuoro-state', credential });
    await expect(store.put('meeting:1', { cases: 1 })).resolves.toBe('"0x2"');
    expect(account.isDone()).toBe(true);
  });
});
