/**
 * Test helper: just enough Bicep reading (no Bicep CLI offline) to check the templates' structure:
 * comments stripped, blocks by brace matching, params with their decorators, module calls, outputs.
 */
import { readFileSync } from 'node:fs';

/** The file's text with `//` and block comments removed; string contents kept. */
export function readBicep(file: string): string {
  const src = readFileSync(file, 'utf8');
  let out = '';
  let inString = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (inString) {
      out += c;
      if (c === '\\') out += src[++i] ?? '';
      else if (c === "'") inString = false;
    } else if (c === "'") {
      inString = true;
      out += c;
    } else if (c === '/' && src[i + 1] === '/') {
      while (i < src.length && src[i] !== '\n') i++;
      out += '\n';
    } else if (c === '/' && src[i + 1] === '*') {
      i = src.indexOf('*/', i + 2) + 1;
    } else out += c;
  }
  return out;
}

/** The text inside the first `{ … }` starting at or after `from` (strings skipped when matching). */
export function blockFrom(text: string, from: number): string {
  const open = text.indexOf('{', from);
  let depth = 0;
  let inString = false;
  for (let i = open; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      if (c === "'") inString = false;
      continue;
    }
    if (c === "'") inString = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return text.slice(open + 1, i);
  }
  throw new Error(`unbalanced braces after offset ${from}`);
}

/** Property names at the top level of an object body (nested objects and arrays skipped). */
export function topLevelKeys(body: string): string[] {
  const keys: string[] = [];
  let depth = 0;
  for (const line of body.split('\n')) {
    const m = depth === 0 ? /^\s*'?([A-Za-z_$][\w$.-]*)'?\s*:/.exec(line) : null;
    if (m) keys.push(m[1]!);
    for (const c of line.replace(/'(?:[^'\\]|\\.)*'/g, "''")) {
      if (c === '{' || c === '[') depth++;
      if (c === '}' || c === ']') depth--;
    }
  }
  return keys;
}

/** A `param` declaration with the decorators written above it. */
export interface BicepParam {
  name: string;
  decorators: string[];
  hasDefault: boolean;
  secure: boolean;
  line: string;
}

/** Every param declaration; multi-line decorators such as `@allowed([ … ])` are kept whole. */
export function params(text: string): BicepParam[] {
  const found: BicepParam[] = [];
  let pending: string[] = [];
  let open = 0;
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (open > 0) {
      pending[pending.length - 1] += `\n${trimmed}`;
      open += (trimmed.match(/\(/g) ?? []).length - (trimmed.match(/\)/g) ?? []).length;
    } else if (trimmed.startsWith('@')) {
      pending.push(trimmed);
      open = (trimmed.match(/\(/g) ?? []).length - (trimmed.match(/\)/g) ?? []).length;
    } else if (trimmed.startsWith('param ')) {
      const m = /^param\s+(\w+)\s+\w+(\[\])?\s*(=)?/.exec(trimmed);
      if (!m) throw new Error(`unreadable param: ${trimmed}`);
      found.push({ name: m[1]!, decorators: pending, hasDefault: Boolean(m[3]), secure: pending.some((d) => d.startsWith('@secure')), line: trimmed });
      pending = [];
    } else if (trimmed) pending = [];
  }
  return found;
}

/** `module sym 'path' = { params: { … } }` calls: the symbol, the path and the names passed. */
export function moduleCalls(text: string): { symbol: string; path: string; passed: string[] }[] {
  return [...text.matchAll(/^module\s+(\w+)\s+'([^']+)'\s*=/gm)].map((m) => {
    const body = blockFrom(text, m.index);
    const paramsAt = body.search(/^\s*params\s*:/m);
    return { symbol: m[1]!, path: m[2]!, passed: paramsAt < 0 ? [] : topLevelKeys(blockFrom(body, paramsAt)) };
  });
}

/** Names of the `output` declarations. */
export function outputs(text: string): string[] {
  return [...text.matchAll(/^output\s+(\w+)\s/gm)].map((m) => m[1]!);
}

/** Top-level keys of the object literal a `var` is set to (the first `{` after its `=`). */
export function varObjectKeys(text: string, varName: string): string[] {
  const m = new RegExp(`^var\\s+${varName}\\s*=`, 'm').exec(text);
  if (!m) throw new Error(`no var ${varName}`);
  return topLevelKeys(blockFrom(text, m.index));
}
