#!/usr/bin/env node
/* global Buffer */
/**
 * Before/after throughput of two screener builds in ONE process, in interleaved short rounds timed
 * by process CPU time: on this shared two-core machine separate bench runs drift by more than most
 * changes are worth, while the ratio of neighbouring rounds holds. `scan` times the tokeniser pass
 * alone, `screen` screen(), `full` screen() + redact() (what screening.bench.js measures), `full-cold` the same
 * with each build's word memory forgotten before every pass (outside the timed part), as on unseen text.
 *   cp -r dist/bot/domain/screening /tmp/screening-before   # before the change
 *   npx tsc -p tsconfig.build.json && node test/bench/screening-ab.js /tmp/screening-before [dist dir] [scan|screen|full] [rounds]
 * (a copy outside the repository needs NODE_PATH=$PWD/node_modules to find the lexicon packages)
 */
'use strict';
const path = require('path');
const { loadCorpus } = require('./score-screening.js');

const root = path.join(__dirname, '..', '..');
const [beforeDir, afterDir = path.join(root, 'dist', 'bot', 'domain', 'screening'), mode = 'full', roundsArg = '41'] = process.argv.slice(2);
const texts = loadCorpus(path.join(root, 'test', 'fixtures', 'screening-corpus.jsonl')).map((l) => l.text);
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t, 'utf8'), 0);

function load(dir) {
  const screening = require(path.resolve(dir));
  const tokens = require(path.join(path.resolve(dir), 'tokens.js'));
  if (mode === 'scan') return (t) => {
    tokens.scanPlain(t);
    tokens.releaseTokens();
  };
  if (mode === 'screen') return screening.screen;
  return (t) => screening.redact(t, screening.screen(t));
}

const cold = mode === 'full-cold';
const forgets = [beforeDir, afterDir].map((dir) => require(path.resolve(dir)).forgetWords ?? (() => {}));
const runs = [load(beforeDir), load(afterDir)];
/** MB/s of `passes` passes over the corpus, by CPU time (time the scheduler gives other processes does not count). */
function sample(o, passes) {
  const run = runs[o];
  let cpu = 0;
  for (let p = 0; p < passes; p++) {
    if (cold) forgets[o]();
    const c0 = process.cpuUsage();
    for (const t of texts) run(t);
    const c = process.cpuUsage(c0);
    cpu += c.user + c.system;
  }
  return (bytes * passes) / 1e6 / (cpu / 1e6);
}
for (let o = 0; o < runs.length; o++) sample(o, 150);
const passes = mode === 'scan' ? 20 : 6;
const before = [];
const after = [];
const ratios = [];
for (let k = 0; k < Number(roundsArg); k++) {
  // the order alternates, so neither build always runs right after the other's garbage
  const m = [];
  for (const o of k % 2 ? [1, 0] : [0, 1]) m[o] = sample(o, passes);
  before.push(m[0]);
  after.push(m[1]);
  ratios.push(m[1] / m[0]);
}
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
console.log(`| ${mode} | before MB/s | after MB/s | after / before |`);
console.log('|---|---:|---:|---:|');
console.log(`| median of ${ratios.length} rounds | ${median(before).toFixed(1)} | ${median(after).toFixed(1)} | ${median(ratios).toFixed(3)} |`);
console.log(`| best round | ${Math.max(...before).toFixed(1)} | ${Math.max(...after).toFixed(1)} | ${(Math.max(...after) / Math.max(...before)).toFixed(3)} |`);
