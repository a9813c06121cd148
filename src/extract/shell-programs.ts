/**
 * Where a shell or interpreter takes the code it runs from: an inline string (`-c`, `-e`),
 * a script file operand, or stdin. Also the sets of network fetchers and decoders that
 * make a pipe into such a program dangerous.
 */
import { isLongOpt } from '../normalize/longopts.js';
import type { NormalizedCommand } from '../engine/types.js';
import { SHELLS } from '../normalize/shell-names.js';
import { isPwsh, VALUE_OPTS as PWSH_VALUE_OPTS } from '../normalize/pwsh.js';
import { hasAny, parseOptions, type OptionSpec } from './fs-options.js';

/** Programs that run shell code: the one list, kept by the normalizer (the lower stage). */
export { SHELLS };

/** True for a program that runs code: a shell or a language interpreter. */
export function isCodeRunner(program: string): boolean {
  return (
    SHELLS.has(program) || interpreterKind(program) !== undefined || program === 'source' || program === '.'
  );
}

type Interp = 'python' | 'node' | 'perl' | 'ruby' | 'php' | 'other';

function interpreterKind(p: string): Interp | undefined {
  if (/^(python[\d.]*|pypy3?|micropython|jython|graalpy)$/.test(p)) return 'python';
  if (p === 'node' || p === 'nodejs' || p === 'bun' || p === 'deno') return 'node';
  if (/^perl[\d.]*$/.test(p)) return 'perl';
  if (/^ruby[\d.]*$/.test(p)) return 'ruby';
  if (/^php[\d.]*$/.test(p)) return 'php';
  // PowerShell by every name the normalizer runs it under (`powershell.exe`, `pwsh-preview`)
  if (isPwsh(p)) return 'other';
  if (
    /^(lua[\d.]*|luajit|texlua|groovy|groovysh|gjs|cjs|jrunscript|rhino|jjs|d8|Rscript|pwsh|powershell|tclsh[\d.]*|wish[\d.]*|jimsh|expect|guile[\d.]*|racket|csi|gsi|chibi-scheme|gosh|osascript|raku|perl6|rakudo|sbcl|clisp|ecl|ccl|maxima|runghc|runhaskell|kotlin|kotlinc|kscript|coffee|sage|scala|elixir|janet)$/.test(
      p,
    )
  )
    return 'other';
  // the Clojure runners, Octave/MATLAB/Scilab, the Wolfram kernels and ROOT/Cling (their code: normalize/)
  if (
    /^(bb|babashka|nbb|joker|planck|plk|lumo|octave|octave-cli|matlab|scilab|scilab-cli|scilab-adv-cli|wolframscript|wolfram|math|WolframKernel|MathKernel|root|root\.exe|cling)$/.test(
      p,
    )
  )
    return 'other';
  return undefined;
}

/** Where the code comes from. `index` is an argv index. */
export type CodeSource =
  | { kind: 'inline'; index: number }
  | { kind: 'file'; index: number }
  | { kind: 'stdin' }
  /** Runs a named module or nothing we track (`python -m http.server`, `node --version`). */
  | { kind: 'none' };

/** Option letters (per family) whose next word is a value, and the inline-code letters. */
const SPECS: Record<Interp | 'shell', { spec: OptionSpec; inline: string[]; module: string[] }> = {
  shell: {
    spec: { shortWithValue: 'oO', longWithValue: ['rcfile', 'init-file'] },
    inline: ['c'],
    module: [],
  },
  python: { spec: { shortWithValue: 'cmWX' }, inline: ['c'], module: ['m'] },
  node: {
    spec: {
      shortWithValue: 'eprC',
      longWithValue: [
        'eval',
        'print',
        'require',
        'import',
        'loader',
        'experimental-loader',
        'conditions',
        'env-file',
      ],
    },
    inline: ['e', 'p', 'eval', 'print'],
    module: [],
  },
  perl: { spec: { shortWithValue: 'eEMmI' }, inline: ['e', 'E'], module: [] },
  ruby: { spec: { shortWithValue: 'erIC' }, inline: ['e'], module: [] },
  php: { spec: { shortWithValue: 'rfdc' }, inline: ['r'], module: [] },
  other: {
    spec: { shortWithValue: 'ecfv' },
    inline: ['e', 'c', 'Command', 'command', 'eval', 'code', 'run', 'batch'],
    module: [],
  },
};

