/**
 * A root shell left behind: the setuid bit set on a program that runs whatever it is told
 * (a shell, an interpreter, or a tool that can spawn one: `chmod 4755 /bin/bash`, `chmod u+s
 * /usr/bin/find`, `install -m 4755 /bin/sh /tmp/x`), or on a copy of one made earlier in the
 * script (`cp /bin/bash /tmp/rb; chmod +s /tmp/rb`), or on the path a lookup prints
 * (`chmod u+s "$(command -v python3)"`, `` `which perl` ``, `$(type -P bash)`, `$(readlink -f
 * "$(which python3)")`): the program looked up is the one made setuid. Whoever runs it then
 * runs code as its owner, root. Reads chmod's and install's words and the cp/install commands
 * before it.
 */
import type { NormalizedCommand } from '../engine/types.js';

/** Programs that run arbitrary code or spawn a shell when asked to (by basename). */
const RUNS_ANYTHING =
  /^((ba|da|z|k|c|tc|fi|mk|a|y|l|)sh|busybox|python[\d.]*|perl[\d.]*|ruby[\d.]*|node(js)?|php[\d.]*|lua[\d.]*|luajit|tclsh[\d.]*|wish|julia|bun|deno|env|find|awk|gawk|mawk|nawk|vim?|nvim|ex|nano|ed|less|more|gdb|expect|socat|xargs|nice|timeout|strace|taskset|rsync|tar|zip|git|make|docker)$/;

/** A mode that sets the setuid bit: octal with 4 in its fourth-to-last digit, or `u+s`, `+s`, `a=s…`. */
function setsUid(mode: string): boolean {
  if (/^[0-7]{4,5}$/.test(mode)) return (Number(mode[mode.length - 4]) & 4) !== 0;
  return mode.split(',').some((c) => /^[ua]*[+=][rwxXt]*s/.test(c));
}

const base = (p: string) => p.replace(/\/+$/, '').split('/').pop() ?? '';

/** `$(…)` or `` `…` `` around a whole word (quotes allowed): its inner command text; undefined = not one. */
function substitution(word: string): string | undefined {
  const w = word.trim().replace(/^"(.*)"$/s, '$1');
  const m = /^\$\((.*)\)$/s.exec(w) ?? /^`(.*)`$/s.exec(w);
  return m?.[1].trim();
}

/**
 * The program a word's substitution looks up, by name: `$(command -v X)`, `$(which [-a] X)`,
 * `$(type -P|-p X)`, `$(whence -p X)`, `$(hash -t X)`, and a path resolver around one of
 * them or around a path (`$(readlink -f "$(which X)")`, `$(realpath /usr/bin/X)`).
 * Undefined = the word is no such lookup.
 */
export function lookedUp(word: string): string | undefined {
  const inner = substitution(word);
  if (inner === undefined) return undefined;
  const lookup =
    /^(?:command\s+-[vV]|which(?:\s+-[as]+)*|type\s+-[aftpP]*[pP][aftpP]*|whence\s+-p|hash\s+-t)\s+(?:--\s+)?['"]?([\w.+-]+)['"]?$/.exec(
      inner,
    );
  if (lookup) return lookup[1];
  const resolver = /^(?:readlink(?:\s+-[efmnqsvz]+)*|realpath(?:\s+-[esmqLP]+)*)\s+(?:--\s+)?(.+)$/s.exec(
    inner,
  );
  if (!resolver) return undefined;
  const arg = resolver[1].trim();
  return (
    lookedUp(arg) ??
    (substitution(arg) === undefined ? base(arg.replace(/^(['"])(.*)\1$/s, '$2')) : undefined)
  );
}

/** The file `dest` was copied from earlier in the script (cp/install SRC… DEST, or into DEST/); '' = none. */
function copiedFrom(dest: string, before: NormalizedCommand[]): string {
  for (const c of [...before].reverse()) {
    if (c.program !== 'cp' && c.program !== 'install') continue;
    const ops = c.argv.slice(1).filter((w) => !w.startsWith('-') && !/^[0-7]{3,5}$/.test(w));
    const to = ops[ops.length - 1] ?? '';
    const src = ops.slice(0, -1).find((s) => to === dest || `${to.replace(/\/$/, '')}/${base(s)}` === dest);
    if (src) return src;
  }
  return '';
}

/** True when a path (or the path a lookup prints) is a program that runs anything. */
const runs = (p: string) => RUNS_ANYTHING.test(base(p)) || RUNS_ANYTHING.test(lookedUp(p) ?? '');

/** The shell or interpreter `cmd` makes setuid, in words; undefined = none. */
export function setuidShell(cmd: NormalizedCommand, all: NormalizedCommand[]): string | undefined {
  const args = cmd.argv.slice(1);
  const before = all.slice(0, Math.max(0, all.indexOf(cmd)));
  const runsAnything = (p: string) => runs(p) || runs(copiedFrom(p, before));
  if (cmd.program === 'chmod') {
    const words = args.filter((w) => !/^-[Rfcv]+$|^--/.test(w));
    const [mode, ...files] = words;
    const hit = mode && setsUid(mode.replace(/^=/, '')) ? files.find(runsAnything) : undefined;
    return hit ? `setuid ${hit}` : undefined;
  }
  if (cmd.program === 'install') {
    const i = args.findIndex((w) => w === '-m' || w === '--mode' || /^--mode=|^-m\d/.test(w));
    if (i < 0) return undefined;
    const mode = args[i].includes('=')
      ? args[i].split('=')[1]
      : args[i].startsWith('-m') && args[i].length > 2
        ? args[i].slice(2)
        : (args[i + 1] ?? '');
    const ops = args.filter((w, j) => !w.startsWith('-') && j !== i + 1);
    const src = ops.slice(0, -1).find(runs);
    return setsUid(mode) && src ? `setuid copy of ${src}` : undefined;
  }
  return undefined;
}
