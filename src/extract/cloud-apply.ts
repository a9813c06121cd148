/**
 * Desired state applied to machines or zones that removes something: configuration
 * management told a resource must be absent (`puppet resource user deploy ensure=absent`,
 * `puppet apply -e '… ensure => absent …'`, `ansible web -m user -a 'name=deploy
 * state=absent'`, `salt '*' pkg.remove nginx` or `state.single file.absent`, `chef-run web
 * package ntp action=remove`, `chef-apply -e "package 'ntp' do action :remove end"`), read as verb `ensure-absent` with the resource type as
 * service; and DNS zones made to match a config, which deletes every record it does not
 * list (`octodns-sync --doit`, `dnscontrol push`), read as service `dns`, verb `sync-zones`.
 * Dry runs (`--noop`, `--check`, octodns-sync without `--doit`, `dnscontrol preview`) and
 * resources made present make no fact. Shell commands these tools send are read by
 * src/normalize/remote.ts.
 */
import type { NormalizedCommand } from '../engine/types.js';
import { positionals, type CloudDraft } from './cloud-argv.js';
import { chefResources } from '../normalize/config-recipes.js';
import { readSaltLine, saltDryRun } from '../normalize/remote-salt.js';

/** Values of a resource's state that remove it. */
const ABSENT = /^["']?(absent|purged|removed|deleted)["']?$/i;

function absent(cmd: NormalizedCommand, service: string, resource: string): CloudDraft {
  return { tool: cmd.program, service, verb: 'ensure-absent', resource, all: false, force: true };
}

/** `puppet resource TYPE TITLE ensure=absent`, `puppet apply -e CODE` with `ensure => absent`. */
function puppet(cmd: NormalizedCommand): CloudDraft | undefined {
  const args = cmd.argv.slice(1);
  if (args.includes('--noop')) return undefined;
  const pos = positionals(args, /^(--param|--environment|--modulepath|--confdir|--vardir|-l|--logdest)$/);
  if (pos[0] === 'resource' && pos.slice(3).some((w) => /^ensure=/.test(w) && ABSENT.test(w.slice(7))))
    return absent(cmd, pos[1] ?? '', pos[2] ?? '');
  if (pos[0] !== 'apply') return undefined;
  const at = args.findIndex((a) => a === '-e' || a === '--execute');
  const code =
    at >= 0 ? (args[at + 1] ?? '') : (args.find((a) => a.startsWith('--execute='))?.slice(10) ?? '');
  const hit = /(\w[\w:]*)\s*\{\s*([^:{]*?)\s*:[^}]*\bensure\s*=>\s*['"]?(absent|purged)\b/.exec(code);
  return hit ? absent(cmd, hit[1], hit[2].replace(/^['"]|['"]$/g, '')) : undefined;
}

/** ansible's options that take a value (the pattern is the first other word). */
const ANSIBLE_VALUED =
  /^(-i|--inventory|-u|--user|-f|--forks|-l|--limit|-e|--extra-vars|-c|--connection|-T|--timeout|-M|--module-path|-P|--poll|-B|--background|--become-user|--become-method|--private-key|--vault-password-file|--vault-id|-t|--tree|-m|--module-name|-a|--args)$/;

/** `ansible PATTERN -m MODULE -a 'name=x state=absent'` (or its JSON form): removed on every host. */
function ansible(cmd: NormalizedCommand): CloudDraft | undefined {
  const args = cmd.argv.slice(1);
  if (args.some((a) => a === '--check' || a === '-C')) return undefined;
  // `-m file`, `-mfile`, `--module-name=file`
  const value = (short: string, long: string) => {
    const at = args.findIndex((a) => a === short || a === long);
    if (at >= 0) return args[at + 1];
    const joined = args.find((a) => a.startsWith(`${long}=`) || (a.startsWith(short) && a.length > 2));
    return joined?.slice(joined.startsWith(long) ? long.length + 1 : 2);
  };
  const moduleArgs = value('-a', '--args') ?? '';
  if (!/(^|[\s{,])["']?state["']?\s*[=:]\s*["']?(absent|purged|removed|deleted)\b/.test(moduleArgs))
    return undefined;
  const mod = (value('-m', '--module-name') ?? 'command').replace(/^ansible\.(builtin|legacy)\./, '');
  const name = /(?:^|\s)(?:name|path|dest|key)=(\S+)/.exec(moduleArgs)?.[1] ?? '';
  const pattern = positionals(args, ANSIBLE_VALUED)[0] ?? '';
  return absent(cmd, mod, [pattern, name].filter(Boolean).join(' '));
}

/**
 * Salt execution functions that remove what they name (`pkg.remove`, `user.delete`,
 * `file.rmdir`), also with the object in the verb (`mysql.db_remove`, `postgres.user_remove`,
 * `mongodb.db_remove`, `lvm.lvremove`, `zfs.destroy`, `virt.undefine`).
 */
const SALT_REMOVE =
  /^[a-z_]+\.(([a-z]+_)?(remove|purge|delete|drop|destroy|uninstall)|rmdir|[lpv]vremove|vgremove|undefine)$/;
/** Salt states that make something absent (`file.absent`, `pkg.removed`, `user.absent`). */
const SALT_ABSENT = /^[a-z_]+\.(absent|removed|purged)$/;

/** `salt TARGET pkg.remove NAME`, `salt TARGET state.single file.absent name=/srv`. */
function salt(cmd: NormalizedCommand): CloudDraft | undefined {
  // salt-call runs the function on this machine: no target word
  const args = cmd.argv.slice(1);
  const line = readSaltLine(cmd.argv.map((text) => ({ text, dynamic: false })));
  const [target, fn, ...rest] =
    cmd.program === 'salt-call'
      ? [
          'local',
          ...positionals(args, /^(-c|--config-dir|--out|--output|--out-file|-l|--log-level|-t|--timeout)$/),
        ]
      : line.raw
        ? []
        : line.pos.map((f) => f.text);
  // `test=True` is a dry run for state functions only: `pkg.remove … test=True` removes
  if (!fn || saltDryRun(fn, rest)) return undefined;
  if (SALT_REMOVE.test(fn)) return absent(cmd, fn.split('.')[0], [target, ...rest.slice(0, 1)].join(' '));
  if (fn === 'state.single' && SALT_ABSENT.test(rest[0] ?? ''))
    return absent(cmd, rest[0].split('.')[0], [target, ...rest.slice(1, 2)].join(' '));
  return undefined;
}

/** `chef-run TARGET TYPE NAME action=remove|delete|purge|uninstall`. */
function chefRun(cmd: NormalizedCommand): CloudDraft | undefined {
  const pos = positionals(
    cmd.argv.slice(1),
    /^(--user|-u|--password|-i|--identity-file|--port|-p|--sudo-password|--cookbook-repo-paths|--config|-c)$/,
  );
  if (!pos.slice(3).some((w) => /^action=:?(remove|delete|purge|uninstall|destroy)$/.test(w)))
    return undefined;
  return absent(cmd, pos[1] ?? '', `${pos[0]} ${pos[2] ?? ''}`.trim());
}

/**
 * `chef-apply -e RECIPE` (or `-s`, the recipe on stdin): a package, account, group or service
 * resource removed (`package 'postgresql' do action :purge end`), as `chef-run` is read. Its
 * files and commands are emitted as the local commands they amount to (normalize/config-recipes.ts).
 */
function chefApply(cmd: NormalizedCommand): CloudDraft | undefined {
  const args = cmd.argv.slice(1);
  if (args.some((a) => a === '-W' || a === '--why-run')) return undefined;
  const at = args.findIndex((a) => a === '-e' || a === '--execute');
  const recipe =
    at >= 0 ? args[at + 1] : args.some((a) => a === '-s' || a === '--stdin') ? cmd.stdin?.text : undefined;
  const removed = chefResources(recipe ?? '').find(
    (r) =>
      /^(user|group|service|(?:[a-z]+_)?package)$/.test(r.type) &&
      r.actions.some((a) => /^(remove|purge|delete|uninstall)$/.test(a)),
  );
  return removed ? absent(cmd, removed.type, removed.name) : undefined;
}

/** `octodns-sync --doit [ZONE…]`, `dnscontrol push [--domains D]`: zones made to match the config. */
function dnsSync(cmd: NormalizedCommand): CloudDraft | undefined {
  const args = cmd.argv.slice(1);
  const opt = (name: string) => {
    const at = args.findIndex((a) => a === name);
    return at >= 0 ? args[at + 1] : args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
  };
  const pos = positionals(
    args,
    /^(--config-file|--config|--creds|--domains|--providers|--report|--cpuprofile|--source|--target|--log-level)$/,
  );
  const applies = cmd.program === 'octodns-sync' ? args.includes('--doit') : pos[0] === 'push';
  if (!applies) return undefined;
  const zones = cmd.program === 'octodns-sync' ? pos.join(' ') : (opt('--domains') ?? '');
  return {
    tool: cmd.program,
    service: 'dns',
    verb: 'sync-zones',
    resource: zones || (opt('--config-file') ?? opt('--config') ?? ''),
    all: !zones,
    force: args.includes('--force'),
  };
}

/** Programs this module reads, by name. */
export const APPLY_READERS: Record<string, (cmd: NormalizedCommand) => CloudDraft | undefined> = {
  puppet,
  ansible,
  salt,
  'salt-ssh': salt,
  'salt-call': salt,
  'chef-run': chefRun,
  'chef-apply': chefApply,
  'cinc-apply': chefApply,
  'octodns-sync': dnsSync,
  dnscontrol: dnsSync,
};
