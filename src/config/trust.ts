/**
 * `agentfw trust`: a human records that a project's `.agentfw` (which lives in the
 * workspace, where the agent can write) is fine as it is now. The user config keeps the
 * folder's SHA-256; any later change (by anyone) makes the project's allows and disables
 * inert again until a human trusts it again.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import { AgentfwError } from '../errors.js';
import { projectDigest, projectDir, userDir } from './discover.js';

/** The YAML parser, loaded on first use: most sessions have no such file to read. */
let yamlLib: typeof Yaml | undefined;
const parseDocument = (src: string) =>
  (yamlLib ??= createRequire(import.meta.url)('yaml') as typeof Yaml).parseDocument(src);

/** Records (or with `remove`, forgets) trust in `workspace`'s `.agentfw`; returns the user config path and digest. */
export function trustProject(
  workspace: string,
  o: { env?: NodeJS.ProcessEnv; remove?: boolean } = {},
): { file: string; digest: string } {
  const ws = path.resolve(workspace);
  const pdir = projectDir(ws);
  if (!o.remove && !existsSync(pdir))
    throw new AgentfwError(
      'E_USAGE',
      `${pdir} does not exist`,
      'run it in the project whose .agentfw you reviewed, or pass its folder',
      2,
    );
  const dir = userDir(o.env ?? process.env);
  const file = path.join(dir, 'config.yaml');
  const doc = parseDocument(existsSync(file) ? readFileSync(file, 'utf8') : '');
  if (doc.errors.length)
    throw new AgentfwError(
      'E_CONFIG_INVALID',
      `${file}: ${doc.errors[0].message.split('\n')[0]}`,
      'correct the YAML of that file first',
      2,
    );
  const digest = o.remove ? '' : projectDigest(pdir);
  if (o.remove) doc.deleteIn(['trusted_projects', ws]);
  else doc.setIn(['trusted_projects', ws], digest);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  writeFileSync(file, doc.toString(), { mode: 0o600 });
  return { file, digest };
}
