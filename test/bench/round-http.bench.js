// The round's HTTP path for 300 simultaneous meetings: the real server (dist/) in a child process,
// a loopback Bot Connector stand-in in this one. Intake, round start and the chair's "Next" are
// posted as Teams would; status card updates arrive as PUTs from the durable scheduler.
// Measured: how late the "time up" card lands after the stored deadline (real ms), how long a
// chair's Next takes to reach everyone's card, and the server's peak resident memory.
// Named peer in the same run: the intake card's in-turn update (answer -> PUT, no scheduler).
// The meeting clock runs SPEEDUP times real time (default 60x: the hour in a minute), so the
// server carries 60 times a real meeting's update traffic.
// The server runs with production's Node flags (the App Service command line in
// infra/modules/web-app.bicep: the heap cap); peak RSS is the kernel's high-water mark (VmHWM).
// Rounds with more cases than fit in the hour run past it by design, so the budget for every round
// to end is the latest planned round end plus 10 s real.
// Usage: npx tsc -p tsconfig.build.json && node test/bench/round-http.bench.js
//        (BENCH_NODE_FLAGS='none' or other flags replace production's)
'use strict';
const http = require('node:http');
const path = require('node:path');
const { fork } = require('node:child_process');
const { readFileSync } = require('node:fs');
const { Buffer } = require('node:buffer');
const { setInterval, clearInterval } = require('node:timers');

const MEETINGS = Number(process.env.BENCH_MEETINGS || 300);
const SPEEDUP = Number(process.env.BENCH_SPEEDUP || 60);
const MINUTE = 60_000;
const T0 = Date.UTC(2026, 10, 26, 7, 0);
const CHAIR = '00000000-0000-4000-8000-00000000c4a1';

// ---- child: the server under test, on a meeting clock the parent freezes, sets and releases ----
async function child() {
  const dist = path.join(__dirname, '..', '..', 'dist', 'bot');
  const { loadConfig } = require(path.join(dist, 'config'));
  const { startVuoro } = require(path.join(dist, 'vuoro'));
  const { createLogger } = require(path.join(dist, 'logger'));
  const { MemoryStore } = require(path.join(dist, 'adapters', 'storage', 'memory-store'));
  let base = T0;
  let goAt;
  const clock = { now: () => (goAt === undefined ? base : base + (Date.now() - goAt) * SPEEDUP) };
  const store = new MemoryStore();
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', VUORO_STORAGE: 'memory', VUORO_LOG_LEVEL: 'silent' });
  const vuoro = await startVuoro(config, { clock, store, log: createLogger('silent') });
  let peakRss = process.memoryUsage().rss;
  let peakHeap = 0;
  const rssTimer = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 100);
  process.on('message', async (msg) => {
    if (msg.type === 'set') base = msg.at;
    if (msg.type === 'go') goAt = msg.goAt;
    if (msg.type === 'round') {
      const stored = await store.get(`round:${msg.meetingId}`);
      process.send({ type: 'round', seq: msg.seq, round: stored && stored.value.round });
    }
    if (msg.type === 'stop') {
      clearInterval(rssTimer);
      await vuoro.close();
      // The kernel's high-water mark catches a peak between two samples (Linux only).
      const hwmKb = Number(/VmHWM:\s*(\d+)/.exec(readStatus())?.[1] ?? 0);
      process.send({ type: 'stopped', peakRssMb: Math.max(peakRss, process.memoryUsage().rss, hwmKb * 1024) / 2 ** 20, peakHeapMb: peakHeap / 2 ** 20 });
      setTimeout(() => process.exit(0), 50);
    }
  });
  process.send({ type: 'ready', url: vuoro.url });
}

// The server runs with production's Node flags; BENCH_NODE_FLAGS replaces them ('none' for none).
const { productionFlags } = require('./production-flags');
const serverFlags = process.env.BENCH_NODE_FLAGS === undefined ? productionFlags() : process.env.BENCH_NODE_FLAGS.split(' ').filter((f) => f && f !== 'none');

function readStatus() {
  try {
    return readFileSync('/proc/self/status', 'utf8');
  } catch {
    return '';
  }
}

