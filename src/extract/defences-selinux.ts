/**
 * SELinux loosened without switching it off (cloud-host.ts reads `setenforce 0`): a domain
 * made permissive (`semanage permissive -a httpd_t`), a boolean that guards the whole system
 * set to its weak side (`setsebool [-P] selinuxuser_execmod 1`, `deny_ptrace off`,
 * `secure_mode_policyload=0`, `semanage boolean -m --on …`), and a file labelled with an
 * unconfined or all-powerful type, now or at the next relabel (`chcon -t unconfined_exec_t
 * FILE`, `chcon system_u:object_r:unconfined_exec_t:s0 FILE`, `semanage fcontext -a|-m -t
 * unconfined_exec_t PATTERN`): what runs from it is no longer confined. Each is `mac-off`.
 * Reading (`getsebool`, `semanage … -l`), ordinary service booleans
 * (`httpd_can_network_connect`) and confined types (`httpd_sys_content_t`) find nothing.
 */
import type { Finding } from './word-facts.js';

/** Booleans whose `on` side weakens every domain: writable-executable memory, stacks, heaps, sysadm over ssh, kernel modules. */
const WEAK_WHEN_ON =
  /^(selinuxuser_exec(mod|stack|heap)|allow_exec(mem|mod|stack|heap)|user_exec(mod|stack|heap)|ssh_sysadm_login|domain_kernel_load_modules|mmap_low_allowed|domain_can_mmap_files|unconfined_login|allow_ptrace|selinuxuser_use_ssh_chroot)$/;
/** Booleans whose `off` side weakens: ptrace and writable-executable memory denied, the policy and modules locked. */
const WEAK_WHEN_OFF = /^(deny_ptrace|deny_execmem|secure_mode_policyload|secure_mode_insmod|secure_mode)$/;

const ON = /^(1|on|true)$/i;
const OFF = /^(0|off|false)$/i;

/** True when setting boolean `name` to `value` weakens the policy. */
const weakBoolean = (name: string, value: string) =>
  (WEAK_WHEN_ON.test(name) && ON.test(value)) || (WEAK_WHEN_OFF.test(name) && OFF.test(value));

/** Types under which a process runs unconfined or with the kernel's power (a full context's third field). */
const UNCONFINED_TYPE = /^(unconfined_\w+|\w+_unconfined_t|spc_t|kernel_t|unlabeled_t)$/;
const unconfinedType = (w: string) => {
  const parts = w.split(':');
  return UNCONFINED_TYPE.test(parts.length >= 3 ? parts[2] : w);
};

/** `setsebool [-P] NAME VALUE…` or `NAME=VALUE…`: the weakened booleans. */
function setsebool(args: string[]): string[] {
  const words = args.filter((a) => !a.startsWith('-'));
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const [n, v] = words[i].includes('=') ? words[i].split('=', 2) : [words[i], words[++i] ?? ''];
    if (weakBoolean(n, v)) out.push(`${n}=${v}`);
  }
  return out;
}

/** The value of `-t T`, `-tT`, `--type T`, `--type=T`; undefined = not given. */
function typeOption(args: string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-t' || a === '--type') return args[i + 1];
    if (a.startsWith('--type=')) return a.slice(7);
    if (/^-t\w/.test(a)) return a.slice(2);
  }
  return undefined;
}

/** What `name ARGS` loosens in SELinux (see the header); empty = nothing. */
export function selinuxLoosened(name: string, args: string[]): Finding[] {
  const pos = args.filter((a) => !a.startsWith('-'));
  // the words that say so (semanage's without its name, as it has always been reported)
  const said = name === 'semanage' ? args.join(' ') : `${name} ${args.join(' ')}`;
  const adds = args.some((a) => /^(-a|--add|-m|--modify)$/.test(a));
  switch (name) {
    case 'setsebool':
      return setsebool(args).length ? [['mac-off', said]] : [];
    case 'chcon': {
      // `chcon -t TYPE FILE`, or a full context as the first operand (not with --reference)
      const t = typeOption(args) ?? (args.some((a) => a.startsWith('--reference')) ? undefined : pos[0]);
      return t !== undefined && unconfinedType(t) ? [['mac-off', said]] : [];
    }
    case 'semanage': {
      // `semanage permissive -a httpd_t`: that domain is no longer confined
      if (pos[0] === 'permissive' && args.some((a) => a === '-a' || a === '--add'))
        return [['mac-off', said]];
      const t = typeOption(args);
      if (pos[0] === 'fcontext' && adds && t !== undefined && unconfinedType(t)) return [['mac-off', said]];
      // `semanage boolean -m --on|-1 NAME`, `--off|-0 NAME`
      if (pos[0] === 'boolean' && adds) {
        const on = args.some((a) => a === '--on' || a === '-1');
        const off = args.some((a) => a === '--off' || a === '-0');
        const hit = pos.slice(1).some((n) => (on && weakBoolean(n, '1')) || (off && weakBoolean(n, '0')));
        return hit ? [['mac-off', said]] : [];
      }
      return [];
    }
    default:
      return [];
  }
}
