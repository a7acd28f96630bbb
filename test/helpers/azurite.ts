/**
 * Azurite (the Azure Storage emulator) for blob tests. Call useAzurite() at the top of a test
 * file: it starts `azurite-blob` in memory on a free loopback port in beforeAll and stops that
 * process, by its own pid, in afterAll. When AZURITE_BLOB_PORT is set (an Azurite that .ci/run
 * started), that one is used and nothing is spawned.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** The emulator's fixed development account and key (public, documented by Microsoft). */
const ACCOUNT = 'devstoreaccount1';
const KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

/** Connection string for the development account on `port`. */
export function azuriteConnectionString(port: number): string {
  return `DefaultEndpointsProtocol=http;AccountName=${ACCOUNT};AccountKey=${KEY};BlobEndpoint=http://127.0.0.1:${port}/${ACCOUNT};`;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** True once anything answers HTTP on the port (Azurite answers every path). */
function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path: `/${ACCOUNT}?comp=list`, timeout: 1000 }, (res) => {
      res.resume();
      resolve(true);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => req.destroy());
    req.end();
  });
}

async function waitUntilAnswering(port: number, child?: ChildProcess, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await answers(port)) return;
    if (child && child.exitCode !== null) throw new Error(`azurite-blob exited with ${child.exitCode}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Azurite did not answer on 127.0.0.1:${port} within ${timeoutMs} ms`);
}

/** How tests run Azurite: in memory, loopback only, no telemetry. .ci/run should use the same. */
export const AZURITE_ARGS = [
  '--silent', '--inMemoryPersistence', '--skipApiVersionCheck',
  '--disableTelemetry', // otherwise Azurite posts usage data to Application Insights over the internet
  '--extentMemoryLimit', '512', // MB; the default is half the machine's memory
  '--blobHost', '127.0.0.1',
];

function startAzurite(port: number): ChildProcess {
  const bin = realpathSync(join(__dirname, '..', '..', 'node_modules', '.bin', 'azurite-blob'));
  const args = [...AZURITE_ARGS, '--blobPort', String(port)];
  // Run the bin's script with this node directly, so the pid we hold is Azurite's own.
  return spawn(process.execPath, [bin, ...args], { stdio: 'ignore' });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  process.kill(child.pid, 'SIGTERM');
  const timer = setTimeout(() => child.pid !== undefined && child.exitCode === null && process.kill(child.pid, 'SIGKILL'), 5_000);
  await gone;
  clearTimeout(timer);
}

/** A running Azurite for the current test file; read `connectionString` inside tests. */
export interface AzuriteHandle {
  readonly port: number;
  readonly connectionString: string;
}

/** Registers beforeAll/afterAll that provide an Azurite; the handle is filled in beforeAll. */
export function useAzurite(): AzuriteHandle {
  const handle = { port: 0, connectionString: '' };
  let child: ChildProcess | undefined;
  beforeAll(async () => {
    const shared = Number(process.env.AZURITE_BLOB_PORT);
    if (shared > 0) {
      await waitUntilAnswering(shared);
      handle.port = shared;
    } else {
      // A free port can be taken between our probe and Azurite's bind: try again on another.
      for (let attempt = 1; !handle.port; attempt++) {
        const port = await freePort();
        child = startAzurite(port);
        try {
          await waitUntilAnswering(port, child);
          handle.port = port;
        } catch (err) {
          await stop(child);
          if (attempt >= 3) throw err;
        }
      }
    }
    handle.connectionString = azuriteConnectionString(handle.port);
  }, 60_000);
  afterAll(async () => {
    if (child) await stop(child);
  });
  return handle;
}
