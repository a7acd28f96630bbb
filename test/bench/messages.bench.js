// Benchmark (issue 2): throughput and latency of POST /api/messages for a plain message in local
// mode, Vuoro against a bare botbuilder echo bot in the same run. Each server, and the stand-in
// Bot Connector that answers their replies, runs in its own process; autocannon drives 50
// concurrent connections over loopback for a fixed time. Not a timed test: it prints figures.
//
// Two phases per server. "Saturated": every connection sends its next request as soon as the last
// one is answered, which measures throughput; its latency is just queueing (50 / req/s). "Paced":
// requests start at evenly spaced moments (half the peer's saturated throughput, the same for both
// servers) over a pool of 50 keep-alive connections, which measures the latency a request sees while
// the server keeps up. autocannon's own rate limit is not used for this: it sends each second's quota
// in one burst at the start of the second, so its latency is again mostly queueing.
const { spawn } = require('child_process');
const path = require('path');
const http = require('http');
const { Buffer } = require('buffer');
const { performance } = require('perf_hooks');
const autocannon = require('autocannon');
const { productionFlags } = require('./production-flags');

const root = path.join(__dirname, '..', '..');
const DURATION = Number(process.env.BENCH_SECONDS || 10);
const CONNECTIONS = 50;

function start(script, env, nodeFlags = []) {
  const child = spawn(process.execPath, [...nodeFlags, script], { env: { PATH: process.env.PATH, PORT: '0', HOST: '127.0.0.1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (d) => {
      out += d;
      const m = /listening on (http:\/\/[\d.:]+)/.exec(out);
      if (m) resolve({ child, url: m[1] });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${script} exited ${code}: ${out}`)));
  });
}

function message(serviceUrl, text, mentioned = true) {
  return JSON.stringify({
    type: 'message', channelId: 'msteams', serviceUrl, id: 'bench-1', text, textFormat: 'plain', locale: 'fi-FI',
    from: { id: '29:bench-user', aadObjectId: '00000000-0000-4000-8000-0000000000be' },
    recipient: { id: '28:bench-bot', name: 'Vuoro' },
    conversation: { id: '19:meeting_bench@thread.v2', isGroup: true, conversationType: 'groupChat', tenantId: 't' },
    entities: mentioned ? [{ type: 'mention', mentioned: { id: '28:bench-bot', name: 'Vuoro' }, text: '<at>Vuoro</at>' }] : [],
    channelData: { tenant: { id: 't' }, meeting: { id: 'MCMx-bench' } },
  });
}

/** Open-loop load: one request every 1/rate s over at most CONNECTIONS sockets; latency per request. */
async function paced(url, body, rate, seconds) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const target = new URL(`${url}/api/messages`);
  const latencies = [];
  let errors = 0;
  let non2xx = 0;
  const one = () => new Promise((resolve) => {
    const t0 = process.hrtime.bigint();
    const req = http.request({ host: target.hostname, port: target.port, path: target.pathname, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', () => {
        if (res.statusCode < 200 || res.statusCode >= 300) non2xx++;
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
        resolve();
      });
    });
    req.on('error', () => { errors++; resolve(); });
    req.end(body);
  });
  const total = Math.round(rate * seconds);
  const start = performance.now();
  const inFlight = [];
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    inFlight.push(one());
  }
  await Promise.all(inFlight);
  const elapsed = (performance.now() - start) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] * 10) / 10;
  return { rps: latencies.length / elapsed, p50: at(0.5), p99: at(0.99), non2xx, errors, total: latencies.length };
}

function summary(r) {
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors + r.timeouts, total: r.requests.total };
}

async function load(url, body, rate) {
  const opts = { url: `${url}/api/messages`, method: 'POST', connections: CONNECTIONS, duration: DURATION, headers: { 'content-type': 'application/json' }, body };
  await autocannon({ ...opts, duration: 2 }); // warm-up: JIT, keep-alive sockets, metadata caches
  const saturated = summary(await autocannon(opts));
  const offered = rate ?? Math.round(saturated.rps / 2);
  return { saturated, paced: await paced(url, body, offered, DURATION), offered };
}

async function main() {
  const connector = await start(path.join(__dirname, 'peers', 'connector-stub.js'), {});
  const serviceUrl = `${connector.url}/`;
  const results = [];
  try {
    const echo = await start(path.join(__dirname, 'peers', 'echo-bot.js'), {});
    const peerResult = await load(echo.url, message(serviceUrl, '<at>Vuoro</at> hello'));
    results.push(['bare botbuilder echo bot (peer)', peerResult]);
    echo.child.kill('SIGTERM');
    const vuoro = await start(path.join(root, 'dist', 'bot', 'index.js'), { VUORO_STORAGE: 'memory', VUORO_LOG_LEVEL: 'info' });
    results.push(['Vuoro, @Vuoro ohje (help reply)', await load(vuoro.url, message(serviceUrl, '<at>Vuoro</at> ohje'), peerResult.offered)]);
    // What most meeting traffic is: a chat message Vuoro screens (clean) and does not answer.
    const plain = message(serviceUrl, 'Huomenta kaikille, aloitetaan kymmenen minuutin päästä.', false);
    results.push(['Vuoro, plain chat message (screened, no reply)', await load(vuoro.url, plain, peerResult.offered)]);
    vuoro.child.kill('SIGTERM');
    // The same server as `npm start` and App Service run it: with the heap cap, which collects more often.
    const flags = productionFlags();
    const capped = await start(path.join(root, 'dist', 'bot', 'index.js'), { VUORO_STORAGE: 'memory', VUORO_LOG_LEVEL: 'info' }, flags);
    results.push([`Vuoro, plain chat message, production flags (${flags.join(' ')})`, await load(capped.url, plain, peerResult.offered)]);
    capped.child.kill('SIGTERM');
  } finally {
    connector.child.kill('SIGTERM');
  }
  const peer = results[0][1].saturated.rps;
  const offered = results[0][1].offered;
  console.log(`\n### POST /api/messages, ${CONNECTIONS} connections, ${DURATION} s per phase, local mode\n`);
  console.log('| server | phase | req/s | p50 ms | p99 ms | non-2xx | errors | req/s ratio to peer |');
  console.log('|---|---|---:|---:|---:|---:|---:|---:|');
  for (const [name, r] of results) {
    console.log(`| ${name} | saturated | ${r.saturated.rps.toFixed(0)} | ${r.saturated.p50} | ${r.saturated.p99} | ${r.saturated.non2xx} | ${r.saturated.errors} | ${(r.saturated.rps / peer).toFixed(2)} |`);
    console.log(`| ${name} | paced at ${offered} req/s | ${r.paced.rps.toFixed(0)} | ${r.paced.p50} | ${r.paced.p99} | ${r.paced.non2xx} | ${r.paced.errors} | |`);
  }
  const v = results[1][1];
  const ratio = v.saturated.rps / peer;
  console.log(`\nhelp reply throughput ratio ${ratio.toFixed(2)} (>= 0.8 as for a plain message: ${ratio >= 0.8 ? "yes" : "no"})`);
  // The help reply also posts a card to the Bot Connector (as the echo bot posts its echo); the p99 target is the plain message's.
  console.log(`help reply: p99 ${v.saturated.p99} ms saturated (queueing bound 50 / req/s = ${(1000 * CONNECTIONS / v.saturated.rps).toFixed(0)} ms; peer ${results[0][1].saturated.p99} ms), ${v.paced.p99} ms paced at ${offered} req/s (peer ${results[0][1].paced.p99} ms)`);
  // A plain message: most of a meeting's traffic, and what the target names.
  for (const [name, r] of results.slice(2)) {
    const met = r.saturated.rps / peer >= 0.8 && r.saturated.p99 < 20;
    console.log(`${name}: ${r.saturated.rps.toFixed(0)} req/s (${(r.saturated.rps / peer).toFixed(2)} x peer, target >= 0.8), p99 ${r.saturated.p99} ms with 50 requests always in flight (target < 20 ms): ${met ? 'met' : 'NOT met'}; paced p99 ${r.paced.p99} ms`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
