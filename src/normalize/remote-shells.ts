/**
 * More fleet tools that send one shell command to many hosts, read like ssh's remote command
 * (remote-words.ts): bundlewrap's `bw run TARGETS CMD`, `mussh -h HOST… -c CMD`, dancer's
 * shell `dsh -g GROUP [-c] -- CMD…`, Teleport's `tsh ssh HOST CMD…`, Juju's `juju exec
 * --all|--unit U -- CMD…`, `juju ssh UNIT CMD…` and (Juju 2) `juju run --all CMD`, and
 * MCollective's `mco shell run CMD`. Their other subcommands (`bw apply`, `juju deploy`, `tsh
 * ls`) are not shell commands here, nor a session opened with no command (`tsh ssh HOST`).
 */
import type { Field, Res } from './state.js';
import type { K } from './emit.js';
import { remoteWords } from './remote-words.js';
import { positionals } from './remote-fleet.js';
import { wordSet } from '../extract/word-set.js';

/** bundlewrap's global options and `bw run`'s that take a value. */
const BW_WITH_VALUE = wordSet('-r --repository -p --parallel-nodes --resume-file -s --skip');

/** `bw [opts] run [opts] TARGETS CMD…`: CMD runs on every node, group or bundle TARGETS names. */
function bw(argv: Field[], k: K): Res | undefined {
  const pos = positionals(argv.slice(1), BW_WITH_VALUE);
  if (pos[0]?.text !== 'run' || pos.length < 3) return undefined;
  return remoteWords(pos.slice(2), `bw run ${pos[1].text}`, k);
}

/**
 * `mussh -h HOST… [-H FILE] -c CMD`: `-h` takes every word up to the next option; the command
 * is `-c`'s value (`-C FILE` runs a script file, not read here).
 */
function mussh(argv: Field[], k: K): Res | undefined {
  const c = argv.findIndex((a) => a.text === '-c');
  const cmd = c > 0 ? argv[c + 1] : undefined;
  if (!cmd) return undefined;
  const h = argv.findIndex((a) => a.text === '-h' || a.text === '-H');
  const hosts = h > 0 ? (argv[h + 1]?.text ?? '') : '';
  return remoteWords([cmd], `mussh ${hosts}`.trim(), k);
}

/** dsh's options that take a value (`-c` runs concurrently, it takes none). */
const DSH_WITH_VALUE = wordSet(
  '-m --machine -g --group -f --file -o --remoteshellopt -r --remoteshell -F --forklimit',
);

/** `dsh [-a|-g GROUP|-m HOST] [opts] [--] CMD…`: the words after the options run on each machine. */
function dsh(argv: Field[], k: K): Res | undefined {
  const script = positionals(argv.slice(1), DSH_WITH_VALUE);
  if (!script.length) return undefined;
  const m = argv.findIndex((a) => /^(-m|--machine|-g|--group)$/.test(a.text));
  return remoteWords(script, `dsh ${m > 0 ? (argv[m + 1]?.text ?? '') : ''}`.trim(), k);
}

/** tsh's global options and `tsh ssh`'s that take a value. */
const TSH_WITH_VALUE = wordSet(
  '-l --login -p --port -L -R -o --option --cluster --proxy --user --auth -i --identity --request-id --request-reason',
);

/** `tsh [opts] ssh [opts] [USER@]HOST CMD…`: Teleport's ssh; CMD runs on the host. */
function tsh(argv: Field[], k: K): Res | undefined {
  const pos = positionals(argv.slice(1), TSH_WITH_VALUE);
  if (pos[0]?.text !== 'ssh' || pos.length < 3) return undefined;
  return remoteWords(pos.slice(2), `tsh ssh ${pos[1].text}`, k);
}

/** juju's options that take a value. */
const JUJU_WITH_VALUE = wordSet(
  '-m --model -u --unit --machine -a --app --application --timeout --format -o --output --operator',
);

/**
 * `juju exec [--all|--unit U|--machine M|--app A] [--] CMD…` (Juju 3; `juju run` with those
 * options in Juju 2) runs CMD on each; `juju ssh UNIT CMD…` on one unit's machine. Juju 3's `juju
 * run UNIT ACTION` runs a charm's action, not a shell command.
 */
function juju(argv: Field[], k: K): Res | undefined {
  const args = argv.slice(1);
  const pos = positionals(args, JUJU_WITH_VALUE);
  const sub = pos[0]?.text;
  if (sub === 'ssh')
    return pos.length >= 3 ? remoteWords(pos.slice(2), `juju ssh ${pos[1].text}`, k) : undefined;
  const targeted = args.some((a) => /^(--all|--unit|-u|--machine|--app|-a|--application)(=|$)/.test(a.text));
  if (!(sub === 'exec' || (sub === 'run' && targeted)) || pos.length < 2) return undefined;
  return remoteWords(pos.slice(1), `juju ${sub}`, k);
}

/** `mco shell run [opts] CMD` (MCollective's shell agent): CMD runs on every matching node. */
function mco(argv: Field[], k: K): Res | undefined {
  const pos = positionals(
    argv.slice(1),
    wordSet(
      '-I --with-identity -C --with-class -F --with-fact -W --with -T --target -t --timeout --dt --discovery-timeout',
    ),
  );
  if (pos[0]?.text !== 'shell' || pos[1]?.text !== 'run' || pos.length < 3) return undefined;
  return remoteWords(pos.slice(2), 'mco shell run', k);
}

/** program → remote handler; undefined = not a remote command after all. */
export const SHELL_REMOTE: Record<string, (argv: Field[], k: K) => Res | undefined> = {
  bw,
  mussh,
  dsh,
  tsh,
  juju,
  mco,
};
