/**
 * Values of Gradle build scripts (Groovy and Kotlin DSL) as shell words, for the commands
 * gradle.ts reads out of them: string literals and their `$x` / `${expr}` interpolations,
 * `buildDir` / `layout.buildDirectory` (DIR/build), `rootDir` / `projectDir` (DIR, the script's
 * folder), `.parentFile`, `.dir("x")`, `file()` / `files()` / `fileTree()`, `new File(a, b)`,
 * `Paths.get(…)`, `a + b`, `System.getProperty('user.home')`, `System.getenv('X')` (`"$X"`), and
 * variables assigned once. A value not known statically is a word the shell cannot know
 * (`"$(gradle_value)"`), so what it decides is asked (fail closed).
 */
import { posix } from 'node:path';
import { callArgs, lex, type Lexed } from './codelex.js';
import { topLevelSplit } from './codescan-values.js';

/** Where a script's values are read: its lexed code, its folder, the home folder and its variables. */
export interface GradleCtx {
  lx: Lexed;
  /** The folder of the script (rootDir, projectDir). */
  dir: string;
  home: string;
  /** `def|val|var|String|File NAME = EXPR` assigned once: name → expression on the skeleton; null = assigned more than once. */
  vars: Map<string, string | null>;
}

/** One piece of a shell word: literal text, or shell text (`"$HOME"`, a value not known). */
export type Part = { lit: string } | { sh: string };

// fail closed: a value not known statically is a command substitution the shell cannot know
// either, so a path or argument it decides asks
const UNKNOWN: Part[] = [{ sh: '"$(gradle_value)"' }];

const quote = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;

/** The shell word of parts (adjacent literal text quoted as one). */
export function shellWord(parts: Part[]): string {
  const out: string[] = [];
  let text: string | undefined;
  for (const p of [...parts, { sh: '' }]) {
    if ('lit' in p) text = (text ?? '') + p.lit;
    else {
      if (text !== undefined) out.push(quote(text));
      text = undefined;
      out.push(p.sh);
    }
  }
  return out.join('') || "''";
}

/** Variables a script assigns once (`def d = …`, `val d: File = …`, `String d = …`). */
export function gradleVars(skel: string): Map<string, string | null> {
  const out = new Map<string, string | null>();
  const re = /\b(?:def|val|var|final|String|File|Object)\s+(\w+)(?:\s*:\s*[\w.<>?]+)?\s*=\s*([^;\n]+)/g;
  for (const m of skel.matchAll(re)) out.set(m[1], out.has(m[1]) ? null : m[2].trim());
  return out;
}

const literal = (parts: Part[] | undefined) =>
  parts?.every((p) => 'lit' in p) ? parts.map((p) => (p as { lit: string }).lit).join('') : undefined;

/** Folders the Gradle API names: name (after `project.` / `rootProject.`) → path under the script's folder. */
const FOLDERS: Record<string, (dir: string, home: string) => string> = {
  buildDir: (d) => `${d}/build`,
  'layout.buildDirectory': (d) => `${d}/build`,
  buildDirectory: (d) => `${d}/build`,
  rootDir: (d) => d,
  projectDir: (d) => d,
  settingsDir: (d) => d,
  'layout.projectDirectory': (d) => d,
  'gradle.gradleUserHomeDir': (_d, h) => `${h}/.gradle`,
  gradleUserHomeDir: (_d, h) => `${h}/.gradle`,
};

/** The arguments of a call whose argument text is `inner` (named ones dropped unless `keep`). */
export function argsOf(inner: string, keep = false): string[] {
  return callArgs(`${inner})`, 0)
    .args.map((a) => a.trim())
    .filter((a) => a && (keep || !/^\w+\s*:[^:]/.test(a)));
}

/** A string literal's interpolated value: `"$buildDir/x"`, `"${rootDir}/y"`. */
function interpolated(text: string, c: GradleCtx, hops: number): Part[] {
  const out: Part[] = [];
  let at = 0;
  for (const m of text.matchAll(/\$\{([^}]*)\}|\$([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)/g)) {
    if (m.index > at) out.push({ lit: text.slice(at, m.index) });
    const inner = lex(m[1] ?? m[2], 'jvm');
    out.push(...(value(inner.skel, { ...c, lx: inner }, hops + 1) ?? UNKNOWN));
    at = m.index + m[0].length;
  }
  if (at < text.length) out.push({ lit: text.slice(at) });
  return out;
}

