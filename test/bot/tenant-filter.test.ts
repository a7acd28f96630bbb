/**
 * Only the msteams channel and the configured tenants are served.
 */
import { startConnectorCapture, ConnectorCapture } from '../helpers/connector-capture';
import { mention } from '../helpers/teams-activities';
import { startTestVuoro, VuoroUnderTest } from '../helpers/vuoro-under-test';

const OURS = '72f988bf-0000-4000-8000-0000000000f1';
let connector: ConnectorCapture;
let vuoro: VuoroUnderTest;
beforeAll(async () => {
  connector = await startConnectorCapture();
  vuoro = await startTestVuoro({ VUORO_ALLOWED_TENANTS: `${OURS},another-tenant` });
});
afterAll(async () => {
  await vuoro?.close();
  await connector?.close();
});

it('serves a configured tenant in Teams', async () => {
  expect((await vuoro.send(mention({ serviceUrl: connector.url, meeting: 'm-t1' }, 'ohje'))).status).toBe(200);
  await connector.waitFor((c) => c.method === 'POST');
});

it('refuses another tenant with 403 and does not answer it', async () => {
  const a = mention({ serviceUrl: connector.url, meeting: 'm-t2' }, 'ohje');
  (a.channelData as { tenant: { id: string } }).tenant.id = 'stranger-tenant';
  (a.conversation as { tenantId: string }).tenantId = 'stranger-tenant';
  const res = await vuoro.send(a);
  expect(res).toEqual({ status: 403, body: { error: 'tenant_not_served' } });
  await new Promise((r) => setTimeout(r, 100));
  expect(connector.requests.filter((c) => c.path.includes('m-t2'))).toHaveLength(0);
});

it.each(['webchat', 'emulator', 'directline'])('refuses the %s channel with 403', async (channelId) => {
  const res = await vuoro.send({ ...mention({ serviceUrl: connector.url, meeting: 'm-t3' }, 'ohje'), channelId });
  expect(res).toEqual({ status: 403, body: { error: 'channel_not_served' } });
});
