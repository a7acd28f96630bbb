#!/usr/bin/env node
/**
 * Scores a screener on the labelled corpus: recall, precision and the share of negative lines
 * with any finding, per type and overall. A label counts as found when a finding of the same type
 * overlaps it. Run after `npx tsc -p tsconfig.build.json`:
 *   node test/bench/score-screening.js [corpus.jsonl]
 * Tests call scoreCorpus() with the TypeScript screen().
 */
'use strict';
const fs = require('fs');
const path = require('path');

const TYPES = ['personal_id', 'phone', 'email', 'iban', 'address', 'name', 'date_of_birth', 'record_number', 'vehicle_number', 'passport_number'];

/** Targets from issue 3. */
const TARGETS = { recall: { personal_id: 1, email: 1, iban: 1, phone: 0.98 }, overallRecall: 0.95, precision: 0.9, negativeShare: 0.03 };

function loadCorpus(file) {
  return fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
}

const overlaps = (a, b) => a.start < b.end && b.start < a.end;

/** Scores `screenFn(text) -> [{type,start,end}]` on `lines`. */
function scoreCorpus(lines, screenFn) {
  const per = Object.fromEntries(TYPES.map((t) => [t, { labels: 0, found: 0, findings: 0, correct: 0, negLines: 0 }]));
  let negatives = 0;
  let negativesWithFinding = 0;
  const misses = [];
  const falsePositives = [];
  for (const line of lines) {
    const findings = screenFn(line.text);
    const isNegative = line.labels.length === 0;
    if (isNegative) {
      negatives++;
      if (findings.length) negativesWithFinding++;
      for (const t of new Set(findings.map((f) => f.type))) per[t].negLines++;
    }
    for (const l of line.labels) {
      per[l.type].labels++;
      if (findings.some((f) => f.type === l.type && overlaps(f, l))) per[l.type].found++;
      else misses.push({ id: line.id, type: l.type });
    }
    for (const f of findings) {
      per[f.type].findings++;
      if (line.labels.some((l) => l.type === f.type && overlaps(f, l))) per[f.type].correct++;
      else falsePositives.push({ id: line.id, type: f.type });
    }
  }
  const ratio = (a, b) => (b === 0 ? 1 : a / b);
  const rows = TYPES.map((t) => ({
    type: t,
    labels: per[t].labels,
    recall: ratio(per[t].found, per[t].labels),
    precision: ratio(per[t].correct, per[t].findings),
    negativeShare: ratio(per[t].negLines, negatives) * (negatives ? 1 : 0),
  }));
  const sum = (k) => TYPES.reduce((n, t) => n + per[t][k], 0);
  const overall = {
    type: 'overall',
    labels: sum('labels'),
    recall: ratio(sum('found'), sum('labels')),
    precision: ratio(sum('correct'), sum('findings')),
    negativeShare: negatives ? negativesWithFinding / negatives : 0,
  };
  return { rows, overall, lines: lines.length, negatives, misses, falsePositives };
}

/** Target failures as readable strings (empty when every target is met). */
function targetFailures(score) {
  const fails = [];
  for (const [type, min] of Object.entries(TARGETS.recall)) {
    const row = score.rows.find((r) => r.type === type);
    if (row.labels > 0 && row.recall < min) fails.push(`${type} recall ${row.recall.toFixed(3)} < ${min}`);
  }
  if (score.overall.recall < TARGETS.overallRecall) fails.push(`overall recall ${score.overall.recall.toFixed(3)} < ${TARGETS.overallRecall}`);
  if (score.overall.precision < TARGETS.precision) fails.push(`overall precision ${score.overall.precision.toFixed(3)} < ${TARGETS.precision}`);
  if (score.overall.negativeShare > TARGETS.negativeShare) fails.push(`negative lines with a finding ${score.overall.negativeShare.toFixed(3)} > ${TARGETS.negativeShare}`);
  return fails;
}

function table(score) {
  const f = (x) => x.toFixed(3);
  const out = ['| type | labels | recall | precision | negative lines with finding |', '|---|---:|---:|---:|---:|'];
  for (const r of [...score.rows, score.overall]) out.push(`| ${r.type} | ${r.labels} | ${f(r.recall)} | ${f(r.precision)} | ${(100 * r.negativeShare).toFixed(1)}% |`);
  return out.join('\n');
}

module.exports = { scoreCorpus, targetFailures, loadCorpus, table, TARGETS, TYPES };

if (require.main === module) {
  const file = process.argv.slice(2).find((a) => !a.startsWith('--')) || path.join(__dirname, '..', 'fixtures', 'screening-corpus.jsonl');
  const { screen } = require(path.join(__dirname, '..', '..', 'dist', 'bot', 'domain', 'screening'));
  const score = scoreCorpus(loadCorpus(file), screen);
  console.log(`corpus: ${score.lines} lines, ${score.negatives} negatives\n`);
  console.log(table(score));
  const fails = targetFailures(score);
  if (process.argv.includes('--verbose')) {
    console.log('\nmisses:', score.misses.map((m) => `${m.id}:${m.type}`).join(' '));
    console.log('false positives:', score.falsePositives.map((m) => `${m.id}:${m.type}`).join(' '));
  }
  console.log(fails.length ? `\nBELOW TARGET: ${fails.join('; ')}` : '\nall targets met');
  process.exitCode = fails.length ? 1 : 0;
}
