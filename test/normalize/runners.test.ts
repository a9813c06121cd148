/**
 * Package runners and environment loaders (src/normalize/runners.ts): what they launch is
 * read as itself; `-c CMD` is a shell command; other subcommands of npm/pnpm/yarn/bun are not
 * launches. Also less's LESSOPEN preprocessor (src/normalize/option-carriers.ts).
 */
import { describe, expect, it } from 'vitest';
import { filesContext } from '../helpers/normalize.js';
import { parseScript } from '../../src/parse/parse.js';
import { normalize } from '../../src/normalize/index.js';
import { DEFAULT_LIMITS } from '../../src/engine/types.js';

/** Each normalized command as `argv…` (dynamic ones marked), in order, with its wrappers. */
function commands(script: string): string[] {
  const r = normalize(parseScript(script, DEFAULT_LIMITS), filesContext({}));
  return r.commands.map((c) => `${c.wrappers.join('>')}|${c.dynamic ? 'dynamic:' : ''}${c.argv.join(' ')}`);
}

describe('what package runners launch', () => {
  it.each<[string, string]>([
    ['npx rimraf@5 /srv', 'npx|rimraf /srv'],
    ['npx -y @acme/cli@2.1.0 deploy', 'npx|cli deploy'],
    ['npx -p typescript tsc --noEmit', 'npx|tsc --noEmit'],
    ["npx -c 'rm -rf /srv'", 'npx -c|rm -rf /srv'],
    ["npm exec -c 'rm -rf /srv'", 'npm exec -c|rm -rf /srv'],
    ['npm exec -- rimraf /srv', 'npm exec|rimraf /srv'],
    ['pnpm dlx rimraf /srv', 'pnpm dlx|rimraf /srv'],
    ['yarn dlx rimraf /srv', 'yarn dlx|rimraf /srv'],
    ['bun x rimraf /srv', 'bun x|rimraf /srv'],
    ['bunx rimraf /srv', 'bunx|rimraf /srv'],
    ["npx dotenv -e .env -- sh -c 'rm -rf /srv'", 'npx>dotenv>sh -c|rm -rf /srv'],
    ["dotenv -- 'rm -rf /srv'", 'dotenv|rm -rf /srv'],
    ['env-cmd -f .env rm -rf /srv', 'env-cmd|rm -rf /srv'],
    ['env-cmd -e production,local -r .env-cmdrc -- rm -rf /srv', 'env-cmd|rm -rf /srv'],
    ["env-cmd --use-shell 'rm -rf /srv && echo done'", 'env-cmd|rm -rf /srv'],
    ['env-cmd .env.local rm -rf /srv', 'env-cmd|rm -rf /srv'],
    ["railway run -e production -- sh -c 'rm -rf /srv'", 'railway run>sh -c|rm -rf /srv'],
    ['railway run -e production rm -rf /srv', 'railway run|rm -rf /srv'],
    ['doppler run --config prd -- rm -rf /srv', 'doppler run|rm -rf /srv'],
    ['op run --env-file=.env -- rm -rf /srv', 'op run|rm -rf /srv'],
    ['aws-vault exec prod -- rm -rf /srv', 'aws-vault exec|rm -rf /srv'],
    ['kubie exec prod-eu payments kubectl delete pvc --all', 'kubie exec|kubectl delete pvc --all'],
    ["kubie exec -e 'prod-*' default -- kubectl get pods", 'kubie exec|kubectl get pods'],
    ['kubie exec --context-headers false ctx ns helm uninstall web', 'kubie exec|helm uninstall web'],
    ['berglas exec -- rm -rf /srv', 'berglas exec|rm -rf /srv'],
    ['teller run --reset -- rm -rf /srv', 'teller run|rm -rf /srv'],
    ['bws run -- rm -rf /srv', 'bws run|rm -rf /srv'],
    ['saml2aws exec --exec-profile prod -- rm -rf /srv', 'saml2aws exec|rm -rf /srv'],
    ['terramate run -- terraform destroy -auto-approve', 'terramate run|terraform destroy -auto-approve'],
    [
      'terramate -C stacks --tags prod run --parallel 4 --reverse -- tofu destroy',
      'terramate run|tofu destroy',
    ],
    ['terramate run --changed terraform apply', 'terramate run|terraform apply'],
    ["LESSOPEN='|rm -rf /srv %s' less README.md", 'less LESSOPEN|rm -rf /srv README.md'],
    ['honcho run printenv RAILWAY_TOKEN', 'honcho run|printenv RAILWAY_TOKEN'],
    ['foreman run -e .env.production rake db:drop', 'foreman run|rake db:drop'],
    ['overmind run -- rm -rf /srv', 'overmind run|rm -rf /srv'],
    ['npx shx rm -rf dist coverage', 'npx>shx|rm -rf dist coverage'],
    ['shx --silent rm -rf ~', 'shx|rm -rf /h'],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));

  it.each<[string, string[]]>([
    // not a launch: the package manager itself
    ['npm run build', ['|npm run build']],
    ['pnpm install', ['|pnpm install']],
    ['yarn add lodash', ['|yarn add lodash']],
    ['bun test', ['|bun test']],
    ['dotenv -p DATABASE_URL', ['|dotenv -p DATABASE_URL']],
    ['env-cmd -f .env', ['|env-cmd -f .env']],
    ['railway up', ['|railway up']],
    ['op read op://vault/item/pw', ['|op read op://vault/item/pw']],
    // terramate's other commands, and a run that only prints its plan
    ['terramate list --changed', ['|terramate list --changed']],
    ['terramate fmt --check', ['|terramate fmt --check']],
    // a Procfile runner's other subcommands (procfile.ts reads `start`)
    ['honcho check', ['|honcho check']],
    ['overmind connect web', ['|overmind connect web']],
    ['terramate run --dry-run -- terraform destroy', ['|terramate run --dry-run -- terraform destroy']],
  ])('%s', (script, want) => expect(commands(script)).toEqual(want));
});
