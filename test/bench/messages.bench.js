// Benchmark (issue 2): throughput and latency of POST /api/messages for a plain message in local
// mode, Vuoro against a bare botbuilder echo bot in the same run. Each server, and the stand-in
// Bot Connector that answers their replies, runs in its own process; autocannon drives 50
// concurrent connections over loopback for a fixed time. Not a timed test: it prints figures.
const { spawn } = require('child_process');
const path = require('path');
const autocannon = require('autocannon');

const root = path.join(__dirname, '..', '..');
const DURATION = Number(process.env.BENCH_SECONDS || 10);
const CONNECTIONS = 50;

function start(script, env) {
  const child = spawn(process.execPath, [script], { env: { PATH: process.env.PATH, PORT: '0', HOST: '127.0.0.1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
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

function message(serviceUrl, text) {
  return JSON.stringify({
    type: 'message', channelId: 'msteams', serviceUrl, id: 'bench-1', text, textFormat: 'plain', locale: 'fi-FI',
    from: { id: '29:bench-user', aadObjectId: '00000000-0000-4000-8000-0000000000be' },
    recipient: { id: '28:bench-bot', name: 'Vuoro' },
    conversation: { id: '19:meeting_bench@thread.v2', isGroup: true, conversationType: 'groupChat', tenantId: 't' },
    entities: [{ type: 'mention', mentioned: { id: '28:bench-bot', name: 'Vuoro' }, text: '<at>Vuoro</at>' }],
    channelData: { tenant: { id: 't' }, meeting: { id: 'MCMx-bench' } },
  });
}

async function load(url, body) {
  const opts = { url: `${url}/api/messages`, method: 'POST', connections: CONNECTIONS, duration: DURATION, headers: { 'content-type': 'application/json' }, body };
  await autocannon({ ...opts, duration: 2 }); // warm-up: JIT, keep-alive sockets, metadata caches
  const r = await autocannon(opts);
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors + r.timeouts, total: r.requests.total };
}

async function main() {
  const connector = await start(path.join(__dirname, 'peers', 'connector-stub.js'), {});
  const serviceUrl = `${connector.url}/`;
  const results = [];
  try {
    const echo = await start(path.join(__dirname, 'peers', 'echo-bot.js'), {});
    results.push(['bare botbuilder echo bot (peer)', await load(echo.url, message(serviceUrl, '<at>Vuoro</at> hello'))]);
    echo.child.kill('SIGTERM');
    const vuoro = await start(path.join(root, 'dist', 'bot', 'index.js'), { VUORO_STORAGE: 'memory', VUORO_LOG_LEVEL: 'info' });
    results.push(['Vuoro, @Vuoro ohje (help reply)', await load(vuoro.url, message(serviceUrl, '<at>Vuoro</at> ohje'))]);
    vuoro.child.kill('SIGTERM');
  } finally {
    connector.child.kill('SIGTERM');
  }
  const peer = results[0][1].rps;
  console.log(`\n### POST /api/messages, ${CONNECTIONS} connections, ${DURATION} s, local mode\n`);
  console.log('| server | req/s | p50 ms | p99 ms | non-2xx | errors | ratio to peer |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const [name, r] of results) {
    console.log(`| ${name} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.non2xx} | ${r.errors} | ${(r.rps / peer).toFixed(2)} |`);
  }
  const v = results[1][1];
  console.log(`\nTarget: ratio >= 0.8 and p99 < 20 ms -> ${v.rps / peer >= 0.8 && v.p99 < 20 ? 'met' : 'NOT met'}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
