/**
 * terragrunt, the wrapper of terraform / tofu: which OpenTofu/Terraform command it runs, read
 * past terragrunt's own commands and options, in the old CLI (`terragrunt run-all destroy
 * --terragrunt-non-interactive`, `terragrunt destroy-all`, `--terragrunt-working-dir DIR`) and
 * the new one (`terragrunt run --all --working-dir DIR -- destroy`, `terragrunt stack run
 * destroy`, `terragrunt destroy --all`). The words of that command are read by the terraform
 * reader (cloud-iac.ts: `destroy`, `apply -destroy`, `state rm`, …) with the tool named
 * `terragrunt`; `terragrunt backend delete` (the units' state deleted from the backend) is read
 * as service `backend`, verb `delete`.
 */
import type { NormalizedCommand } from '../engine/types.js';
import type { CloudDraft } from './cloud-argv.js';
import { readTerraform } from './cloud-iac.js';
import { TG_WITH_VALUE as WITH_VALUE, tgOptionName as optionName } from '../normalize/terragrunt.js';

/** OpenTofu/Terraform commands: the first of these words is the command terragrunt runs. */
const TF_COMMANDS = new Set(
  (
    'init validate plan apply destroy console fmt force-unlock get graph import login logout ' +
    'metadata output providers refresh show state taint test untaint version workspace'
  ).split(' '),
);

/** terragrunt's commands that run the OpenTofu/Terraform command written after them. */
const RUNNERS = new Set(['run', 'run-all', 'graph']);

/** The OpenTofu/Terraform words terragrunt runs (terragrunt's own options taken out); [] = none. */
function terraformWords(words: string[]): string[] {
  const out: string[] = [];
  let runner = true; // still among terragrunt's own commands (`run`, `stack run`)
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w === '--') {
      out.push(...words.slice(i + 1));
      break;
    }
    if (w.startsWith('-') && w !== '-') {
      const name = optionName(w);
      // (a terraform option such as `-destroy` or `-target=x` goes with the command)
      // (terragrunt's are `--name`; a single-dash option is terraform's, wherever it is)
      if (WITH_VALUE.has(name) && !w.includes('=')) i++;
      else if ((!runner || !w.startsWith('--')) && !/^(all|a|non-interactive|graph)$/.test(name)) out.push(w);
      continue;
    }
    if (runner && (RUNNERS.has(w) || (w === 'stack' && words[i + 1] === 'run'))) {
      if (w === 'stack') i++;
      continue;
    }
    runner = false;
    out.push(w);
  }
  return out;
}

/**
 * Where the command starts: the first OpenTofu/Terraform command word, or the old `X-all`
 * form; when none is known, the first word. fail closed: an unknown option that takes a
 * value (a newer release's) would otherwise make its value the command and hide `destroy`.
 */
function commandStart(words: string[]): number {
  const known = words.findIndex((w) => TF_COMMANDS.has(w) || /^[a-z]+-all$/.test(w));
  return known >= 0 ? known : 0;
}

/** The OpenTofu/Terraform command terragrunt runs (see the header); undefined = none. */
export function readTerragrunt(cmd: NormalizedCommand): CloudDraft | undefined {
  const words = cmd.argv.slice(1);
  const backend = words.filter((w) => !w.startsWith('-'));
  if (backend[0] === 'backend' && backend[1] === 'delete')
    return { tool: 'terragrunt', service: 'backend', verb: 'delete', resource: '', all: false, force: true };
  const tf = terraformWords(words);
  if (tf.length === 0) return undefined;
  const start = commandStart(tf);
  const [first = '', ...rest] = tf.slice(start);
  // the old CLI's `destroy-all` / `apply-all`: the command on every unit under the folder
  const legacyAll = /^(destroy|apply|plan|output|validate)-all$/.test(first);
  const d = readTerraform({ ...cmd, argv: [cmd.argv[0], legacyAll ? first.slice(0, -4) : first, ...rest] });
  return d && { ...d, tool: 'terragrunt', ...(legacyAll && d.verb === 'destroy' ? { all: true } : {}) };
}
