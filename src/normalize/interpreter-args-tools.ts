/**
 * Interpreters whose options have their own shape (see interpreter-args.ts): babashka and
 * the Clojure CLI, Erlang's `erl`/`escript`, k6 and Elixir's `mix run`. Each says where the
 * code of its command line is, as a CodeArgs.
 */
import type { Field } from './state.js';
import type { CodeArgs } from './interpreter-args.js';

/** `bb …`, `clojure …`, `clj …`, and the other Clojure runners read alike (`nbb -e`, `joker -e`, `planck -e`, `lumo -e`). */
export function clojureArgs(prog: string, argv: Field[]): CodeArgs {
  const bb = prog === 'bb' || prog === 'babashka';
  const parts: Field[] = [];
  let file: Field | undefined;
  let stdinIsData = false;
  let aliasMain = false;
  for (let i = 1; i < argv.length; i++) {
    const t = argv[i].text;
    if (t === '-e' || t === '--eval') {
      if (argv[i + 1]) parts.push(argv[++i]);
    } else if ((bb && (t === '-f' || t === '--file')) || (!bb && (t === '-i' || t === '--init'))) {
      file ??= argv[++i];
    } else if (/^(-cp|--classpath|--config|--deps-root|--init|-Sdeps|-Scp|-Sthreads|--debug-port)$/.test(t))
      i++;
    else if (bb && /^(-i|-I|--stream|-o|-O)$/.test(t)) stdinIsData = true;
    else if (/^(-m|--main|-x|--exec|-P)$|^-[XT]/.test(t)) return { label: prog, none: true };
    // joker's linters and formatter read the file, they do not run it
    else if (/^--(lint\w*|format)$/.test(t)) return { label: `${prog} ${t}`, none: true };
    else if (/^--(working-dir|hashmap-threshold|dialect|libs)$/.test(t)) i++;
    else if (/^-M:/.test(t)) aliasMain = true;
    else if (t === '-') break;
    else if (t.startsWith('-')) continue;
    else if (bb && t.startsWith('(')) parts.push(argv[i]);
    else if (!bb || /[./]/.test(t)) {
      if (parts.length === 0) file ??= argv[i];
      break;
    } else return { label: `${prog} ${t}`, none: true }; // a bb task or subcommand
    if (parts.length && !/^(-e|--eval)$/.test(argv[i + 1]?.text ?? '')) break;
  }
  if (parts.length)
    return {
      code: { text: parts.map((p) => p.text).join('\n'), dynamic: parts.some((p) => p.dynamic) },
      label: `${prog} -e`,
    };
  if (file) return { file, label: `${prog} ${file.text}` };
  return { label: `${prog} stdin`, none: stdinIsData || aliasMain };
}

/** `erl … -eval CODE …`, `escript [-s] FILE`. */
export function erlangArgs(prog: string, argv: Field[]): CodeArgs {
  if (prog === 'escript') {
    // `escript -s` only checks the syntax
    if (argv.some((a) => a.text === '-s')) return { label: prog, none: true };
    const file = argv.slice(1).find((a) => !a.text.startsWith('-'));
    return file ? { file, label: `escript ${file.text}` } : { label: prog, none: true };
  }
  const parts: Field[] = [];
  let noShell = false;
  for (let i = 1; i < argv.length; i++) {
    const t = argv[i].text;
    if (t === '-extra') break;
    if (t === '-eval' && argv[i + 1]) parts.push(argv[++i]);
    else if (/^-(noshell|noinput|detached|s|run|boot|mode)$/.test(t)) noShell = true;
  }
  if (parts.length)
    return {
      code: { text: parts.map((p) => p.text).join('\n'), dynamic: parts.some((p) => p.dynamic) },
      label: 'erl -eval',
    };
  return { label: 'erl stdin', none: noShell };
}

/** Options of `k6 run` that take a value. */
const K6_VALUE =
  /^(-[uidseoct]|--(vus|iterations|duration|stage|env|out|config|tag|summary-export|summary-trend-stats|summary-time-unit|system-tags|rps|batch|batch-per-host|max-redirects|user-agent|address|log-output|log-format|compatibility-mode|execution-segment|execution-segment-sequence|blacklist-ip|block-hostnames|minimum-iteration-duration|setup-timeout|teardown-timeout|local-ips|dns|secret-source|traces-output|console-output|type))$/;

/** `k6 run [options] FILE`, `k6 cloud [run] FILE`; other k6 commands (inspect, archive, version) run no script. */
export function k6Args(argv: Field[]): CodeArgs {
  let i = 1;
  if (argv[i]?.text === 'cloud') i += argv[i + 1]?.text === 'run' ? 2 : 1;
  else if (argv[i]?.text === 'run') i++;
  else return { label: 'k6', none: true };
  for (; i < argv.length; i++) {
    const t = argv[i].text;
    if (t === '-') return { label: 'k6 run -' };
    if (K6_VALUE.test(t)) i++;
    else if (!t.startsWith('-')) return { file: argv[i], label: `k6 run ${t}` };
  }
  return { label: 'k6 run', none: true };
}

