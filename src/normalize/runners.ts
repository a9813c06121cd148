/**
 * Package runners and environment loaders that launch another program: `npx PKG ARGS`,
 * `bunx`, `pnpx`, `npm exec|x`, `pnpm dlx|exec`, `yarn dlx|exec`, `bun x` run PKG's command
 * (the version is not part of its name: `npx rimraf@5 dist` runs rimraf); `npx -c CMD` and
 * `npm exec -c CMD` hand CMD to a shell; `dotenv [-e FILE] -- CMD` (dotenv-cli) and `env-cmd
 * -f FILE CMD` run CMD with a file's variables; secret injectors (`railway run`, `doppler run`, `op run` …) run their
 * command with a service's variables; stack orchestrators (`terramate run [opts] [--] CMD`) run
 * their command in every selected stack; Procfile runners' `run` (`honcho run CMD`) runs CMD with
 * the project's .env; shx runs its portable file commands (`shx rm -rf dist`). Peeled like any wrapper, so what they launch is read as itself.
 */
import { joinFields } from './fields.js';
import { CREDENTIAL_EXEC } from './credential-exec.js';
import type { Field } from './state.js';
import type { Peel, Peeler } from './wrappers.js';

/** Package runners' options that take the next word as their value (also read by src/extract/sql-frameworks.ts). */
export const RUNNER_WITH_VALUE = new Set([
  '-c',
  '--call',
  '-p',
  '--package',
  '--filter',
  '-F',
  '-C',
  '--dir',
  '--cwd',
  '-w',
  '--workspace',
]);

