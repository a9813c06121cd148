/**
 * Configuration-management runners that send a shell command to every node a query or
 * inventory names: `knife ssh QUERY 'CMD'` (Chef), `bolt command run 'CMD' -t TARGETS`
 * (Puppet Bolt), `pyinfra INVENTORY exec -- CMD…`, `fab -H HOSTS -- CMD…` (Fabric), `colmena exec
 * --on NODES -- CMD…` and `nixops ssh-for-each -- CMD…` (NixOS fleets). The
 * command is walked as a remote one (remote-words.ts); their other subcommands (`knife node
 * list`, `bolt task run`, `pyinfra INVENTORY deploy.py`) are not shell commands here.
 */
import type { Field, Res } from './state.js';
import type { K } from './emit.js';
import { remoteWords } from './remote-words.js';

/**
 * The positional words of a CLI whose options may come anywhere (mixlib-cli, Ruby's
 * OptionParser): options in `withValue` take the next word; `--opt=value` carries its own.
 */
export function positionals(args: Field[], withValue: Set<string>): Field[] {
  const pos: Field[] = [];
  for (let i = 0; i < args.length; i++) {
    const t = args[i].text;
    if (t === '--') return [...pos, ...args.slice(i + 1)];
    if (!t.startsWith('-') || t === '-') pos.push(args[i]);
    else if (!t.includes('=') && withValue.has(t)) i++;
  }
  return pos;
}

/** knife's options that take a value (its own and those of `knife ssh`). */
const KNIFE_WITH_VALUE = new Set(
  (
    '-a --attribute -C --concurrency -x --ssh-user -P --ssh-password -p --ssh-port -G --ssh-gateway ' +
    '--ssh-gateway-identity -i --ssh-identity-file --identity-file --prefix-attribute -t --ssh-timeout ' +
    '-c --config -s --server-url -k --key -u --user -E --environment -F --format --config-option ' +
    '--profile --chef-zero-port'
  ).split(' '),
);
/** `knife ssh QUERY interactive|screen|tmux|…`: a terminal session, not a command. */
const KNIFE_SESSIONS = /^(interactive|screen|tmux|macterm|cssh|csshx)$/;

/** `knife ssh QUERY CMD…`: knife joins the words after the query into the command. */
function knife(argv: Field[], k: K): Res | undefined {
  const pos = positionals(argv.slice(1), KNIFE_WITH_VALUE);
  if (pos[0]?.text !== 'ssh' || pos.length < 3) return undefined;
  const script = pos.slice(2);
  if (script.length === 1 && KNIFE_SESSIONS.test(script[0].text)) return undefined;
  return remoteWords(script, `knife ssh ${pos[1].text}`, k);
}

/** bolt's options that take a value. */
const BOLT_WITH_VALUE = new Set(
  (
    '-t --targets -q --query --rerun -u --user -p --password --private-key --run-as --sudo-password ' +
    '-c --concurrency -i --inventoryfile --transport -m --modulepath --project --log-level --env-var ' +
    '--tmpdir --connect-timeout --format --compile-concurrency --configfile --boltdir'
  ).split(' '),
);

/** `bolt command run 'CMD' --targets T`: CMD runs on every target. */
function bolt(argv: Field[], k: K): Res | undefined {
  const args = argv.slice(1);
  const pos = positionals(args, BOLT_WITH_VALUE);
  if (pos[0]?.text !== 'command' || pos[1]?.text !== 'run' || !pos[2]) return undefined;
  const at = args.findIndex((a) => a.text === '-t' || a.text === '--targets' || a.text === '-q');
  const targets = at >= 0 ? (args[at + 1]?.text ?? '') : '';
  return remoteWords([pos[2]], `bolt ${targets}`.trim(), k);
}

/**
 * `pyinfra INVENTORY exec [--] CMD…`: CMD runs on every host of the inventory (not with
 * `--dry`, which only prints what would run).
 */
