/**
 * terragrunt's commands that run a program of the user's on this machine:
 * - `terragrunt [run [--all]] exec [opts] -- CMD…`: CMD runs in the unit's folder (in every
 *   unit's with `--all`), walked as the command it is;
 * - `--auth-provider-cmd CMD` (`--terragrunt-auth-provider-cmd`, `TG_AUTH_PROVIDER_CMD`): read by
 *   option-carriers.ts and program-env.ts.
 * The option table is shared with the reader of the OpenTofu/Terraform command terragrunt runs
 * (src/extract/cloud-terragrunt.ts).
 */
import type { Field, Res } from './state.js';
import type { K } from './emit.js';
import { runArgv } from './carriers.js';

/**
 * terragrunt's own options that take the next word as their value, by name without dashes and
 * without the old CLI's `terragrunt-` prefix (`--terragrunt-working-dir` is `working-dir`).
 * Any other option is read as a flag (a value given with `=` stays in its word).
 */
export const TG_WITH_VALUE = new Set(
  [
    'working-dir config tf-path tfpath download-dir source source-map log-level log-format',
    'log-custom-format parallelism iam-role iam-assume-role iam-assume-role-duration',
    'iam-assume-role-session-name iam-web-identity-token iam-assume-role-web-identity-token',
    'auth-provider-cmd include-dir exclude-dir queue-include-dir queue-exclude-dir',
    'queue-excludes-file queue-include-units-reading modules-that-include units-that-include',
    'provider-cache-dir provider-cache-hostname provider-cache-port provider-cache-token',
    'provider-cache-registry-names out-dir json-out-dir feature experiment strict-control filter',
    'report-file report-format report-schema-file version-manager-file-name hclfmt-file',
  ]
    .join(' ')
    .split(' '),
);

/** An option word's name: `--terragrunt-working-dir=x` → `working-dir`. */
export const tgOptionName = (w: string) =>
  w
    .replace(/^-+/, '')
    .replace(/=.*$/s, '')
    .replace(/^terragrunt-/, '');

/** Index of the command word (`exec`, `plan`, `run`…) from `from` on, past options; -1 = none. */
function commandAt(argv: Field[], from: number): number {
  for (let i = from; i < argv.length; i++) {
    const t = argv[i].text;
    if (t === '--') return -1;
    if (!t.startsWith('-')) return i;
    if (TG_WITH_VALUE.has(tgOptionName(t)) && !t.includes('=')) i++;
  }
  return -1;
}

/** `terragrunt [run [--all]|stack run] exec [opts] [--] CMD…`: CMD walked; undefined = not an exec. */
export function runTerragruntExec(argv: Field[], k: K): Res | undefined {
  let at = commandAt(argv, 1);
  while (at > 0 && /^(run|run-all|stack)$/.test(argv[at].text))
    at = commandAt(argv, at + (argv[at].text === 'stack' && argv[at + 1]?.text === 'run' ? 2 : 1));
  if (at < 0 || argv[at].text !== 'exec') return undefined;
  const rest = argv.slice(at + 1);
  const dash = rest.findIndex((f) => f.text === '--');
  const start = dash >= 0 ? dash + 1 : commandAt(rest, 0);
  const cmd = start < 0 ? [] : rest.slice(start);
  if (!cmd.length) return undefined;
  const frame = { ...k.frame, wrappers: [...k.frame.wrappers, 'terragrunt exec'] };
  return runArgv(cmd, { ...k, frame });
}
