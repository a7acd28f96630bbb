/**
 * `npm run audit:prod` (.ci/audit.js): a high or critical advisory fails the check unless the README
 * explains it; an audit endpoint that gives no report is "not checked", never "clean".
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempDirs } from '../helpers/temp-dir';

const tempDir = tempDirs('audit');
const SCRIPT = path.resolve(__dirname, '..', '..', '.ci', 'audit.js');

function audit(report: unknown): { status: number | null; out: string } {
  const dir = tempDir();
  const file = path.join(dir, 'audit.json');
  fs.writeFileSync(file, JSON.stringify(report));
  const r = spawnSync(process.execPath, [SCRIPT], { env: { ...process.env, VUORO_AUDIT_JSON: file }, encoding: 'utf8' });
  return { status: r.status, out: r.stdout };
}

const vuln = (name: string, severity: string) => ({ name, severity, isDirect: false, via: [], range: '*' });

describe('production dependency audit', () => {
  it('passes when every high or critical advisory is explained in the README', () => {
    const r = audit({ vulnerabilities: { 'find-my-way': vuln('find-my-way', 'high'), debug: vuln('debug', 'moderate') } });
    expect(r.status).toBe(0);
    expect(r.out).toContain('1 high or critical, 0 not explained');
  });

  it('fails on a critical advisory nobody has explained, naming the package', () => {
    const r = audit({ vulnerabilities: { 'left-pad': vuln('left-pad', 'critical'), formidable: vuln('formidable', 'high') } });
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/critical\tleft-pad\tNOT EXPLAINED/);
    expect(r.out).toContain('2 high or critical, 1 not explained');
  });

  it('says "not checked" when the audit endpoint answers with an error', () => {
    const r = audit({ error: { code: 'E405', summary: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk' } });
    expect(r.status).toBe(3);
    expect(r.out).toMatch(/^NOT CHECKED: .*405 Method Not Allowed/);
  });
});
