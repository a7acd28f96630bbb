/**
 * Storage benchmark: get/put throughput and latency of the embedded file store, compared in the
 * same run with named peers: a naive JSON file store (fs.writeFileSync, no temp file, no fsync, no
 * lock, so neither atomic nor durable) and the in-memory store. With AZURITE_BLOB_PORT set, the Blob
 * store on that Azurite is measured too. Needs `npx tsc -p tsconfig.build.json` first (dist/).
 * Bounded: each row runs for BENCH_MS (default 1000) ms, split into interleaved rounds, or 20,000
 * operations; loopback only.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const dist = path.join(__dirname, '..', '..', 'dist', 'bot', 'adapters', 'storage');
if (!fs.existsSync(path.join(dist, 'file-store.js'))) {
  console.error('storage.bench: dist/ is missing; build first with `npx tsc -p tsconfig.build.json`');
  process.exit(1);
}
const { FileStore } = require(path.join(dist, 'file-store.js'));
const { MemoryStore } = require(path.join(dist, 'memory-store.js'));
const { updateWithRetry } = require(path.join(dist, 'update-with-retry.js'));

const DURATION_MS = Number(process.env.BENCH_MS) || 1000;
const MAX_OPS = 20_000;
const ROUNDS = 4;
const KEYS = 50;

/** A meeting's intake state of about 2 KB: what Vuoro writes on every card answer. */
function intakeState(i) {
  const answers = {};
  for (let p = 0; p < 20; p++) answers[`29:user-${p}-aad-object-id-0000`] = { cases: (p + i) % 6, phenomena: p % 2, service: 'terveysasema' };
  return { meetingId: `meeting-${i}`, open: true, updatedAt: Date.now(), answers };
}

/** The peer: one JSON file per key, written in place. Fast, but a crash can leave half a file. */
class NaiveJsonFiles {
  constructor(dir) { this.dir = dir; fs.mkdirSync(dir, { recursive: true }); }
  async get(key) {
    try { return { value: JSON.parse(fs.readFileSync(path.join(this.dir, `${key}.json`), 'utf8')), eTag: '' }; } catch { return undefined; }
  }
  async put(key, value) { fs.writeFileSync(path.join(this.dir, `${key}.json`), JSON.stringify(value)); return ''; }
}

/** The same naive peer with non-blocking fs.promises calls, as the file store uses. */
class NaiveAsyncJsonFiles extends NaiveJsonFiles {
  async get(key) {
    try { return { value: JSON.parse(await fs.promises.readFile(path.join(this.dir, `${key}.json`), 'utf8')), eTag: '' }; } catch { return undefined; }
  }
  async put(key, value) { await fs.promises.writeFile(path.join(this.dir, `${key}.json`), JSON.stringify(value)); return ''; }
}

