#!/usr/bin/env node
/**
 * Speed work on the screener must not change what it finds: screens every line of the four
 * labelled corpora, and variants of each (lower, upper and title case, wrapped in HTML, doubled
 * blanks, line breaks, shuffled words, joined lines, random character edits, cut ends), with two
 * builds and reports every difference in the findings. Exit code 1 when any differ.
 *   cp -r dist/bot/domain/screening /tmp/screening-before   # before the change
 *   npx tsc -p tsconfig.build.json && node test/bench/screening-identity.js /tmp/screening-before
 * (a copy outside the repository needs NODE_PATH=$PWD/node_modules to find the lexicon packages)
 */
'use strict';
const path = require('path');
const { loadCorpus } = require('./score-screening.js');

const root = path.join(__dirname, '..', '..');
const before = require(path.resolve(process.argv[2]));
const after = require(process.argv[3] ? path.resolve(process.argv[3]) : path.join(root, 'dist', 'bot', 'domain', 'screening'));

const texts = ['screening-corpus', 'screening-holdout', 'screening-holdout2', 'screening-holdout3']
  .flatMap((f) => loadCorpus(path.join(root, 'test', 'fixtures', `${f}.jsonl`)).map((l) => l.text));

// a fixed-seed generator: the same variants every run
let seed = 12345;
const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) / 0x7fffffff;
const EDITS = ' .,-:\'0123456789aäöÅBKTsv\n';

function variants(t, i) {
  const out = [t, t.toLowerCase(), t.toUpperCase(), `<p>${t}</p>`, t.replace(/ /g, '  '), t.replace(/\. /g, '.\n'),
    t.replace(/\b([a-zåäö])/g, (m) => m.toUpperCase()), `${t} ${texts[(i + 7) % texts.length]} ${texts[(i + 13) % texts.length]}`,
    t.slice(Math.floor(t.length / 3)), t.slice(0, Math.floor((2 * t.length) / 3))];
  const words = t.split(' ');
  for (let k = 0; k < 3; k++) {
    const w = words.slice();
    for (let j = w.length - 1; j > 0; j--) {
      const r = Math.floor(random() * (j + 1));
      [w[j], w[r]] = [w[r], w[j]];
    }
    out.push(w.join(' '));
    const c = t.split('');
    for (let m = 0; m < 3; m++) {
      const p = Math.floor(random() * c.length);
      const e = EDITS[Math.floor(random() * EDITS.length)];
      if (random() < 0.5) c[p] = e;
      else c.splice(p, 0, e);
    }
    out.push(c.join(''));
  }
  return out;
}

let screened = 0;
let differences = 0;
texts.forEach((t, i) => {
  for (const v of variants(t, i)) {
    screened++;
    const a = JSON.stringify(before.screen(v));
    const b = JSON.stringify(after.screen(v));
    if (a === b) continue;
    differences++;
    if (differences <= 10) console.log(`differs: ${JSON.stringify(v)}\n  before ${a}\n  after  ${b}`);
  }
});
console.log(`${screened} texts screened by both builds, ${differences} with different findings`);
process.exitCode = differences ? 1 : 0;
