/**
 * Security switched off from the next boot by the kernel command line: mandatory access
 * control (`selinux=0`, `enforcing=0`, `apparmor=0`, `security=none`), the kernel's audit
 * (`audit=0`), and hardening (`lockdown=none`, `module.sig_enforce=0`, `mitigations=off`,
 * `nokaslr`). Read where the command line is set: `grubby --args`, `grub2-editenv - set
 * kernelopts=…`, `kernelstub -a`, `rpm-ostree kargs --append`, `ostree admin kargs edit-in-place
 * --append`, and the files it is kept in (/etc/default/grub, /etc/kernel/cmdline,
 * /boot/loader/entries/*.conf, /boot/cmdline.txt) written by `sed -i` (its replacement text),
 * `echo`/`printf` redirected, or `tee` fed a known text. Removing such an argument
 * (`grubby --remove-args`) and other arguments (`quiet`, `console=ttyS0`) are not reported.
 */
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import { resolvePath } from './http-body.js';
import { readStdinDeep } from './sql-clients.js';
import type { Finding } from './word-facts.js';

/** Kernel arguments that weaken the host, and the verb each is reported as. */
const WEAKENING: [RegExp, string][] = [
  [/^(selinux|enforcing|apparmor)=0$|^security=none$/, 'mac-off'],
  [/^audit=0$/, 'audit-policy-off'],
  [/^(lockdown=none|module\.sig_enforce=0|mitigations=off|nokaslr)$/, 'hardening-off'],
];

/** The files the kernel command line is kept in. */
const CMDLINE_FILES =
  /^(\/etc\/default\/grub|\/etc\/kernel\/cmdline|\/boot\/loader\/entries\/[^/]+\.conf|\/boot(\/firmware)?\/cmdline\.txt)$/;

/** The weakening arguments in `text` (split on blanks, quotes and `&`), as findings. */
function weakened(text: string): Finding[] {
  const out: Finding[] = [];
  for (const token of text.split(/[\s"'&]+/)) {
    const arg = token.replace(/^[A-Z_]+=/, ''); // `GRUB_CMDLINE_LINUX=audit=0`, `kernelopts=…`
    const hit = WEAKENING.find(([re]) => re.test(arg));
    if (hit && !out.some(([v]) => v === hit[1])) out.push([hit[1], arg]);
  }
  return out;
}

/** The value of an option among `names` (`--args=X`, `--args X`); every one given. */
function values(argv: string[], names: RegExp): string[] {
  const out: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const [opt, inline] = argv[i].split(/=(.*)/s, 2);
    if (names.test(opt)) out.push(inline ?? argv[i + 1] ?? '');
  }
  return out;
}

/** sed's script with each `s` command's pattern dropped: only what it writes. */
const sedWrites = (script: string) => script.replace(/s(.)(?:\\.|(?!\1).)*\1((?:\\.|(?!\1).)*)\1/g, ' $2 ');

/** The text `cmd` puts on the kernel command line (see the header); '' = none. */
function commandLineText(cmd: NormalizedCommand, ctx: AnalyzeContext): string {
  const a = cmd.argv;
  const pos = a.slice(1).filter((w) => !w.startsWith('-'));
  switch (cmd.program) {
    case 'grubby':
      return values(a, /^--args$/).join(' ');
    case 'grub2-editenv':
    case 'grub-editenv':
      return pos.includes('set') ? pos.filter((w) => w.startsWith('kernelopts=')).join(' ') : '';
    case 'kernelstub':
      return values(a, /^(-a|--add-options)$/).join(' ');
    case 'rpm-ostree':
    case 'ostree':
      return pos.includes('kargs') ? values(a, /^--(append|append-if-missing|replace)$/).join(' ') : '';
  }
  const kept = (p: string) => CMDLINE_FILES.test(resolvePath(p, cmd, ctx));
  if (cmd.program === 'sed' && a.some((w) => /^(-i|--in-place)/.test(w)) && pos.some(kept))
    return pos
      .filter((w) => !kept(w))
      .map(sedWrites)
      .join(' ');
  if (cmd.program === 'tee' && pos.some(kept)) return readStdinDeep(cmd, ctx).text ?? '';
  if ((cmd.program === 'echo' || cmd.program === 'printf') && cmd.writes.some(kept))
    return a.slice(1).join(' ');
  return '';
}

/** What `cmd` switches off at the next boot, as [verb, the argument]; empty = nothing. */
export function bootDefencesOff(cmd: NormalizedCommand, ctx: AnalyzeContext): Finding[] {
  return weakened(commandLineText(cmd, ctx)).map(([verb, arg]) => [
    verb,
    `${cmd.program} ${arg} (kernel command line)`,
  ]);
}
