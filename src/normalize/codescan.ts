/**
 * Scanners for inline interpreter code: find the calls that delete files, run commands,
 * send destructive HTTP requests, or evaluate code that can't be read statically.
 * Works on the literal-aware skeleton from codelex.ts; argument values are read by
 * codescan-values.ts.
 */
import { withCallbacks } from './codescan-callbacks.js';
import { callArgs, lex, literalOf, loopElements, show, type Lang, type Lexed } from './codelex.js';
import { topLevelSplit, valueOf } from './codescan-values.js';
import type { Field } from './state.js';
import { httpCall, pythonConnections, rubyConnections, type HttpEffect } from './codescan-http.js';
import { clientConnections } from './codescan-httplibs.js';
import { phpClients, phpCurl, phpStreams, phpWordPress } from './codescan-php.js';
import { canonicalCode } from './codeparse.js';
import { morePatterns, type Helpers, type Pattern } from './codescan-langs.js';
import { pythonPatterns } from './codescan-python.js';
import { scanTcl } from './codescan-tcl.js';
import { scanScheme } from './codescan-scheme.js';
import { vmPatterns } from './codescan-vm.js';
import { elixirPatterns } from './codescan-elixir.js';
import { scanAppleScript } from './codescan-applescript.js';
import { scanClojure } from './codescan-clojure.js';
import { erlangPatterns, lexErlang } from './codescan-erlang.js';
import { corePatterns } from './codescan-core.js';
import { dotnetPatterns } from './codescan-dotnet.js';
import { dartPatterns } from './codescan-dart.js';
import { extraPatterns } from './codescan-extra-langs.js';
import { swiftPatterns } from './codescan-swift.js';
import { builtCommand, builtLiteral } from './codescan-built.js';

export type Effect =
  | { kind: 'rm'; target: Field }
  /** `unknowns`: names in the script standing for values not known here (built-command.ts); empty/absent = none. */
  | { kind: 'shell'; script: Field; unknowns?: string[] }
  | { kind: 'exec'; argv: Field[] }
  | HttpEffect
  | { kind: 'code'; code: string }
  | { kind: 'dynamic'; text: string };

/**
 * A delete of the first argument; an array literal of paths (`rm('-rf', ['dist', 'coverage'])`,
 * `rimraf(['a', 'b'])`) deletes each element, each judged as the literal or dynamic value it is.
 */
function rm(args: string[], lx: Lexed, home: string): Effect[] {
  if (args.length === 0) return [];
  const list = /^\s*\[([\s\S]*)\]\s*$/.exec(args[0]);
  const items = list ? callArgs(list[1] + ')', 0).args.filter((a) => a.trim() !== '') : [args[0]];
  // fail closed: an empty array literal names nothing known, read as the expression it is
  return (items.length ? items : [args[0]]).map((a) => ({ kind: 'rm', target: valueOf(a, lx, home) }));
}

function command(arg: string | undefined, lx: Lexed, home: string, rest: string[] = [], depth = 0): Effect[] {
  if (arg === undefined) return [];
  // A loop variable over literal commands (`for cmd in (['npm', 'test'], ['npm', 'run', 'lint']):`) runs each.
  const name = depth === 0 ? /^\s*([A-Za-z_]\w*)\s*$/.exec(arg) : null;
  const each = name ? loopElements(name[1], lx) : undefined;
  if (each) return each.flatMap((e) => command(e, lx, home, rest, depth + 1));
  const list = /^\s*\[([\s\S]*)\]\s*$/.exec(arg);
  if (list) {
    const items = callArgs(list[1] + ')', 0).args.filter((a) => a.trim() !== '');
    return [{ kind: 'exec', argv: items.map((a) => valueOf(a, lx, home)) }];
  }
  const lit = literalOf(arg, lx);
  if (lit && !lit.dynamic) {
    const extra = rest.length > 0 ? /^\s*\[([\s\S]*)\]\s*$/.exec(rest[0]) : null;
    if (extra) {
      const items = callArgs(extra[1] + ')', 0).args.filter((a) => a.trim() !== '');
      return [
        {
          kind: 'exec',
          argv: [{ text: lit.value, dynamic: false }, ...items.map((a) => valueOf(a, lx, home))],
        },
      ];
    }
    return [{ kind: 'shell', script: { text: lit.value, dynamic: false } }];
  }
  // a command string joined from literals and values not known here (`"ping " + h`, `f"ping {h}"`),
  // unless its arguments come as a list (then it is a program's path, not shell text)
  const built = rest.length && /^\s*\[/.test(rest[0]) ? undefined : builtCommand(arg, lx, home, lx.lang);
  if (built)
    return [{ kind: 'shell', script: { text: built.text, dynamic: false }, unknowns: built.unknowns }];
  // fail closed: any other expression is a command whose name is unknown
  return [{ kind: 'dynamic', text: valueOf(arg, lx, home).text }];
}

const http = (method: string | undefined, args: string[], lx: Lexed, home: string, lang: Lang): Effect[] =>
  httpCall(method, args, lx, home, lang, valueOf);

/** codescan.ts's readers, lent to the pattern modules. */
const HELPERS: Helpers = {
  valueOf: (e, lx, home) => valueOf(e, lx, home),
  rm,
  command,
  code: (a, lx) => code(a, lx),
  http,
  split: topLevelSplit,
};

const PATTERNS: Record<Lang, Pattern[]> = {
  python: pythonPatterns(HELPERS),
  ...corePatterns(HELPERS),
  ...morePatterns(HELPERS),
  elixir: elixirPatterns(HELPERS),
  ...vmPatterns(HELPERS),
  ...erlangPatterns(HELPERS),
  dotnet: dotnetPatterns(HELPERS),
  dart: dartPatterns(HELPERS),
  swift: swiftPatterns(HELPERS),
  ...extraPatterns(HELPERS),
  // read by their own scanners (scanTcl, scanScheme, scanAppleScript, scanClojure)
  clojure: [],
  tcl: [],
  scheme: [],
  applescript: [],
};
// delete functions handed to array_map, map, forEach by name (codescan-callbacks.ts)
withCallbacks(PATTERNS, HELPERS);

function code(arg: string | undefined, lx: Lexed): Effect[] {
  if (arg === undefined) return [];
  const lit = literalOf(arg, lx);
  return lit && !lit.dynamic
    ? [{ kind: 'code', code: lit.value }]
    : [{ kind: 'dynamic', text: show(arg, lx) }];
}

/** Arguments of a call whose parentheses are optional (`system "rm -rf /"`, `unlink $f`). */
function argsAt(skel: string, end: number): string[] {
  if (skel[end - 1] === '(') return callArgs(skel, end).args;
  const stop = skel.slice(end).search(/[;\n}]|\b(?:if|unless|or|and|do)\b/);
  const text = stop < 0 ? skel.slice(end) : skel.slice(end, end + stop);
  return callArgs(text + ')', 0).args;
}

