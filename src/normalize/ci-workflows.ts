/**
 * CI pipeline files this script wrote, started by the `git push` that follows: GitHub Actions
 * (`.github/workflows/*.yml`), GitLab CI (`.gitlab-ci.yml`), CircleCI (`.circleci/config.yml`),
 * Bitbucket Pipelines, Azure Pipelines, Drone, Woodpecker, Buildkite, Forgejo/Gitea Actions.
 * On push the CI service runs their shell steps on its runner, with the repository's secrets
 * at hand: each step is walked there (remote, labelled `ci FILE`).
 *
 * Steps are the string values (or lists of strings) of the keys the services run: `run`,
 * `script`, `before_script`, `after_script`, `command(s)`, `bash`, `sh`, `pwsh`, `powershell`.
 * The `env` / `environment` / `variables` maps around a step are exported before it.
 * An expression of the service (`${{ secrets.NPM_TOKEN }}`, `${{ toJSON(secrets) }}`) is
 * replaced by the service before the shell runs: one naming `secrets` is secret material
 * (SECRET_MARK), any other a value not known here (`ci-value`). A pipeline file whose content
 * is not known or not valid YAML is code not known (fail closed). Pure.
 */
import { parse } from 'yaml';
import { SECRET_MARK } from './credentials.js';
import { emit, type K } from './emit.js';
import { reparse } from './reparse.js';

/** Paths of pipeline files a push starts. */
const CI_FILE =
  /(^|\/)(\.(github|gitea|forgejo)\/workflows\/[^/]+\.ya?ml|\.gitlab-ci\.ya?ml|\.circleci\/config\.ya?ml|bitbucket-pipelines\.ya?ml|azure-pipelines\.ya?ml|\.drone\.ya?ml|\.woodpecker\.ya?ml|\.woodpecker\/[^/]+\.ya?ml|\.buildkite\/pipeline\.ya?ml)$/;

/** Keys whose value is a shell step. */
const STEP_KEYS = new Set([
  'run',
  'script',
  'before_script',
  'after_script',
  'command',
  'commands',
  'bash',
  'sh',
  'pwsh',
  'powershell',
]);
/** Keys whose value is a map of environment variables for the steps below it. */
const ENV_KEYS = new Set(['env', 'environment', 'variables']);

/** The service's `${{ … }}` expressions replaced as the service would, before the shell runs. */
export function substituteExpressions(text: string): string {
  return text.replace(/\$\{\{([\s\S]*?)\}\}/g, (_, e: string) =>
    /\bsecrets\b/.test(e) ? SECRET_MARK : 'ci-value',
  );
}

/** One shell step and the environment it runs with (name → value, expressions replaced). */
export interface CiStep {
  script: string;
  env: [string, string][];
}

/** The shell steps of a parsed pipeline document, in document order. */
export function ciSteps(doc: unknown, env: [string, string][] = [], out: CiStep[] = []): CiStep[] {
  if (Array.isArray(doc)) {
    for (const d of doc) ciSteps(d, env, out);
    return out;
  }
  if (doc === null || typeof doc !== 'object') return out;
  const o = doc as Record<string, unknown>;
  let here = env;
  for (const key of Object.keys(o)) {
    const v = o[key];
    if (ENV_KEYS.has(key) && v && typeof v === 'object' && !Array.isArray(v))
      here = [
        ...here,
        ...Object.entries(v).map(([n, x]): [string, string] => [n, substituteExpressions(String(x))]),
      ];
  }
  for (const key of Object.keys(o)) {
    const v = o[key];
    if (STEP_KEYS.has(key) && typeof v === 'string')
      out.push({ script: substituteExpressions(v), env: here });
    else if (STEP_KEYS.has(key) && Array.isArray(v) && v.every((x) => typeof x === 'string'))
      out.push({ script: v.map((x) => substituteExpressions(x as string)).join('\n'), env: here });
    else if (!ENV_KEYS.has(key)) ciSteps(v, here, out);
  }
  return out;
}

/** A single-quoted shell word of `s`. */
const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** On `git push`: the steps of every pipeline file this script wrote, walked on the CI runner. */
export function ciPipelinesPushed(k: K): void {
  for (const path of k.scope.written) {
    if (!CI_FILE.test(path) || k.run.stopped) continue;
    const label = `ci ${path}`;
    const text = k.scope.files.get(path);
    let doc: unknown;
    try {
      doc = text === undefined ? undefined : parse(text);
    } catch {
      doc = undefined;
    }
    // fail closed: a pipeline whose content is not known (or not YAML) runs code not known here
    if (text === undefined || doc === undefined) {
      const frame = { ...k.frame, wrappers: [...k.frame.wrappers, label], remote: true };
      emit([{ text: path, dynamic: true }], { ...k, frame }, { dynamic: true });
      continue;
    }
    for (const step of ciSteps(doc)) {
      const exports = step.env
        .filter(([n]) => /^[A-Za-z_]\w*$/.test(n))
        .map(([n, v]) => `export ${n}=${quote(v)}\n`)
        .join('');
      reparse(exports + step.script, label, k, { remote: true });
    }
  }
}
