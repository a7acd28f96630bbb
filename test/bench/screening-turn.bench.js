// Benchmark (issue 4): what screening adds to a turn. Vuoro (compiled, from dist/) runs in this
// process on loopback; ordinary chat messages, as Teams delivers them with the RSC permission, are
// POSTed one after another and each turn's latency is measured. The named peer is the same server
// with the centre's screening set to "off" (the turn still loads the setting, but nothing is
// screened or counted), in the same run, on both storage engines. Target: p99 added < 5 ms.
const path = require('path');
const fs = require('fs');
const os = require('os');
const { Writable } = require('stream');

const root = path.join(__dirname, '..', '..');
const dist = path.join(root, 'dist', 'bot');
if (!fs.existsSync(path.join(dist, 'vuoro.js'))) {
  console.error('dist/ is missing: run `npx tsc -p tsconfig.build.json` first (npm run bench does).');
  process.exit(1);
}
const { loadConfig } = require(path.join(dist, 'config'));
const { createLogger } = require(path.join(dist, 'logger'));
const { startVuoro } = require(path.join(dist, 'vuoro'));
const { CentreRepository } = require(path.join(dist, 'adapters', 'repositories', 'centre-repository'));

const SECONDS = Number(process.env.BENCH_SECONDS || 6);

// Clean consultation chat, the common case (a flagged message also sends notices; that is not a turn's cost).
const WORDS = 'asiakas tarvitsee tukea palvelupolku jumittuu sosiaalityö terveysasema kela toimeentulotuki asunnottomuus päihteet mielenterveys kuntoutus yhteistyö kotihoito nuori aikuinen iäkäs omainen hoitovastaava konsultaatio ilmiö kysymys ryhmälle seuraava askel sovitaan palaveri viikolla'.split(' ');
function text(i) {
  const n = 12 + (i % 25);
  const out = [];
  for (let k = 0; k < n; k++) out.push(WORDS[(i * 7 + k * 13) % WORDS.length]);
  return `<p>${out.join(' ')}.</p>`;
}

function chatMessage(serviceUrl, i) {
  const html = text(i);
  return JSON.stringify({
    type: 'message', channelId: 'msteams', serviceUrl, id: String(1764140000000 + i), text: html, textFormat: 'plain', locale: 'fi-FI',
    attachments: [{ contentType: 'text/html', content: `<div><div>${html}</div></div>` }],
    from: { id: '29:bench-user', name: 'Bench', aadObjectId: '00000000-0000-4000-8000-0000000000be' },
    recipient: { id: '28:bench-bot', name: 'Vuoro' },
    conversation: { id: '19:meeting_bench@thread.v2', isGroup: true, conversationType: 'groupChat', tenantId: 't' },
    entities: [{ type: 'clientInfo', locale: 'fi-FI' }],
    channelData: { tenant: { id: 't' }, meeting: { id: 'MCMx-bench' } },
  });
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function run(storage, mode, seconds) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vuoro-bench-'));
  const sink = new Writable({ write(_c, _e, cb) { cb(); } });
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', VUORO_STORAGE: storage, VUORO_DATA_DIR: dir, VUORO_LOG_LEVEL: 'info' });
  const vuoro = await startVuoro(config, { log: createLogger('info', sink) });
  await new CentreRepository(vuoro.store, 60).update('19:meeting_bench@thread.v2', (c) => ({ ...c, screening: mode }));
  const url = `${vuoro.url}/api/messages`;
  const serviceUrl = 'http://127.0.0.1:9/'; // never called: clean messages get no reply
  const post = (i) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: chatMessage(serviceUrl, i) }).then((r) => r.arrayBuffer());
  for (let i = 0; i < 200; i++) await post(i); // warm-up: sockets, caches
  const times = [];
  const end = Date.now() + seconds * 1000;
  for (let i = 0; Date.now() < end; i++) {
    const t0 = process.hrtime.bigint();
    await post(i);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  await vuoro.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return times;
}

function stats(times) {
  const sorted = [...times].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99), mean: sorted.reduce((a, b) => a + b, 0) / sorted.length };
}

const ROUNDS = 3;

async function main() {
  await run('memory', 'block', 1); // JIT warm-up of the whole path, discarded
  const rows = [];
  for (const storage of ['memory', 'file']) {
    const off = [];
    const on = [];
    // Alternating rounds, so drift (GC, CPU frequency, other load) hits both sides alike.
    for (let r = 0; r < ROUNDS; r++) {
      off.push(...(await run(storage, 'off', SECONDS / ROUNDS)));
      on.push(...(await run(storage, 'block', SECONDS / ROUNDS)));
    }
    rows.push([storage, stats(off), stats(on)]);
  }
  console.log(`\n### Turn latency of an ordinary chat message, screening off (peer) vs on, ${SECONDS} s each in ${ROUNDS} alternating rounds, sequential, loopback\n`);
  console.log('| storage | screening | turns | mean ms | p50 ms | p99 ms | p50 added ms | p99 added ms |');
  console.log('|---|---|---:|---:|---:|---:|---:|---:|');
  let worst = -Infinity;
  for (const [storage, off, on] of rows) {
    console.log(`| ${storage} | off (peer) | ${off.n} | ${off.mean.toFixed(2)} | ${off.p50.toFixed(2)} | ${off.p99.toFixed(2)} | | |`);
    const added = on.p99 - off.p99;
    worst = Math.max(worst, added);
    console.log(`| ${storage} | on | ${on.n} | ${on.mean.toFixed(2)} | ${on.p50.toFixed(2)} | ${on.p99.toFixed(2)} | ${(on.p50 - off.p50).toFixed(2)} | ${added.toFixed(2)} |`);
  }
  console.log(`\nTarget: screening adds < 5 ms at p99 -> ${worst < 5 ? 'met' : 'NOT met'} (worst ${worst.toFixed(2)} ms)`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
