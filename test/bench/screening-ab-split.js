#!/usr/bin/env node
/**
 * Before/after throughput of two screener builds, each in processes of its own, run alternately
 * (before, after, after, before, ...). screening-ab.js loads both builds into one process; there a
 * second copy of the very same build was measured 8 % to 2.4x slower than the first in some runs
 * (the two copies' optimised code differs), which hides a change of a few per cent. Here each
 * process loads one build, warms it, and times many short samples by CPU time; the fastest samples
 * are the ones the neighbours on this shared machine disturbed least, so the figures compared are
 * the per-process minimum and the eighth-fastest sample, as medians over the processes.
 *   cp -r dist/bot/domain/screening /tmp/screening-before   # before the change
 *   npx tsc -p tsconfig.build.json && NODE_PATH=$PWD/node_modules node test/bench/screening-ab-split.js /tmp/screening-before [dist dir] [scan|full-cold] [pairs]
 */
'use strict';
const path = require('path');
const { execFileSync } = require('child_process');
const { loadCorpus } = require('./score-screening.js');

const root = path.join(__dirname, '..', '..');

/** In a child: time one build, print "min p12" ns per corpus line. */
function child(dir, mode) {
  const texts = loadCorpus(path.join(root, 'test', 'fixtures', 'screening-corpus.jsonl')).map((l) => l.text);
  const screening = require(path.resolve(dir));
  const tokens = require(path.join(path.resolve(dir), 'tokens.js'));
  const run = mode === 'scan' ? (t) => {
    tokens.scanPlain(t);
    tokens.releaseTokens();
  } : (t) => screening.redact(t, screening.screen(t));
  const pass = () => {
    if (mode !== 'scan') screening.forgetWords();
    for (const t of texts) run(t);
  };
  for (let k = 0; k < 500; k++) pass();
  const samples = [];
  for (let k = 0; k < 100; k++) {
    const c0 = process.cpuUsage();
    pass();
    pass();
    const c = process.cpuUsage(c0);
    samples.push(((c.user + c.system) * 1000) / (2 * texts.length));
  }
  samples.sort((a, b) => a - b);
  console.log(`${samples[0]} ${samples[12]}`);
}

function main() {
  const [beforeDir, afterDir = path.join(root, 'dist', 'bot', 'domain', 'screening'), mode = 'full-cold', pairsArg = '10'] = process.argv.slice(2);
  const figures = { [beforeDir]: [], [afterDir]: [] };
  for (let k = 0; k < Number(pairsArg); k++) {
    for (const dir of k % 2 ? [afterDir, beforeDir] : [beforeDir, afterDir]) {
      const out = execFileSync(process.execPath, [path.join(__dirname, 'screening-ab-split.js'), '--child', dir, mode], { encoding: 'utf8' });
      figures[dir].push(out.trim().split(' ').map(Number));
    }
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  const column = (dir, i) => median(figures[dir].map((f) => f[i]));
  console.log(`| ${mode}, ${pairsArg} processes each | before ns/line | after ns/line | after / before time |`);
  console.log('|---|---:|---:|---:|');
  for (const [label, i] of [['median of per-process minimum', 0], ['median of per-process 8th-fastest', 1]]) {
    console.log(`| ${label} | ${column(beforeDir, i).toFixed(1)} | ${column(afterDir, i).toFixed(1)} | ${(column(afterDir, i) / column(beforeDir, i)).toFixed(3)} |`);
  }
}

if (process.argv[2] === '--child') child(process.argv[3], process.argv[4]);
else main();
