/**
 * Tcl code run by tclsh, wish, expect and jimsh (`echo '…' | tclsh`, `expect -c '…'`, a
 * script written earlier), read as Tcl reads it: command by command, word by word (braces
 * quote without substitution; bare words and `"…"` substitute `$var` and `[command]`).
 * What it reads is what codescan.ts reads for the other languages: `file delete` deletes,
 * `file rename`/`file copy` move and copy, `exec` and `open "|…"` run programs, `eval`,
 * `uplevel`, `subst` and `namespace eval` run code, `http::geturl … -method M` sends a
 * request; expect's `spawn` and `system` run programs. A variable set once to a known value
 * is followed (`set d ~/src`); `$env(HOME)` and a leading `~` (file commands expand it) are
 * the home folder. Bodies of procedures and control structures, and the `[command]`s of
 * their conditions, are read as code (tcl-words.ts says which words those are). A word not
 * known statically stays dynamic; a command whose name is not known is opaque. Pure.
 */
import type { Effect } from './codescan.js';
import { lit, type Field } from './state.js';
import { closing, execWords, parts, tclCommands, type Raw } from './tcl-words.js';

/** Words joined with spaces as `eval` and `concat` join them; dynamic when any is. */
const joined = (a: Field[]): Field => ({
  text: a.map((x) => x.text).join(' '),
  dynamic: a.some((x) => x.dynamic),
});

const ESC: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\n': ' ' };

/** The reader of one script: its variables, aliases and home folder; effects in source order. */
class TclScan {
  readonly effects: Effect[] = [];
  /** `set NAME VALUE` seen once (raw value word); null = set more than once or bound otherwise (unknown). */
  private readonly vars = new Map<string, Raw | null>();
  /** `interp alias {} NEW {} CMD …` and `rename CMD NEW`: NEW → the words it stands for. */
  private readonly aliases = new Map<string, Raw[]>();
  private hops = 0;

  constructor(
    private readonly home: string,
    script: string,
  ) {
    this.bind(script, 0);
  }

  /** Collects assignments and aliases of the whole script (bodies included). */
  private bind(script: string, depth: number): void {
    if (depth > 8) return;
    for (const w of tclCommands(script)) {
      const name = w[0].braced ? '' : w[0].text;
      if (name === 'set' && w.length === 3) {
        const prev = this.vars.get(w[1].text);
        this.vars.set(w[1].text, prev === undefined || prev?.text === w[2].text ? w[2] : null);
      } else if (name === 'rename' && w.length === 3) this.aliases.set(w[2].text, [w[1]]);
      else if (name === 'interp' && w[1]?.text === 'alias' && w.length > 5)
        this.aliases.set(w[3].text, w.slice(5));
      // Names bound by anything else (foreach, gets, incr, lassign, proc arguments…): unknown.
      for (const x of w.slice(1)) {
        if (name !== 'set' && !x.braced && /^[A-Za-z_][\w:]*$/.test(x.text)) this.vars.set(x.text, null);
        if (x.braced && /^(foreach|lmap|proc|apply)$/.test(name))
          for (const n of x.text.matchAll(/[A-Za-z_]\w*/g)) this.vars.set(n[0], null);
        if (x.braced) this.bind(x.text, depth + 1);
      }
    }
  }

  /** The value of a variable reference; undefined = not known. */
  private variable(name: string, index: string | undefined): string | undefined {
    const n = name.replace(/^::/, '');
    if (n === 'env' && index === 'HOME') return this.home;
    if (index !== undefined) return undefined;
    const raw = this.vars.get(n);
    if (!raw || this.hops > 8) return undefined;
    this.hops++;
    const v = this.word(raw);
    this.hops--;
    return v.dynamic ? undefined : v.text;
  }

