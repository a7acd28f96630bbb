// Turn-order timers for 300 simultaneous meetings: the durable scheduler (stored due times, eTag
// claims, one poll loop) against a named peer, naive one-setTimeout-per-meeting timers that keep the
// rounds in memory (fast, but lost on restart and fired twice by two instances).
//
// The meeting clock runs SPEEDUP times faster than real time (default 240x: a 60-minute meeting in
// 15 s), so each real second carries SPEEDUP times the timer traffic of a real meeting. Lag is
// measured in real milliseconds: (firedAt - dueAt) on the meeting clock / SPEEDUP.
// Each variant runs in its own child process so resident memory is its own.
// Usage: npx tsc -p tsconfig.build.json && node test/bench/turn-order.bench.js
'use strict';
const { fork } = require('node:child_process');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { setImmediate, setInterval, clearInterval } = require('node:timers');

const MEETINGS = Number(process.env.BENCH_MEETINGS || 300);
const SPEEDUP = Number(process.env.BENCH_SPEEDUP || 240);
const MINUTE = 60_000;

function mulberry32(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A store like a real engine: JSON copies, eTags, and an event-loop turn per call. */
class BenchStore {
  constructor(ConflictError) {
    this.data = new Map();
    this.n = 0;
    this.ConflictError = ConflictError;
  }
  async get(key) {
    await new Promise(setImmediate);
    const e = this.data.get(key);
    return e ? { value: JSON.parse(e.json), eTag: e.eTag } : undefined;
  }
  async put(key, value, ifMatch) {
    await new Promise(setImmediate);
    this.check(key, ifMatch);
    const eTag = `e${++this.n}`;
    this.data.set(key, { json: JSON.stringify(value), eTag });
    return eTag;
  }
  async delete(key, ifMatch) {
    await new Promise(setImmediate);
    if (!this.data.has(key)) return;
    this.check(key, ifMatch);
    this.data.delete(key);
  }
  async list(prefix) {
    await new Promise(setImmediate);
    return [...this.data.keys()].filter((k) => k.startsWith(prefix)).sort();
  }
  async ping() {}
  check(key, ifMatch) {
    if (ifMatch === undefined) return;
    const e = this.data.get(key);
    if (ifMatch === '*new' ? e : e?.eTag !== ifMatch) throw new this.ConflictError(key);
  }
}

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function runVariant(variant) {
  const dist = path.join(__dirname, '..', '..', 'dist', 'bot');
  const intake = require(path.join(dist, 'domain', 'intake'));
  const turns = require(path.join(dist, 'domain', 'turn-order'));
  const { ConflictError } = require(path.join(dist, 'domain', 'ports'));
  const { DurableScheduler } = require(path.join(dist, 'adapters', 'scheduler', 'durable-scheduler'));

  const realStart = performance.now();
  const meetingClockStart = Date.UTC(2026, 2, 2, 8, 0);
  const clock = { now: () => meetingClockStart + (performance.now() - realStart) * SPEEDUP };
  const rand = mulberry32(42);
  const settings = intake.defaultSettings(60);

  // Random intakes: 2-7 presenters with 1-3 cases, sometimes a topic (some meetings are over-full).
  const meetings = [];
  for (let m = 0; m < MEETINGS; m += 1) {
    let state = intake.openIntake(`m${m}`, 0);
    const people = 2 + Math.floor(rand() * 6);
    for (let p = 0; p < people; p += 1) {
      const r = intake.recordAnswer(state, `u${p}`, { cases: 1 + Math.floor(rand() * 3), topics: rand() < 0.2 ? 1 : 0, service: intake.SERVICES[p % 11] }, p);
      state = r.state;
    }
    meetings.push({ id: `m${m}`, intake: intake.closeIntake(state, 1), startOffset: rand() * 10 * MINUTE, earlyFactors: Array.from({ length: 40 }, () => (rand() < 0.35 ? 0.4 + rand() * 0.5 : 1)) });
  }

  const turnLags = [];
  const updateLags = [];
  let posts = 0;
  let duplicateTurnChanges = 0;
  let roundsEnded = 0;
  const seenVersions = new Set();
  let peakRss = 0;
  const rssTimer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200);
  const lagMs = (dueAt) => (clock.now() - dueAt) / SPEEDUP;

  /** When this turn changes: at its deadline, or earlier for a presenter who finishes early. */
  const turnChangeAt = (meeting, round) => {
    const turn = round.turns[round.current];
    const factor = meeting.earlyFactors[round.version % meeting.earlyFactors.length];
    return turn.startedAt + Math.round(turn.slotMs * factor);
  };

  /** The domain step the scheduler fires: the turn changes, then the card is updated by cadence. */
  const changeTurn = (meeting, round, dueAt) => {
    turnLags.push(lagMs(dueAt));
    const now = clock.now();
    const next = turns.next(round, now);
    if ('error' in next) return round;
    // The chair defers presenters who no longer fit at all, as the status card suggests.
    let after = next.round;
    for (const d of turns.view(after, now).doesNotFit) {
      const turn = after.turns.find((t) => t.userId === d.userId);
      if (d.cases + d.topics === turn.cases + turn.topics) after = turns.defer(after, now, d.userId).round;
    }
    return after;
  };
  /** Counted once the new round is stored, so a lost write that is retried is not a duplicate. */
  const committed = (meeting, before, after) => {
    const tag = `${meeting.id}:${before.version}`;
    if (seenVersions.has(tag)) duplicateTurnChanges += 1;
    seenVersions.add(tag);
    if (after.phase === 'ended') roundsEnded += 1;
  };
  const postCard = (round, dueAt) => {
    updateLags.push(lagMs(dueAt));
    JSON.stringify(turns.view(round, clock.now())); // what the card renderer would consume
    posts += 1;
  };

  let instances = [];
  if (variant.startsWith('durable')) {
    const store = new BenchStore(ConflictError);
    const count = variant === 'durable-2' ? 2 : 1;
    const byId = new Map(meetings.map((m) => [m.id, m]));
    // The round and the card's last post time live under separate keys, so a card update never
    // races a turn change for the same record.
    const lastPost = async (id) => (await store.get(`card:${id}`))?.value;
    const planJobs = async (s, meeting, round) => {
      if (round.phase === 'ended') return;
      const lastPostedAt = await lastPost(meeting.id);
      const updateAt = turns.nextUpdateAt(round, clock.now(), lastPostedAt);
      if (updateAt !== undefined) await s.schedule('card', meeting.id, updateAt, {});
      if (round.phase === 'running') await s.schedule('turn', meeting.id, turnChangeAt(meeting, round), { version: round.version });
    };
    for (let i = 0; i < count; i += 1) {
      const s = new DurableScheduler({ store, clock, instanceId: `i${i}`, pollIntervalMs: 250, concurrency: 64 });
      s.register('turn', async (job) => {
        const meeting = byId.get(job.id);
        const stored = await store.get(`round:${job.id}`);
        if (!stored || stored.value.version !== job.payload.version) return; // stale: the round moved on
        const round = changeTurn(meeting, stored.value, job.dueAt);
        await store.put(`round:${job.id}`, round, stored.eTag);
        committed(meeting, stored.value, round);
        await planJobs(s, meeting, round);
      });
      s.register('card', async (job) => {
        const stored = await store.get(`round:${job.id}`);
        if (!stored) return;
        postCard(stored.value, job.dueAt);
        const lastPostedAt = clock.now();
        await store.put(`card:${job.id}`, lastPostedAt);
        const at = turns.nextUpdateAt(stored.value, clock.now(), lastPostedAt);
        if (at !== undefined && stored.value.phase !== 'ended') await s.schedule('card', job.id, at, {});
      });
      s.register('start', async (job) => {
        const meeting = byId.get(job.id);
        const r = turns.startRound(meeting.intake, settings, meetingClockStart + meeting.startOffset, clock.now(), 'chair');
        await store.put(`round:${job.id}`, r.round, '*new');
        await planJobs(s, meeting, r.round);
      });
      instances.push(s);
    }
    for (const m of meetings) await instances[0].schedule('start', m.id, meetingClockStart + m.startOffset + settings.openingMinutes * MINUTE, {});
    await Promise.all(instances.map((s) => s.start()));
  } else {
    // Peer: one setTimeout per meeting for the turn change and one for the card, rounds in memory.
    const rounds = new Map();
    const lastPosts = new Map();
    const timers = new Map();
    const arm = (name, dueAt, fn) => {
      clearTimeout(timers.get(name));
      timers.set(name, setTimeout(fn, Math.max(0, (dueAt - clock.now()) / SPEEDUP)));
    };
    const plan = (meeting) => {
      const round = rounds.get(meeting.id);
      if (round.phase === 'ended') return;
      const updateAt = turns.nextUpdateAt(round, clock.now(), lastPosts.get(meeting.id));
      if (updateAt !== undefined) {
        arm(`card:${meeting.id}`, updateAt, () => {
          postCard(rounds.get(meeting.id), updateAt);
          lastPosts.set(meeting.id, clock.now());
          plan(meeting);
        });
      }
      if (round.phase === 'running') {
        const due = turnChangeAt(meeting, round);
        arm(`turn:${meeting.id}`, due, () => {
          const before = rounds.get(meeting.id);
          const after = changeTurn(meeting, before, due);
          rounds.set(meeting.id, after);
          committed(meeting, before, after);
          plan(meeting);
        });
      }
    };
    for (const m of meetings) {
      const startAt = meetingClockStart + m.startOffset + settings.openingMinutes * MINUTE;
      setTimeout(() => {
        rounds.set(m.id, turns.startRound(m.intake, settings, meetingClockStart + m.startOffset, clock.now(), 'chair').round);
        plan(m);
      }, (startAt - clock.now()) / SPEEDUP);
    }
  }

  const hardStop = performance.now() + 60_000;
  while (roundsEnded < MEETINGS && performance.now() < hardStop) await new Promise((r) => setTimeout(r, 100));
  const allEndedAtMin = (clock.now() - meetingClockStart) / MINUTE;
  await Promise.all(instances.map((s) => s.stop()));
  clearInterval(rssTimer);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const t = turnLags.sort((a, b) => a - b);
  const u = updateLags.sort((a, b) => a - b);
  return {
    variant,
    turnChanges: t.length,
    p50: percentile(t, 50),
    p99: percentile(t, 99),
    max: t[t.length - 1],
    cardP99: percentile(u, 99),
    posts,
    roundsEnded,
    duplicateTurnChanges,
    rssMb: peakRss / 2 ** 20,
    realSeconds: (performance.now() - realStart) / 1000,
    allEndedAtMin,
  };
}

