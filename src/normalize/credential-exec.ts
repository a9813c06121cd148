/**
 * Credential launchers: programs that fetch or decrypt credentials and run one command with
 * them in its environment, most often a cloud CLI with an administrator's role. The command
 * is read as itself (`aws-sso exec -p ACCT:Admin -- aws dynamodb delete-table …` deletes the
 * table), and the label (`aws-sso exec`) is a secret injector's (runners.ts `INJECTORS`), so
 * the environment printed under one is read as holding those secrets.
 *
 * - `aws-sso exec [-p PROFILE | -A ACCOUNT -R ROLE] [--] CMD…`, `aws-okta exec PROFILE -- CMD…`
 * - granted's `assume PROFILE --exec "CMD"` (`assumego`; also `--exec=CMD`): CMD is a command line
 * - `aws2-wrap [--profile P] --exec "CMD"` (a command line) or `aws2-wrap [--profile P] CMD…`
 * - `awsudo [-u PROFILE] CMD…`, `aws-runas [opts] PROFILE CMD…`, `envchain NAMESPACE[,…] CMD…`,
 *   `summon [opts] CMD…`
 * - `sops exec-env FILE CMD` and `sops exec-file FILE CMD` (CMD a command line, `{}` the
 *   decrypted file's path)
 * - Teleport's `tsh aws|az|gcloud|gsutil ARGS…`: the cloud CLI run with the role's credentials
 *
 * Other subcommands (`aws-sso list`, `assume PROFILE` alone, `sops -d`) run no command here.
 */
import { joinFields } from './fields.js';
import { lit as word, type Field } from './state.js';
import { getopt } from './options.js';
import type { Peel, Peeler } from './wrappers.js';

/** The command after `--`, or after the options (those in `valued` take the next word) and `skip` positional words. */
function commandAfter(args: Field[], valued: RegExp, skip = 0): Field[] {
  const dd = args.findIndex((f) => f.text === '--');
  if (dd >= 0) return args.slice(dd + 1);
  let seen = 0;
  for (let i = 0; i < args.length; i++) {
    const t = args[i].text;
    if (valued.test(t)) i++;
    else if (t.startsWith('-')) continue;
    else if (seen++ >= skip) return args.slice(i);
  }
  return [];
}

/** A peel of a command line given as one option value (`--exec "CMD"`); a dynamic value fails closed in carriers.ts. */
const scriptPeel = (label: string, script: Field): Peel => ({ label, argv: [], script });

/** `--exec CMD` / `--exec=CMD` (or any name `names` accepts, such as `-exec`): the value, if given. */
function execOption(args: Field[], names: RegExp): Field | undefined {
  for (let i = 0; i < args.length; i++) {
    const t = args[i].text;
    const eq = /^(--?[\w-]+)=([\s\S]*)$/.exec(t);
    if (eq && names.test(eq[1])) return { text: eq[2], dynamic: args[i].dynamic };
    if (names.test(t)) return args[i + 1] ?? word('');
  }
  return undefined;
}

/**
 * The subcommand of a CLI whose global options may come before it: the index of the first
 * word that is not an option (those `valued` matches take the next word); -1 = none before `--`.
 */
function subcommandAt(args: Field[], valued: RegExp): number {
  for (let i = 0; i < args.length; i++) {
    const t = args[i].text;
    if (t === '--') return -1;
    if (valued.test(t)) i++;
    else if (!t.startsWith('-')) return i;
  }
  return -1;
}

/**
 * `aws-sso [global opts] exec [opts] [--] CMD…` and `aws-okta [global opts] exec PROFILE [--] CMD…`.
 * Global options may come before `exec`; with `--` the words after it are the command whatever
 * precedes them (what comes before is not read); a dynamic subcommand is kept as the command's first word, so it asks as a
 * command that cannot be read (fail closed).
 */
const execSubcommand =
  (label: string, valued: RegExp, skip: number): Peeler =>
  (args) => {
    const dd = args.findIndex((f) => f.text === '--');
    if (dd >= 0) return { label, argv: args.slice(dd + 1) };
    const at = subcommandAt(args, valued);
    if (args[at]?.dynamic) return { label, argv: args.slice(at) };
    // an option this table does not know may have taken the word after it: any `exec` word
    const exec = args[at]?.text === 'exec' ? at : args.findIndex((f) => f.text === 'exec' && !f.dynamic);
    return exec < 0 ? undefined : { label, argv: commandAfter(args.slice(exec + 1), valued, skip) };
  };