// ---- parent: connector stand-in and the people in 300 meetings ----
function percentile(sorted, p) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
}

function fixture(name) {
  return JSON.parse(readFileSync(path.join(__dirname, '..', 'fixtures', 'activities', `${name}.json`), 'utf8'));
}

function activityFor(name, serviceUrl, meeting, user, extra = {}) {
  const a = fixture(name);
  a.serviceUrl = serviceUrl;
  a.conversation.id = `19:meeting_${meeting}@thread.v2`;
  a.channelData.meeting = { id: `MCMx-${meeting}` };
  if (user) a.from = { id: `29:${user}`, name: 'Bench', aadObjectId: user };
  a.id = `${name}-${Math.random().toString(36).slice(2)}`;
  return Object.assign(a, extra);
}

function invoke(serviceUrl, meeting, user, cardId, verb, data) {
  const a = activityFor('intake-answer-invoke', serviceUrl, meeting, user, { replyToId: cardId });
  a.value = { action: { type: 'Action.Execute', title: verb, verb, data: { meetingId: `MCMx-${meeting}`, ...data } }, trigger: 'manual' };
  return a;
}

const cardText = (body) => JSON.stringify(body.attachments?.[0]?.content ?? {});
const versionOf = (body) => body.attachments?.[0]?.content?.actions?.[0]?.data?.version;

