/**
 * IaC runners that run a command in a stack's remote worker (src/normalize/remote-runners.ts):
 * the command is walked as a remote one; the runner's other commands carry none.
 */
import { describe, expect, it } from 'vitest';
import { filesContext, normalizeIn } from '../helpers/normalize.js';

const ctx = filesContext({});
const remote = (script: string) =>
  normalizeIn(ctx, script)
    .commands.filter((c) => c.remote)
    .map((c) => `${c.argv.join(' ')} [${c.wrappers.join(', ')}]`);

describe('commands sent to an IaC runner', () => {
  it.each<[string, string[]]>([
    [
      'spacectl stack task --id prod-network --tail -- terraform destroy -auto-approve',
      ['terraform destroy -auto-approve [spacectl stack task prod-network]'],
    ],
    [
      'spacectl stack task --id=prod-db -- tofu destroy -auto-approve',
      ['tofu destroy -auto-approve [spacectl stack task]'],
    ],
    [
      'spacectl stack task --id prod-dns --noinit terraform state rm aws_route53_zone.main',
      ['terraform state rm aws_route53_zone.main [spacectl stack task prod-dns]'],
    ],
    [
      "timeout 600 spacectl stack task --id prod -- 'terraform destroy -target=module.db'",
      ['terraform destroy -target=module.db [timeout, spacectl stack task prod]'],
    ],
    // the runner's other commands, and a task without a command
    ['spacectl stack preview --id prod-network --tail', []],
    ['spacectl stack deploy --id prod-network', []],
    ['spacectl stack task --id prod-network --tail', []],
  ])('%s', (script, expected) => {
    expect(remote(script)).toEqual(expected);
  });
});