/**
 * A shell template (`$\`rm -rf ${dir}\``) with each `${expr}` replaced by its value, quoted as
 * one word (zx and Bun quote what they interpolate); undefined when some value is not known.
 */
function filledTemplate(body: string, home: string): string | undefined {
  let unknown = false;
  const text = body.replace(/\$\{([^}]*)\}/g, (_m, expr: string) => {
    const lx = lex(expr, 'node');
    const v = valueOf(lx.skel, lx, home);
    unknown ||= v.dynamic;
    return `'${v.text.replace(/'/g, `'\\''`)}'`;
  });
  return unknown ? undefined : text;
}

/** Everything dangerous or opaque the code does, in source order. */
export function scanCode(source: string, lang: Lang, home: string): Effect[] {
  if (lang === 'tcl') return scanTcl(source, home);
  if (lang === 'scheme') return scanScheme(source, home);
  if (lang === 'applescript') return scanAppleScript(source, home);
  if (lang === 'clojure') return scanClojure(source, home);
  const lx = lang === 'erlang' ? lexErlang(source) : lex(canonicalCode(source, lang), lang);
  const found: { at: number; effects: Effect[] }[] = [];
  for (const p of PATTERNS[lang]) {
    p.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = p.re.exec(lx.skel))) {
      const args = argsAt(lx.skel, m.index + m[0].length);
      found.push({ at: m.index, effects: p.handle(args, lx, home, m) });
    }
  }
  if (lang === 'ruby') found.push(...rubyConnections(lx, home, valueOf));
  if (lang === 'ruby' || lang === 'node') found.push(...clientConnections(lx, home, valueOf, http, lang));
  if (lang === 'python') found.push(...pythonConnections(lx, home, valueOf));
  if (lang === 'php')
    found.push(
      ...phpCurl(lx, home, valueOf),
      ...phpStreams(lx, home, valueOf),
      ...phpClients(lx, home, valueOf),
      ...phpWordPress(lx, home, valueOf),
    );
  for (const [i, l] of lx.lits.entries()) {
    if (!l.command) continue;
    const at = lx.skel.indexOf(`\u0001${i}\u0002`);
    const text =
      l.dynamic && lang === 'node' ? filledTemplate(l.value, home) : l.dynamic ? undefined : l.value;
    // Ruby's, Perl's and PHP's `` `ping #{h}` ``: the shell text, its interpolations values not known
    const built = text === undefined && lang !== 'node' ? builtLiteral(l.value, lang) : undefined;
    found.push({
      at,
      effects: built
        ? [{ kind: 'shell', script: { text: built.text, dynamic: false }, unknowns: built.unknowns }]
        : text === undefined
          ? [{ kind: 'dynamic', text: l.value }]
          : [{ kind: 'shell', script: { text, dynamic: false } }],
    });
  }
  return found.sort((a, b) => a.at - b.at).flatMap((f) => f.effects);
}