const VARIANTS = [
  ['durable', 'durable scheduler, 1 instance (stored jobs, 250 ms poll)'],
  ['durable-2', 'durable scheduler, 2 instances on one store'],
  ['naive', 'peer: naive setTimeout per meeting (in memory)'],
];

async function main() {
  if (process.argv[2] === '--child') {
    process.send(await runVariant(process.argv[3]));
    return;
  }
  const results = [];
  for (const [variant] of VARIANTS) {
    results.push(
      await new Promise((resolve, reject) => {
        const child = fork(module.filename, ['--child', variant], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
        child.once('message', resolve);
        child.once('exit', (code) => (code ? reject(new Error(`${variant} exited ${code}`)) : undefined));
      }),
    );
  }
  const f = (n, d = 0) => (Number.isFinite(n) ? n.toFixed(d) : '-');
  console.log(`\n### Turn-order timers: ${MEETINGS} simultaneous meetings, meeting clock ${SPEEDUP}x real time\n`);
  console.log('| variant | turn changes | lag p50 (ms) | lag p99 (ms) | lag max (ms) | card update lag p99 (ms) | card updates | rounds ended | duplicate turn changes | peak RSS (MB) | all rounds ended (meeting min) | real s |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of results) {
    const label = VARIANTS.find(([v]) => v === r.variant)[1];
    console.log(`| ${label} | ${r.turnChanges} | ${f(r.p50)} | ${f(r.p99)} | ${f(r.max)} | ${f(r.cardP99)} | ${r.posts} | ${r.roundsEnded}/${MEETINGS} | ${r.duplicateTurnChanges} | ${f(r.rssMb)} | ${f(r.allEndedAtMin, 1)} | ${f(r.realSeconds, 1)} |`);
  }
  const durable = results.find((r) => r.variant === 'durable');
  const pass = durable.p99 < 1000 && durable.rssMb < 250 && durable.duplicateTurnChanges === 0;
  console.log(`\nTarget (1 instance): p99 < 1000 ms and RSS < 250 MB, no duplicate turn change: ${pass ? 'met' : 'NOT met'}`);
  if (!pass) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