/** aws-sso's options that take a value, global (`-L LEVEL`, `-b BROWSER`, `--threads N`) and exec's (`-p`, `-A`, `-R`, `-a ARN`). */
const AWS_SSO_VALUED =
  /^(-[pARSuaLb]|--(profile|account|role|arn|sso|url-action|browser|level|config|region|threads|lines|sts-refresh))$/;

const awsSso = execSubcommand('aws-sso exec', AWS_SSO_VALUED, 0);

/** aws-okta's options that take a value: global (`-b/--backend`, `--mfa-*`) and exec's (`-t`, `--session-ttl`); `-d/--debug` is a flag. */
const AWS_OKTA_VALUED = /^(-[btm]|--(backend|assume-role-ttl|session-ttl|koanf-\w+|mfa-[\w-]+))$/;

const awsOkta = execSubcommand('aws-okta exec', AWS_OKTA_VALUED, 1);

/** granted: `assume PROFILE --exec "CMD"` (urfave/cli also takes `-exec`); without it only this shell's credentials are set. */
const assume =
  (prog: string): Peeler =>
  (args) => {
    const exec = execOption(args, /^--?exec$/);
    return exec ? scriptPeel(`${prog} --exec`, exec) : undefined;
  };

/** aws2-wrap's options (argparse): those that take a value, and the modes that only print or write credentials. */
const AWS2WRAP_VALUED = ['exec', 'profile', 'outprofile', 'configfile', 'credentialsfile'];
const AWS2WRAP_MODES = ['export', 'generate', 'process'];

/**
 * `aws2-wrap [--profile P] --exec "CMD"` or `aws2-wrap [--profile P] CMD…`: both run a command
 * line through the shell (the words are joined with spaces). argparse takes a prefix of an
 * option's name (`--exe`, `--prof`); a prefix of `--exec` that also fits `--export` (`--ex`)
 * is an error there but read as `--exec` here (fail closed). `--export`, `--generate` and
 * `--process` print or write credentials and run nothing.
 */
const aws2wrap: Peeler = (args) => {
  const names = [...AWS2WRAP_VALUED, ...AWS2WRAP_MODES];
  for (let i = 0; i < args.length; i++) {
    const t = args[i].text;
    // `-h` or another one-dash option: help, or an error
    if (/^-[^-]/.test(t)) return { label: 'aws2-wrap', argv: [] };
    if (!t.startsWith('--') || t === '--') {
      const rest = args.slice(t === '--' ? i + 1 : i);
      return rest.length
        ? scriptPeel('aws2-wrap --exec', joinFields(rest))
        : { label: 'aws2-wrap', argv: [] };
    }
    const eq = t.indexOf('=');
    const name = t.slice(2, eq >= 0 ? eq : undefined);
    const fits = names.filter((n) => n.startsWith(name));
    const opt = name && 'exec'.startsWith(name) ? 'exec' : fits.length === 1 ? fits[0] : undefined;
    const value = eq >= 0 ? { text: t.slice(eq + 1), dynamic: args[i].dynamic } : args[i + 1];
    if (opt === 'exec') return scriptPeel('aws2-wrap --exec', value ?? word(''));
    if (opt && AWS2WRAP_MODES.includes(opt)) return { label: 'aws2-wrap', argv: [] };
    if (opt && eq < 0) i++;
  }
  return { label: 'aws2-wrap', argv: [] };
};

const awsudo: Peeler = (args) => {
  const p = getopt(args, { short: 'u' });
  return { label: 'awsudo', argv: args.slice(p.index) };
};

const awsRunas: Peeler = (args) => ({
  label: 'aws-runas',
  argv: commandAfter(
    args,
    /^(-d|--duration|-a|--role-duration|-r|--role-arn|-R|--region|-O|--otp|-U|--username|-P|--password|-C|--saml-url|--web-url|--jump-role|-c|--config)$/,
    1,
  ),
});

const envchain: Peeler = (args) => {
  // `envchain --set NS VAR…`, `--list`: manage the keychain, run nothing
  if (args.some((f) => /^(--set|-s|--list|-l|--unset)$/.test(f.text))) return { label: 'envchain', argv: [] };
  return { label: 'envchain', argv: commandAfter(args, /(?!)/, 1) };
};