function pyinfra(argv: Field[], k: K): Res | undefined {
  const args = argv.slice(1);
  if (args.some((a) => a.text === '--dry')) return undefined;
  const at = args.findIndex((a, i) => a.text === 'exec' && i > 0 && !args[i - 1].text.startsWith('-'));
  if (at < 0) return undefined;
  const script = args.slice(args[at + 1]?.text === '--' ? at + 2 : at + 1);
  return script.length ? remoteWords(script, `pyinfra ${args[at - 1].text}`, k) : undefined;
}

/** `fab -H HOSTS -- CMD…` (Fabric): the words after `--` run on each host. */
function fab(argv: Field[], k: K): Res | undefined {
  const dash = argv.findIndex((a) => a.text === '--');
  if (dash < 0 || dash === argv.length - 1) return undefined;
  const h = argv.findIndex((a) => a.text === '-H' || a.text === '--hosts');
  const hosts = h >= 0 && h < dash ? (argv[h + 1]?.text ?? '') : '';
  return remoteWords(argv.slice(dash + 1), `fab ${hosts}`.trim(), k);
}

/** colmena's and nixops' options that take a value. */
const NIX_FLEET_WITH_VALUE = new Set(
  '--on -p --parallel --config -f --nix-option --exclude -d --deployment -s --state --include'.split(' '),
);

/**
 * NixOS deployers: `colmena exec [--on NODES] [opts] -- CMD…` and `nixops ssh-for-each [opts]
 * -- CMD…` run CMD on every node; without `--` colmena joins its trailing words the same way.
 * Their other subcommands (`colmena apply`, `nixops deploy`) build and switch configurations.
 */
function nixFleet(argv: Field[], k: K): Res | undefined {
  const tool = argv[0].text.replace(/.*\//, '');
  const sub = tool === 'colmena' ? 'exec' : 'ssh-for-each';
  const at = argv.findIndex((a) => a.text === sub);
  if (at < 0) return undefined;
  const dash = argv.findIndex((a, i) => i > at && a.text === '--');
  const script = dash >= 0 ? argv.slice(dash + 1) : positionals(argv.slice(at + 1), NIX_FLEET_WITH_VALUE);
  if (!script.length) return undefined;
  const on = argv.findIndex((a) => a.text === '--on' || a.text === '-d' || a.text === '--deployment');
  const nodes = on >= 0 ? (argv[on + 1]?.text ?? '') : '';
  return remoteWords(script, `${tool} ${sub} ${nodes}`.trim(), k);
}

/**
 * StackStorm actions that run a shell command: `st2 run|action execute ACTION [k=v…]`.
 * The remote runners (`core.remote`, `core.remote_sudo`, the WinRM ones) run `cmd=CMD` on
 * every host of `hosts=`; the local ones (`core.local`, `core.local_sudo`) on the st2 worker,
 * another machine too (its paths are not this machine's). Other actions are not shell here.
 */
const ST2_SHELL = /^core\.(remote|remote_sudo|local|local_sudo|winrm_cmd|winrm_ps_cmd)$/;

function st2(argv: Field[], k: K): Res | undefined {
  const words = argv.slice(1).filter((a) => !a.text.startsWith('-'));
  const at =
    words[0]?.text === 'run' ? 1 : words[0]?.text === 'action' && words[1]?.text === 'execute' ? 2 : -1;
  const action = words[at];
  if (at < 0 || !action || !ST2_SHELL.test(action.text)) return undefined;
  const param = (name: string) => words.slice(at + 1).find((w) => w.text.startsWith(`${name}=`));
  const cmd = param('cmd');
  if (!cmd) return undefined;
  const hosts = param('hosts')?.text.slice('hosts='.length) ?? '';
  const script = { ...cmd, text: cmd.text.slice('cmd='.length) };
  return remoteWords([script], `st2 ${action.text} ${hosts}`.trim(), k);
}

/** program → remote handler; undefined = not a remote command after all. */
export const FLEET_REMOTE: Record<string, (argv: Field[], k: K) => Res | undefined> = {
  knife,
  bolt,
  pyinfra,
  fab,
  colmena: nixFleet,
  nixops: nixFleet,
  st2,
};
