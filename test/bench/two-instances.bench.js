// Load test (issue 8): two Vuoro processes on one Azure Blob storage (Azurite), many meetings at
// once. Every participant of every meeting answers the intake card once, half through each
// instance, driven by autocannon. Afterwards the stored state is read back: no answer may be
// lost or counted twice, and every request must have had exactly one answer.
const { spawn } = require('child_process');
const net = require('net');
const path = require('path');
const autocannon = require('autocannon');

const root = path.join(__dirname, '..', '..');
const MEETINGS = Number(process.env.BENCH_MEETINGS || 100);
const PEOPLE = Number(process.env.BENCH_PEOPLE || 12);
const ACCOUNT = 'devstoreaccount1';
const KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

const freePort = () => new Promise((resolve) => { const s = net.createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); }); });

function start(args, env, ready = /listening on (http:\/\/[\d.:]+)/) {
  const child = spawn(process.execPath, args, { env: { PATH: process.env.PATH, PORT: '0', HOST: '127.0.0.1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (d) => { out += d; const m = ready.exec(out); if (m) resolve({ child, url: m[1] }); };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited ${code}: ${out.slice(-2000)}`)));
  });
}

async function waitForPort(port) {
  for (let i = 0; i < 100; i++) {
    const ok = await new Promise((r) => { const s = net.connect(port, '127.0.0.1', () => { s.end(); r(true); }).on('error', () => r(false)); });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('Azurite did not start');
}

const meetingId = (m) => `MCMx-load-${m}`;
function base(serviceUrl, m, user) {
  return {
    channelId: 'msteams', serviceUrl, id: `${m}-${user}-${Math.random()}`, locale: 'fi-FI',
    from: { id: `29:${user}`, aadObjectId: user }, recipient: { id: '28:bot', name: 'Vuoro' },
    conversation: { id: `19:meeting_load-${m}@thread.v2`, isGroup: true, tenantId: 't' },
    channelData: { tenant: { id: 't' }, meeting: { id: meetingId(m) } },
  };
}

async function post(url, body) {
  const res = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  await res.text();
  if (res.status !== 200) throw new Error(`status ${res.status}`);
}

async function main() {
  let azurite;
  let port = Number(process.env.AZURITE_BLOB_PORT || 0);
  if (!port) {
    port = await freePort();
    azurite = spawn(path.join(root, 'node_modules', '.bin', 'azurite-blob'), ['--silent', '--inMemoryPersistence', '--skipApiVersionCheck', '--disableTelemetry', '--extentMemoryLimit', '512', '--blobHost', '127.0.0.1', '--blobPort', String(port)], { stdio: 'ignore' });
    await waitForPort(port);
  }
  const conn = `DefaultEndpointsProtocol=http;AccountName=${ACCOUNT};AccountKey=${KEY};BlobEndpoint=http://127.0.0.1:${port}/${ACCOUNT};`;
  const container = `load-${Date.now().toString(36)}`;
  const env = { VUORO_STORAGE: 'blob', AZURE_STORAGE_CONNECTION_STRING: conn, VUORO_BLOB_CONTAINER: container, VUORO_LOG_LEVEL: 'warn' };
  const connector = await start([path.join(__dirname, 'peers', 'connector-stub.js')], {});
  const serviceUrl = `${connector.url}/`;
  const a = await start([path.join(root, 'dist', 'bot', 'index.js')], env);
  const b = await start([path.join(root, 'dist', 'bot', 'index.js')], env);
  const children = [connector.child, a.child, b.child];
  try {
    for (let m = 0; m < MEETINGS; m++) {
      await post(m % 2 ? b.url : a.url, { ...base(serviceUrl, m, 'organiser'), type: 'event', name: 'application/vnd.microsoft.meetingStart', value: {} });
    }
    // Each instance answers for half of the people of every meeting; request k is (meeting, person) k.
    const total = MEETINGS * PEOPLE;
    const run = (url, half) => {
      let k = 0;
      return autocannon({
        url: `${url}/api/messages`, method: 'POST', connections: 25, amount: total / 2, timeout: 30,
        headers: { 'content-type': 'application/json' },
        requests: [{
          setupRequest: (req) => {
            const i = k++;
            const m = i % MEETINGS;
            const person = `user-${half}-${Math.floor(i / MEETINGS)}`;
            const answer = { ...base(serviceUrl, m, person), type: 'invoke', name: 'adaptiveCard/action', replyToId: 'a-1', value: { action: { type: 'Action.Execute', verb: 'intake.answer', data: { cases: String(1 + (i % 3)), topics: '0', service: 'kela' } } } };
            return { ...req, body: JSON.stringify(answer) };
          },
        }],
      });
    };
    const t0 = Date.now();
    const [ra, rb] = await Promise.all([run(a.url, 'a'), run(b.url, 'b')]);
    const seconds = (Date.now() - t0) / 1000;

    // Read back what both instances stored.
    const { BlobStore } = require(path.join(root, 'dist', 'bot', 'adapters', 'storage', 'blob-store.js'));
    const store = new BlobStore({ connectionString: conn, container });
    let lost = 0;
    let extra = 0;
    for (let m = 0; m < MEETINGS; m++) {
      const rec = (await store.get(`meeting:${meetingId(m)}`))?.value;
      const n = rec ? Object.keys(rec.intake.answers).length : 0;
      if (n < PEOPLE) lost += PEOPLE - n;
      if (n > PEOPLE) extra += n - PEOPLE;
    }
    const answered = ra.requests.total + rb.requests.total;
    const errors = ra.errors + rb.errors + ra.timeouts + rb.timeouts + ra.non2xx + rb.non2xx;
    const p99 = Math.max(ra.latency.p99, rb.latency.p99);
    console.log(`\n### Two instances on one Azurite, ${MEETINGS} meetings x ${PEOPLE} people answering (${total} card actions, 50 connections)\n`);
    console.log('| instance | requests | req/s | p50 ms | p99 ms | errors/non-2xx |');
    console.log('|---|---:|---:|---:|---:|---:|');
    for (const [name, r] of [['A', ra], ['B', rb]]) console.log(`| ${name} | ${r.requests.total} | ${(r.requests.total / seconds).toFixed(0)} | ${r.latency.p50} | ${r.latency.p99} | ${r.errors + r.timeouts + r.non2xx} |`);
    console.log(`| both | ${answered} | ${(answered / seconds).toFixed(0)} | | ${p99} | ${errors} |`);
    console.log(`\nStored answers: ${MEETINGS * PEOPLE - lost} of ${total}; lost ${lost}; counted twice ${extra}; requests answered ${answered} of ${total}.`);
    console.log(lost === 0 && extra === 0 && answered === total && errors === 0 ? 'No request lost or answered twice.' : 'LOSS OR DUPLICATION FOUND');
    if (lost || extra || answered !== total) process.exitCode = 1;
  } finally {
    for (const c of children) c.kill('SIGTERM');
    azurite?.kill('SIGTERM');
  }
}

main().catch((err) => { console.error(err); process.exit(1); });
