/**
 * The embedded file store keeps a meeting through a restart, and SIGTERM stops the real process
 * cleanly: a running intake is intact when a new process starts on the same data directory.
 */
import { startConnectorCapture, ConnectorCapture, visibleText } from '../helpers/connector-capture';
import { activity, cardAction } from '../helpers/teams-activities';
import { startTestVuoro } from '../helpers/vuoro-under-test';
import { ServerProcess, startServerProcess } from '../helpers/built-server';
import { tempDirs } from '../helpers/temp-dir';

const newDir = tempDirs('restart');
let connector: ConnectorCapture;
beforeEach(async () => (connector = await startConnectorCapture()));
afterEach(async () => connector.close());

const person = (n: number) => ({ aadObjectId: `00000000-0000-4000-8000-0000000000${n}0` });
const lastCardText = () => {
  const last = connector.requests.filter((c) => c.method === 'PUT').pop()!;
  return visibleText((last.body.attachments as Array<{ content: object }>)[0].content);
};

async function post(url: string, body: unknown): Promise<number> {
  const res = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  await res.text();
  return res.status;
}

it('keeps the tally when the server is stopped mid-intake and started again', async () => {
  const dir = newDir();
  const scene = { serviceUrl: connector.url, meeting: 'm-restart' };
  const first = await startTestVuoro({ VUORO_STORAGE: 'file', VUORO_DATA_DIR: dir });
  await first.send(activity('meeting-start', scene));
  await first.send(cardAction({ ...scene, user: person(1) }, 'activity-1', 'intake.answer', { cases: '3', service: 'kela' }));
  await first.close();

  const second = await startTestVuoro({ VUORO_STORAGE: 'file', VUORO_DATA_DIR: dir });
  await second.send(cardAction({ ...scene, user: person(2) }, 'activity-1', 'intake.answer', { cases: '2', service: 'disability' }));
  await second.close();
  expect(lastCardText()).toMatch(/Asiakastapauksia\n5\n/);
  expect(lastCardText()).toMatch(/Vastanneita\n2\n/);
});

describe('the real process', () => {
  let proc: ServerProcess | undefined;
  afterEach(() => {
    proc?.kill('SIGKILL');
  });

  it('shuts down on SIGTERM with exit code 0 and loses nothing', async () => {
    const dir = newDir();
    const scene = { serviceUrl: connector.url, meeting: 'm-sigterm' };
    proc = startServerProcess({ VUORO_DATA_DIR: dir });
    let url = await proc.url;
    expect(proc.output()).toContain('LOCAL MODE');
    expect(await post(url, activity('meeting-start', scene))).toBe(200);
    const answers = [1, 2, 3].map((n) => post(url, cardAction({ ...scene, user: person(n) }, 'activity-1', 'intake.answer', { cases: '1', service: 'kela' })));
    expect(await Promise.all(answers)).toEqual([200, 200, 200]);
    const exit = new Promise<number | null>((resolve) => proc!.once('exit', (code) => resolve(code)));
    proc.kill('SIGTERM');
    expect(await exit).toBe(0);

    proc = startServerProcess({ VUORO_DATA_DIR: dir });
    url = await proc.url;
    expect(await post(url, cardAction({ ...scene, user: person(4) }, 'activity-1', 'intake.answer', { cases: '2', service: 'other' }))).toBe(200);
    await connector.waitFor((c) => c.method === 'PUT' && JSON.stringify(c.body).includes('"value":"5"'));
    expect(lastCardText()).toMatch(/Vastanneita\n4\n/);
  }, 180_000);

  it('refuses to start with a bad variable and names it', async () => {
    proc = startServerProcess({ VUORO_STORAGE: 'floppy' });
    await expect(proc.url).rejects.toThrow(/VUORO_STORAGE: expected one of file, blob, memory, got "floppy"/);
  }, 120_000);
});