/**
 * `mix run [opts] FILE.exs | -e CODE`: the script or code it runs (the files `-r FILE` requires
 * first: elixirRequires); other mix tasks, and `mix run` of the project alone, run no code read here.
 */
export function mixArgs(argv: Field[]): CodeArgs {
  if (argv[1]?.text !== 'run') return { label: 'mix', none: true };
  for (let i = 2; i < argv.length; i++) {
    const t = argv[i].text;
    if (t === '-e' || t === '--eval')
      return argv[i + 1] ? { code: argv[i + 1], label: 'mix run -e' } : { label: 'mix run', none: true };
    if (/^(-r|--require|-pr|--parallel-require|-c|--config)$/.test(t)) i++;
    else if (t === '--') continue;
    else if (!t.startsWith('-')) return { file: argv[i], label: `mix run ${t}` };
  }
  return { label: 'mix run', none: true };
}

/** Options of elixir and `mix run` that take a value (code with -e, a path, a name). */
const ELIXIR_VALUE =
  /^(-e|--eval|-pa|-pz|--erl|--sname|--name|--cookie|--logger-\w+|--boot|--boot-var|--vm-args|--rpc-eval|-c|--config)$/;

/**
 * The files `elixir`, `iex` and `mix run` require before their code (`-r FILE`, `--require`,
 * `-pr`, `--parallel-require`; options before the script only). Empty = none.
 */
export function elixirRequires(prog: string, argv: Field[]): Field[] {
  const mix = prog === 'mix';
  if (mix && argv[1]?.text !== 'run') return [];
  const out: Field[] = [];
  for (let i = mix ? 2 : 1; i < argv.length; i++) {
    const t = argv[i].text;
    if (/^(-r|--require|-pr|--parallel-require)$/.test(t) && argv[i + 1]) out.push(argv[++i]);
    else if (ELIXIR_VALUE.test(t)) i++;
    else if (!t.startsWith('-')) break;
  }
  return out;
}

/**
 * JavaScript engines outside Node (read as `node` code): GJS and CJS (`-c CODE`,
 * `--command=CODE`), the JVM's jrunscript, Rhino and Nashorn's jjs and V8's d8 (`-e CODE`;
 * jrunscript and Rhino also `-f FILE`). Per engine: its code options, and the options that
 * take a value (`-I DIR`, `-cp PATH`, `-l LANG`, Rhino's `-opt N`/`-version N`).
 * A script operand is a file the engine runs, except for jrunscript, whose operands are
 * arguments of an interactive session.
 */
const JS_ENGINES: Record<string, { code: RegExp; file?: RegExp; value: RegExp; operandIsFile: boolean }> = {
  gjs: {
    code: /^(-c|--command)$/,
    value: /^(-I|--include-path|--coverage-prefix|--coverage-output|--profile|--jsversion)$/,
    operandIsFile: true,
  },
  jrunscript: { code: /^-e$/, file: /^-f$/, value: /^(-cp|-classpath|-l|-encoding)$/, operandIsFile: false },
  rhino: {
    code: /^-e$/,
    file: /^-f$/,
    value: /^(-opt|-O|-version|-modules|-encoding|-classpath|-cp)$/,
    operandIsFile: true,
  },
  jjs: {
    code: /^-e$/,
    value: /^(-cp|-classpath|--classpath|-D|--module-path|--add-modules|--locale|--language)$/,
    operandIsFile: true,
  },
  d8: { code: /^(-e|--execute)$/, value: /^(--module|-m)$/, operandIsFile: true },
};
JS_ENGINES.cjs = JS_ENGINES.gjs;

/** The JS engines read by jsEngineArgs. */
export const JS_ENGINE = /^(gjs|cjs|jrunscript|rhino|jjs|d8)$/;

/** `gjs -c CODE`, `jrunscript -e CODE`, `rhino -f FILE`, `d8 script.js`…: where the code is. */
export function jsEngineArgs(prog: string, argv: Field[]): CodeArgs {
  const spec = JS_ENGINES[prog];
  const parts: Field[] = [];
  for (let i = 1; i < argv.length; i++) {
    const t = argv[i].text;
    const eq = /^(--command|--execute)=/.exec(t);
    if (eq) parts.push({ ...argv[i], text: t.slice(eq[0].length) });
    else if (spec.code.test(t)) {
      if (argv[i + 1]) parts.push(argv[++i]);
    } else if (spec.file?.test(t)) {
      const f = argv[i + 1];
      if (!f || f.text === '-') return { label: `${prog} stdin` };
      if (!parts.length) return { file: f, label: `${prog} ${f.text}` };
      i++;
    } else if (spec.value.test(t)) i++;
    else if (t === '--') break;
    else if (t.startsWith('-')) continue;
    else if (parts.length) break;
    else if (spec.operandIsFile) return { file: argv[i], label: `${prog} ${t}` };
    else break;
  }
  if (parts.length)
    return {
      code: { text: parts.map((p) => p.text).join('\n'), dynamic: parts.some((p) => p.dynamic) },
      label: `${prog} ${/^(gjs|cjs)$/.test(prog) ? '-c' : '-e'}`,
    };
  return { label: `${prog} stdin` };
}
