/**
 * Where the signed webhook approver is configured: `AGENTFW_APPROVAL_WEBHOOK=FILE`, else
 * `~/.agentfw/approval-webhook.yaml` when it exists. No file = no webhook approver.
 *
 * ```yaml
 * url: https://relay.example.internal/agentfw   # where requests are POSTed
 * secret_file: ~/.agentfw/webhook.key           # HMAC key (≥ 32 chars), 0600; never in the agent's env
 * answer_port: 0                                # loopback port for signed answers (0 = any)
 * ```
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import { z } from 'zod';
import { AgentfwError } from '../errors.js';

/** The YAML parser, loaded on first use: most sessions have no such file to read. */
let yamlLib: typeof Yaml | undefined;
const parseYaml = (src: string): unknown =>
  (yamlLib ??= createRequire(import.meta.url)('yaml') as typeof Yaml).parse(src);

const Schema = z
  .object({
    url: z.string().url(),
    secret_file: z.string().min(1),
    answer_port: z.number().int().min(0).max(65_535).default(0),
    name: z
      .string()
      .regex(/^[\w.-]{1,40}$/)
      .default('webhook'),
  })
  .strict();

export interface WebhookConfig {
  url: string;
  secret: string;
  answerPort: number;
  name: string;
}

export function findWebhookConfig(env: NodeJS.ProcessEnv, home = os.homedir()): string | undefined {
  if (env.AGENTFW_APPROVAL_WEBHOOK) return path.resolve(env.AGENTFW_APPROVAL_WEBHOOK);
  const def = path.join(home, '.agentfw', 'approval-webhook.yaml');
  return existsSync(def) ? def : undefined;
}

export function loadWebhookConfig(file: string, home = os.homedir()): WebhookConfig {
  const bad = (why: string) =>
    new AgentfwError(
      'E_WEBHOOK_CONFIG',
      `approval webhook config ${file}: ${why}`,
      'keys: url, secret_file (a 0600 file with ≥ 32 characters), answer_port, name; or unset AGENTFW_APPROVAL_WEBHOOK',
    );
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(file, 'utf8'));
  } catch (err) {
    throw bad((err as Error).message.split('\n')[0]);
  }
  const parsed = Schema.safeParse(raw ?? {});
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    throw bad(
      `${i.path.join('.') || (i.code === 'unrecognized_keys' ? i.keys.join(', ') : '(top)')}: ${i.message}`,
    );
  }
  const c = parsed.data;
  const keyFile = c.secret_file.startsWith('~/')
    ? path.join(home, c.secret_file.slice(2))
    : path.resolve(c.secret_file);
  let secret: string;
  try {
    // fail closed: a key others can read is not a secret
    if ((statSync(keyFile).mode & 0o077) !== 0)
      throw new Error(`${keyFile} is readable by others (chmod 600 it)`);
    secret = readFileSync(keyFile, 'utf8').trim();
  } catch (err) {
    throw bad((err as Error).message);
  }
  return { url: c.url, secret, answerPort: c.answer_port, name: c.name };
}
