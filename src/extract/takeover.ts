/**
 * A host, a cluster or a directory's accounts taken over: a container or pod that holds its
 * host, RBAC that hands out the cluster (privilege-containers.ts, privilege-rbac.ts), another
 * account's password set by an administrator or logins opened to every account
 * (identity-access.ts). Read by the command's words (and the manifests it applies) into a
 * CloudFact whose verb says what is taken (`host-escape`, `grant-admin`, `make-public`,
 * `reset-password`, `open-login`) and whose service is the kind of thing taken.
 */
import { TEXT_TOOLS } from './exposure.js';
import { containerTakeover } from './privilege-containers.js';
import { identityTakeover } from './identity-access.js';
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import { wordExtractor, wordFact, type Finding } from './word-facts.js';

/** The fact's service for each verb: the rules of the privilege and exposure packs match on it. */
const SERVICE: Record<string, string> = {
  'host-escape': 'container',
  'grant-admin': 'privilege',
  'make-public': 'principal',
  'reset-password': 'identity',
  'open-login': 'identity',
};

/** Hosts and identities taken over, as findings; empty = none (text tools find nothing). */
function takeovers(cmd: NormalizedCommand, ctx: AnalyzeContext): Finding[] {
  return TEXT_TOOLS.has(cmd.program) ? [] : [...containerTakeover(cmd, ctx), ...identityTakeover(cmd)];
}

export const extractTakeover = wordExtractor(takeovers, (cmd, verb, said) =>
  wordFact(cmd, SERVICE[verb] ?? 'privilege', verb, said),
);
