#!/usr/bin/env node
// `npm run audit:prod`: npm audit of the production dependencies. Fails on a high or critical
// advisory unless README.md's "Security advisories" table explains it (by package name). Where the
// registry's audit endpoint cannot be reached (this workplace answers 405) it says so plainly and
// exits 3, so nobody mistakes "not checked" for "clean".
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');

/** Package names in the README's advisories table: rows whose first cell is `name`. */
function explained() {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const section = readme.split(/^## Security advisories$/m)[1]?.split(/^## /m)[0] ?? '';
  return new Set([...section.matchAll(/^\| `([^`]+)`/gm)].map((m) => m[1]));
}

function auditJson() {
  if (process.env.VUORO_AUDIT_JSON) return fs.readFileSync(process.env.VUORO_AUDIT_JSON, 'utf8');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  return spawnSync(npm, ['audit', '--omit=dev', '--json'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).stdout;
}

let report;
try {
  report = JSON.parse(auditJson() || '{}');
} catch {
  report = {};
}
if (!report.vulnerabilities) {
  const why = report.error?.summary || report.message || 'no audit report';
  console.log(`NOT CHECKED: the npm audit endpoint gave no report (${String(why).split('\n')[0]}). See README "Security advisories".`);
  process.exit(3);
}
const known = explained();
const serious = Object.values(report.vulnerabilities).filter((v) => v.severity === 'high' || v.severity === 'critical');
const unexplained = serious.filter((v) => !known.has(v.name));
for (const v of serious) console.log(`${v.severity}\t${v.name}\t${known.has(v.name) ? 'explained in README' : 'NOT EXPLAINED'}`);
console.log(`${serious.length} high or critical, ${unexplained.length} not explained`);
process.exit(unexplained.length ? 1 : 0);
