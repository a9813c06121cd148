/** terragrunt read as the OpenTofu/Terraform command it runs (src/extract/cloud-terragrunt.ts). */
import { describe, expect, it } from 'vitest';
import { readTerragrunt } from '../../src/extract/cloud-terragrunt.js';
import { command } from '../helpers/command.js';

/** `service|verb|resource|all`, or '' when nothing is read. */
const read = (line: string) => {
  const d = readTerragrunt(command(line.split(' ')));
  return d ? [d.tool, d.service, d.verb, d.resource, d.all].join('|') : '';
};

describe('terragrunt: the command it runs, past its own commands and options', () => {
  it.each([
    // the new CLI: `run [--all] [options] -- COMMAND`, options with a value before `--`
    [
      'terragrunt run --all --non-interactive --working-dir live/prod -- destroy',
      'terragrunt||destroy||true',
    ],
    ['terragrunt --working-dir live/prod run --all destroy', 'terragrunt||destroy||true'],
    [
      'terragrunt run --all --log-level error --parallelism 4 -- apply -destroy -auto-approve',
      'terragrunt||destroy||true',
    ],
    [
      'terragrunt run --queue-include-dir live/db --all -- destroy -target=module.db',
      'terragrunt||destroy|module.db|false',
    ],
    ['terragrunt run --working-dir=live/prod -- destroy', 'terragrunt||destroy||true'],
    ['terragrunt stack run destroy --non-interactive', 'terragrunt||destroy||true'],
    ['terragrunt destroy --all', 'terragrunt||destroy||true'],
    // the old CLI: `--terragrunt-` options, `run-all`, `destroy-all`
    ['terragrunt --terragrunt-working-dir live/prod run-all destroy', 'terragrunt||destroy||true'],
    ['terragrunt destroy-all --terragrunt-non-interactive', 'terragrunt||destroy||true'],
    // state and backend
    [
      'terragrunt run --working-dir live/rds -- state rm aws_db_instance.main',
      'terragrunt|state|rm|aws_db_instance.main|false',
    ],
    ['terragrunt backend delete --all', 'terragrunt|backend|delete||false'],
    // an option this table does not know, with a value: the known command word is still found
    ['terragrunt run --some-new-option value -- destroy', 'terragrunt||destroy||true'],
    ['terragrunt --some-new-option value destroy', 'terragrunt||destroy||true'],
    // read-only commands keep their own verb (no rule matches them)
    ['terragrunt run --all --non-interactive --working-dir live/prod -- plan', 'terragrunt||plan||false'],
    ['terragrunt run --all --working-dir live/prod -- plan -destroy', 'terragrunt|plan|plan-destroy||true'],
    ['terragrunt --working-dir live/prod run --all output', 'terragrunt||output||false'],
    ['terragrunt run --working-dir live/rds -- state list', 'terragrunt|state|list||false'],
    ['terragrunt stack run plan', 'terragrunt||plan||false'],
    ['terragrunt', ''],
  ])('%s → %s', (line, want) => expect(read(line)).toBe(want));
});
