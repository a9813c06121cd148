/**
 * CI secrets handed to whoever can open a pull request or read a build log:
 * - Drone's `drone secret|orgsecret add|update … --allow-pull-request` (the secret is given to
 *   builds of pull requests, forks' included: anyone can print it from a PR's pipeline), and
 *   Woodpecker's `woodpecker-cli secret add|update … --event pull_request`;
 * - Travis CI's `travis env set NAME VALUE --public` (`-p`): the value is printed in every
 *   build log; GitHub's `gh variable set NAME`: a variable, unlike a secret, is shown in logs
 *   and to everyone who can read the repository. Only for a name or a value that looks
 *   secret (`AWS_SECRET_ACCESS_KEY`, `"$API_TOKEN"`); `NODE_ENV production` is not.
 * - Concourse's `fly [-t TARGET] expose-pipeline|ep -p NAME`: the pipeline's config, builds and
 *   logs shown to anyone who reaches the server, signed in or not (`hide-pipeline` undoes it).
 *   `set-team --no-really-i-dont-want-any-auth` opens a whole team so. Fly.io's `fly` has no
 *   such commands.
 * Read as `make-public` findings (exposure.ts). Listing, removing and private settings find
 * nothing.
 */
import type { NormalizedCommand } from '../engine/types.js';
import type { Finding } from './word-facts.js';
import { optionValue } from './cloud-argv.js';
import { isSecretName, secretVarRefs } from './exfil-sources.js';
import { carriesSecret } from '../normalize/credentials.js';
import { optionWord } from './help-words.js';

/** Options of the CI CLIs that take a value, so it is not read as a positional word. */
const WITH_VALUE =
  /^(--repository|--repo|-R|-r|--name|--data|--value|--event|--image|--org|--env|-e|--body|-b|--visibility|--repos|--com|--api-endpoint|--token|-t|--target|--env-file|-f)$/;

/** The positional words of argv (after the program), option values left out. */
function positionals(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (WITH_VALUE.test(a)) i++;
    else if (!a.startsWith('-')) out.push(a);
  }
  return out;
}

/** True when a setting's name or value looks like it holds a secret (a secret file's text folded in too). */
const secretLooking = (name: string, value: string) =>
  isSecretName(name) || secretVarRefs(value).length > 0 || /\$\(/.test(value) || carriesSecret(value);

/** Drone and Woodpecker: a secret given to pull requests' builds. */
function prSecrets(cmd: NormalizedCommand): Finding[] {
  const a = cmd.argv;
  const pos = positionals(a);
  if (!/^(secret|orgsecret)$/.test(pos[0] ?? '') || !/^(add|create|update|set)$/.test(pos[1] ?? ''))
    return [];
  const name = optionValue(a, /^--name$/) ?? pos[pos.length - 1] ?? '';
  const pr =
    cmd.program === 'drone'
      ? a.some((w) => /^--allow-pull-request(=true)?$/.test(w))
      : a.some(
          (w, i) => /^--event(=pull_request)?$/.test(w) && (w.includes('=') || a[i + 1] === 'pull_request'),
        );
  return pr
    ? [['ci-secret', `${cmd.program} secret ${name} given to pull requests' builds (forks too)`]]
    : [];
}

/** Travis CI: `env set NAME VALUE --public`. */
function travisPublic(cmd: NormalizedCommand): Finding[] {
  const a = cmd.argv;
  const pos = positionals(a);
  if (pos[0] !== 'env' || !/^(set|add)$/.test(pos[1] ?? '')) return [];
  if (!a.some((w) => w === '--public' || w === '-p')) return [];
  const [name = '', value = ''] = pos.slice(2);
  return secretLooking(name, value) ? [['ci-secret', `travis env ${name} shown in public build logs`]] : [];
}

/** GitHub: `gh variable set NAME [--body VALUE]` of a secret-looking name or value. */
function ghVariable(cmd: NormalizedCommand): Finding[] {
  const a = cmd.argv;
  const pos = positionals(a);
  if (pos[0] !== 'variable' || pos[1] !== 'set') return [];
  // `-f .env`: every `NAME=value` line of a dotenv file becomes a variable (the file is not
  // read here; a dotenv file is where secrets are kept, so fail closed)
  const file = optionValue(a, /^(-f|--env-file)$/);
  if (file !== undefined)
    return [['ci-secret', `gh variable set -f ${file}: every variable of the file shown in logs`]];
  const name = pos[2] ?? '';
  const value = optionValue(a, /^(--body|-b)$/) ?? '';
  return secretLooking(name, value)
    ? [['ci-secret', `gh variable ${name} (variables are shown in logs)`]]
    : [];
}

/** Concourse: `fly … expose-pipeline|ep -p NAME`, or a team without auth (the verb after `-t|--target VALUE` and flags). */
function concourseExposed(cmd: NormalizedCommand): Finding[] {
  const a = cmd.argv;
  const verb = positionals(a)[0] ?? '';
  // a team set up with no sign-in at all: everyone is a member
  if ((verb === 'set-team' || verb === 'st') && a.includes('--no-really-i-dont-want-any-auth'))
    return [
      ['pipeline', `fly ${verb} --no-really-i-dont-want-any-auth: the team's pipelines open to anyone`],
    ];
  if (verb !== 'expose-pipeline' && verb !== 'ep') return [];
  const name = optionValue(a, /^(-p|--pipeline)$/) ?? '';
  return [['pipeline', `fly ${verb} ${name}: config, builds and logs shown without sign-in`]];
}

/** CI secrets exposed as described in the header; empty = none. */
export function ciSecretsExposed(cmd: NormalizedCommand): Finding[] {
  if (optionWord(cmd.argv, (w) => w === '--help' || w === '-h')) return [];
  if (cmd.program === 'drone' || cmd.program === 'woodpecker-cli' || cmd.program === 'woodpecker')
    return prSecrets(cmd);
  if (cmd.program === 'travis') return travisPublic(cmd);
  if (cmd.program === 'gh') return ghVariable(cmd);
  if (cmd.program === 'fly') return concourseExposed(cmd);
  return [];
}
