/**
 * `secrets.yaml`: which secret variables may be re-injected into which approved
 * commands, and which variables to treat as secret or not. Validated with zod; every
 * error says where and how to fix it.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import os from 'node:os';
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import { z } from 'zod';
import { AgentfwError } from '../errors.js';

/** The YAML parser, loaded only when a config file exists (most sessions have none). */
let yamlLib: typeof Yaml | undefined;
const yaml = (): typeof Yaml => (yamlLib ??= createRequire(import.meta.url)('yaml') as typeof Yaml);

const NAME = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an environment variable name');

export const AllowEntrySchema = z
  .object({
    /** The environment variable whose real value may be handed over. */
    env: NAME,
    /** Program basenames (`gh`, `psql`) that get the value when approved. Empty/absent = none by program. */
    programs: z.array(z.string().min(1)).optional(),
    /** Hosts (`api.github.com`, `*.railway.app`) a command must target to get the value. Empty/absent = none by host. */
    hosts: z.array(z.string().min(1)).optional(),
  })
  .strict();

export const SecretsConfigSchema = z
  .object({
    /** Re-injection grants. Empty/absent = only the built-in defaults (if `defaults` is true). */
    allow: z.array(AllowEntrySchema).optional(),
    /** Use the built-in owner defaults (GITHUB_TOKEN → gh/git, NPM_TOKEN → npm, …). Absent = true. */
    defaults: z.boolean().optional(),
    /** Extra variable names always treated as secret. Empty/absent = none. */
    mask: z.array(NAME).optional(),
    /** Variable names never treated as secret (a public key, a non-secret `*_KEY`). Empty/absent = none. */
    unmask: z.array(NAME).optional(),
  })
  .strict();

export type SecretsConfig = z.infer<typeof SecretsConfigSchema>;
export type AllowEntry = z.infer<typeof AllowEntrySchema>;

/**
 * Built-in re-injection: a variable goes only to the program that owns it by convention.
 * Cloud-wide credentials (AWS, GCP, Railway…) are not here: they need an explicit grant.
 */
export const DEFAULT_ALLOW: AllowEntry[] = [
  { env: 'GH_TOKEN', programs: ['gh', 'git'] },
  { env: 'GITHUB_TOKEN', programs: ['gh', 'git'] },
  { env: 'NPM_TOKEN', programs: ['npm', 'pnpm', 'yarn'] },
  { env: 'NODE_AUTH_TOKEN', programs: ['npm', 'pnpm', 'yarn'] },
  { env: 'DATABASE_URL', programs: ['psql', 'prisma'] },
  { env: 'PGPASSWORD', programs: ['psql', 'pg_dump', 'pg_restore'] },
];

/** Parse and validate config text; `source` names the file in errors. */
export function parseSecretsConfig(text: string, source: string): SecretsConfig {
  let data: unknown;
  try {
    data = yaml().parse(text) ?? {};
  } catch (err) {
    throw new AgentfwError(
      'E_SECRETS_CONFIG',
      `${source}: not valid YAML (${(err as Error).message.split('\n')[0]})`,
      `fix the YAML syntax in ${source}; see docs/secrets.md for the format`,
      2,
    );
  }
  const r = SecretsConfigSchema.safeParse(data);
  if (!r.success) {
    const issue = r.error.issues[0];
    const where = issue.path.length ? issue.path.join('.') : '(top level)';
    throw new AgentfwError(
      'E_SECRETS_CONFIG',
      `${source}: ${where}: ${issue.message}`,
      `edit ${source}: allowed keys are allow (list of {env, programs, hosts}), defaults, mask, unmask; see docs/secrets.md`,
      2,
    );
  }
  return r.data;
}

/**
 * Load `.agentfw/secrets.yaml` from the workspace, else `~/.agentfw/secrets.yaml`.
 * Neither present → `{}` (built-in defaults apply).
 */
export async function loadSecretsConfig(workspace?: string, home = os.homedir()): Promise<SecretsConfig> {
  const candidates = [
    workspace && path.join(workspace, '.agentfw', 'secrets.yaml'),
    path.join(home, '.agentfw', 'secrets.yaml'),
  ];
  for (const file of candidates) {
    if (!file) continue;
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw new AgentfwError(
        'E_SECRETS_CONFIG',
        `${file}: cannot read (${(err as Error).message})`,
        `check the permissions of ${file}`,
        2,
      );
    }
    return parseSecretsConfig(text, file);
  }
  return {};
}
