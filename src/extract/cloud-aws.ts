/**
 * aws and gsutil: `aws [globals] SERVICE OPERATION [options]` (the resource is usually an
 * option value such as `--table-name`), the high-level `aws s3 rm|rb|sync`, and
 * `gsutil rm -r|rb|rsync -d`.
 */
import type { NormalizedCommand } from '../engine/types.js';
import { hasOpt, isWildcard, parseArgs, type CloudDraft } from './cloud-argv.js';

/** aws options that never take a value (every other `--option` does). */
const AWS_FLAGS = [
  '--recursive',
  '--force',
  '--dryrun',
  '--dry-run',
  '--no-dry-run',
  '--quiet',
  '--delete',
  '--debug',
  '--no-verify-ssl',
  '--no-paginate',
  '--no-sign-request',
  '--no-cli-pager',
  '--only-show-errors',
  '--no-progress',
  '--exact-timestamps',
  '--follow-symlinks',
  '--no-follow-symlinks',
  '--skip-final-snapshot',
  '--delete-automated-backups',
  '--force-delete-without-recovery',
  '--yes',
  '--all',
];
/** Option names whose value is the thing acted on. */
const RESOURCE_OPT =
  /^--(?:[a-z-]*-)?(name|names|id|ids|identifier|arn|bucket|key-id|secret-id|stack-name|table-name|function-name|cluster|repository-name|log-group-name)$/;

export function readAws(cmd: NormalizedCommand): CloudDraft | undefined {
  const p = parseArgs(cmd.argv, {
    withArg: [
      '--profile',
      '--region',
      '--output',
      '--endpoint-url',
      '--query',
      '--color',
      '--ca-bundle',
      '--cli-read-timeout',
      '--cli-connect-timeout',
    ],
    flags: AWS_FLAGS,
    unknownTakesValue: true,
  });
  const [service, op, target] = p.pos;
  if (!service || !op) return undefined;
  let verb = op.text;
  let resource = target?.text ?? '';
  if (!resource) {
    for (const [k, v] of p.opts) {
      if (RESOURCE_OPT.test(k) && v[0]) {
        resource = v[0];
        break;
      }
    }
  }
  const recursive = hasOpt(p, ['--recursive']);
  if (verb === 'sync' && hasOpt(p, ['--delete'])) verb = 'sync --delete';
  if (verb === 'sync --delete') resource = p.pos[2] && p.pos[3] ? p.pos[3].text : resource;
  // A change batch given inline (`--change-batch '{"Changes":[{"Action":"DELETE",…}]}'`)
  const deletes = [...p.opts.values()].some((vs) => vs.some((v) => /"Action"\s*:\s*"DELETE"/i.test(v)));
  return {
    tool: 'aws',
    service: service.text,
    verb,
    resource,
    all: recursive || isWildcard(cmd, target) || hasOpt(p, ['--all']),
    force: hasOpt(p, ['--force', '--skip-final-snapshot', '--force-delete-without-recovery', '--yes']),
    ...(deletes ? { deletes } : {}),
  };
}

export function readGsutil(cmd: NormalizedCommand): CloudDraft | undefined {
  const p = parseArgs(cmd.argv, { withArg: ['-o', '-h', '-u', '-p', '-c', '-x', '-j', '-L'] });
  const [op, ...rest] = p.pos;
  if (!op) return undefined;
  let verb = op.text;
  const all = hasOpt(p, ['-r', '-R', '-a']) || rest.some((w) => isWildcard(cmd, w));
  if (verb === 'rsync' && hasOpt(p, ['-d'])) verb = 'rsync -d';
  const target = verb === 'rsync -d' ? rest[1] : rest[0];
  return { tool: 'gsutil', service: '', verb, resource: target?.text ?? '', all, force: hasOpt(p, ['-f']) };
}
