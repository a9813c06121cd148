/**
 * Disk-image editors that change a virtual machine's disk from outside it (libguestfs):
 * - `guestfish [--rw] -a IMAGE -i CMD ARGS… [: CMD ARGS…]`: its commands act on the image's
 *   files (`rm-rf /var/lib/mysql`, `write /etc/sudoers.d/x …`, `sh 'CMD'`); not with `--ro`
 *   (`-r`), where guestfish refuses every write;
 * - `virt-customize -a IMAGE` and `virt-sysprep -a IMAGE`: `--run-command CMD` and
 *   `--firstboot-command CMD` run CMD inside, `--delete PATH` deletes, `--root-password` and
 *   `--password USER:…` set an account's password, `--write|--append-line|--upload|--edit` write
 *   files, `--ssh-inject USER` lets a key log in.
 * Each is read as the shell command that does the same inside the machine (guestfish's
 * `rm-rf P` as `rm -rf P`, `--root-password password:X` as `echo root:X | chpasswd`) and walked
 * as a remote one (remote-words.ts): the image's paths are that machine's. Commands that only
 * read (`ls`, `cat`, `download`, `inspect-os`) and the image's own set-up (`--install`,
 * `--hostname`) read as nothing.
 * Commands may come from a file (image-scripts.ts): guestfish's `-f FILE` and its stdin
 * (`guestfish -a IMG -i < cmds`, a heredoc, a pipe) when no command is on its command line,
 * virt-customize's `--commands-from-file FILE`; read as inline ones when the file is known
 * (written earlier, or readable), else a command not known stands for them (fail closed).
 */
import type { Field, Res } from './state.js';
import type { K } from './emit.js';
import { reparse } from './reparse.js';
import { remoteArgv } from './remote-words.js';
import { customizeFileLines, fishScript, scriptText } from './image-scripts.js';
import { unreadable } from './written-code.js';

