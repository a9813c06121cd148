/** terragrunt's commands that run a program of the user's (src/normalize/terragrunt.ts). */
import { describe, expect, it } from 'vitest';
import { filesContext, normalizeIn } from '../helpers/normalize.js';

const commands = (script: string) =>
  normalizeIn(filesContext({}), script).commands.map(
    (c) => `${c.wrappers.join('>')}|${c.dynamic ? 'dynamic:' : ''}${c.argv.join(' ')}`,
  );

describe('terragrunt exec runs its command here', () => {
  it.each<[string, string]>([
    ['terragrunt exec -- rm -rf /srv', 'terragrunt exec|rm -rf /srv'],
    ['terragrunt run --all exec -- rm -rf /srv', 'terragrunt exec|rm -rf /srv'],
    ['terragrunt --working-dir live exec --in-download-dir -- rm -rf /srv', 'terragrunt exec|rm -rf /srv'],
    ['terragrunt exec rm -rf /srv', 'terragrunt exec|rm -rf /srv'],
    // fail closed: a command not known statically
    ['terragrunt exec -- "$CMD"', 'terragrunt exec|dynamic:$CMD'],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));

  it.each<[string, string[]]>([
    ['terragrunt exec -- ls -la', ['terragrunt exec|ls -la']],
    ['terragrunt plan', ['|terragrunt plan']],
    ['terragrunt run --all -- plan', ['|terragrunt run --all -- plan']],
    ['terragrunt --working-dir exec plan', ['|terragrunt --working-dir exec plan']],
  ])('%s', (script, want) => expect(commands(script)).toEqual(want));
});