async function main() {
  if (process.argv[2] === '--child') return child();
  const server = fork(module.filename, ['--child'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv: [...serverFlags, ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [])] });
  process.on('exit', () => server.kill());
  const replies = new Map();
  let seq = 0;
  const ask = (msg) => new Promise((resolve) => {
    const id = ++seq;
    replies.set(id, resolve);
    server.send({ ...msg, seq: id });
  });
  const ready = new Promise((resolve) => server.on('message', (m) => {
    if (m.type === 'ready' || m.type === 'stopped') resolve.call(null, m);
    if (m.type === 'round') replies.get(m.seq)?.(m.round);
  }));
  const { url } = await ready;
  const stopped = new Promise((resolve) => server.on('message', (m) => m.type === 'stopped' && resolve(m)));

  // Connector stand-in: records arrival times and hands PUTs of status cards to the "chair".
  const waiters = new Map(); // 'intake:<conversation>' -> resolve, for the next intake card PUT
  const statusCards = new Map(); // conversation -> status card id
  const meetingOfCard = new Map();
  const postedAt = new Map(); // card id -> fake times of updates
  let activityId = 0;
  let onStatusPut = () => undefined;
  const connector = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const at = Date.now();
      const p = decodeURIComponent(req.url.split('?')[0]);
      const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
      res.setHeader('Content-Type', 'application/json');
      const participant = /^\/v1\/meetings\/[^/]+\/participants\/([^/]+)$/.exec(p);
      if (participant) return res.end(JSON.stringify({ user: { id: `29:${participant[1]}`, aadObjectId: participant[1] }, meeting: { role: participant[1] === CHAIR ? 'Organizer' : 'Attendee', inMeeting: true } }));
      if (p.endsWith('/notification')) {
        res.statusCode = 202;
        return res.end('{}');
      }
      const id = `a${++activityId}`;
      res.end(JSON.stringify({ id }));
      const conv = /\/v3\/conversations\/([^/]+)\/activities/.exec(p)?.[1];
      if (req.method === 'POST' && conv && cardText(body).includes('Konsultaatiokierros')) {
        statusCards.set(conv, id);
        meetingOfCard.set(id, conv);
      }
      if (req.method === 'PUT') {
        const cardId = p.split('/').pop();
        if (meetingOfCard.has(cardId)) onStatusPut(cardId, body, at);
        else {
          waiters.get(`intake:${conv}`)?.(at);
          waiters.delete(`intake:${conv}`);
        }
      }
    });
  });
  await new Promise((r) => connector.listen(0, '127.0.0.1', r));
  let peakConnections = 0;
  const connTimer = setInterval(() => connector.getConnections((_e, n) => (peakConnections = Math.max(peakConnections, n || 0))), 100);
  const serviceUrl = `http://127.0.0.1:${connector.address().port}/`;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  // A kept-alive socket the server is just closing answers ECONNRESET: send once more on a new one.
  const send = (activity, retries = 2) => sendOnce(activity).catch((err) => {
    if (retries > 0 && (err.code === 'ECONNRESET' || err.code === 'EPIPE')) return send(activity, retries - 1);
    throw err;
  });
  const sendOnce = (activity) => new Promise((resolve, reject) => {
    const data = JSON.stringify(activity);
    const req = http.request(`${url}/api/messages`, { method: 'POST', agent, headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(data) } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, body: chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : undefined }));
    });
    req.on('error', reject);
    req.end(data);
  });
  const pool = async (items, n, work) => {
    let next = 0;
    await Promise.all(Array.from({ length: n }, async () => {
      while (next < items.length) await work(items[next++]);
    }));
  };

  // Intake: 2-6 people per meeting with 1-3 cases; the peer path is answer -> intake card PUT.
  const intakeLags = [];
  const meetings = Array.from({ length: MEETINGS }, (_, m) => `b${m}`);
  let rnd = 7;
  const rand = () => ((rnd = (rnd * 48271) % 2147483647) / 2147483647);
  // Drawn before any request, so every run (whatever its timing) holds the same meetings.
  const casesOf = new Map(meetings.map((m) => [m, Array.from({ length: 2 + Math.floor(rand() * 5) }, () => 1 + Math.floor(rand() * 3))]));
  await pool(meetings, 32, async (meeting) => {
    await send(activityFor('meeting-start', serviceUrl, meeting));
    const cases = casesOf.get(meeting);
    for (let p = 0; p < cases.length; p++) {
      const user = `00000000-0000-4000-8000-${String(p).padStart(12, '0')}`;
      const conv = `19:meeting_${meeting}@thread.v2`;
      const started = Date.now();
      const put = new Promise((resolve) => waiters.set(`intake:${conv}`, resolve));
      await send(invoke(serviceUrl, meeting, user, 'x', 'intake.answer', { cases: String(cases[p]), topics: '0', service: 'kela' }));
      const at = await Promise.race([put, new Promise((r) => setTimeout(() => r(undefined), 2000))]);
      if (at !== undefined) intakeLags.push(at - started);
    }
  });

  // Round start by the chair at 5 past, then the clock runs.
  server.send({ type: 'set', at: T0 + 5 * MINUTE });
  await pool(meetings, 32, (meeting) => send(invoke(serviceUrl, meeting, CHAIR, 'x', 'round.start', {})));
  // A round with more cases than fit in the hour runs past it (every case keeps its minimum slot),
  // so the budget is the latest planned end of all rounds plus 10 s real, not the hour.
  const plannedEnds = await Promise.all(meetings.map(async (meeting) => {
    const round = await ask({ type: 'round', meetingId: `MCMx-${meeting}` });
    const items = round.turns.reduce((n, turn) => n + turn.cases + turn.topics, 0);
    return Math.max(round.roundEndAt, round.startedAt + items * round.settings.minSlotMinutes * MINUTE);
  }));
  const latestEnd = Math.max(...plannedEnds);
  const timeUpLags = [];
  const nextLags = [];
  const pressedFor = new Map(); // card id -> { version, at } of the chair's pending Next
  const handledTimeUp = new Set();
  let ended = 0;
  const goAt = Date.now();
  const fakeAt = (real) => T0 + 5 * MINUTE + (real - goAt) * SPEEDUP;
  let done;
  const allEnded = new Promise((resolve) => (done = resolve));
  onStatusPut = (cardId, body, at) => {
    const times = postedAt.get(cardId) ?? [];
    times.push(fakeAt(at));
    postedAt.set(cardId, times);
    const text = cardText(body);
    const version = versionOf(body);
    const pending = pressedFor.get(cardId);
    if (pending && version !== undefined && version > pending.version) {
      nextLags.push(at - pending.at);
      pressedFor.delete(cardId);
    }
    if (text.includes('Konsultaatiokierros päättyi')) {
      if (pending) {
        nextLags.push(at - pending.at);
        pressedFor.delete(cardId);
      }
      if (++ended === MEETINGS) done();
      return;
    }
    // The chair moves on when time is up (or already over, if the time-up card was late).
    if (!/Aika on lopussa|Yli ajan/.test(text) || handledTimeUp.has(`${cardId}:${version}`)) return;
    handledTimeUp.add(`${cardId}:${version}`);
    const conv = meetingOfCard.get(cardId);
    const meeting = /meeting_(b\d+)@/.exec(conv)[1];
    ask({ type: 'round', meetingId: `MCMx-${meeting}` }).then((round) => {
      if (round && round.deadline !== undefined) timeUpLags.push(at - (goAt + (round.deadline - (T0 + 5 * MINUTE)) / SPEEDUP));
      const pressAt = Date.now();
      pressedFor.set(cardId, { version, at: pressAt });
      return send(invoke(serviceUrl, meeting, CHAIR, cardId, 'round.next', { version }));
    }).catch((err) => console.error(`press failed: ${err.code ?? err.message}`));
  };
  server.send({ type: 'go', goAt });
  const budgetMs = (latestEnd - (T0 + 5 * MINUTE)) / SPEEDUP + 10_000;
  await Promise.race([allEnded, new Promise((r) => setTimeout(r, budgetMs))]);
  const realSeconds = (Date.now() - goAt) / 1000;
  server.send({ type: 'stop' });
  const { peakRssMb, peakHeapMb } = await stopped;
  clearInterval(connTimer);
  connector.close();
  agent.destroy();

  const minGapS = Math.min(...[...postedAt.values()].flatMap((ts) => ts.slice(1).map((t, i) => (t - ts[i]) / 1000)));
  const updates = [...postedAt.values()].reduce((n, ts) => n + ts.length, 0);
  const s = (a) => a.sort((x, y) => x - y);
  const [tu, nx, il] = [s(timeUpLags), s(nextLags), s(intakeLags)];
  const f = (n) => (Number.isFinite(n) ? n.toFixed(0) : '-');
  console.log(`\n### Round over HTTP: ${MEETINGS} meetings through the real server (node ${serverFlags.join(' ') || 'without flags'}), meeting clock ${SPEEDUP}x\n`);
  console.log('| path | samples | p50 (ms) | p99 (ms) | max (ms) |');
  console.log('|---|---:|---:|---:|---:|');
  console.log(`| "time up" card after its stored deadline (scheduler, PUT to connector) | ${tu.length} | ${f(percentile(tu, 50))} | ${f(percentile(tu, 99))} | ${f(tu[tu.length - 1])} |`);
  console.log(`| chair's Next -> everyone's card (scheduler, budget ${10} s meeting time) | ${nx.length} | ${f(percentile(nx, 50))} | ${f(percentile(nx, 99))} | ${f(nx[nx.length - 1])} |`);
  console.log(`| peer: intake answer -> intake card (in the turn, no scheduler) | ${il.length} | ${f(percentile(il, 50))} | ${f(percentile(il, 99))} | ${f(il[il.length - 1])} |`);
  console.log(`\nRounds ended: ${ended}/${MEETINGS} in ${realSeconds.toFixed(1)} s real (budget ${(budgetMs / 1000).toFixed(0)} s: the latest planned round end, minute ${((latestEnd - T0) / MINUTE).toFixed(0)} of the meeting, + 10 s); status card updates: ${updates}; closest two updates of one card: ${minGapS.toFixed(1)} s meeting time (budget 10 s); server peak RSS: ${peakRssMb.toFixed(0)} MB (heap used ${peakHeapMb.toFixed(0)} MB); connections to the connector at most ${peakConnections}.`);
  const pass = percentile(tu, 99) < 1000 && peakRssMb < 250 && ended === MEETINGS;
  console.log(`Target (p99 < 1000 ms after the deadline, RSS < 250 MB, every round ended): ${pass ? 'met' : 'NOT met'}`);
  if (!pass) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
process.on('unhandledRejection', (error) => {
  console.error(error);
  process.exit(1);
});