/** Runs `op` for `ms` (or until MAX_OPS overall), `concurrency` at a time, adding latencies to `acc`. */
async function measure(acc, ms, concurrency, op) {
  const started = process.hrtime.bigint();
  const deadline = started + BigInt(ms) * 1_000_000n;
  async function worker() {
    while (acc.latencies.length + acc.inFlight < MAX_OPS && process.hrtime.bigint() < deadline) {
      const i = acc.issued++;
      acc.inFlight++;
      const t0 = process.hrtime.bigint();
      await op(i);
      acc.inFlight--;
      acc.latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  acc.seconds += Number(process.hrtime.bigint() - started) / 1e9;
}

function summarise(acc) {
  const sorted = [...acc.latencies].sort((a, b) => a - b);
  const pct = (p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  return { ops: sorted.length, opsPerSec: sorted.length / acc.seconds, p50: pct(0.5), p99: pct(0.99) };
}

/** The operations measured on every engine; `conditional` ones need eTags (not the naive peers). */
function operations(store, keys, eTags) {
  const ops = [
    ['get', 1, (i) => store.get(keys[i % KEYS])],
    ['put', 1, (i) => store.put(keys[i % KEYS], intakeState(i))],
    ['put, 16 in flight (other keys)', 16, (i) => store.put(keys[i % KEYS], intakeState(i))],
  ];
  if (store instanceof NaiveJsonFiles) return ops;
  return ops.concat([
    ['put if eTag matches', 1, async (i) => {
      const key = keys[i % KEYS];
      eTags.set(key, await store.put(key, intakeState(i), eTags.get(key)));
    }],
    ['update one key, 8 racing (retry)', 8, () => updateWithRetry(store, 'hot', (cur) => ({ n: (cur ? cur.n : 0) + 1 }), { attempts: 1000 })],
  ]);
}

async function main() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'vuoro-bench-'));
  const engines = [
    ['file store (atomic, fsync, locked)', new FileStore({ dir: path.join(root, 'file') })],
    ['peer: fs.writeFileSync JSON (not atomic)', new NaiveJsonFiles(path.join(root, 'naive'))],
    ['peer: fs.promises JSON (not atomic)', new NaiveAsyncJsonFiles(path.join(root, 'naive-async'))],
    ['peer: memory store', new MemoryStore()],
  ];
  if (process.env.AZURITE_BLOB_PORT) {
    const { BlobStore } = require(path.join(dist, 'blob-store.js'));
    const port = process.env.AZURITE_BLOB_PORT;
    const key = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
    const cs = `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${key};BlobEndpoint=http://127.0.0.1:${port}/devstoreaccount1;`;
    engines.push(['blob store on Azurite (loopback)', new BlobStore({ connectionString: cs, container: `vuoro-bench-${Date.now()}` })]);
  }
  const keys = Array.from({ length: KEYS }, (_, i) => `meeting-${i}`);
  const rows = [];
  try {
    const plans = [];
    for (const [name, store] of engines) {
      for (const [i, key] of keys.entries()) await store.put(key, intakeState(i));
      const eTags = new Map();
      for (const [op, concurrency, fn] of operations(store, keys, eTags)) {
        plans.push({ name, op, concurrency, fn, store, eTags, acc: { latencies: [], issued: 0, inFlight: 0, seconds: 0 } });
      }
    }
    // Rounds alternate the engines, so background load on a shared machine hits them all alike.
    for (const op of [...new Set(plans.map((p) => p.op))]) {
      for (let round = 0; round < ROUNDS; round++) {
        for (const plan of plans.filter((p) => p.op === op)) {
          for (const key of keys) plan.eTags.set(key, (await plan.store.get(key)).eTag); // earlier rows rewrote them
          await measure(plan.acc, DURATION_MS / ROUNDS, plan.concurrency, plan.fn);
        }
      }
    }
    for (const plan of plans) rows.push({ name: plan.name, op: plan.op, ...summarise(plan.acc) });
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }

  const f = (n, d) => n.toFixed(d);
  console.log(`\n### Storage: file store vs peers (${os.cpus().length} CPUs, ${DURATION_MS} ms per row in ${ROUNDS} interleaved rounds, ~2 KB values)\n`);
  console.log('| engine | operation | ops/s | p50 ms | p99 ms | ops |');
  console.log('|---|---|---:|---:|---:|---:|');
  for (const r of rows) console.log(`| ${r.name} | ${r.op} | ${f(r.opsPerSec, 0)} | ${f(r.p50, 3)} | ${f(r.p99, 3)} | ${r.ops} |`);
  const pick = (name, op) => rows.find((r) => r.name.startsWith(name) && r.op === op);
  console.log('');
  for (const peerName of ['peer: fs.writeFileSync', 'peer: fs.promises']) {
    for (const op of ['get', 'put']) {
      const ours = pick('file store', op);
      const peer = pick(peerName, op);
      console.log(`- file store ${op}: ${f(ours.opsPerSec / peer.opsPerSec, 2)}x the ops/s of ${peerName.slice(6)} (p99 ${f(ours.p99, 2)} ms vs ${f(peer.p99, 2)} ms)`);
    }
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
