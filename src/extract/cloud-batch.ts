/**
 * Batch and HPC schedulers cancelling jobs by selection rather than by id: `scancel
 * --state=RUNNING --partition=gpu` or `scancel -u bob` (Slurm), `qdel all` or `qdel -u '*'`
 * (PBS, Torque, Grid Engine), `condor_rm -all`, `condor_rm USER` or `-constraint EXPR`
 * (HTCondor), `bkill 0` / `bkill -u all 0` (LSF), `flux cancel --all` and `flux job
 * cancelall -f` (Flux). Every job the selection matches is killed, other users' too when the
 * caller may (an operator, a shared account): read as a CloudFact of service `jobs`, verb
 * `cancel-all`, with the selection as its resource. Cancelling jobs named by id (one's own
 * job, `scancel 4242`, `qdel 4242.pbs01`, `bkill 4242`) makes no fact.
 */
import type { NormalizedCommand } from '../engine/types.js';
import type { CloudDraft } from './cloud-argv.js';
import { wordSet } from './word-set.js';

/** Per scheduler: the options that take a value, and what makes the command select jobs. */
interface Spec {
  /** Options whose next word is their value (`--opt=value` carries its own). */
  valued: Set<string>;
  /** The selection the command cancels, or undefined when it names its jobs by id. */
  selection: (opts: Map<string, string>, pos: string[]) => string | undefined;
}

/** Slurm's options that filter the jobs a `scancel` without ids cancels. */
const SLURM_FILTERS =
  /^(-A|--account|-n|--name|--jobname|-p|--partition|-q|--qos|-R|--reservation|-t|--state|-u|--user|-w|--nodelist|--wckey|--me|-M|--clusters)$/;

const SPECS: Record<string, Spec> = {
  // `scancel [filters] [ids]`: with ids, only those (that also match the filters).
  scancel: {
    valued: wordSet(
      '-A --account -M --clusters -n --name --jobname -p --partition -q --qos -R --reservation -s --signal -t --state -u --user -w --nodelist --wckey --sibling',
    ),
    selection: (opts, pos) => {
      if (pos.length) return undefined;
      const filters = [...opts].filter(([o]) => SLURM_FILTERS.test(o));
      return filters.length ? filters.map(([o, v]) => (v ? `${o}=${v}` : o)).join(' ') : undefined;
    },
  },
  // `qdel all` (Torque), `qdel -u USER` without ids or `-u '*'` (Grid Engine): a user's or everyone's jobs.
  qdel: {
    valued: wordSet('-W -m -t -a -u -c'),
    selection: (opts, pos) => {
      const every = pos.find((w) => /^(all|ALL|\*)$/.test(w));
      if (every) return every;
      const user = opts.get('-u');
      if (user !== undefined && (!pos.length || user === '*')) return `-u ${user}`;
      return undefined;
    },
  },
  // `condor_rm -all`, `-constraint EXPR`, or a user name instead of a cluster.proc id.
  condor_rm: {
    valued: wordSet('-name -pool -addr -constraint -reason -debug'),
    selection: (opts, pos) => {
      if (opts.has('-all') || opts.has('-a')) return '-all';
      if (opts.has('-constraint')) return `-constraint ${opts.get('-constraint')}`;
      return pos.find((w) => /^[a-z_][\w.@-]*$/i.test(w));
    },
  },
  // `bkill 0`: job id 0 is every job the other options select (`-u all`: every user's).
  bkill: {
    valued: wordSet('-u -q -m -J -g -sla -app -s -C -stat -lsfonly'),
    selection: (opts, pos) => {
      if (!pos.includes('0')) return undefined;
      const filters = [...opts].filter(([o]) => /^(-u|-q|-m|-J|-g|-sla|-app)$/.test(o));
      return ['0', ...filters.map(([o, v]) => `${o} ${v}`)].join(' ');
    },
  },
  // `flux cancel --all [--user=U]`, `flux job cancelall -f` (without -f it only counts them).
  flux: {
    valued: wordSet('-u --user -S --states -m --message'),
    selection: (opts, pos) => {
      if (pos[0] === 'cancel' && (opts.has('--all') || opts.has('-A'))) return '--all';
      if (
        pos[0] === 'job' &&
        /^(cancelall|killall)$/.test(pos[1] ?? '') &&
        (opts.has('-f') || opts.has('--force'))
      )
        return pos[1];
      return undefined;
    },
  },
};

/** A job word whose value is a list not known here: a command substitution or xargs' input. */
const LISTED = /\$\(|`|\{xargs-input\}/;

/** `scancel` & co. cancelling every job a selection matches; undefined for jobs named by id. */
export function readBatchCancel(cmd: NormalizedCommand): CloudDraft | undefined {
  const spec = Object.hasOwn(SPECS, cmd.program) ? SPECS[cmd.program] : undefined;
  if (!spec) return undefined;
  const args = cmd.argv.slice(1);
  const opts = new Map<string, string>();
  const pos: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const eq = a.indexOf('=');
    if (!a.startsWith('-') || a === '-') pos.push(a);
    else if (a.startsWith('--') && eq > 0) opts.set(a.slice(0, eq), a.slice(eq + 1));
    else if (spec.valued.has(a)) opts.set(a, args[++i] ?? '');
    else opts.set(a, '');
  }
  if (opts.has('--help') || opts.has('-h') || opts.has('--version') || opts.has('-V')) return undefined;
  let selection = spec.selection(opts, pos);
  // fail closed: ids from a command or a pipe may be every job of the queue
  if (selection === undefined && cmd.program !== 'flux') selection = pos.find((w) => LISTED.test(w));
  if (selection === undefined) return undefined;
  return {
    tool: cmd.program,
    service: 'jobs',
    verb: 'cancel-all',
    resource: selection,
    all: true,
    // `scancel -i` asks before each job
    force: !(cmd.program === 'scancel' && (opts.has('-i') || opts.has('--interactive'))),
  };
}

/** Programs this module reads, by name. */
export const BATCH_READERS: Record<string, (cmd: NormalizedCommand) => CloudDraft | undefined> =
  Object.fromEntries(Object.keys(SPECS).map((p) => [p, readBatchCancel]));