  /** A word's value after substitution; a `[command]` inside is also read for its effects. */
  word(w: Raw): Field {
    if (w.braced) return { text: w.text, dynamic: false };
    let text = '';
    let dynamic = false;
    const s = w.text;
    for (let i = 0; i < s.length;) {
      const c = s[i];
      if (c === '\\') {
        text += ESC[s[i + 1]] ?? s[i + 1] ?? '';
        i += 2;
      } else if (c === '[') {
        const j = closing(s, i, '[', ']');
        const v = this.substitution(s.slice(i + 1, j - 1));
        text += v.text;
        dynamic ||= v.dynamic;
        i = j;
      } else if (c === '$') {
        const m = /^\$(?:\{([^}]*)\}|((?:::)?[A-Za-z_][\w:]*)(?:\(([^)]*)\))?)/.exec(s.slice(i));
        if (!m) {
          text += c;
          i++;
          continue;
        }
        const v = this.variable(m[1] ?? m[2], m[3]);
        if (v === undefined) dynamic = true;
        text += v ?? m[0];
        i += m[0].length;
      } else {
        text += c;
        i++;
      }
    }
    return { text, dynamic };
  }

  /** `[script]`: its effects are read; its value is known for a few pure commands. */
  private substitution(script: string): Field {
    const cmds = tclCommands(script);
    // a variable's value is read each time it is used: its commands are read once, where it is set
    if (this.hops === 0) this.run(cmds);
    const w = cmds.at(-1) ?? [];
    const args = w.slice(1).map((x) => this.word(x));
    const head = w.length ? this.word(w[0]).text : '';
    const sub = args[0]?.text;
    if (args.some((a) => a.dynamic)) return { text: `[${script}]`, dynamic: true };
    if (head === 'file' && sub === 'join')
      return {
        text: args
          .slice(1)
          .map((a) => a.text)
          .join('/'),
        dynamic: false,
      };
    if (head === 'file' && /^(normalize|nativename)$/.test(sub ?? '') && args[1])
      return { text: this.tilde(args[1]).text, dynamic: false };
    if (head === 'file' && sub === 'home') return { text: this.home, dynamic: false };
    if (head === 'set' && args.length === 1) {
      const v = this.variable(args[0].text, undefined);
      if (v !== undefined) return { text: v, dynamic: false };
    }
    if (head === 'list' || (head === 'string' && sub === 'cat') || head === 'concat')
      return {
        text: args
          .slice(head === 'string' ? 1 : 0)
          .map((a) => a.text)
          .join(head === 'string' ? '' : ' '),
        dynamic: false,
      };
    return { text: `[${script}]`, dynamic: true };
  }

  /** File commands expand a leading `~` to the home folder. */
  private tilde(f: Field): Field {
    return /^~(\/|$)/.test(f.text) ? { ...f, text: this.home + f.text.slice(1) } : f;
  }

  /** The words of a command, `{*}` expansions split into list words. */
  private words(w: Raw[]): Field[] {
    return w.flatMap((x) => {
      const v = this.word(x);
      if (!x.expand) return [v];
      if (v.dynamic) return [v];
      return tclCommands(v.text)
        .flat()
        .map((y) => this.word({ ...y, expand: false }));
    });
  }

  run(cmds: Raw[][], depth = 0): void {
    if (depth > 8) return;
    for (const w of cmds) this.command(w, depth);
  }

  private code(text: Field, depth: number): void {
    // fail closed: code built at run time is not readable here
    if (text.dynamic) this.effects.push({ kind: 'dynamic', text: text.text });
    else this.run(tclCommands(text.text), depth + 1);
  }

  private command(raw: Raw[], depth: number): void {
    const head = this.word(raw[0]);
    const alias = head.dynamic ? undefined : this.aliases.get(head.text);
    if (alias && depth < 8) return this.command([...alias, ...raw.slice(1)], depth + 1);
    const argv = this.words(raw);
    const name = head.text.replace(/^::/, '');
    if (head.dynamic) {
      // fail closed: the command's name is known only at run time
      this.effects.push({ kind: 'dynamic', text: argv.map((a) => a.text).join(' ') });
      return;
    }
    const { scripts, exprs } = parts(name, raw.slice(1));
    for (const x of scripts) this.code(this.word(x), depth);
    for (const x of exprs)
      for (const m of x.text.matchAll(/\[/g))
        this.word({
          text: x.text.slice(m.index, closing(x.text, m.index, '[', ']')),
          braced: false,
          expand: false,
        });
    const args = argv.slice(1);
    const sub = args[0]?.text ?? '';
    if (name === 'file' && /^(delete|rename|copy)$/.test(sub)) this.file(sub, args.slice(1));
    else if (name === 'exec') this.exec(args);
    // expect's `spawn ?options? PROGRAM ARGS…` and `system CMD…` (run by /bin/sh)
    else if (name === 'spawn')
      this.exec(args.slice(args.findIndex((a, i) => !/^-/.test(a.text) && args[i - 1]?.text !== '-ignore')));
    else if (name === 'system' && args.length)
      this.effects.push(
        args.some((a) => a.dynamic)
          ? { kind: 'dynamic', text: joined(args).text }
          : { kind: 'shell', script: joined(args) },
      );
    else if (name === 'open' && args[0]?.text.startsWith('|')) {
      if (args[0].dynamic) this.effects.push({ kind: 'dynamic', text: args[0].text });
      else
        this.exec(
          tclCommands(args[0].text.slice(1))
            .flat()
            .map((y) => this.word({ ...y, expand: false })),
        );
    } else if (/^(eval|uplevel|subst|namespace|interp)$/.test(name)) {
      let from = args;
      if (name === 'uplevel' && /^#?\d+$/.test(sub)) from = from.slice(1);
      if (name === 'namespace' || name === 'interp') from = sub === 'eval' ? from.slice(2) : [];
      if (name === 'subst') from = from.filter((a) => !/^-no/.test(a.text));
      if (from.length) this.code(joined(from), depth);
    } else if (name === 'source' && args.some((a) => a.dynamic)) this.code(joined(args), depth);
    else if (name === 'http::geturl') this.http(args);
  }

  /** `file delete|rename|copy ?-force? ?--? PATH…`: deletions, or the `mv`/`cp` they amount to. */
  private file(op: string, args: Field[]): void {
    let i = 0;
    while (i < args.length && /^-(force|-)$/.test(args[i].text)) if (args[i++].text === '--') break;
    const paths = args.slice(i).map((a) => this.tilde(a));
    if (op === 'delete') for (const p of paths) this.effects.push({ kind: 'rm', target: p });
    else this.effects.push({ kind: 'exec', argv: [lit(op === 'copy' ? 'cp' : 'mv'), lit('-rf'), ...paths] });
  }

  /** `exec` words: the shell command they amount to when all are known, else each stage's argv. */
  private exec(args: Field[]): void {
    const run = execWords(args);
    if (run.shell !== undefined) {
      if (run.shell) this.effects.push({ kind: 'shell', script: { text: run.shell, dynamic: false } });
    } else for (const argv of run.stages) this.effects.push({ kind: 'exec', argv });
  }

  /** `http::geturl URL ?-method M? ?-query BODY? ?-headers {k v …}?`. */
  private http(args: Field[]): void {
    const opt = (n: string) => {
      const at = args.findIndex((a) => a.text === n);
      return at > 0 ? args[at + 1] : undefined;
    };
    const method = opt('-method');
    const body = opt('-query');
    const headers = opt('-headers');
    const pairs =
      headers && !headers.dynamic
        ? tclCommands(headers.text)
            .flat()
            .map((y) => this.word(y).text)
        : [];
    this.effects.push({
      kind: 'http',
      method: method ? (method.dynamic ? 'DYNAMIC' : method.text.toUpperCase()) : body ? 'POST' : 'GET',
      url: args[0] ?? { text: '', dynamic: true },
      ...(body ? (body.dynamic ? { bodyUnknown: true } : { body: body.text }) : {}),
      ...(pairs.length > 1
        ? {
            headers: pairs.flatMap((k, n) =>
              n % 2 === 0 && pairs[n + 1] !== undefined ? [`${k}: ${pairs[n + 1]}`] : [],
            ),
          }
        : {}),
    });
  }
}

/** Everything dangerous or opaque a Tcl script does, in source order. */
export function scanTcl(script: string, home: string): Effect[] {
  const s = new TclScan(home, script);
  s.run(tclCommands(script));
  return s.effects;
}
