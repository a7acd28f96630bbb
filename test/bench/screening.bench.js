#!/usr/bin/env node
/* global Buffer */
/**
 * Screener benchmark: throughput (MB/s of UTF-8 input) over the labelled corpus and p99 latency for
 * a 2 KB message, for Vuoro's screener and, in the same run on the same texts, the npm packages
 * `redact-pii` (SyncRedactor) and `@redactpii/node` (Redactor). Recall is measured the same way for
 * all three: a labelled identifier counts as caught when its text no longer appears in the
 * tool's redacted output. In-process, no network; bounded to about ten seconds per tool.
 *   npx tsc -p tsconfig.build.json && node test/bench/screening.bench.js [--strict]
 */
'use strict';
const path = require('path');
const { loadCorpus } = require('./score-screening.js');

const root = path.join(__dirname, '..', '..');
// SCREENING_DIST names another build of the screener (a copy of an older dist, for a before/after run).
const { screen, redact, forgetWords } = require(process.env.SCREENING_DIST ? path.resolve(process.env.SCREENING_DIST) : path.join(root, 'dist', 'bot', 'domain', 'screening'));
const { SyncRedactor } = require('redact-pii');
const { Redactor } = require('@redactpii/node');

const corpus = loadCorpus(path.join(root, 'test', 'fixtures', 'screening-corpus.jsonl'));
const texts = corpus.map((l) => l.text);
const corpusBytes = texts.reduce((n, t) => n + Buffer.byteLength(t, 'utf8'), 0);

// A 2 KB message: corpus lines joined the way a long consultation note would run.
let message = '';
for (let i = 0; Buffer.byteLength(message, 'utf8') < 2048; i = (i + 7) % texts.length) message += texts[i] + ' ';

const redactPii = new SyncRedactor();
const redactpiiNode = new Redactor();
// Vuoro remembers (by hash) words it found to be no name; looping over one corpus would hit that
// memory on every pass after the first. The first row forgets it before every pass (text never seen,
// the figure the target is checked on); the second keeps it, as a long meeting's recurring words do.
const tools = [
  { name: 'vuoro screen + redact (unseen text)', run: (t) => redact(t, screen(t)), beforePass: forgetWords },
  { name: 'redact-pii 3.4 (SyncRedactor)', run: (t) => redactPii.redact(t) },
  { name: 'vuoro screen + redact (word memory warm)', run: (t) => redact(t, screen(t)) },
  { name: '@redactpii/node 1.0 (Redactor)', run: (t) => redactpiiNode.redact(t) },
];

function recall(run) {
  let labels = 0;
  let caught = 0;
  for (const line of corpus) {
    const out = run(line.text);
    for (const l of line.labels) {
      labels++;
      if (!out.includes(line.text.slice(l.start, l.end))) caught++;
    }
  }
  return caught / labels;
}

/**
 * Runs the tool over the corpus for `ms` so every tool is measured after the JIT has settled, on the
 * workload that is measured (with `beforePass` before each pass, as the timed passes have it).
 */
function warmUp(run, ms, beforePass) {
  const t0 = Date.now();
  while (Date.now() - t0 < ms) {
    if (beforePass) beforePass();
    for (const t of texts) run(t);
    run(message);
  }
}

/** One throughput sample: MB/s over whole passes of the corpus for about `ms`. */
function throughputSample(run, ms, beforePass) {
  let passes = 0;
  let elapsed = 0;
  while (elapsed < ms) {
    // forgetting is not screening: it stays outside the timed pass
    if (beforePass) beforePass();
    const t0 = process.hrtime.bigint();
    for (const t of texts) run(t);
    elapsed += Number(process.hrtime.bigint() - t0) / 1e6;
    passes++;
  }
  return (corpusBytes * passes) / 1e6 / (elapsed / 1000);
}

/**
 * Appends `n` latency samples of the 2 KB message: wall-clock ms to `wall` and process CPU ms to
 * `cpu`. CPU time still counts garbage collection (also on V8's helper threads) but not the time the
 * shared machine's scheduler gives to other processes, which is what dominates a wall-clock p99 here.
 */
function latencySamples(run, n, wall, cpu, beforeEach) {
  for (let i = 0; i < n; i++) {
    if (beforeEach) beforeEach();
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    run(message);
    const t1 = process.hrtime.bigint();
    const c1 = process.cpuUsage(c0);
    wall.push(Number(t1 - t0) / 1e6);
    cpu.push((c1.user + c1.system) / 1e3);
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))];

// The machine is shared, so its load drifts during a run: the tools take turns in short rounds (same
// texts, no forced GC between them, allocation cost stays in the figures; the order rotates from round
// to round) and each figure is the median over the rounds; the speed-up is the median of the per-round ratios.
const ROUNDS = 9;
const rows = tools.map((tool) => ({ ...tool, recall: recall(tool.run), mbs: [], lat: [], cpu: [] }));
for (const r of rows) warmUp(r.run, 1000, r.beforePass);
for (let round = 0; round < ROUNDS; round++) {
  // the order rotates, so no tool always runs right after the same other (and pays for its garbage)
  for (let k = 0; k < rows.length; k++) {
    const r = rows[(round + k) % rows.length];
    r.mbs.push(throughputSample(r.run, 300, r.beforePass));
    latencySamples(r.run, 600, r.lat, r.cpu, r.beforePass);
  }
}
for (const r of rows) {
  r.mbsMedian = median(r.mbs);
  r.p50 = quantile(r.lat, 0.5);
  r.p99 = quantile(r.lat, 0.99);
  r.p99cpu = quantile(r.cpu, 0.99);
}

const ours = rows[0];
const peer = rows[1];
console.log(`corpus: ${corpus.length} lines, ${(corpusBytes / 1024).toFixed(1)} KB; latency message: ${Buffer.byteLength(message, 'utf8')} bytes\n`);
console.log(`${ROUNDS} interleaved rounds; ${ours.lat.length} latency samples per tool\n`);
console.log('| tool | recall on corpus | throughput MB/s (median, min-max) | p50 ms (2 KB) | p99 ms (2 KB) | p99 CPU ms (2 KB) |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const r of rows) {
  const range = `${Math.min(...r.mbs).toFixed(1)}-${Math.max(...r.mbs).toFixed(1)}`;
  console.log(`| ${r.name} | ${r.recall.toFixed(3)} | ${r.mbsMedian.toFixed(1)} (${range}) | ${r.p50.toFixed(3)} | ${r.p99.toFixed(3)} | ${r.p99cpu.toFixed(3)} |`);
}
const speedup = median(ours.mbs.map((m, i) => m / peer.mbs[i]));
console.log(`\nvuoro / redact-pii throughput: ${speedup.toFixed(1)}x (target >= 10x); vuoro p99 ${ours.p99.toFixed(3)} ms wall, ${ours.p99cpu.toFixed(3)} ms CPU (target < 1 ms)`);
const warm = rows[2];
const warmSpeedup = median(warm.mbs.map((m, i) => m / peer.mbs[i]));
console.log(`with the word memory warm (recurring words, as in a long meeting): ${warmSpeedup.toFixed(1)}x`);
const ok = speedup >= 10 && ours.p99 < 1 && ours.recall > peer.recall;
console.log(ok ? 'targets met' : 'BELOW TARGET');
// Timings on a shared machine jitter; only --strict turns a missed speed target into a failing exit code.
if (process.argv.includes('--strict')) process.exitCode = ok ? 0 : 1;
