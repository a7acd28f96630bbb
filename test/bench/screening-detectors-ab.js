#!/usr/bin/env node
/**
 * Before/after cost of each identifier detector but the name detector, per corpus line, for two (or more)
 * screener builds. Each line is scanned by a build, that build's detector is timed on it (a few calls in a
 * row), and the builds take turns line by line; a line's figure is its fastest time over all passes, so
 * time the scheduler gives other processes and the alternating CPU speed of this shared machine drop out.
 * Warm figures (one line's calls in a row): for the cold whole pipeline use screening-ab.js full-cold.
 *   cp -r dist/bot/domain/screening /tmp/screening-before   # before the change
 *   npx tsc -p tsconfig.build.json && NODE_PATH=$PWD/node_modules node test/bench/screening-detectors-ab.js /tmp/screening-before dist/bot/domain/screening
 * DETECTORS=detectPhone,detectAddress limits the run; PASSES sets the passes (default 25). CHAIN=1 first runs,
 * untimed, the detectors screen() runs before the timed one, so it sees the candidates found before it as
 * screen() gives them (the phone detector skips identity codes and IBANs found already).
 */
'use strict';
const path = require('path');
const { loadCorpus } = require('./score-screening.js');

const root = path.join(__dirname, '..', '..');
const texts = loadCorpus(path.join(root, 'test', 'fixtures', 'screening-corpus.jsonl')).map((l) => l.text);
const dirs = process.argv.slice(2);
const FILES = {
  detectPersonalId: 'detect-personal-id', detectIban: 'detect-iban', detectRecordNumber: 'detect-record-number',
  detectPassportNumber: 'detect-passport-number', detectPhone: 'detect-phone', detectDateOfBirth: 'detect-date-of-birth',
  detectAddress: 'detect-address', detectVehicleNumber: 'detect-vehicle-number', detectEmail: 'detect-email',
};
const names = (process.env.DETECTORS || Object.keys(FILES).join(',')).split(',');
const CALLS = 8;
const CHAIN = process.env.CHAIN === '1';
const PASSES = Number(process.env.PASSES || 25);
const WARM_UP = 10;

function load(dir) {
  const d = path.resolve(dir);
  // the index registers the label and birth words the tokeniser tags
  require(d);
  const tokens = require(path.join(d, 'tokens.js'));
  const { profile, HAS } = require(path.join(d, 'text-profile.js'));
  const { KIND } = require(path.join(d, 'word-kinds.js'));
  // the same guards as screen()'s detect(): a detector is timed only on the lines it runs on
  const guards = {
    detectPersonalId: () => profile.digits > 0 && profile.maxRun >= 6,
    detectIban: (s) => profile.digits > 0 && profile.flags & HAS.letterDigits && s.length >= 15,
    detectRecordNumber: (s, k) => profile.digits >= 4 && k & KIND.recordLabel,
    detectPassportNumber: (s, k) => profile.digits >= 4 && k & KIND.passportLabel,
    detectPhone: () => profile.digits >= 6,
    detectDateOfBirth: (s, k) => profile.digits >= 2 && k & KIND.birth,
    detectAddress: () => profile.digits > 0,
    detectVehicleNumber: () => profile.digits > 0 && profile.flags & HAS.dash,
    detectEmail: () => profile.flags & (HAS.at | HAS.bracket),
  };
  // all of them, in screen()'s order (FILES lists them so), for CHAIN
  const detectors = Object.fromEntries(Object.keys(FILES).map((n) => [n, require(path.join(d, `${FILES[n]}.js`))[n]]));
  return { tokens, profile, guards, detectors };
}

const builds = dirs.map(load);
const best = builds.map(() => Object.fromEntries(names.map((n) => [n, new Float64Array(texts.length).fill(Infinity)])));
const out = [];

function timeLine(b, k, name, i, keep) {
  const t = texts[i];
  const tokens = b.tokens.scanPlain(t);
  if (tokens && b.guards[name](t, b.tokens.tokenKinds())) {
    const ctx = { text: t, tokens, mentions: [], profile: b.profile };
    const kinds = b.tokens.tokenKinds();
    if (CHAIN) {
      for (const before of Object.keys(FILES)) {
        if (before === name) break;
        if (b.guards[before](t, kinds)) b.detectors[before](ctx, out);
      }
    }
    const found = out.length;
    const detect = b.detectors[name];
    const t0 = process.hrtime.bigint();
    for (let c = 0; c < CALLS; c++) {
      detect(ctx, out);
      while (out.length > found) out.pop();
    }
    while (out.length > 0) out.pop();
    const ns = Number(process.hrtime.bigint() - t0) / CALLS;
    if (keep && ns < best[k][name][i]) best[k][name][i] = ns;
  }
  b.tokens.releaseTokens();
}

for (let pass = 0; pass < PASSES + WARM_UP; pass++) {
  for (const name of names) {
    for (let i = 0; i < texts.length; i++) {
      // the order alternates, so neither build always runs right after the other
      for (let j = 0; j < builds.length; j++) {
        const k = (i + pass) % 2 ? builds.length - 1 - j : j;
        timeLine(builds[k], k, name, i, pass >= WARM_UP);
      }
    }
  }
}

const perLine = (k, name) => best[k][name].reduce((sum, ns) => sum + (ns === Infinity ? 0 : ns), 0) / texts.length;
console.log(`| detector (ns per corpus line, fastest of ${PASSES} passes) | ${dirs.join(' | ')} |`);
console.log(`|---|${dirs.map(() => '---:').join('|')}|`);
for (const name of names) console.log(`| ${name} | ${builds.map((b, k) => perLine(k, name).toFixed(1)).join(' | ')} |`);
console.log(`| all of them | ${builds.map((b, k) => names.reduce((sum, n) => sum + perLine(k, n), 0).toFixed(1)).join(' | ')} |`);
