#!/usr/bin/env node
/**
 * Before/after cost of reading a word outside the lexicons (name-reading.ts readWord: base forms,
 * the form-hash bit set, table probes) in two screener builds, interleaved in one process: that
 * path is a few per cent of a screening pass, below what screening-ab.js can tell apart on this
 * shared machine. Words: the corpus's capitalised words that are in no lexicon, read in place.
 *   cp -r dist/bot/domain/screening /tmp/screening-before   # before the change
 *   npx tsc -p tsconfig.build.json && NODE_PATH=$PWD/node_modules node test/bench/screening-read-word-ab.js /tmp/screening-before [dist dir]
 */
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..', '..');
const [beforeDir, afterDir = path.join(root, 'dist', 'bot', 'domain', 'screening')] = process.argv.slice(2);
const builds = [beforeDir, afterDir].map((dir) => {
  const lex = require(path.join(path.resolve(dir), 'lexicons.js')).lexicons();
  const { readWord } = require(path.join(path.resolve(dir), 'name-reading.js'));
  // builds before the compact base-form table took (flags, formHashes); later ones take the lexicons
  const read = readWord.length >= 6 ? (s, a, b) => readWord(s, a, b, 0, lex.flags, lex.formHashes) : (s, a, b) => readWord(s, a, b, 0, lex);
  return { lex, read };
});

const words = [];
for (const line of fs.readFileSync(path.join(root, 'test', 'fixtures', 'screening-corpus.jsonl'), 'utf8').split('\n')) {
  for (const w of line.match(/\p{Lu}[\p{L}-]+/gu) ?? []) if (builds[0].lex.flags.getWord(w.toLowerCase()) === 0) words.push(w);
}
const text = words.join(' ');
const spans = [];
let at = 0;
for (const w of words) {
  spans.push(at, at + w.length);
  at += w.length + 1;
}

const REPS = 200;
const ns = [[], []];
let sink = 0;
for (let round = 0; round < 41; round++) {
  for (let o = 0; o < 2; o++) {
    const b = round & 1 ? 1 - o : o;
    const { read } = builds[b];
    const t = process.hrtime.bigint();
    for (let rep = 0; rep < REPS; rep++) {
      for (let i = 0; i < spans.length; i += 2) sink += read(text, spans[i], spans[i + 1]);
    }
    ns[b].push(Number(process.hrtime.bigint() - t) / REPS / words.length);
  }
}
const median = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
const [before, after] = ns.map(median);
console.log(`${words.length} words outside the lexicons (checksum ${sink})\n`);
console.log('| readWord | before ns/word | after ns/word | before / after |\n|---|---:|---:|---:|');
console.log(`| median of 41 rounds | ${before.toFixed(1)} | ${after.toFixed(1)} | ${(before / after).toFixed(3)} |`);
