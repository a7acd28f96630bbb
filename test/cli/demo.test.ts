/**
 * `npm run demo` against a running server: a new user sees the intake card and the live tally.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { builtEntry } from '../helpers/built-server';
import { startTestVuoro } from '../helpers/vuoro-under-test';

const run = promisify(execFile);

it('plays a meeting start and three answers and prints the tally readably', async () => {
  builtEntry();
  const vuoro = await startTestVuoro();
  try {
    const { stdout } = await run(process.execPath, [join(__dirname, '..', '..', 'dist', 'bot', 'cli', 'demo.js')], { env: { ...process.env, VUORO_URL: vuoro.url } });
    expect(stdout).not.toContain('started one in memory');
    expect(stdout).toContain('== Tapausten kartoitus ==');
    expect(stdout).toMatch(/Asiakastapauksia: 6\n\s+Ilmiöitä ja yhteistyöasioita: 1\n\s+Vastanneita: 3/);
    expect(stdout).toContain('Edustetut palvelut: Terveysasema, Aikuisten sosiaalipalvelut, Kela');
    expect(stdout).toContain('[ Lähetä vastaus ]');
  } finally {
    await vuoro.close();
  }
}, 60_000);
