/**
 * What the intake stores: ids, counts and service names. Names of people and anything typed in
 * the chat never reach the embedded store's files.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startConnectorCapture } from '../helpers/connector-capture';
import { activity, cardAction, mention } from '../helpers/teams-activities';
import { startTestVuoro } from '../helpers/vuoro-under-test';
import { tempDirs } from '../helpers/temp-dir';

const newDir = tempDirs('stored');

function allFiles(dir: string): string {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => readFileSync(join(e.parentPath ?? dir, e.name), 'utf8'))
    .join('\n');
}

it('keeps only ids, counts and services on disk', async () => {
  const dir = newDir();
  const connector = await startConnectorCapture();
  const vuoro = await startTestVuoro({ VUORO_STORAGE: 'file', VUORO_DATA_DIR: dir });
  try {
    const scene = { serviceUrl: connector.url, meeting: 'm-store' };
    await vuoro.send(activity('meeting-start', scene));
    await vuoro.send(cardAction({ ...scene, user: { aadObjectId: '00000000-0000-4000-8000-0000000000aa', name: 'Riikka Röntgenhoitaja' } }, 'activity-1', 'intake.answer', { cases: '2', service: 'support_services', note: 'Asiakas Matti Virtanen 131052-308T' }));
    await vuoro.send(mention({ ...scene, user: { aadObjectId: '00000000-0000-4000-8000-0000000000bb', name: 'Pekka Päihdetyöntekijä' } }, 'Liisa Laine 0401234567'));
  } finally {
    await vuoro.close();
    await connector.close();
  }
  const stored = allFiles(dir);
  expect(stored).toContain('00000000-0000-4000-8000-0000000000aa');
  expect(stored).toContain('support_services');
  for (const secret of ['Riikka', 'Pekka', 'Matti', 'Virtanen', '131052', 'Liisa', '0401234567', 'note']) {
    expect(stored).not.toContain(secret);
    expect(vuoro.logs.join('')).not.toContain(secret);
  }
});