/** summon's options that take a value (`-p PROVIDER`, `-f FILE`, `-D VAR=VALUE`, `-e ENV`, `-i VAR`); `--up`, `--ignore-all` are flags. */
const SUMMON_VALUED = ['provider', 'environment', 'yaml', 'ignore', 'fetch'];

/** `summon [opts] CMD…`; urfave/cli also takes its long options with one dash (`-up`, `-provider p`). */
const summon: Peeler = (args) => {
  const long = args.map((f) =>
    /^-(up|ignore-all|provider|environment|yaml|ignore|fetch)(=|$)/.test(f.text)
      ? { ...f, text: `-${f.text}` }
      : f,
  );
  const p = getopt(long, { short: 'pfDei', long: SUMMON_VALUED });
  return { label: 'summon', argv: args.slice(p.index) };
};

/** sops's options (global, or exec-env's and exec-file's) that take a value, with one dash or two. */
const SOPS_VALUED =
  /^--?(user|filename|input-type|output-type|output|extract|set|unset|config|kms|k|pgp|p|age|a|gcp-kms|azure-kv|hc-vault-transit|encrypted-regex|unencrypted-regex|encrypted-suffix|unencrypted-suffix|encrypted-comment-regex|unencrypted-comment-regex|shamir-secret-sharing-threshold|indent|filename-override|keyservice|decryption-order|aws-profile|(add|rm)-[\w-]+)$/;

/** Where sops exec-file puts the decrypted file (`$TMPDIR/.sopsNNN/tmp-fileNNN`, or `--filename NAME`); credentials.ts reads it as a credential file. */
const SOPS_DECRYPTED_DIR = '/tmp/.sops';

/**
 * `sops exec-env FILE CMD` / `sops exec-file FILE CMD`: CMD is a command line run with the
 * decrypted values; in exec-file's, `{}` is the decrypted file's path, so sending it anywhere
 * is sending a credential file. Options may come anywhere (`--user U`, `--filename NAME` take a
 * value). A dynamic first word followed by a file and a command (`sops $V FILE CMD`) may be
 * either subcommand: it is kept as the command's first word, so it asks (fail closed).
 */
const sopsExec: Peeler = (args) => {
  const first = subcommandAt(args, SOPS_VALUED);
  let at = args[first] && /^exec-(env|file)$/.test(args[first].text) ? first : -1;
  if (at < 0) at = args.findIndex((f) => !f.dynamic && /^exec-(env|file)$/.test(f.text));
  const positionals = (from: number) => {
    const out: Field[] = [];
    for (let i = from; i < args.length; i++) {
      if (SOPS_VALUED.test(args[i].text)) i++;
      else if (!args[i].text.startsWith('-')) out.push(args[i]);
    }
    return out;
  };
  if (at < 0) {
    if (args[first]?.dynamic && positionals(first + 1).length >= 2)
      return { label: 'sops', argv: args.slice(first) };
    return undefined;
  }
  const sub = args[at].text;
  const line = positionals(at + 1).slice(1);
  if (!line.length) return { label: `sops ${sub}`, argv: [] };
  const script = line.length === 1 ? line[0] : joinFields(line);
  const named = execOption(args.slice(at + 1), /^--?filename$/);
  const file = named && !named.dynamic && /^[\w.-]+$/.test(named.text) ? named.text : 'tmp-file';
  return scriptPeel(`sops ${sub}`, {
    ...script,
    text: script.text.replace(/\{\}/g, `${SOPS_DECRYPTED_DIR}/${file}`),
  });
};

/** Teleport's cloud CLI proxies: `tsh aws ARGS` runs `aws ARGS` with the role's credentials. */
const tsh: Peeler = (args) => {
  const at = args.findIndex((f) => !f.text.startsWith('-'));
  const sub = args[at]?.text ?? '';
  if (!/^(aws|az|gcloud|gsutil)$/.test(sub)) return undefined;
  return { label: `tsh ${sub}`, argv: [word(sub), ...args.slice(at + 1)] };
};

/** program → peeler; the subcommand (or option) each one's label ends with, for `INJECTORS`. */
export const CREDENTIAL_EXEC: Record<string, Peeler> = {
  'aws-sso': awsSso,
  'aws-okta': awsOkta,
  assume: assume('assume'),
  assumego: assume('assumego'),
  'aws2-wrap': aws2wrap,
  awsudo,
  'aws-runas': awsRunas,
  envchain,
  summon,
  sops: sopsExec,
  tsh,
};