/** The command a package's name runs (`@scope/pkg@1.2` → `pkg`). */
function binName(f: Field): Field {
  const name = f.text.replace(/^(@[^/]+\/)?([^@]+)@.*$/, '$1$2').replace(/^@[^/]+\//, '');
  return { ...f, text: name };
}

/** `[opts] [--] PKG ARGS` after the runner word(s); `-c CMD` is a shell command. */
function launched(label: string, args: Field[]): Peel | undefined {
  let i = 0;
  for (; i < args.length; i++) {
    const t = args[i].text;
    if (t === '-c' || t === '--call') {
      const script = args[i + 1];
      return script ? { label: `${label} -c`, argv: [], script } : undefined;
    }
    if (t.startsWith('--call='))
      return { label: `${label} -c`, argv: [], script: { ...args[i], text: t.slice(7) } };
    if (t === '--') {
      i++;
      break;
    }
    if (!t.startsWith('-')) break;
    if (RUNNER_WITH_VALUE.has(t)) i++;
  }
  const rest = args.slice(i);
  if (rest.length === 0 || rest[0].dynamic) return undefined;
  return { label, argv: [binName(rest[0]), ...rest.slice(1)] };
}

/** `npm exec|x …`, `pnpm dlx|exec …`, `yarn dlx|exec …`, `bun x …`: other subcommands are not launches. */
const subcommandRunner =
  (prog: string, subs: string[]): Peeler =>
  (args) =>
    args[0] && subs.includes(args[0].text) ? launched(`${prog} ${args[0].text}`, args.slice(1)) : undefined;

/** dotenv-cli: `dotenv [-e FILE]… [-v K=V]… [--] CMD ARGS` (also `-c ENV`, `-p VAR` which prints). */
const dotenv: Peeler = (args) => {
  let i = 0;
  for (; i < args.length; i++) {
    const t = args[i].text;
    if (t === '--') {
      i++;
      break;
    }
    if (t === '-p') return { label: 'dotenv', argv: [] };
    if (/^-[evc]$/.test(t)) i++;
    else if (!t.startsWith('-')) break;
  }
  const rest = args.slice(i);
  if (rest.length === 0) return { label: 'dotenv', argv: [] };
  // `dotenv -- 'cmd with spaces'` with one word: dotenv-cli runs it through a shell.
  return rest.length === 1 && /\s/.test(rest[0].text)
    ? { label: 'dotenv', argv: [], script: joinFields(rest) }
    : { label: 'dotenv', argv: rest };
};

/**
 * env-cmd: `env-cmd [-f FILE] [-e ENV,…] [-r RC] [--use-shell] [--] CMD ARGS` (version 8:
 * `env-cmd FILE CMD`): CMD runs with the file's variables; with `--use-shell` the words are a shell line.
 */
const envCmd: Peeler = (args) => {
  let shell = false;
  let i = 0;
  for (; i < args.length; i++) {
    const t = args[i].text;
    if (t === '--') {
      i++;
      break;
    }
    if (t === '--use-shell') shell = true;
    else if (/^(-f|--file|-e|--environments|-r|--rc-file)$/.test(t)) i++;
    else if (!t.startsWith('-')) break;
  }
  // env-cmd 8's form: the file as the first word (`env-cmd .env.local CMD`)
  if (/(^|\/)\.env|\.(env|json|js|cjs)$/.test(args[i]?.text ?? '')) i++;
  const rest = args.slice(i);
  if (rest.length === 0) return { label: 'env-cmd', argv: [] };
  return shell ? { label: 'env-cmd', argv: [], script: joinFields(rest) } : { label: 'env-cmd', argv: rest };
};

/**
 * Secret injectors that run a command with a service's variables: `railway run [opts] [--] CMD`,
 * `doppler run [opts] -- CMD`, `op run [opts] -- CMD`, `infisical run [opts] -- CMD`,
 * `dotenvx run [opts] -- CMD`, `aws-vault exec PROFILE [opts] -- CMD`, `chamber exec SVC… -- CMD`,
 * `berglas exec -- CMD`, `teller run -- CMD`, `bws run -- CMD`, `saml2aws exec -- CMD`.
 * With `--` the command is what follows it; without, the first word that is not an option
 * (options' values are not known here, so a `--` is what these tools document).
 */
const injector =
  (label: string, sub: string): Peeler =>
  (args) => {
    if (args[0]?.text !== sub) return undefined;
    const rest = args.slice(1);
    const dd = rest.findIndex((f) => f.text === '--');
    if (dd >= 0) return { label, argv: rest.slice(dd + 1) };
    // railway run's own options with a value (`-e production`, `-s api`)
    let i = 0;
    while (i < rest.length && rest[i].text.startsWith('-'))
      i += /^-[esp]$|^--(environment|service|project)$/.test(rest[i].text) ? 2 : 1;
    return { label, argv: rest.slice(i) };
  };

/**
 * Procfile runners' `run`: `honcho run [-e FILE] CMD`, `foreman run [-e FILE] CMD`, `overmind
 * run CMD`, `forego run CMD`, `nf run CMD`: CMD runs with the project's .env loaded (their other
 * subcommands are read by procfile.ts).
 */
const procfileRun =
  (label: string): Peeler =>
  (args) => {
    if (args[0]?.text !== 'run') return undefined;
    let i = 1;
    for (; i < args.length; i++) {
      const t = args[i].text;
      if (t === '--') {
        i++;
        break;
      }
      if (/^(-e|--env|-f|--procfile|-d|--root|--app-root|-s|--socket)$/.test(t)) i++;
      else if (!t.startsWith('-')) break;
    }
    return { label, argv: args.slice(i) };
  };

/** shx (ShellJS's portable commands): `shx [--silent|--verbose…] CMD ARGS` runs CMD's local file operation. */
const shx: Peeler = (args) => {
  const i = args.findIndex((a) => !a.text.startsWith('-'));
  return i < 0 ? { label: 'shx', argv: [] } : { label: 'shx', argv: args.slice(i) };
};

/** terramate's options (global ones before `run`, and run's) that take the next word. */
const TERRAMATE_VALUED =
  /^(-C|--chdir|--log-level|--log-fmt|--log-destination|--tags|--no-tags|-B|--git-change-base|-j|--parallel|--target|--from-target|--status|--layer|--terraform-plan-file|--tofu-plan-file|--cloud-sync-terraform-plan-file|--disable-safeguards)$/;

/**
 * `terramate [opts] run [opts] [--] CMD ARGS`: CMD runs in each selected stack (`terramate run
 * -- terraform destroy` destroys them all). `--dry-run` only prints the plan of the run.
 */
const terramate: Peeler = (args) => {
  let i = 0;
  let sawRun = false;
  for (; i < args.length; i++) {
    const t = args[i].text;
    if (t === '--') {
      i++;
      break;
    }
    if (t === '--dry-run') return { label: 'terramate run', argv: [] };
    if (TERRAMATE_VALUED.test(t)) i++;
    else if (t.startsWith('-')) continue;
    else if (!sawRun && t === 'run') sawRun = true;
    else break;
  }
  return sawRun ? { label: 'terramate run', argv: args.slice(i) } : undefined;
};

/**
 * Cluster-context switchers that run one command in a chosen context: `kubie exec [opts]
 * CONTEXT NAMESPACE [--] CMD ARGS` (CONTEXT may be a pattern: CMD then runs in every context it
 * matches). CMD is read as written (`kubie exec prod ns kubectl delete pvc --all`); the
 * switcher's other subcommands (`ctx`, `ns`, `list`) run nothing.
 */
const contextExec: Peeler = (args) => {
  if (args[0]?.text !== 'exec') return undefined;
  const words: Field[] = [];
  let i = 1;
  for (; i < args.length && words.length < 2; i++) {
    const t = args[i].text;
    if (t === '--context-headers') i++;
    else if (!t.startsWith('-')) words.push(args[i]);
  }
  if (args[i]?.text === '--') i++;
  return { label: 'kubie exec', argv: args.slice(i) };
};

/**
 * The secret injectors: program → the subcommand that runs a command with the secrets it
 * fetches or decrypts. Their peeled labels (`aws-vault exec`) are read by
 * src/extract/credential-reveal.ts: the environment printed under one holds those secrets.
 */
export const INJECTORS: Record<string, string> = {
  railway: 'run',
  doppler: 'run',
  op: 'run',
  infisical: 'run',
  dotenvx: 'run',
  'aws-vault': 'exec',
  chamber: 'exec',
  berglas: 'exec',
  teller: 'run',
  bws: 'run',
  saml2aws: 'exec',
  // the credential launchers of credential-exec.ts, by their labels
  'aws-sso': 'exec',
  'aws-okta': 'exec',
  assume: '--exec',
  assumego: '--exec',
  'aws2-wrap': '--exec',
  sops: 'exec-env',
  tsh: 'aws',
};

/** Credential launchers whose label is their program alone (`envchain`, `summon`), read as injectors too. */
const LAUNCHER_LABELS = new Set(['awsudo', 'aws-runas', 'envchain', 'summon', 'sops exec-file']);

/**
 * Environment-file loaders (`dotenv -e .env -- CMD`, `env-cmd -f .env CMD`): like the
 * injectors, the variables they hand their command come from a file of secrets.
 */
export const ENV_FILE_LOADERS = new Set([
  'dotenv',
  'env-cmd',
  'honcho run',
  'foreman run',
  'overmind run',
  'forego run',
  'nf run',
]);

/** True when a wrapper label is a secret injector's (`doppler run`) or an env-file loader's (`env-cmd`). */
export function injectsSecrets(label: string): boolean {
  const [p, sub] = label.split(' ');
  return (
    (Object.hasOwn(INJECTORS, p) && INJECTORS[p] === sub) ||
    ENV_FILE_LOADERS.has(label) ||
    LAUNCHER_LABELS.has(label)
  );
}

/** Package and task runners → their peelers (the program they run); a program not listed is not peeled here. */
export const RUNNERS: Record<string, Peeler> = {
  terramate,
  kubie: contextExec,
  ...Object.fromEntries(Object.entries(INJECTORS).map(([p, sub]) => [p, injector(`${p} ${sub}`, sub)])),
  // aws-sso, granted's assume, envchain, sops exec-env … (credential-exec.ts)
  ...CREDENTIAL_EXEC,
  npx: (args) => launched('npx', args),
  bunx: (args) => launched('bunx', args),
  pnpx: (args) => launched('pnpx', args),
  npm: subcommandRunner('npm', ['exec', 'x']),
  pnpm: subcommandRunner('pnpm', ['dlx', 'exec']),
  yarn: subcommandRunner('yarn', ['dlx', 'exec']),
  bun: subcommandRunner('bun', ['x']),
  dotenv,
  'dotenv-cli': dotenv,
  'env-cmd': envCmd,
  shx,
  ...Object.fromEntries(
    ['honcho', 'foreman', 'overmind', 'forego', 'nf'].map((p) => [p, procfileRun(`${p} run`)]),
  ),
};
