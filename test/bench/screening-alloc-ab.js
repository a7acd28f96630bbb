#!/usr/bin/env node
/**
 * Bytes allocated per corpus line by two screener builds (screen() + redact(), word memory forgotten
 * before every pass, as screening-ab.js full-cold), by V8's sampling heap profiler counting objects
 * the scavenger has already freed too. Unlike throughput on this shared two-core machine, the figure
 * barely moves from run to run, so a change that only saves garbage shows here when a timing cannot.
 *   cp -r dist/bot/domain/screening /tmp/screening-before   # before the change
 *   npx tsc -p tsconfig.build.json && NODE_PATH=$PWD/node_modules node test/bench/screening-alloc-ab.js /tmp/screening-before [dist dir] [passes]
 */
'use strict';
const path = require('path');
const inspector = require('inspector');
const { loadCorpus } = require('./score-screening.js');

const root = path.join(__dirname, '..', '..');
const [beforeDir, afterDir = path.join(root, 'dist', 'bot', 'domain', 'screening'), passesArg = '100'] = process.argv.slice(2);
const texts = loadCorpus(path.join(root, 'test', 'fixtures', 'screening-corpus.jsonl')).map((l) => l.text);
const passes = Number(passesArg);

const builds = [beforeDir, afterDir].map((dir) => {
  const { screen, redact, forgetWords } = require(path.resolve(dir));
  return () => {
    forgetWords();
    for (const t of texts) redact(t, screen(t));
  };
});
for (const pass of builds) for (let p = 0; p < 300; p++) pass();

const session = new inspector.Session();
session.connect();
const post = (method, params) =>
  new Promise((resolve, reject) => session.post(method, params, (err, res) => (err ? reject(err) : resolve(res))));

/** Sum of the sampled sizes in a profile tree. */
function total(node) {
  return node.selfSize + node.children.reduce((n, c) => n + total(c), 0);
}

async function bytesPerLine(pass) {
  await post('HeapProfiler.startSampling', { samplingInterval: 64, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  for (let p = 0; p < passes; p++) pass();
  const { profile } = await post('HeapProfiler.stopSampling');
  return total(profile.head) / passes / texts.length;
}

(async () => {
  const [before, after] = [await bytesPerLine(builds[0]), await bytesPerLine(builds[1])];
  console.log('| bytes allocated per corpus line | before | after | after / before |');
  console.log('|---|---:|---:|---:|');
  console.log(`| screen + redact, unseen text (${passes} passes) | ${before.toFixed(0)} | ${after.toFixed(0)} | ${(after / before).toFixed(3)} |`);
})();