/** A word quoted for the shell. */
const q = (w: string) => `'${w.replace(/'/g, `'\\''`)}'`;

/** guestfish's options that take a value. */
const FISH_WITH_VALUE = new Set(
  '-a --add -d --domain -c --connect -m --mount -f --file --format --key --listen --remote --pipe-error'.split(
    ' ',
  ),
);

/** guestfish commands and the shell command of the same effect (before its quoted arguments). */
const FISH: Record<string, string> = {
  rm: 'rm',
  'rm-f': 'rm -f',
  'rm-rf': 'rm -rf',
  rmdir: 'rmdir',
  mv: 'mv',
  cp: 'cp',
  'cp-a': 'cp -a',
  'cp-r': 'cp -r',
  chmod: 'chmod',
  chown: 'chown',
  mkdir: 'mkdir',
  'mkdir-p': 'mkdir -p',
  'ln-s': 'ln -s',
  'ln-sf': 'ln -sf',
  truncate: 'truncate -s 0',
  // a file's whole content replaced or appended to
  write: 'tee',
  'write-append': 'tee -a',
  'upload-to': 'tee',
  // a device or filesystem wiped
  mkfs: 'mkfs -t',
  wipefs: 'wipefs -a',
  zero: 'wipefs -a',
  'zero-device': 'wipefs -a',
  'part-disk': 'wipefs -a',
  'part-init': 'wipefs -a',
};

/** One guestfish command as shell text; '' for a command that only reads or sets up. */
export function fishCommand(words: string[]): string {
  const [name = '', ...args] = words;
  // `sh 'CMD'`, `command 'CMD'`: CMD runs inside the image (command's words are its argv)
  if (/^(sh|sh-lines)$/.test(name)) return args.join(' ');
  if (/^(command|command-lines)$/.test(name)) return args.join(' ');
  if (name === 'upload') return args[1] ? `tee ${q(args[1])}` : '';
  // `write PATH CONTENT`: only the path is read
  if (/^write(-append)?$/.test(name)) return args[0] ? `${FISH[name]} ${q(args[0])}` : '';
  if (name === 'mkfs') return `mkfs -t ${args.map(q).join(' ')}`;
  if (/^(part-init|part-disk)$/.test(name)) return args[0] ? `wipefs -a ${q(args[0])}` : '';
  const shell = Object.hasOwn(FISH, name) ? FISH[name] : undefined;
  return shell ? [shell, ...args.map(q)].join(' ') : '';
}

/** The image an editor is given (`-a IMAGE`, `-d DOMAIN`), '' when none is named. */
function imageOf(argv: Field[]): string {
  const at = argv.findIndex((a) => /^(-a|--add|-d|--domain)$/.test(a.text));
  const eq = argv.find((a) => /^--(add|domain)=/.test(a.text))?.text.replace(/^[^=]*=/, '');
  return at >= 0 ? (argv[at + 1]?.text ?? '') : (eq ?? '');
}

/** Walks `text` as run inside the image; fail closed: a word not known here is walked as unknown. */
function inside(text: string, argv: Field[], label: string, k: K): Res | undefined {
  if (!text.trim()) return undefined;
  if (argv.some((f) => f.dynamic)) return remoteArgv(argv, label, k);
  return reparse(text, label, k, { remote: true });
}

function guestfish(argv: Field[], k: K): Res | undefined {
  const words: string[] = [];
  let file: Field | undefined;
  for (let i = 1; i < argv.length; i++) {
    const t = argv[i].text;
    if (t === '--ro' || t === '-r') return undefined;
    if (!words.length && (t === '-f' || t === '--file')) file = argv[++i] ?? { text: '', dynamic: true };
    else if (!words.length && t.startsWith('--file=')) file = { ...argv[i], text: t.slice(7) };
    else if (FISH_WITH_VALUE.has(t)) i++;
    else if (!t.startsWith('-') || t === '-' || words.length) words.push(t);
  }
  const label = `guestfish ${imageOf(argv)}`.trim();
  // `-f FILE`, or no command given: the commands are the file's or stdin's (image-scripts.ts)
  const fromFile = file !== undefined || (!words.length && k.io.stdin !== undefined);
  if (fromFile) {
    const text = scriptText(file, k);
    // fail closed: commands not known may write anything into the image, or run here (`!CMD`)
    if (text === undefined) return void unreadable(file?.text ?? '(guestfish commands on stdin)', label, k);
    const script = fishScript(text);
    for (const local of script.local) reparse(local, label, k);
    if (script.unknown) unreadable('(guestfish commands from <! CMD)', label, k);
    const inner = script.commands.map(fishCommand).filter(Boolean).join('\n');
    return inside(inner, argv, label, k);
  }
  // `cmd args : cmd args`: commands separated by a lone colon
  const cmds: string[][] = [[]];
  for (const w of words)
    if (w === ':') cmds.push([]);
    else cmds[cmds.length - 1].push(w);
  const text = cmds.map(fishCommand).filter(Boolean).join('\n');
  return inside(text, argv, label, k);
}

/** virt-customize's and virt-sysprep's options and the shell command each stands for (its value split at the first colon). */
function customizeOption(opt: string, value: string): string {
  const [head, rest = ''] = value.split(/:(.*)/s, 2);
  switch (opt) {
    case '--run-command':
    case '--firstboot-command':
      return value;
    case '--delete':
      return `rm -rf ${q(value)}`;
    case '--scrub':
      return `rm -f ${q(value)}`;
    case '--truncate':
    case '--truncate-recursive':
      return `truncate -s 0 ${q(value)}`;
    case '--root-password':
      // `password:X`, `file:F`; `disabled`, `locked` and `random` let nobody in with a known one
      return /^(password|file)$/.test(head) ? `echo root:PASSWORD | chpasswd` : '';
    case '--password':
      return /^(password|file):/.test(rest) ? `echo ${q(`${head}:PASSWORD`)} | chpasswd` : '';
    case '--write':
    case '--upload':
    case '--edit':
      return `tee ${q(opt === '--upload' ? rest : head)}`;
    case '--append-line':
      return `tee -a ${q(head)}`;
    case '--chmod':
      return `chmod ${q(head)} ${q(rest)}`;
    case '--ssh-inject':
      return `tee -a ${q(head === 'root' ? '/root/.ssh/authorized_keys' : `/home/${head}/.ssh/authorized_keys`)}`;
    default:
      return '';
  }
}

function customize(argv: Field[], k: K): Res | undefined {
  const lines: string[] = [];
  const tool = argv[0].text.replace(/.*\//, '');
  const label = `${tool} ${imageOf(argv)}`.trim();
  for (let i = 1; i < argv.length; i++) {
    const [opt, inline] = argv[i].text.split(/=(.*)/s, 2);
    if (!opt.startsWith('--')) continue;
    const value = inline ?? argv[i + 1]?.text ?? '';
    if (opt === '--commands-from-file') {
      // each line of the file is one option without its dashes (image-scripts.ts)
      const field = inline !== undefined ? { ...argv[i], text: inline } : argv[i + 1];
      const text = field ? scriptText(field, k) : undefined;
      // fail closed: options not known may delete, write or run anything inside
      if (text === undefined) unreadable(value || '(commands file)', label, k);
      else for (const [o, v] of customizeFileLines(text)) lines.push(customizeOption(o, v));
      continue;
    }
    const line = customizeOption(opt, value);
    if (line) lines.push(line);
  }
  return inside(lines.filter(Boolean).join('\n'), argv, label, k);
}

/** program → handler; undefined = nothing written into the image. */
export const IMAGE_REMOTE: Record<string, (argv: Field[], k: K) => Res | undefined> = {
  guestfish,
  'virt-customize': customize,
  'virt-sysprep': customize,
};
