/**
 * Ref updates sent through a forge's REST API that amount to a force-push: GitHub's (and
 * GitHub Enterprise's, under /api/v3) `PATCH /repos/OWNER/REPO/git/refs/REF` with
 * `"force": true` moves the branch to any commit, dropping the commits it held, as
 * `git push --force` does. Read from a request of any client (gh api, curl, inline code, the
 * egress proxy) into the git fact a force-push makes, so the git rules (a protected branch
 * asks for typed confirmation) judge both alike. GitHub's GraphQL `updateRef(input: {…,
 * force: true})` is the same update. Without `force` the update must be a fast-forward: not
 * a force-push. Pure.
 */
import type { DraftFact } from './extractor.js';

/** The repository and ref of a ref-update path (`/repos/acme/api/git/refs/heads/main`); undefined = not one. */
function refPath(path: string): { repo: string; ref: string } | undefined {
  const m = /^(?:\/api\/v3)?\/repos\/([^/]+)\/([^/]+)\/git\/refs\/(.+?)\/?$/.exec(path);
  if (!m) return undefined;
  let ref = m[3];
  try {
    ref = decodeURIComponent(ref);
  } catch {
    // keep the ref as written
  }
  return { repo: `${m[1]}/${m[2]}`, ref: ref.replace(/^heads\//, '') };
}

/**
 * True when the body asks for a forced update: `"force": true`, the string "true", or a value
 * the shell fills in at run time (`-F force=$F`; fail closed: it may be true).
 */
function forces(body: string): boolean {
  try {
    const v = JSON.parse(body) as unknown;
    if (v && typeof v === 'object' && 'force' in v) {
      const f = (v as { force: unknown }).force;
      return f === true || f === 'true' || (typeof f === 'string' && /\$/.test(f));
    }
    return false;
  } catch {
    return /"force"\s*:\s*(?:true|"true")/.test(body);
  }
}

/**
 * The force-push a request makes, or undefined. `method`: the method the server applies;
 * `body`: the body as far as known (undefined = none); `bodyUnknown`: a body is sent whose
 * content is not known.
 */
export function forgeForcePush(
  method: string,
  host: string,
  path: string,
  body: string | undefined,
  bodyUnknown: boolean,
  tool: string,
): DraftFact | undefined {
  if (method !== 'PATCH') return undefined;
  const at = refPath(path);
  if (!at) return undefined;
  // fail closed: a body not known may ask for a forced update
  const how = bodyUnknown
    ? 'a body not known statically'
    : body !== undefined && forces(body)
      ? 'force: true'
      : '';
  if (!how) return undefined;
  return {
    kind: 'git',
    evidence: `${tool} PATCH ${host}${path} (${how}): moves ${at.ref} like a force-push`,
    subcommand: 'api',
    action: 'force-push',
    remote: `${host}/${at.repo}`,
    refs: [at.ref],
  };
}

/** The force-pushes among a request's GraphQL facts: `updateRef` with `input.force: true` (the ref is a node id). */
export function graphqlForcePush(facts: DraftFact[], tool: string): DraftFact[] {
  return facts.flatMap((f) =>
    f.kind === 'graphql' &&
    f.operation === 'mutation' &&
    f.field === 'updateRef' &&
    f.args['input.force'] === 'true'
      ? [
          {
            kind: 'git' as const,
            evidence: `${tool} GraphQL updateRef (force: true) on ${f.host}: moves the ref like a force-push`,
            subcommand: 'api',
            action: 'force-push',
            remote: f.host,
            refs: [],
          },
        ]
      : [],
  );
}
