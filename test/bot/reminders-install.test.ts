/**
 * Who gets reminders: the network channel from install to uninstall, people from their own chat;
 * never a consultation meeting's chat.
 */
import { VuoroUnderTest, startTestVuoro } from '../helpers/vuoro-under-test';
import { ConnectorCapture, startConnectorCapture } from '../helpers/connector-capture';
import { activity, mention, personalMessage } from '../helpers/teams-activities';
import { t } from '../../bot/i18n';

let vuoro: VuoroUnderTest;
let connector: ConnectorCapture;
const subs = () => vuoro.reminders.repo.subscriptions();
const replies = () => connector.requests.filter((r) => r.method === 'POST' && typeof r.body.text === 'string').map((r) => r.body.text as string);

beforeEach(async () => {
  connector = await startConnectorCapture();
  vuoro = await startTestVuoro({}, { scheduler: { pollIntervalMs: 1e9 } });
});
afterEach(async () => {
  await vuoro.close();
  await connector.close();
});

describe('reminder subscriptions', () => {
  it('subscribes the network channel on install, once, and forgets it on uninstall', async () => {
    const scene = { serviceUrl: connector.url };
    await vuoro.send(activity('team-installation-update', scene));
    await vuoro.send(activity('team-installation-update', scene, { action: 'add-upgrade' }));
    const [sub] = await subs();
    expect(await subs()).toHaveLength(1);
    expect(sub).toMatchObject({ kind: 'channel', via: 'install', lang: 'fi', reference: { serviceUrl: connector.url, conversationType: 'channel', conversationId: '19:4a1c2b3d4e5f60718293a4b5c6d7e8f9@thread.tacv2' } });
    expect(JSON.stringify(sub)).not.toContain('PPT-verkosto'); // the team's name is not kept
    await vuoro.send(activity('team-installation-update', scene, { action: 'remove' }));
    expect(await subs()).toEqual([]);
  });

  it('does not subscribe a consultation meeting chat', async () => {
    await vuoro.send(activity('installation-update', { serviceUrl: connector.url }));
    await vuoro.send(activity('bot-added', { serviceUrl: connector.url }));
    expect(await subs()).toEqual([]);
  });

  it('opts a person in and out from their own chat, in their language', async () => {
    const scene = { serviceUrl: connector.url, user: { aadObjectId: '6b9c0b1e-0000-4000-8000-00000000a00b', name: 'Bertil' }, locale: 'sv-FI' };
    await vuoro.send(personalMessage(scene, 'Påminn'));
    expect(await subs()).toMatchObject([{ kind: 'person', via: 'command', lang: 'sv', userId: scene.user.aadObjectId }]);
    await vuoro.send(personalMessage(scene, 'påminn av'));
    expect(await subs()).toEqual([]);
    await connector.waitFor((r) => r.method === 'POST', 2);
    expect(replies()).toEqual([t('sv', 'reminders.subscribed'), t('sv', 'reminders.unsubscribed')]);
  });

  it('points to the personal chat when asked in a meeting chat', async () => {
    await vuoro.send(mention({ serviceUrl: connector.url, meeting: 'm-1' }, 'muistuta'));
    await connector.waitFor((r) => r.method === 'POST');
    expect(replies()).toEqual([t('fi', 'reminders.personalOnly')]);
    expect(await subs()).toEqual([]);
  });
});