/** The value of expression `expr` (on the skeleton) as shell word parts; undefined = not known statically. */
export function value(expr: string, c: GradleCtx, hops = 0): Part[] | undefined {
  if (hops > 6) return undefined;
  let t = expr.trim();
  // accessors that keep the path: .absolutePath, .asFile, .get(), .toString() …
  for (let prev = ''; prev !== t;) {
    prev = t;
    t = t.replace(
      /\s*\.\s*(?:absolutePath|canonicalPath|path|asFile|absoluteFile|canonicalFile|get\(\s*\)|getAsFile\(\s*\)|toString\(\s*\)|toFile\(\s*\)|getAbsolutePath\(\s*\))$/,
      '',
    );
    t = t.replace(/^\(([\s\S]*)\)$/, '$1').trim();
  }
  const plus = topLevelSplit(t, '+');
  if (plus.length > 1) {
    const parts = plus.map((p) => value(p, c, hops + 1));
    return parts.every((p) => p) ? (parts.flat() as Part[]) : undefined;
  }
  const ph = /^\u0001(\d+)\u0002$/.exec(t);
  if (ph) {
    const l = c.lx.lits[Number(ph[1])];
    return l.dynamic ? interpolated(l.value, c, hops) : [{ lit: l.value }];
  }
  const parent = /^([\s\S]+?)\s*\.\s*(?:parentFile|parent|getParentFile\(\s*\)|getParent\(\s*\))$/.exec(t);
  if (parent) {
    const p = literal(path(parent[1], c, hops + 1));
    return p === undefined ? undefined : [{ lit: posix.dirname(p) }];
  }
  const sub = /^([\s\S]+?)\s*\.\s*(?:dir|file)\s*\(([\s\S]*)\)$/.exec(t);
  if (sub && !/^(?:project\s*\.\s*)?$/.test(sub[1])) return join(sub[1], argsOf(sub[2]), c, hops);
  const file =
    /^(?:project\s*\.\s*)?(?:file|files|fileTree|zipTree)\s*\(([\s\S]*)\)(?:\s*\{[\s\S]*\})?$/.exec(t);
  if (file) {
    const args = argsOf(file[1], true);
    const dir = args.find((a) => /^dir\s*:/.test(a));
    const first = dir ? dir.replace(/^dir\s*:/, '') : args.find((a) => !/^\w+\s*:[^:]/.test(a));
    return first === undefined ? undefined : path(first, c, hops + 1);
  }
  const made =
    /^(?:new\s+)?(?:java\.io\.)?(?:File|Paths\.get|Path\.of|java\.nio\.file\.Paths\.get)\s*\(([\s\S]*)\)$/.exec(
      t,
    );
  if (made) {
    const [head, ...rest] = argsOf(made[1]);
    return head === undefined ? undefined : join(head, rest, c, hops);
  }
  const prop = /^System\s*\.\s*(getProperty|getenv)\s*\(\s*\u0001(\d+)\u0002\s*\)$/.exec(t);
  if (prop) {
    const name = c.lx.lits[Number(prop[2])].value;
    if (prop[1] === 'getenv') return /^\w+$/.test(name) ? [{ sh: `"$${name}"` }] : undefined;
    const known: Record<string, string> = {
      'user.home': c.home,
      'java.io.tmpdir': '/tmp',
      'user.dir': c.dir,
    };
    return Object.hasOwn(known, name) ? [{ lit: known[name] }] : undefined;
  }
  const name = t.replace(/^(?:(?:project|rootProject|this)\s*\.\s*)+/, '').replace(/\s*\.\s*/g, '.');
  if (Object.hasOwn(FOLDERS, name)) return [{ lit: FOLDERS[name](c.dir, c.home) }];
  const v = /^\w+$/.test(t) ? c.vars.get(t) : undefined;
  return v ? value(v, c, hops + 1) : undefined;
}

/** `head` joined with the `rest` of a path (`new File(a, 'b')`, `dir.dir('x')`). */
function join(head: string, rest: string[], c: GradleCtx, hops: number): Part[] | undefined {
  let parts = value(head, c, hops + 1);
  for (const r of rest) {
    const more = value(r, c, hops + 1);
    if (!parts || !more) return undefined;
    parts = [...parts, { lit: '/' }, ...more];
  }
  return parts;
}

/** A path's parts, a relative one placed in the script's folder, normalized when fully known; undefined = not known. */
export function path(expr: string, c: GradleCtx, hops = 0): Part[] | undefined {
  const parts = value(expr, c, hops);
  if (!parts) return undefined;
  const first = parts[0];
  const placed: Part[] =
    first && 'lit' in first && !first.lit.startsWith('/') && !first.lit.startsWith('~')
      ? [{ lit: `${c.dir}/` }, ...parts]
      : parts;
  const whole = literal(placed);
  return whole === undefined ? placed : [{ lit: posix.normalize(whole) }];
}

/** The shell words of the values `exprs` (a list literal `[…]` / `listOf(…)` spread); unknown ones fail closed. */
export function words(exprs: string[], c: GradleCtx, asPath = false): string[] {
  return exprs.flatMap((e) => {
    const list = /^\s*(?:listOf|setOf|arrayOf|mutableListOf|files)?\s*[[(]([\s\S]*)[\])]\s*$/.exec(e);
    if (list && !/^\s*\(/.test(e)) return words(argsOf(list[1]), c, asPath);
    return [shellWord((asPath ? path(e, c) : value(e, c)) ?? UNKNOWN)];
  });
}