/** Finds the argv index holding the value of the first inline-code option, scanning like getopt. */
function inlineIndex(argv: string[], letters: string[], spec: OptionSpec): number {
  const shortV = spec.shortWithValue ?? '';
  const longV = new Set(spec.longWithValue ?? []);
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--' || !a.startsWith('-') || a === '-') return -1;
    // a long option written with one dash (`wolframscript -code CODE`, `matlab -batch CODE`)
    if (/^-[a-zA-Z]{2,}$/.test(a) && letters.includes(a.slice(1))) return i + 1;
    if (a.startsWith('--')) {
      const name = a.slice(2).split('=')[0];
      if (letters.includes(name)) return a.includes('=') ? i : i + 1;
      if (longV.has(name) && !a.includes('=')) i++;
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      if (letters.includes(a[j])) return j + 1 < a.length ? i : i + 1;
      if (shortV.includes(a[j])) {
        if (j + 1 === a.length) i++;
        break;
      }
    }
  }
  return -1;
}

/** Where `cmd` takes its code from. Only meaningful when isCodeRunner(cmd.program). */
/**
 * PowerShell's single-dash long options (`-NoProfile`, `-ExecutionPolicy Bypass`), read as
 * pwsh reads them (normalize/pwsh.ts): `-Command`/`-EncodedCommand` and what follows are
 * inline code, `-File F` a script, a first plain word the command; nothing = stdin.
 */
function pwshSource(argv: string[]): CodeSource {
  for (let i = 1; i < argv.length; i++) {
    const t = argv[i];
    if (/^-(c|co|com|comm|comma|comman|command|e|ec|en|enc|enco|encod|encode|encoded|encodedc\w*)$/i.test(t))
      return i + 1 >= argv.length
        ? { kind: 'none' }
        : argv[i + 1] === '-'
          ? { kind: 'stdin' }
          : { kind: 'inline', index: i + 1 };
    if (/^-(f|fi|fil|file)$/i.test(t))
      return i + 1 >= argv.length
        ? { kind: 'none' }
        : argv[i + 1] === '-'
          ? { kind: 'stdin' }
          : { kind: 'file', index: i + 1 };
    if (PWSH_VALUE_OPTS.test(t)) i++;
    else if (!t.startsWith('-')) return { kind: 'inline', index: i };
  }
  return { kind: 'stdin' };
}

