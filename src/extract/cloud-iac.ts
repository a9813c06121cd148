/**
 * Infrastructure-as-code CLIs: terraform / tofu (`destroy`, `apply -destroy`,
 * `apply -auto-approve`, `state rm`, `workspace delete`) and pulumi (`destroy`, `stack rm`,
 * `state delete`, `up --yes`; with `--preview-only` only the plan is shown: verb `preview`).
 * terragrunt, which runs these commands, is read in cloud-terragrunt.ts.
 */
import type { NormalizedCommand } from '../engine/types.js';
import { hasOpt, optValue, parseArgs, type CloudDraft } from './cloud-argv.js';

export function readTerraform(cmd: NormalizedCommand): CloudDraft | undefined {
  const tool = cmd.program === 'tofu' || cmd.program === 'opentofu' ? 'tofu' : 'terraform';
  // Terraform options are single-dash and mostly written `-name=value`; -var/-target may take the next word.
  const p = parseArgs(cmd.argv, {
    withArg: [
      '-var',
      '-target',
      '-var-file',
      '-state',
      '-state-out',
      '-backup',
      '-lock-timeout',
      '-parallelism',
      '-replace',
      '-out',
    ],
    singleDashLong: true,
  });
  const [first, second, third] = p.pos;
  if (!first) return undefined;
  const force = hasOpt(p, ['-auto-approve', '--auto-approve', '-force']);
  const target = optValue(p, ['-target', '--target']);
  if (first.text === 'apply' && hasOpt(p, ['-destroy', '--destroy'])) {
    return { tool, service: '', verb: 'destroy', resource: target, all: !target, force };
  }
  // `-replace=ADDR` destroys ADDR and creates it again (its data goes with it).
  const replace = optValue(p, ['-replace', '--replace']);
  if (first.text === 'apply' && replace)
    return { tool, service: '', verb: 'replace', resource: replace, all: false, force };
  // A saved plan: `plan -destroy -out=F` (or -replace) is destroy intent that `apply F` carries out later.
  if (first.text === 'plan' && (hasOpt(p, ['-destroy', '--destroy']) || replace)) {
    const out = optValue(p, ['-out', '--out']);
    return {
      tool,
      service: 'plan',
      verb: replace ? 'plan-replace' : 'plan-destroy',
      resource: out,
      all: !target && !replace,
      force: false,
    };
  }
  // `apply F`: applies a saved plan (reviewed when made; its intent is read by the caller).
  if (first.text === 'apply' && second)
    return { tool, service: '', verb: 'apply', resource: second.text, all: false, force };
  if (first.text === 'destroy')
    return { tool, service: '', verb: 'destroy', resource: target, all: !target, force };
  if (first.text === 'state' || first.text === 'workspace') {
    return {
      tool,
      service: first.text,
      verb: second?.text ?? '',
      resource: third?.text ?? '',
      all: false,
      force,
    };
  }
  return { tool, service: '', verb: first.text, resource: target, all: false, force };
}

/** pulumi's aliases of its verbs (`pulumi down|dn` is `pulumi destroy`), read as the verb they stand for. */
const PULUMI_ALIASES: Record<string, string> = { down: 'destroy', dn: 'destroy' };

export function readPulumi(cmd: NormalizedCommand): CloudDraft | undefined {
  const p = parseArgs(cmd.argv, {
    withArg: [
      '-s',
      '--stack',
      '-C',
      '--cwd',
      '--target',
      '-t',
      '--config',
      '-c',
      '--message',
      '-m',
      '--parallel',
      '-p',
    ],
  });
  const [said, second, third] = p.pos;
  if (!said) return undefined;
  const first = { ...said, text: PULUMI_ALIASES[said.text] ?? said.text };
  const force = hasOpt(p, ['--yes', '-y', '--force', '-f', '--skip-preview']);
  const stack = optValue(p, ['-s', '--stack']);
  if (first.text === 'stack' || first.text === 'state') {
    return {
      tool: 'pulumi',
      service: first.text,
      verb: second?.text ?? '',
      resource: third?.text ?? stack,
      all: false,
      force,
    };
  }
  const target = optValue(p, ['--target', '-t']);
  // `pulumi destroy|up|refresh --preview-only`: the plan is shown, nothing is changed
  if (hasOpt(p, ['--preview-only']) && !/^(false|0)$/i.test(p.opts.get('--preview-only')?.[0] ?? ''))
    return {
      tool: 'pulumi',
      service: first.text,
      verb: 'preview',
      resource: target || stack,
      all: false,
      force,
    };
  return {
    tool: 'pulumi',
    service: '',
    verb: first.text,
    resource: target || stack,
    all: first.text === 'destroy' && !target,
    force,
  };
}
