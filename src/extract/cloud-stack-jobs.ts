/**
 * Infrastructure-as-code runs started through a cloud's managed stack service, where the
 * Terraform run happens on the provider's side and no local `terraform` is seen:
 * - OCI Resource Manager: `oci resource-manager job create-destroy-job --stack-id ID` (every
 *   resource of the stack destroyed; the service requires `AUTO_APPROVED`: no review), `job
 *   create --operation DESTROY`, and an apply approved without a reviewed plan
 *   (`create-apply-job --execution-plan-strategy AUTO_APPROVED`, `job create --operation APPLY
 *   --apply-job-plan-resolution '{"isAutoApproved": true}'`), the operation also read from
 *   `--job-operation-details '{"operation":"DESTROY"}'`;
 * - IBM Cloud Schematics: `ibmcloud schematics|sch destroy --id WORKSPACE` (and `apply
 *   --force`: no confirmation).
 * Read as CloudFacts of service `stack-run`, verb `destroy` or `apply` (force: nothing
 * reviewed), the stack or workspace as resource; a plan job, an apply of a reviewed plan
 * (`FROM_PLAN_JOB_ID`), listing and logs make no fact here (the tools' other verbs keep the
 * generic reading: `oci resource-manager stack delete`). Fail closed: a stack given by a
 * variable or not at all is read as the stack named `(not named)`; a `job create` operation
 * known only at run time (`--operation $OP`) or in a file (`file://job.json`) as a destroy.
 */
import type { NormalizedCommand } from '../engine/types.js';
import { hasOpt, optValue, parseArgs, type CloudDraft } from './cloud-argv.js';

const run = (cmd: NormalizedCommand, verb: string, resource: string, force: boolean): CloudDraft => ({
  tool: cmd.program,
  service: 'stack-run',
  verb,
  resource: resource || '(not named)',
  all: verb === 'destroy',
  force,
});

/** Whether `option`'s value in `cmd` is known only at run time (`--operation $OP`, `--operation=$(…)`). */
function dynamicValue(cmd: NormalizedCommand, option: string): boolean {
  return cmd.argv.some((a, i) => {
    const at = a === option ? i + 1 : a.startsWith(`${option}=`) ? i : -1;
    return at > 0 && (cmd.dynamicArgs.includes(at) || /\$/.test(cmd.argv[at] ?? ''));
  });
}

/**
 * The fields of OCI's `--job-operation-details` JSON, lower case (`operation`,
 * `executionplanstrategy`, `isautoapproved` of its plan resolution); undefined = not
 * readable here (a `file://` path, a variable, text that is not JSON).
 */
function operationDetails(text: string): Map<string, string> | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!parsed || typeof parsed !== 'object') return undefined;
  const fields = new Map<string, string>();
  const walk = (o: object) => {
    for (const [k, v] of Object.entries(o))
      if (v && typeof v === 'object') walk(v as object);
      else fields.set(k.toLowerCase(), String(v).toUpperCase());
  };
  walk(parsed);
  return fields;
}

/**
 * `oci [global options] resource-manager job create-destroy-job|create-apply-job|create …`.
 * `job create`'s operation is `--operation` or the `operation` of `--job-operation-details`
 * (or `--from-json`); one known only at run time or from a file not read here counts as
 * DESTROY (fail closed).
 */
function oci(cmd: NormalizedCommand): CloudDraft | undefined {
  const p = parseArgs(cmd.argv, { withArg: [], unknownTakesValue: true });
  const words = p.pos.map((w) => w.text);
  const at = words.indexOf('resource-manager');
  if (at < 0 || words[at + 1] !== 'job') return undefined;
  const action = words[at + 2] ?? '';
  const stack = optValue(p, ['--stack-id']);
  const strategy = optValue(p, ['--execution-plan-strategy']).toUpperCase();
  const detailsText = optValue(p, ['--job-operation-details']);
  const details =
    detailsText && !dynamicValue(cmd, '--job-operation-details') ? operationDetails(detailsText) : undefined;
  const unread =
    action === 'create' &&
    (dynamicValue(cmd, '--operation') ||
      (detailsText !== '' && details === undefined) ||
      (!optValue(p, ['--operation']) && !detailsText && hasOpt(p, ['--from-json'])));
  const operation = (optValue(p, ['--operation']) || details?.get('operation') || '').toUpperCase();
  const resolution = optValue(p, ['--apply-job-plan-resolution']);
  if (action === 'create-destroy-job' || (action === 'create' && operation === 'DESTROY') || unread)
    return run(cmd, 'destroy', stack, true);
  const autoApproved =
    (action === 'create-apply-job' &&
      strategy !== 'FROM_PLAN_JOB_ID' &&
      strategy !== 'FROM_LATEST_PLAN_JOB') ||
    (action === 'create' &&
      operation === 'APPLY' &&
      (/"?isAutoApproved"?\s*[:=]\s*true/i.test(resolution) ||
        details?.get('isautoapproved') === 'TRUE' ||
        details?.get('executionplanstrategy') === 'AUTO_APPROVED'));
  return autoApproved ? run(cmd, 'apply', stack, true) : undefined;
}

/** `ibmcloud schematics|sch destroy|apply --id WORKSPACE [--force]`. */
function ibmcloud(cmd: NormalizedCommand): CloudDraft | undefined {
  const p = parseArgs(cmd.argv, { withArg: [], flags: ['--force', '-f', '--json'], unknownTakesValue: true });
  const [group, verb] = p.pos.map((w) => w.text);
  if (group !== 'schematics' && group !== 'sch') return undefined;
  const id = optValue(p, ['--id', '-i']);
  const force = p.opts.has('--force') || p.opts.has('-f');
  if (verb === 'destroy') return run(cmd, 'destroy', id, force);
  return verb === 'apply' && force ? run(cmd, 'apply', id, true) : undefined;
}

/** The managed stack run `cmd` starts; undefined = none (the tool's other commands are read as before). */
export function readStackJob(cmd: NormalizedCommand): CloudDraft | undefined {
  if (cmd.program === 'oci') return oci(cmd);
  return cmd.program === 'ibmcloud' ? ibmcloud(cmd) : undefined;
}
