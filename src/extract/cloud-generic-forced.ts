/**
 * The second half of the shape reading of CLIs no table models (cloud-generic.ts reads the
 * unmistakable verbs): verbs that erase only in some forms, read in those forms.
 * - A verb that wipes what the tool set up or holds, run with the tool's own question skipped
 *   (`sealos reset --force`: the cluster's hosts back to blank; `ykman piv reset --force`: the
 *   keys on the device; `ghost uninstall --no-prompt`: the site with its database; `tt
 *   clean APP --force`: the instance's snapshots and logs). Asked
 *   without that option, the tool puts its own question to the human, so it is not read.
 * - A reset that never asks (`rabbitmqctl force_reset`, `… factory-reset`).
 * - `down` aimed at production (`defang compose down --project-name shop-prod`): what a
 *   deployer tears down there is the live service; `down` of local tools (`tilt down`) stays.
 * - A playbook named for what it destroys (`ansible-playbook -i hosts reset.yml`, kubespray's
 *   `remove-node.yml`, ceph-ansible's `purge-cluster.yml`), unless only checked or listed; a
 *   Chef run-list the same way (`chef-client -z -o 'recipe[cleanup::wipe_data]'`).
 * - A verb that takes down what the tool set up, told to erase its data too (`abctl local
 *   uninstall --persisted`, `TOOL remove --purge`, `TOOL down --delete-data`): without that
 *   option the data stays for the next install, so it is not read.
 * Each is a draft with `generic: true`, so `saas/unknown-cli-destroy` asks.
 */
import type { CloudDraft } from './cloud-argv.js';

/** Verbs that wipe what the tool set up or holds when its prompt is skipped. */
const CONFIRMED = /^(reset|uninstall|clean|reinstall)$/;
/** Resets that never ask. */
const HARD_RESET = /^(force|factory|hard)[-_]?reset$/;
/** Options that answer the tool's own question (`-f` only when no value word follows it). */
const SKIPS_PROMPT =
  /^(--force|--force=(true|yes|1)|--yes|-y|--no-prompt|--noprompt|--no-confirm|--noconfirm|--non-interactive|--assume-yes|--confirm|--yes-i-really-mean-it)$/;
/** Verbs that take down what the tool set up, keeping its data unless told otherwise. */
const TAKE_DOWN =
  /^(uninstall|remove|rm|down|stop|reset|teardown|deinit|disable|detach|unregister|deprovision)$/;
/** Options that make a take-down erase the data too (`--persisted`, `--purge`, `--delete-data`, `--remove-volumes=true`). */
const ERASES_DATA =
  /^--(?:persisted|purge|with-data|(?:delete|remove|wipe|erase|destroy|purge|drop)-(?:all-)?(?:data|volumes?|storage|persisted(?:-data)?|disks?|pvcs?|state|databases?))(?:=(?:true|yes|1))?$/;
/** Words naming a production target (`shop-prod`, `--stage=production`, `live`). */
const PRODUCTION = /(^|[-_.:/@=])(prod|production|prd|live)($|[-_.:/@\d])/i;
/** Words before a verb that make the command about it (`tool help reset`). */
const ABOUT = /^(help|docs|man|explain|describe|get|list|ls|show|status|info)$/;

/** Programs that run playbooks, with the options that take a value. */
const PLAYBOOK_RUNNERS: Record<string, RegExp> = {
  'ansible-playbook':
    /^(-i|--inventory|--inventory-file|-e|--extra-vars|-l|--limit|-u|--user|-t|--tags|--skip-tags|-f|--forks|-M|--module-path|--become-user|--become-method|-c|--connection|-T|--timeout|--vault-id|--vault-password-file|--private-key|--key-file|--start-at-task|--ssh-common-args|--ssh-extra-args|--scp-extra-args|--sftp-extra-args)$/,
  // `ansible-navigator run PLAYBOOK`: the playbook run in an execution environment
  'ansible-navigator':
    /^(-i|--inventory|-m|--mode|--eei|--execution-environment-image|--pp|--pull-policy|--ll|--log-level|--lf|--log-file|--senv|--set-environment-variable|--pae|--playbook-artifact-enable|-e|--extra-vars|-l|--limit)$/,
};
/** Runs that only check, list or show a playbook. */
const PLAYBOOK_DRY =
  /^(-C|--check|--syntax-check|--list-tasks|--list-hosts|--list-tags|-h|--help|--version)$/;
