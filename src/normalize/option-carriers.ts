/**
 * Options whose value the program runs as a shell command on this machine: tar's
 * `--checkpoint-action=exec=CMD`, `--to-command=CMD`, `--use-compress-program=CMD` / `-I CMD`,
 * `--info-script=CMD` / `-F CMD`, `--rsh-command=CMD`; rsync's `-e CMD` / `--rsh=CMD`; zip's
 * `-TT CMD` / `--unzip-command=CMD`; ssh's, scp's and sftp's `-o ProxyCommand=CMD` and
 * `-o LocalCommand=CMD`; man's `-P CMD` / `--pager=CMD`; terragrunt's `--auth-provider-cmd CMD`. The value is analysed like any other script (the program also
 * runs itself, which the extractors read as before).
 *
 * A value that is a usual program with options only (`ssh -p 2222`, `gzip -9`, `zstd -T0`)
 * is a program setting, not a script: nothing more to analyse.
 */
import { basename, cloneScope, type Field } from './state.js';
import { emit, type K } from './emit.js';
import { reparse } from './reparse.js';

/** Where a command hides in a program's options. */
interface Carrier {
  /** Long options whose value is the command (`--to-command`). */
  long: string[];
  /** Short options whose value (attached or next word) is the command (`-I`). */
  short: string[];
  /** Long option whose value holds the command after a prefix: [option, prefix] (`--checkpoint-action`, `exec=`). */
  prefixed?: [string, string][];
  /** `-o Key=CMD` settings (ssh's config options) whose value is the command, lower-case keys. */
  settings?: string[];
}

const SSH: Carrier = { long: [], short: [], settings: ['proxycommand', 'localcommand'] };
const TAR: Carrier = {
  long: ['--to-command', '--use-compress-program', '--info-script', '--new-volume-script', '--rsh-command'],
  short: ['-I', '-F'],
  prefixed: [['--checkpoint-action', 'exec=']],
};

const CARRIERS: Record<string, Carrier> = {
  tar: TAR,
  gtar: TAR,
  rsync: { long: ['--rsh'], short: ['-e'] },
  zip: { long: ['--unzip-command'], short: ['-TT'] },
  ssh: SSH,
  scp: SSH,
  sftp: SSH,
  // `man -P 'sh -c …'`: the pager runs through a shell
  man: { long: ['--pager'], short: ['-P'] },
  // terragrunt runs the command for the credentials it passes to every unit (terragrunt.ts)
  terragrunt: { long: ['--auth-provider-cmd', '--terragrunt-auth-provider-cmd'], short: [] },
};

/** A value that is one of the `programs` (by name or path) with plain options only: a setting, not a script. */
export function plainProgram(programs: string): RegExp {
  return new RegExp(String.raw`^\s*(\S*\/)?(${programs})(\s+[-\w.=/~:@,+%]+)*\s*$`);
}

/** A usual program with plain options: a setting, not a script. */
const PLAIN = plainProgram(
  'ssh|plink|rsh|gzip|gunzip|bzip2|xz|zstd|lz4|lzip|lzop|pigz|pbzip2|unzip|cat|nc|ncat|socat|corkscrew|connect-proxy',
);

/** The shell commands `argv`'s options carry (with what to call each), in order. */
function carried(argv: Field[], c: Carrier): { value: Field; label: string }[] {
  const out: { value: Field; label: string }[] = [];
  const prog = basename(argv[0].text);
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a.text === '--') break;
    const eq = a.text.indexOf('=');
    const name = a.text.startsWith('--') && eq > 0 ? a.text.slice(0, eq) : a.text;
    const next = (): Field | undefined =>
      eq > 0 ? { text: a.text.slice(eq + 1), dynamic: a.dynamic } : argv[++i];
    if (c.long.includes(name) || c.short.includes(a.text)) {
      const v = next();
      if (v) out.push({ value: v, label: `${prog} ${name}` });
      continue;
    }
    const attached = c.short.find((s) => s.length === 2 && a.text.startsWith(s) && a.text.length > 2);
    if (attached && !a.text.startsWith('--')) {
      out.push({ value: { text: a.text.slice(2), dynamic: a.dynamic }, label: `${prog} ${attached}` });
      continue;
    }
    const pre = c.prefixed?.find(([o]) => o === name);
    if (pre) {
      const v = next();
      if (v && v.text.startsWith(pre[1]))
        out.push({
          value: { text: v.text.slice(pre[1].length), dynamic: v.dynamic },
          label: `${prog} ${name}`,
        });
      continue;
    }
    if (c.settings && (a.text === '-o' || (a.text.startsWith('-o') && a.text.length > 2))) {
      const kv = a.text === '-o' ? argv[++i] : { text: a.text.slice(2), dynamic: a.dynamic };
      const m = kv ? /^\s*([A-Za-z]+)\s*[=\s]\s*([\s\S]*)$/.exec(kv.text) : null;
      if (kv && m && c.settings.includes(m[1].toLowerCase()))
        out.push({ value: { text: m[2], dynamic: kv.dynamic }, label: `${prog} -o ${m[1]}` });
    }
  }
  return out;
}

/** Analyses the commands `argv`'s options carry, for the programs above; the program itself is emitted by the caller. */
export function optionCarriers(argv: Field[], k: K): void {
  const prog = basename(argv[0]?.text ?? '');
  const c = Object.hasOwn(CARRIERS, prog) ? CARRIERS[prog] : undefined;
  if (!c) return;
  for (const { value, label } of carried(argv, c)) {
    // fail closed: a command not known statically leaves a dynamic command behind.
    if (value.dynamic) emit([{ text: value.text, dynamic: true }], k, { dynamic: true });
    else if (value.text.trim() && !PLAIN.test(value.text))
      reparse(value.text, label, k, { scope: cloneScope(k.scope), argv0: value.text });
  }
}

/**
 * less runs LESSOPEN / LESSCLOSE (when they start with `|`, or are a command with `%s`)
 * through a shell for every file it opens, `%s` replaced by the file's name.
 */
export function lessPreprocessor(argv: Field[], k: K): void {
  if (basename(argv[0]?.text ?? '') !== 'less') return;
  const files = argv.slice(1).filter((f) => !f.text.startsWith('-'));
  for (const name of ['LESSOPEN', 'LESSCLOSE']) {
    const raw = k.scope.vars.get(name);
    if (raw === undefined) {
      // fail closed: a preprocessor set to something not known statically.
      if (k.scope.dyn.has(name)) emit([{ text: `$${name}`, dynamic: true }], k, { dynamic: true });
      continue;
    }
    const cmd = raw.replace(/^\|+-?/, '');
    if (!cmd.trim()) continue;
    const file = files[0]?.text ?? '-';
    reparse(cmd.replace(/%s/g, `'${file.replace(/'/g, `'\\''`)}'`), `less ${name}`, k, {
      scope: cloneScope(k.scope),
    });
  }
}
