import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/** One regular expression found in the sources: a literal, or a `new RegExp(...)` with a constant pattern. */
export interface FoundRegex {
  /** "path:line" for the failure message. */
  where: string;
  source: string;
  flags: string;
}

/** A `new RegExp(...)` whose pattern is not a constant: it must be listed in `dynamic` with its real patterns. */
export interface DynamicRegex {
  where: string;
  code: string;
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'dist' ? [] : tsFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.(spec|test)\.ts$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every regular expression literal and `new RegExp(...)` / `RegExp(...)` in the TypeScript files under `dirs`. */
export function discoverRegexes(root: string, dirs: readonly string[]): { found: FoundRegex[]; dynamic: DynamicRegex[] } {
  const found: FoundRegex[] = [];
  const dynamic: DynamicRegex[] = [];
  for (const file of dirs.flatMap((d) => tsFiles(join(root, d)))) {
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const where = (node: ts.Node) => `${relative(root, file)}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}`;
    const constant = (node: ts.Expression | undefined): string | undefined =>
      node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : undefined;
    const visit = (node: ts.Node): void => {
      if (ts.isRegularExpressionLiteral(node)) {
        const text = node.text;
        const end = text.lastIndexOf('/');
        found.push({ where: where(node), source: text.slice(1, end), flags: text.slice(end + 1) });
      } else if (
        (ts.isNewExpression(node) || ts.isCallExpression(node)) &&
        ts.isIdentifier(node.expression) &&
        node.expression.text === 'RegExp'
      ) {
        const [pattern, flags] = node.arguments ?? [];
        const source = constant(pattern);
        if (source !== undefined && (flags === undefined || constant(flags) !== undefined)) {
          found.push({ where: where(node), source, flags: constant(flags) ?? '' });
        } else {
          dynamic.push({ where: where(node), code: node.getText(sf) });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return { found, dynamic };
}

/**
 * Characters a pattern can consume, read from its own text: literal characters, members of its
 * classes (each range's ends) and a representative of each escape class. These are what an
 * attacker repeats to make a backtracking engine try every split of a run.
 */
export function patternAlphabet(source: string): string[] {
  const out = new Set<string>();
  const escapes: Record<string, string[]> = {
    s: [' ', '\t', '\n', '\u00a0'],
    S: ['a', '!'],
    d: ['0'],
    D: ['a'],
    w: ['a', '_', '0'],
    W: ['!', ' '],
    b: [],
    B: [],
    n: ['\n'],
    r: ['\r'],
    t: ['\t'],
    f: ['\f'],
    v: ['\v'],
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      const next = source[i + 1] ?? '';
      if (next === 'p' || next === 'P') {
        const close = source.indexOf('}', i);
        const name = source.slice(i + 3, close);
        const samples: Record<string, string[]> = { L: ['a', 'я'], N: ['1'], Extended_Pictographic: ['😀'] };
        for (const s of samples[name.replace(/^.*=/, '')] ?? ['a']) out.add(s);
        i = close;
        continue;
      }
      if (next === 'u' && source[i + 2] === '{') {
        const close = source.indexOf('}', i);
        out.add(String.fromCodePoint(parseInt(source.slice(i + 3, close), 16)));
        i = close;
        continue;
      }
      if (next === 'u' || next === 'x') {
        const len = next === 'u' ? 4 : 2;
        out.add(String.fromCharCode(parseInt(source.slice(i + 2, i + 2 + len), 16)));
        i += 1 + len;
        continue;
      }
      if (/\d/.test(next)) {
        i += 1;
        continue;
      }
      for (const s of escapes[next] ?? [next]) out.add(s);
      i += 1;
      continue;
    }
    if ('()[]{}|*+?^$'.includes(c)) continue;
    if (c === '.') out.add('a');
    else out.add(c);
  }
  return [...out];
}

/** Runs of plain characters in a pattern ("rt", "<!--", "<script"): prefixes that get an attacker into a loop. */
export function literalRuns(source: string): string[] {
  const runs = new Set<string>();
  let run = '';
  let inClass = false;
  const flush = () => {
    if (run.length >= 2) runs.add(run);
    run = '';
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (inClass) {
      if (c === '\\') i += 1;
      else if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') {
      flush();
      inClass = true;
    } else if (c === '\\') {
      const next = source[i + 1] ?? '';
      if (/[\\/.\-:<>!?*+()[\]{}|^$&#@]/.test(next)) run += next;
      else flush();
      i += 1;
    } else if ('()|^$.'.includes(c)) {
      flush();
    } else if ('*+?{'.includes(c)) {
      // The quantified character is optional or repeated: the run ends before it.
      run = run.slice(0, -1);
      flush();
      if (c === '{') i = source.indexOf('}', i);
    } else {
      run += c;
    }
  }
  flush();
  return [...runs];
}

/** One attack input: `prefix + pump × n + suffix`, where the suffix makes the match fail at the end. */
export interface Attack {
  prefix: string;
  pump: string;
  suffix: string;
}

const GENERIC = ['a', ' ', '\t', '0', '.', '-', '<', '>', '@', '&', '#', '!', 'я', '/', ':', '"', "'", '='];

/** Attack inputs built from a pattern's own structure, plus generic ones every pattern is tried with. */
export function attacksFor(source: string): Attack[] {
  const alphabet = [...new Set([...patternAlphabet(source), ...GENERIC])];
  const runs = literalRuns(source);
  const pumps = new Set<string>([...alphabet, ...runs]);
  // Two-character pumps alternate between what different parts of a pattern can eat ("a." for \w+(\.\w+)*).
  const own = patternAlphabet(source).slice(0, 24);
  for (const x of own) for (const y of own) if (x !== y) pumps.add(x + y);
  for (const run of runs) for (const x of own) pumps.add(run + x);
  const prefixes = ['', ...runs.map((r) => r + ' '), ...runs];
  const attacks: Attack[] = [];
  for (const prefix of prefixes) for (const pump of pumps) attacks.push({ prefix, pump, suffix: '\u0001' });
  return attacks;
}
