// `npm run bench`: builds, then runs every test/bench/*.bench.js in turn (each prints its table).
// Set BENCH=name to run only the benchmarks whose file name contains it.
const { execFileSync } = require('child_process');
const { readdirSync } = require('fs');
const path = require('path');

const root = path.join(__dirname, '..', '..');
execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
const only = process.env.BENCH || '';
let failed = 0;
for (const file of readdirSync(__dirname).filter((f) => f.endsWith('.bench.js') && f.includes(only)).sort()) {
  console.log(`\n## ${file}\n`);
  try {
    execFileSync(process.execPath, [path.join(__dirname, file)], { cwd: root, stdio: 'inherit' });
  } catch {
    failed += 1;
    console.log(`(${file} failed)`);
  }
}
process.exit(failed ? 1 : 0);
