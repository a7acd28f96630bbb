import { VuoroUnderTest, startTestVuoro } from '../helpers/vuoro-under-test';

let vuoro: VuoroUnderTest;
beforeAll(async () => {
  vuoro = await startTestVuoro();
});
afterAll(() => vuoro.close());

describe('GET /notice/screening', () => {
  it('explains a sender notice in the asked language, naming the types only', async () => {
    const res = await fetch(`${vuoro.url}/notice/screening?lang=sv&kind=sender&types=personal_id,phone`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    expect(html).toContain('<html lang="sv">');
    expect(html).toContain('(personbeteckning, telefonnummer)');
    expect(html).toContain('Ta bort meddelandet');
  });

  it('shows the policy text by default and ignores anything it does not know', async () => {
    const res = await fetch(`${vuoro.url}/notice/screening?kind=%3Cscript%3E&types=131052-308T,%3Cb%3E`);
    const html = await res.text();
    expect(html).toContain('Vuoro esti viestin');
    expect(html).not.toContain('131052');
    expect(html).not.toContain('<script>');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
  });
});
