// A year of workshop reminders for a network of RECIPIENTS subscribers (one channel and the rest
// people), simulated on an injected clock that jumps to the next stored deadline. The durable engine
// (create-once marks, one job per delivery, eTag claims) on the in-memory engine and on the embedded
// file store, against a named peer: a naive loop that walks the plan and sends with no stored state
// (the floor: fastest possible, but it re-sends everything after a restart and twice with two
// instances). The sender is a stub that counts; the network part is measured by the jest tests.
// Usage: npx tsc -p tsconfig.build.json && node test/bench/reminders.bench.js  (BENCH_FILES=0 skips the
// file store, whose fsync per write makes it take a minute or two on a slow disk)
'use strict';
const path = require('node:path');
const os = require('node:os');
const fs = require('node:fs');
const { performance } = require('node:perf_hooks');

const RECIPIENTS = Number(process.env.BENCH_RECIPIENTS || 30);
// The plan is re-derived every SYNC_HOURS of simulated time (production: every 5 minutes of real time).
const SYNC_HOURS = Number(process.env.BENCH_SYNC_HOURS || 24);
const dist = path.join(__dirname, '..', '..', 'dist', 'bot');
const req = (p) => require(path.join(dist, p));
const { helsinkiToUtc } = req('domain/calendar/helsinki-time');
const { DEFAULT_SETTINGS, pendingReminders } = req('domain/reminders');
const { MemoryStore } = req('adapters/storage/memory-store');
const { FileStore } = req('adapters/storage/file-store');
const { DurableScheduler } = req('adapters/scheduler/durable-scheduler');
const { StoreCalendarService } = req('adapters/calendar/store-calendar-service');
const { loadDemoCycles } = req('adapters/calendar/demo-cycles-loader');
const { ReminderRepository, channelKey, personKey } = req('adapters/reminders/reminder-repository');
const { ReminderService } = req('adapters/reminders/reminder-service');

const START = helsinkiToUtc('2026-08-01', '09:00');
const END = helsinkiToUtc('2027-08-01', '00:00');
const silent = { info() {}, warn() {}, error() {}, debug() {} };

class CountingStore {
  constructor(inner) { this.inner = inner; this.ops = 0; }
  get(k) { this.ops++; return this.inner.get(k); }
  put(k, v, m) { this.ops++; return this.inner.put(k, v, m); }
  delete(k, m) { this.ops++; return this.inner.delete(k, m); }
  list(p) { this.ops++; return this.inner.list(p); }
  ping() { return this.inner.ping(); }
}

function subscriptions() {
  const out = [{ key: channelKey('19:bench@thread.tacv2'), kind: 'channel', reference: { serviceUrl: 'https://x/', channelId: 'msteams', conversationId: '19:bench@thread.tacv2', botId: '28:b' }, lang: 'fi', via: 'install', since: START }];
  for (let i = 1; i < RECIPIENTS; i++) {
    const oid = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    out.push({ key: personKey(oid), kind: 'person', userId: oid, reference: { serviceUrl: 'https://x/', channelId: 'msteams', conversationId: `a:${i}`, botId: '28:b' }, lang: 'fi', via: 'command', since: START });
  }
  return out;
}

async function durable(name, inner) {
  const store = new CountingStore(inner);
  const clock = { t: START, now() { return this.t; } };
  const sent = new Map();
  const sender = { send: async (ref, activity) => { const k = `${ref.conversationId}|${JSON.stringify(activity.attachments[0].content.body[0])}|${clock.t}`; sent.set(k, (sent.get(k) || 0) + 1); return { ok: true }; } };
  const repo = new ReminderRepository(store);
  for (const s of subscriptions()) await repo.saveSubscription(s);
  const scheduler = new DurableScheduler({ store, clock, pollIntervalMs: 1e9, concurrency: 32 });
  const calendar = new StoreCalendarService(store, clock, { seed: loadDemoCycles });
  const service = new ReminderService({ repo, scheduler, calendar, sender, clock, log: silent, publicBaseUrl: 'https://vuoro.example.fi', syncIntervalMs: SYNC_HOURS * 3_600_000 });
  service.register();
  await scheduler.start();
  await service.kick();
  store.ops = 0;
  const t0 = performance.now();
  let jumps = 0;
  for (;;) {
    await scheduler.tick();
    let next;
    for (const key of await inner.list('job:')) { const j = (await inner.get(key)).value; if (next === undefined || j.dueAt < next) next = j.dueAt; }
    if (next === undefined || next > END) break;
    clock.t = Math.max(next, clock.t + 1000);
    jumps++;
  }
  const ms = performance.now() - t0;
  await scheduler.stop();
  const sends = [...sent.values()].reduce((a, b) => a + b, 0);
  const twice = [...sent.values()].filter((n) => n > 1).length;
  return { name, ms, sends, twice, ops: store.ops, jumps };
}

async function naive() {
  const cycles = loadDemoCycles();
  const workshops = cycles.flatMap((c) => c.workshops);
  const subs = subscriptions();
  let sends = 0;
  const t0 = performance.now();
  for (const r of pendingReminders(workshops, DEFAULT_SETTINGS, START).filter((r) => r.dueAt <= END)) {
    for (const s of subs) { JSON.stringify({ r: r.id, to: s.key }); sends++; await Promise.resolve(); }
  }
  return { name: 'peer: naive loop, nothing stored', ms: performance.now() - t0, sends, twice: 0, ops: 0, jumps: 0 };
}

(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vuoro-bench-reminders-'));
  try {
    const rows = [await naive(), await durable('durable engine, MemoryStore', new MemoryStore())];
    if (process.env.BENCH_FILES !== '0') rows.push(await durable('durable engine, FileStore (embedded default)', new FileStore({ dir })));
    console.log(`\n### A year of workshop reminders, ${RECIPIENTS} recipients, plan re-derived every ${SYNC_HOURS} h (Node ${process.version}, ${os.cpus().length} CPUs)\n`);
    console.log('| variant | wall ms | messages | sent twice | store ops | store ops / message | ms / message |');
    console.log('|---|---:|---:|---:|---:|---:|---:|');
    for (const r of rows) {
      console.log(`| ${r.name} | ${r.ms.toFixed(0)} | ${r.sends} | ${r.twice} | ${r.ops} | ${r.sends ? (r.ops / r.sends).toFixed(1) : '-'} | ${r.sends ? (r.ms / r.sends).toFixed(3) : '-'} |`);
    }
    const [peer, mem, file] = rows;
    console.log(`\nThe durable engine sends what the peer sends (${mem.sends} vs ${peer.sends}; the peer keeps no state, so a restart re-sends and two instances double) at ${(mem.ms / mem.sends).toFixed(2)} ms per message on memory${file ? ` and ${(file.ms / file.sends).toFixed(2)} ms on files (fsync per write): a year's work in ${(file.ms / 1000).toFixed(1)} s` : ''}.`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
})().catch((e) => { console.error(e); process.exit(1); });