export function codeSource(cmd: NormalizedCommand): CodeSource {
  const p = cmd.program;
  if (p === 'source' || p === '.') return cmd.argv.length > 1 ? { kind: 'file', index: 1 } : { kind: 'none' };
  if (isPwsh(p)) return pwshSource(cmd.argv);
  const fam = SHELLS.has(p) ? 'shell' : interpreterKind(p);
  if (!fam) return { kind: 'none' };
  const { spec, inline, module } = SPECS[fam];
  if (fam === 'shell') {
    // sh -c: the first operand after the options is the code, whatever the flag order.
    // `set`-style `+x` options are options too.
    const argv = cmd.argv.map((a, i) => (i > 0 && /^\+[a-zA-Z]+$/.test(a) ? '-' + a.slice(1) : a));
    const o = parseOptions(argv, 1, { ...spec, stopAtOperand: true });
    // -n reads and checks the script without running it.
    if (hasAny(o, 'n') && !hasAny(o, 'c')) return { kind: 'none' };
    if (hasAny(o, 'c'))
      return o.operands.length ? { kind: 'inline', index: o.operands[0] } : { kind: 'none' };
    if (hasAny(o, 's')) return { kind: 'stdin' };
    if (o.operands.length === 0) return { kind: 'stdin' };
    const i = o.operands[0];
    return cmd.argv[i] === '-' ? { kind: 'stdin' } : { kind: 'file', index: i };
  }
  const idx = inlineIndex(cmd.argv, inline, spec);
  if (idx >= 0) return idx < cmd.argv.length ? { kind: 'inline', index: idx } : { kind: 'none' };
  if (p === 'deno' || p === 'bun') {
    // deno run URL / bun run FILE: the operand after the verb is the script.
    const verbAt = cmd.argv.findIndex((a, i) => i > 0 && !a.startsWith('-'));
    const verb = cmd.argv[verbAt];
    if (verb === 'eval')
      return verbAt + 1 < cmd.argv.length ? { kind: 'inline', index: verbAt + 1 } : { kind: 'none' };
    if (verb !== 'run' && verb !== 'x')
      return verb === undefined ? { kind: 'none' } : { kind: 'file', index: verbAt };
    const script = cmd.argv.findIndex((a, i) => i > verbAt && !a.startsWith('-'));
    return script > 0 ? { kind: 'file', index: script } : { kind: 'none' };
  }
  const o = parseOptions(cmd.argv, 1, { ...spec, stopAtOperand: true });
  if (module.some((m) => o.flags.has(m))) return { kind: 'none' };
  if (hasAny(o, 'version', 'help', 'V', 'h', 'v') && o.operands.length === 0) return { kind: 'none' };
  if (o.operands.length === 0) return { kind: 'stdin' };
  const i = o.operands[0];
  return cmd.argv[i] === '-' ? { kind: 'stdin' } : { kind: 'file', index: i };
}

/** Network fetchers whose output is remote content. */
export const FETCHERS = new Set([
  'curl',
  'wget',
  'wget2',
  'nghttp',
  'fetch',
  'http',
  'https',
  'xh',
  'xhs',
  'httpie',
  'aria2c',
  'lwp-request',
  'GET',
  'nc',
  'ncat',
  'netcat',
  'socat',
  'telnet',
]);

/** Long options of base64/base32/basenc, so `--d`/`--dec` read as --decode. */
const BASE_LONG = [
  'decode',
  'ignore-garbage',
  'wrap',
  'help',
  'version',
  'base64',
  'base64url',
  'base32',
  'base32hex',
  'base16',
  'base2msbf',
  'base2lsbf',
  'z85',
];

/** True when `cmd` decodes or unscrambles its input (base64 -d, xxd -r, openssl enc -d, gunzip, rev, tr). */
export function isDecoder(cmd: NormalizedCommand): boolean {
  const p = cmd.program;
  const args = cmd.argv.slice(1);
  if (p === 'base64' || p === 'base32' || p === 'basenc' || p === 'b64decode')
    return (
      args.some((a) => /^-[a-zA-Z]*[dD]/.test(a) || isLongOpt(a, 'decode', BASE_LONG)) || p === 'b64decode'
    );
  if (p === 'xxd') return args.some((a) => /^-[a-z]*r/.test(a));
  if (p === 'openssl') return args.some((a) => a === '-d' || a === 'base64' || a === '-base64' || a === '-a');
  if (
    [
      'gunzip',
      'zcat',
      'bunzip2',
      'bzcat',
      'unxz',
      'xzcat',
      'uudecode',
      'unzstd',
      'zstdcat',
      'rev',
      'tr',
    ].includes(p)
  )
    return true;
  if (['gzip', 'bzip2', 'xz', 'zstd'].includes(p))
    return args.some((a) => /^-[a-zA-Z]*d/.test(a) || a === '--decompress');
  return false;
}

/** The first URL (or host for nc-style tools) a fetcher names; '' when none is literal. */
export function fetchedUrl(cmd: NormalizedCommand): string {
  const url = cmd.argv.find(
    (a, i) => i > 0 && !cmd.dynamicArgs.includes(i) && /^[a-z][a-z0-9+.-]*:\/\//i.test(a),
  );
  if (url) return url;
  const host = cmd.argv.find(
    (a, i) =>
      i > 0 && !cmd.dynamicArgs.includes(i) && !a.startsWith('-') && /^[\w.-]+\.[a-z]{2,}(\/|:|$)/i.test(a),
  );
  return host ?? '';
}