/** Words of a playbook's file name that say it destroys what it runs on. */
const PLAYBOOK_VERB =
  /^(delete|destroy|purge|teardown|wipe|drop|erase|nuke|decommission|deprovision|undeploy|reset|remove|uninstall|terminate)$/;

/** `-f` answers the prompt when it is the last word or another option follows it. */
const skipsPrompt = (argv: string[], i: number) =>
  SKIPS_PROMPT.test(argv[i]) || (argv[i] === '-f' && (argv[i + 1] ?? '-').startsWith('-'));

/** A playbook run whose playbook is named for a destroying verb; undefined = not one. */
function readPlaybook(program: string, argv: string[]): CloudDraft | undefined {
  const valued = PLAYBOOK_RUNNERS[program];
  const books: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (PLAYBOOK_DRY.test(a)) return undefined;
    if (valued.test(a)) i++;
    else if (!a.startsWith('-') && /\.ya?ml$/.test(a)) books.push(a);
  }
  for (const book of books) {
    const name = (book.split('/').pop() ?? '').replace(/\.ya?ml$/, '');
    const verb = name.split(/[-_.]/).find((w) => PLAYBOOK_VERB.test(w));
    if (verb)
      return {
        tool: program,
        service: 'playbook',
        verb,
        resource: book,
        all: true,
        force: argv.some((a) => /confirm/i.test(a)),
        generic: true,
      };
  }
  return undefined;
}

/** Chef's and Cinc's runners, whose run-list (`-o 'recipe[cleanup::wipe_data]'`) names what they run. */
const RUN_LIST_RUNNERS = /^(chef-client|chef-solo|cinc-client|cinc-solo)$/;

/** A Chef run whose run-list names a recipe or role for a destroying verb; undefined = not one. */
function readRunList(program: string, argv: string[]): CloudDraft | undefined {
  if (argv.some((a) => /^(-W|--why-run)$/.test(a))) return undefined;
  for (let i = 1; i < argv.length; i++) {
    const long = /^--(override-runlist|runlist)=(.*)$/.exec(argv[i]);
    const list = long
      ? long[2]
      : /^(-o|-r|--override-runlist|--runlist)$/.test(argv[i])
        ? argv[i + 1]
        : undefined;
    for (const item of (list ?? '').split(',')) {
      const verb = item.split(/[-_.:[\]]+/).find((w) => PLAYBOOK_VERB.test(w));
      if (verb)
        return {
          tool: program,
          service: 'run-list',
          verb,
          resource: item,
          all: true,
          force: false,
          generic: true,
        };
    }
  }
  return undefined;
}

/**
 * The forms above for a program no table models (`program`: its basename; `argv`: its words
 * with runners peeled, argv[0] the program); undefined = none of them.
 */
export function readForcedVerb(program: string, argv: string[]): CloudDraft | undefined {
  if (Object.hasOwn(PLAYBOOK_RUNNERS, program)) return readPlaybook(program, argv);
  if (RUN_LIST_RUNNERS.test(program)) return readRunList(program, argv);
  const pos: string[] = [];
  let force = false;
  /** The option that erases the data too ('' = none). */
  let erasesData = '';
  for (let i = 1; i < argv.length; i++) {
    if (argv[i] === '--') break;
    if (skipsPrompt(argv, i)) force = true;
    if (ERASES_DATA.test(argv[i])) erasesData = argv[i];
    if (!argv[i].startsWith('-')) pos.push(argv[i]);
  }
  for (let i = 0; i < Math.min(pos.length, 3); i++) {
    const w = pos[i];
    const hard = HARD_RESET.test(w);
    const withData = TAKE_DOWN.test(w) && erasesData !== '';
    const confirmed = (CONFIRMED.test(w) && force) || withData;
    // fail closed: a target given by a value not known statically may be production
    const production =
      w === 'down' &&
      argv.slice(1).some((a) => PRODUCTION.test(a.replace(/^--?[\w-]+=/, '')) || /^\$|[$`]/.test(a));
    if (!hard && !confirmed && !production) continue;
    if (pos.slice(0, i).some((x) => ABOUT.test(x))) return undefined;
    return {
      tool: program,
      service: pos.slice(0, i).join(' '),
      verb: withData ? `${w} ${erasesData}` : w,
      resource: pos[i + 1] ?? '',
      all: false,
      force: force || hard,
      generic: true,
    };
  }
  return undefined;
}
