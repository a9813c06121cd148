/**
 * Password managers and secret stores asked to print what they keep: `pass show`,
 * `gopass show|cat`, `op read|inject`, `op item get --reveal`, `bw get password`, `rbw get`,
 * `lpass show`, `keepassxc-cli show -s` (or `-a Password`), `kwallet-query -r`, and whole
 * services dumped by `chamber export|env`, `doppler secrets`, `infisical export`; secret
 * services asked for a value (`akeyless get-secret-value`, `berglas access`, `conjur variable get`,
 * `bws secret get`, `ksm secret get`, `kamal secrets print`), encrypted stores decrypted to the terminal
 * (`dotenvx get`, `rails credentials:show`, `n8n export:credentials --decrypted`), and the
 * environment printed under a secret injector (`aws-vault exec prod -- env`). The tools'
 * argv are read in credential-managers.ts, credential helpers and keyrings in
 * credential-stored.ts. The value
 * lands in the agent's transcript and logs, where it no longer is a secret.
 *
 * Reads the command's words, its wrappers and, through `all`, whether its output is piped
 * into another command: then that command decides (a login reading `--password-stdin`, a
 * count, or a request that the exfiltration rules judge); a filter that passes the lines on
 * to the terminal (`| grep AWS_`, `| head -1`) decides nothing. Copies to the clipboard and writes to a file
 * the tool itself names (`op read -o F`) show nothing. Listings, names and usernames
 * (`gopass ls`, `op item get X --fields username`, `chamber list`) are not secrets.
 */
import type { NormalizedCommand } from '../engine/types.js';
import { injectsSecrets } from '../normalize/runners.js';
import { isSecretName, secretVarRefs } from './exfil-sources.js';
import { storedSecret } from './credential-stored.js';
import { managerSecret } from './credential-managers.js';

/** Commands that print the whole environment (`env`, `printenv`, `export -p`, `declare -x`). */
function printsEnvironment(cmd: NormalizedCommand): boolean {
  const args = cmd.argv.slice(1);
  if (cmd.program === 'env' || cmd.program === 'printenv')
    return args.every((a) => a.startsWith('-') && !/^(-u|--unset|-C|--chdir|-S|--split-string)/.test(a));
  if (/^(set|export|declare|typeset)$/.test(cmd.program)) return args.every((a) => /^-[px]+$/.test(a));
  return false;
}

/** Interpreters whose inline code may print a variable (`node -e "console.log(process.env.X)"`). */
const CODE_PRINTERS =
  /^(node|nodejs|deno|bun|python[\d.]*|ipython[\d.]*|ruby|perl|php|lua|Rscript|julia|elixir)$/;

/** A print call in code whose argument reads an environment variable: the variable's name. */
const PRINTS_ENV =
  /\b(?:console\.(?:log|info|error|warn)|process\.std(?:out|err)\.write|print(?:ln|f)?|puts|p|pp|say|echo|IO\.puts|cat|println)\b\s*\(?[^;\n]*?(?:process\.env(?:\.|\[\s*['"`])|os\.environ(?:\.get\(|\[)\s*['"]?|os\.getenv\(\s*['"]|ENV(?:\.fetch\(|\[)\s*['"]|\$ENV\{\s*['"]?|getenv\(\s*['"]|Sys\.getenv\(\s*['"]|System\.get_env\(\s*['"])([A-Za-z_]\w*)/g;

/** The secret-looking variables `cmd` prints: `printenv NAME`, `echo $NAME`, a print of it in inline code. Empty = none. */
function printedVars(cmd: NormalizedCommand): string[] {
  const args = cmd.argv.slice(1);
  if (cmd.program === 'printenv') return args.filter((a) => !a.startsWith('-'));
  if (cmd.program === 'echo' || cmd.program === 'printf') return args.flatMap(secretVarRefs);
  if (!CODE_PRINTERS.test(cmd.program)) return [];
  return args.flatMap((a) => [...a.matchAll(PRINTS_ENV)].map((m) => m[1]));
}

/**
 * Under a secret injector or an env-file loader (`aws-vault exec prod -- env`, `doppler run
 * -- printenv STRIPE_KEY`, `env-cmd -f .env node -e "console.log(process.env.API_TOKEN)"`):
 * the environment printed holds the secrets it injected; a name that is not secret
 * (`printenv HOME`) does not.
 */
function injectedEnv(cmd: NormalizedCommand): string {
  const injector = cmd.wrappers.find(injectsSecrets);
  if (!injector) return '';
  if (printsEnvironment(cmd)) return `${injector} … ${cmd.program}`;
  const name = printedVars(cmd).find(isSecretName);
  return name ? `${injector} … ${cmd.program} ${name}` : '';
}

/**
 * Filters that print the lines they are given as they are (a selection, an order, an
 * encoding that decodes back): what comes out of them is still the secret.
 */
const PASS_THROUGH = /^(grep|egrep|fgrep|rg|head|tail|sort|uniq|cat|tac|nl|tee|less|more|column|base64)$/;
/** Of those, options that print a count, names or nothing instead (`grep -c`, `grep -q`, `grep -l`). */
const NO_LINES = /^-[a-zA-Z]*[cqlL]|^--(count|quiet|silent|files-with(out)?-match(es)?)$/;

/**
 * True when another command of the script reads `cmd`'s output through a pipe and does
 * not merely pass it on to the terminal (`| grep AWS_`, `| head -1`): then that command decides.
 */
function piped(cmd: NormalizedCommand, all: NormalizedCommand[]): boolean {
  const next = all.find((c) => c.stdin?.kind === 'pipe' && c.stdin.from === cmd);
  if (!next) return false;
  const passes = PASS_THROUGH.test(next.program) && !next.argv.slice(1).some((a) => NO_LINES.test(a));
  return passes ? piped(next, all) : true;
}

/**
 * What stored secret `cmd` prints to the terminal (`gopass show`, `chamber export`), as a
 * label; '' when none is printed there.
 */
export function revealedSecret(cmd: NormalizedCommand, all: NormalizedCommand[]): string {
  const label =
    managerSecret(cmd.program, cmd.argv) ?? (storedSecret(cmd.program, cmd.argv) || injectedEnv(cmd));
  return label && !piped(cmd, all) ? label : '';
}
