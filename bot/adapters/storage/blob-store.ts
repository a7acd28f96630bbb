import { randomUUID } from 'node:crypto';
import { DefaultAzureCredential, ManagedIdentityCredential, type TokenCredential } from '@azure/identity';
import { BlobServiceClient, type BlobRequestConditions, type ContainerClient, type StoragePipelineOptions } from '@azure/storage-blob';
import { ConflictError, type IfMatch, type StateStore, type Stored } from '../../domain/ports';
import { BLOB_SAFE, decodeKey, encodeKey } from './key-codec';
import { assertKey, preconditionOf, serialise } from './store-rules';

/** How to reach the container: a connection string, or an account URL and an Entra credential. */
export interface BlobStoreOptions {
  container: string;
  connectionString?: string;
  accountUrl?: string;
  /** Overrides the credential chosen for `accountUrl` (tests, custom identities). */
  credential?: TokenCredential;
  /** Client id of a user-assigned managed identity; without it DefaultAzureCredential is used. */
  managedIdentityClientId?: string;
  pipeline?: StoragePipelineOptions;
}

/** Connects to the container named in `options` (no network traffic until first use). */
export function containerClientFor(options: BlobStoreOptions): ContainerClient {
  // Small state blobs behind interactive card answers: retry soon and give up within seconds
  // (the SDK's defaults wait 4 s and more between tries, sized for large transfers).
  const pipeline: StoragePipelineOptions = {
    retryOptions: { maxTries: 3, retryDelayInMs: 200, maxRetryDelayInMs: 2_000, tryTimeoutInMs: 10_000 },
    ...options.pipeline,
  };
  let service: BlobServiceClient;
  if (options.connectionString) {
    service = BlobServiceClient.fromConnectionString(options.connectionString, pipeline);
  } else if (options.accountUrl) {
    const credential = options.credential
      ?? (options.managedIdentityClientId
        ? new ManagedIdentityCredential({ clientId: options.managedIdentityClientId })
        : new DefaultAzureCredential());
    service = new BlobServiceClient(options.accountUrl, credential, pipeline);
  } else {
    throw new Error('blob storage needs a connection string or an account URL');
  }
  return service.getContainerClient(options.container);
}

/** Blob metadata naming the put call that wrote the blob (a random id, nothing from the value). */
const WRITE_ID = 'vuorowrite';

function statusOf(err: unknown): number | undefined {
  return (err as { statusCode?: number } | undefined)?.statusCode;
}

function codeOf(err: unknown): string | undefined {
  return (err as { code?: string } | undefined)?.code;
}

/**
 * Azure Blob storage engine for several instances sharing state: one JSON blob per key in one
 * container (created on first use). Conditional writes use the service's own ETag conditions, so
 * the check and the write are one atomic step on the server.
 */
export class BlobStore implements StateStore {
  private readonly container: ContainerClient;
  private ready: Promise<void> | undefined;

  constructor(options: BlobStoreOptions | ContainerClient) {
    this.container = 'getBlockBlobClient' in options ? options : containerClientFor(options);
  }

  async get<T>(key: string): Promise<Stored<T> | undefined> {
    const blob = this.blobOf(key);
    await this.open();
    let text: string;
    let eTag: string;
    try {
      const response = await blob.download();
      eTag = response.etag ?? '';
      text = await readAll(response.readableStreamBody);
    } catch (err) {
      if (statusOf(err) === 404 && codeOf(err) !== 'ContainerNotFound') return undefined;
      throw this.translate(key, err, false);
    }
    try {
      return { value: JSON.parse(text) as T, eTag };
    } catch {
      throw new Error(`stored state for key ${key} is unreadable`);
    }
  }

  async put<T>(key: string, value: T, ifMatch?: IfMatch): Promise<string> {
    const blob = this.blobOf(key);
    const body = Buffer.from(serialise(key, value), 'utf8');
    const conditions = this.conditionsFor(key, ifMatch);
    const writeId = randomUUID();
    await this.open();
    try {
      const response = await blob.upload(body, body.length, {
        conditions,
        metadata: { [WRITE_ID]: writeId },
        blobHTTPHeaders: { blobContentType: 'application/json; charset=utf-8' },
      });
      return response.etag ?? '';
    } catch (err) {
      const translated = this.translate(key, err, conditions.ifMatch !== undefined);
      // The SDK retries after a lost response; if the first try had landed, the retry fails
      // its own precondition. The write id tells "our write is there" from "someone else's".
      if (translated instanceof ConflictError) {
        const landed = await blob.getProperties().catch(() => undefined);
        if (landed?.etag && landed.metadata?.[WRITE_ID] === writeId) return landed.etag;
      }
      throw translated;
    }
  }

  async delete(key: string, ifMatch?: IfMatch): Promise<void> {
    const blob = this.blobOf(key);
    const conditions = this.conditionsFor(key, ifMatch);
    await this.open();
    if (conditions.ifNoneMatch === '*') {
      // "Delete only if absent" deletes nothing; the service may ignore If-None-Match on delete.
      if (await blob.exists()) throw new ConflictError(key);
      return;
    }
    try {
      await blob.delete({ conditions });
    } catch (err) {
      const absent = statusOf(err) === 404 && codeOf(err) !== 'ContainerNotFound';
      if (absent && conditions.ifMatch === undefined) return;
      throw this.translate(key, err, conditions.ifMatch !== undefined);
    }
  }

  async list(prefix: string): Promise<string[]> {
    await this.open();
    const keys: string[] = [];
    for await (const item of this.container.listBlobsFlat({ prefix: encodeKey(prefix, BLOB_SAFE) })) {
      const key = decodeKey(item.name, BLOB_SAFE);
      if (key !== undefined && key.startsWith(prefix)) keys.push(key);
    }
    return keys.sort();
  }

  async ping(): Promise<void> {
    await this.open();
    await this.container.getProperties();
  }

  private blobOf(key: string) {
    assertKey(key);
    return this.container.getBlockBlobClient(encodeKey(key, BLOB_SAFE));
  }

  private open(): Promise<void> {
    this.ready ??= this.container.createIfNotExists().then(
      () => undefined,
      (err: unknown) => {
        // An identity with data rights on an existing container only (no right to create one)
        // gets 403 here; the container is there, so carry on and let real calls speak.
        if (statusOf(err) === 403) return;
        this.ready = undefined;
        throw err;
      },
    );
    return this.ready;
  }

  private conditionsFor(key: string, ifMatch: IfMatch): BlobRequestConditions {
    const pre = preconditionOf(ifMatch);
    if (pre.kind === 'create') return { ifNoneMatch: '*' };
    if (pre.kind === 'none') return {};
    // The port says a given eTag must equal the stored one; '*' or '' never can, and the
    // service would read them as "any" or "no condition".
    if (pre.eTag === '' || pre.eTag === '*') throw new ConflictError(key);
    return { ifMatch: pre.eTag };
  }

  /** 412/409 mean a precondition failed; 404 under If-Match means the value read is gone. */
  private translate(key: string, err: unknown, hadIfMatch: boolean): unknown {
    const status = statusOf(err);
    if (codeOf(err) === 'ContainerNotFound') {
      this.ready = undefined; // someone removed the container: create it again on the next call
      return err;
    }
    if (status === 412 || status === 409 || (status === 404 && hadIfMatch)) return new ConflictError(key);
    return err;
  }
}

async function readAll(stream: NodeJS.ReadableStream | undefined): Promise<string> {
  if (!stream) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}
