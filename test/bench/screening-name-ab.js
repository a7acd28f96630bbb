#!/usr/bin/env node
/**
 * Before/after cost of the name detector alone, per corpus line, for two (or more) screener builds.
 * Each line is scanned by a build and detectName() is timed on it (a few calls in a row, word memory
 * warm after the first); the builds take turns line by line and a line's figure is its fastest time
 * over all passes, so the scheduler and this shared machine's alternating CPU speed drop out. The
 * cost of deciding on names once they are read; for the cold whole pipeline use screening-ab.js full-cold.
 *   cp -r dist/bot/domain/screening /tmp/screening-before   # before the change
 *   npx tsc -p tsconfig.build.json && NODE_PATH=$PWD/node_modules node test/bench/screening-name-ab.js /tmp/screening-before dist/bot/domain/screening
 * PASSES sets the passes (default 25).
 */
'use strict';
const path = require('path');
const { loadCorpus } = require('./score-screening.js');

const root = path.join(__dirname, '..', '..');
const texts = loadCorpus(path.join(root, 'test', 'fixtures', 'screening-corpus.jsonl')).map((l) => l.text);
const dirs = process.argv.slice(2);
const CALLS = 8;
const PASSES = Number(process.env.PASSES || 25);
const WARM_UP = 10;

function load(dir) {
  const d = path.resolve(dir);
  require(d);
  const tokens = require(path.join(d, 'tokens.js'));
  const { profile } = require(path.join(d, 'text-profile.js'));
  const { detectName } = require(path.join(d, 'detect-name.js'));
  return { tokens, profile, detectName };
}

const builds = dirs.map(load);
const best = builds.map(() => new Float64Array(texts.length).fill(Infinity));
const out = [];

function timeLine(b, k, i, keep) {
  const t = texts[i];
  const tokens = b.tokens.scanPlain(t);
  if (tokens) {
    const ctx = { text: t, tokens, mentions: [], profile: b.profile };
    const t0 = process.hrtime.bigint();
    for (let c = 0; c < CALLS; c++) {
      b.detectName(ctx, out);
      out.length = 0;
    }
    const ns = Number(process.hrtime.bigint() - t0) / CALLS;
    if (keep && ns < best[k][i]) best[k][i] = ns;
  }
  b.tokens.releaseTokens();
}

for (let pass = 0; pass < PASSES + WARM_UP; pass++) {
  for (let i = 0; i < texts.length; i++) {
    // the order alternates, so neither build always runs right after the other
    for (let j = 0; j < builds.length; j++) {
      const k = (i + pass) % 2 ? builds.length - 1 - j : j;
      timeLine(builds[k], k, i, pass >= WARM_UP);
    }
  }
}

const perLine = (k) => best[k].reduce((sum, ns) => sum + (ns === Infinity ? 0 : ns), 0) / texts.length;
console.log(`| detectName (ns per corpus line, fastest of ${PASSES} passes) | ${dirs.join(' | ')} |`);
console.log(`|---|${dirs.map(() => '---:').join('|')}|`);
console.log(`| detectName | ${builds.map((b, k) => perLine(k).toFixed(1)).join(' | ')} |`);
