/**
 * Automation jobs launched by name, whose name says they destroy: AWX / Ansible Tower's `awx
 * job_templates|workflow_job_templates launch NAME` and `tower-cli job|workflow_job launch
 * --job-template|--workflow-template NAME`, Rundeck's `rd run -j|--job NAME`, and GitHub's `gh
 * workflow run NAME|FILE`. What the job does is defined on the server and cannot be read
 * here; its name is what its owners chose to say about it (`Decommission prod-eu cluster`,
 * `teardown-prod-db`, `destroy.yml`). Read as a CloudFact of service `job launch` whose verb
 * is the destroying word of the name. A job named by a number, or whose name says nothing
 * about destroying (`Deploy web app`), reads as nothing. Pure.
 */
import type { NormalizedCommand } from '../engine/types.js';
import type { CloudDraft } from './cloud-argv.js';
import { optionWord } from './help-words.js';

/** Words in a job's name that say it destroys what it acts on. */
const DESTROYING =
  /(?:^|[^a-z])(destroy|decommission|teardown|tear down|delete|wipe|purge|nuke|terminate|deprovision|drop|erase|obliterate|uninstall)(?:[^a-z]|$)/i;

/** How one tool launches a job: the words before the name, and the options that carry it. */
interface Launcher {
  /** The positional words after the program that make it a launch (`job_templates launch`). */
  words: RegExp;
  /** Options whose value is the job's name; empty = the first positional after the words. */
  nameOpts: string[];
  /** Options (other than nameOpts) that take a value, so it is not read as the name. */
  withValue: RegExp;
}

const LAUNCHERS: Record<string, Launcher> = {
  awx: {
    words: /^(job_templates|workflow_job_templates) launch$/,
    nameOpts: [],
    withValue:
      /^(--conf\.\w+|-f|--format|--filter|--extra_vars|--inventory|--limit|--job_tags|--skip_tags|--credentials|--scm_branch|--timeout|--interval)$/,
  },
  'tower-cli': {
    words: /^(job|workflow_job) launch$/,
    nameOpts: ['-J', '--job-template', '-W', '--workflow-template'],
    withValue:
      /^(-e|--extra-vars|-i|--inventory|--limit|--tags|--skip-tags|-h|--tower-host|-u|--tower-username|-p|--tower-password|--timeout|-f|--format)$/,
  },
  rd: {
    words: /^run$/,
    nameOpts: ['-j', '--job'],
    withValue: /^(-p|--project|-F|--filter|-l|--loglevel|-u|--user|-@|--at|-d|--delay|-i|--id)$/,
  },
  gh: {
    words: /^workflow run$/,
    nameOpts: [],
    withValue: /^(-R|--repo|-r|--ref|-f|--raw-field|-F|--field)$/,
  },
};

/** The job's name a launch gives (as written); undefined when `cmd` launches nothing by name. */
function launchedName(cmd: NormalizedCommand): string | undefined {
  const l = Object.hasOwn(LAUNCHERS, cmd.program) ? LAUNCHERS[cmd.program] : undefined;
  if (!l) return undefined;
  const args = cmd.argv.slice(1);
  if (optionWord(cmd.argv, (w) => w === '--help' || w === '-h')) return undefined;
  const pos: string[] = [];
  let named: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const [o, inline] = args[i].split(/=(.*)/s, 2);
    if (l.nameOpts.includes(o)) named = inline ?? args[++i];
    else if (l.withValue.test(o)) i += inline === undefined ? 1 : 0;
    else if (!args[i].startsWith('-')) pos.push(args[i]);
  }
  const n = l.words.source.split(' ').length;
  if (!l.words.test(pos.slice(0, n).join(' '))) return undefined;
  return named ?? pos[n];
}

/** A launched job whose name says it destroys; undefined for any other command. */
export function readJobLaunch(cmd: NormalizedCommand): CloudDraft | undefined {
  const name = launchedName(cmd);
  const m = name ? DESTROYING.exec(name.replace(/[_.]/g, ' ')) : null;
  if (!name || !m) return undefined;
  return {
    tool: cmd.program,
    service: 'job launch',
    verb: m[1].toLowerCase().replace(' ', ''),
    resource: name,
    all: false,
    force: false,
  };
}
