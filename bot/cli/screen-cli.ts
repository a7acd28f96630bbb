/**
 * Command-line screener.
 *   npm run --silent screen -- --jsonl   stdin: {"id","text"} per line; stdout: {"id","findings":[{type,start,end}]} per line
 *   npm run --silent screen              stdin: plain text; stdout: a findings table and the redacted text
 * In --jsonl mode stdout carries only the result lines; problems go to stderr without any text.
 */
import * as readline from 'node:readline';
import { redact, screen, type Finding } from '../domain/screening';

function compact(findings: Finding[]): Array<{ type: string; start: number; end: number }> {
  return findings.map((f) => ({ type: f.type, start: f.start, end: f.end }));
}

/** Screens one JSON line; a line that is not valid JSON gets an error line with its number only. */
export function screenJsonLine(line: string, lineNo: number): string | null {
  if (!line.trim()) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    process.stderr.write(`line ${lineNo}: not valid JSON\n`);
    return JSON.stringify({ id: null, findings: [], error: 'invalid_json' });
  }
  const obj = (parsed ?? {}) as { id?: unknown; text?: unknown };
  const text = typeof obj.text === 'string' ? obj.text : '';
  return JSON.stringify({ id: obj.id ?? null, findings: compact(screen(text)) });
}

/** A readable table of findings (type, offsets, confidence) without the identifying text. */
export function findingsTable(findings: Finding[]): string {
  const rows = findings.map((f) => `| ${f.type} | ${f.start} | ${f.end} | ${f.confidence.toFixed(2)} |`);
  return ['| type | start | end | confidence |', '|---|---:|---:|---:|', ...rows].join('\n');
}

async function runJsonl(): Promise<void> {
  const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  let n = 0;
  for await (const line of rl) {
    n++;
    const out = screenJsonLine(line, n);
    if (out !== null) process.stdout.write(out + '\n');
  }
}

async function runPlain(): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  const findings = screen(text);
  process.stdout.write(`${findingsTable(findings)}\n\n${findings.length} finding(s)\n\n${redact(text, findings)}\n`);
}

if (require.main === module) {
  const run = process.argv.includes('--jsonl') ? runJsonl : runPlain;
  run().catch((err: unknown) => {
    process.stderr.write(`screen: ${err instanceof Error ? err.name : 'error'}\n`);
    process.exitCode = 1;
  });
}
