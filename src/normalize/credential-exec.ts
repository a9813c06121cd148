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
import { getopt } from './options.js';
import type { Field } from './state.js';
import type { Peel, Peeler } from './wrappers.js';

const word = (text: string): Field => ({ text, dynamic: false });

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

/** `--exec CMD` / `--exec=CMD` (and `-x CMD`): the value, if given. */
function execOption(args: Field[], names: RegExp): Field | undefined {
  for (let i = 0; i < args.length; i++) {
    const t = args[i].text;
    const eq = /^(--?[\w-]+)=([\s\S]*)$/.exec(t);
    if (eq && names.test(eq[1])) return { text: eq[2], dynamic: args[i].dynamic };
    if (names.test(t)) return args[i + 1] ?? word('');
  }
  return undefined;
}

const awsSso: Peeler = (args) => {
  if (args[0]?.text !== 'exec') return undefined;
  const cmd = commandAfter(
    args.slice(1),
    /^(-[pARSu]|--(profile|account|role|sso|url-action|level|config|region))$/,
  );
  return { label: 'aws-sso exec', argv: cmd };
};

const awsOkta: Peeler = (args) => {
  if (args[0]?.text !== 'exec') return undefined;
  return {
    label: 'aws-okta exec',
    argv: commandAfter(args.slice(1), /^(-t|--assume-role-ttl|--session-ttl|-m|--mfa-\w+)$/, 1),
  };
};

/** granted: `assume PROFILE --exec "CMD"`; without `--exec` it only sets this shell's credentials. */
const assume =
  (prog: string): Peeler =>
  (args) => {
    const exec = execOption(args, /^--exec$/);
    return exec ? scriptPeel(`${prog} --exec`, exec) : undefined;
  };

const aws2wrap: Peeler = (args) => {
  const exec = execOption(args, /^--exec$/);
  if (exec) return scriptPeel('aws2-wrap --exec', exec);
  const p = getopt(args, { long: ['profile', 'generate', 'credentialsfile', 'configfile', 'outprofile'] });
  return { label: 'aws2-wrap --exec', argv: args.slice(p.index) };
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

const summon: Peeler = (args) => {
  const p = getopt(args, { short: 'pfD', long: ['provider', 'environment', 'up', 'yaml', 'fetch'] });
  return { label: 'summon', argv: args.slice(p.index) };
};

/** `sops exec-env FILE CMD` / `sops exec-file FILE CMD`: CMD is a command line run with the decrypted values. */
const sopsExec: Peeler = (args) => {
  const at = args.findIndex((f) => /^exec-(env|file)$/.test(f.text));
  if (at < 0) return undefined;
  const pos = args.slice(at + 1).filter((f) => !f.text.startsWith('-'));
  const line = pos.slice(1);
  if (!line.length) return { label: `sops ${args[at].text}`, argv: [] };
  const script = line.length === 1 ? line[0] : joinFields(line);
  return scriptPeel(`sops ${args[at].text}`, {
    ...script,
    text: script.text.replace(/\{\}/g, '/tmp/sops-decrypted'),
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
