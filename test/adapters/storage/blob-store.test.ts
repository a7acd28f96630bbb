import { randomBytes } from 'node:crypto';
import { createServer, request, type Server } from 'node:http';
import { BlobServiceClient } from '@azure/storage-blob';
import nock from 'nock';
import { BlobStore } from '../../../bot/adapters/storage/blob-store';
import { updateWithRetry } from '../../../bot/adapters/storage/update-with-retry';
import { ConflictError, CREATE_ONLY } from '../../../bot/domain/ports';
import { azuriteConnectionString, useAzurite } from '../../helpers/azurite';
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

/**
 * A loopback proxy to Azurite that forwards every request, but when armed lets the next blob
 * upload reach Azurite (so it commits) and then cuts the connection instead of answering: the
 * "response lost" case after which the SDK retries.
 */
async function lossyProxy(targetPort: number): Promise<{ port: number; dropNextUpload(): void; dropped(): number; close(): Promise<void> }> {
  let armed = false;
  let dropped = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const upstream = request({ host: '127.0.0.1', port: targetPort, method: req.method, path: req.url, headers: req.headers }, (up) => {
        const upload = req.method === 'PUT' && !String(req.url).includes('restype=container');
        if (upload && armed) {
          armed = false;
          dropped++;
          up.resume();
          up.on('end', () => req.socket.destroy());
          return;
        }
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      });
      upstream.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    dropNextUpload: () => { armed = true; },
    dropped: () => dropped,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('BlobStore when a response is lost and the SDK retries', () => {
  let proxy: Awaited<ReturnType<typeof lossyProxy>>;
  let store: BlobStore;
  beforeAll(async () => {
    proxy = await lossyProxy(azurite.port);
    store = new BlobStore({ connectionString: azuriteConnectionString(proxy.port), container: freshContainer() });
  });
  afterAll(() => proxy.close());

  it('reports a create-only write that landed as won, not as a conflict', async () => {
    proxy.dropNextUpload();
    const eTag = await store.put('reminder:1:fired', { by: 'this-instance' }, CREATE_ONLY);
    expect(proxy.dropped()).toBe(1);
    expect(await store.get('reminder:1:fired')).toEqual({ value: { by: 'this-instance' }, eTag });
  });

  it('does not apply an optimistic update twice', async () => {
    await store.put('counter', { n: 0 });
    proxy.dropNextUpload();
    await updateWithRetry<{ n: number }>(store, 'counter', (cur) => ({ n: (cur?.n ?? 0) + 1 }));
    expect(proxy.dropped()).toBe(2);
    expect((await store.get<{ n: number }>('counter'))?.value.n).toBe(1);
  });

  it('still reports a real conflict when the write that is there is someone else\'s', async () => {
    await store.put('taken', { by: 'other' }, CREATE_ONLY);
    await expect(store.put('taken', { by: 'me' }, CREATE_ONLY)).rejects.toBeInstanceOf(ConflictError);
  });
});
