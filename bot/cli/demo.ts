/**
 * `npm run demo`: plays a consultation meeting against a running Vuoro (VUORO_URL, default
 * http://localhost:3978; if none answers, one is started here in memory) and prints what the bot
 * posts. A small local stand-in for the Bot Connector receives the bot's messages.
 */
import http from 'http';
import { AddressInfo } from 'net';
import { activityText } from './card-text';
import { loadConfig } from '../config';
import { createLogger } from '../logger';
import { startVuoro } from '../vuoro';

const BOT = { id: '28:vuoro-demo-bot', name: 'Vuoro' };
const MEETING = `demo-${Date.now().toString(36)}`;
const CONVERSATION = { id: `19:meeting_${MEETING}@thread.v2`, isGroup: true, conversationType: 'groupChat', tenantId: 'demo-tenant' };
const PEOPLE = [
  { name: 'Sairaanhoitaja (terveysasema)', aad: '00000000-0000-4000-8000-00000000d001', cases: '2', topics: '0', service: 'health_station' },
  { name: 'Sosiaalityöntekijä (aikuiset)', aad: '00000000-0000-4000-8000-00000000d002', cases: '3', topics: '1', service: 'adult_social' },
  { name: 'Kelan edustaja', aad: '00000000-0000-4000-8000-00000000d003', cases: '1', topics: '0', service: 'kela' },
];

function base(serviceUrl: string, from: { id: string; name?: string; aadObjectId?: string }, locale: string) {
  return {
    channelId: 'msteams', serviceUrl, from, recipient: BOT, conversation: CONVERSATION, locale,
    id: Math.random().toString(36).slice(2), timestamp: new Date().toISOString(),
    channelData: { tenant: { id: 'demo-tenant' }, meeting: { id: `MCMx-${MEETING}` } },
  };
}

async function reachable(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1000) })).ok;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  const locale = process.env.DEMO_LOCALE ?? 'fi-FI';
  let url = (process.env.VUORO_URL ?? 'http://localhost:3978').replace(/\/+$/, '');
  let stopLocal: (() => Promise<void>) | undefined;
  if (!(await reachable(url))) {
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', VUORO_STORAGE: 'memory' });
    const local = await startVuoro(config, { log: createLogger('silent') });
    url = local.url;
    stopLocal = local.close;
    console.log(`(No Vuoro answered at the given address; started one in memory at ${url}.)\n`);
  }
  let seq = 0;
  const connector = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (d) => (raw += d));
    req.on('end', () => {
      const id = `demo-activity-${++seq}`;
      if (req.method === 'POST' || req.method === 'PUT') {
        const body = JSON.parse(raw || '{}') as Record<string, unknown>;
        const verb = req.method === 'PUT' ? 'updates its card' : 'posts';
        console.log(`--- Vuoro ${verb} ---\n${activityText(body)}\n`);
      }
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ id }));
    });
  });
  await new Promise<void>((r) => connector.listen(0, '127.0.0.1', r));
  const serviceUrl = `http://127.0.0.1:${(connector.address() as AddressInfo).port}/`;
  const send = async (a: unknown) => {
    const res = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(a) });
    if (!res.ok) throw new Error(`Vuoro answered ${res.status}`);
    return res.text();
  };

  console.log('>>> The consultation meeting starts (application/vnd.microsoft.meetingStart)\n');
  await send({ ...base(serviceUrl, { id: '29:organiser' }, locale), type: 'event', name: 'application/vnd.microsoft.meetingStart', value: { Title: 'PPT-konsultaatio' } });
  for (const p of PEOPLE) {
    console.log(`>>> ${p.name} answers: ${p.cases} cases, ${p.topics} phenomena, ${p.service}\n`);
    await send({
      ...base(serviceUrl, { id: `29:${p.aad}`, name: p.name, aadObjectId: p.aad }, locale),
      type: 'invoke', name: 'adaptiveCard/action', replyToId: 'demo-activity-1',
      value: { action: { type: 'Action.Execute', verb: 'intake.answer', data: { cases: p.cases, topics: p.topics, service: p.service } } },
    });
  }
  await new Promise((r) => setTimeout(r, 200));
  connector.close();
  connector.closeAllConnections();
  await stopLocal?.();
}

main().catch((err) => {
  console.error(`Demo failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
