/**
 * A workspace with planted secrets for the output-masking tests: secret variables for
 * the supervisor's environment, a `.env`, a config file holding a token (the incident's
 * "unrelated file"), a private key, and a deploy script that sources `.env` and prints
 * its token. Values come from the fixed-seed generator; none is a real credential.
 * Tests check values with `.includes(value) === false` and never print them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gen, plantedSecrets, rng } from '../fixtures/secrets/planted.js';

export interface PlantedValue {
  /** What it is, safe to print (never the value). */
  label: string;
  /** The secret itself. */
  value: string;
}

export interface PlantedWorkspace {
  /** Real values for the environment `agentfw run` starts with. */
  env: Record<string, string>;
  /** Every value that must never reach the agent, the audit log or test output. */
  values: PlantedValue[];
}

const HEX = '0123456789abcdef';

export function plantWorkspace(ws: string): PlantedWorkspace {
  const planted = plantedSecrets();
  const of = (format: string): string => {
    const p = planted.find((x) => x.format === format);
    if (!p) throw new Error(`no planted format ${format}`);
    return p.value;
  };
  const r = rng(6006);
  const uuid = (): string =>
    `${gen(r, HEX, 8)}-${gen(r, HEX, 4)}-4${gen(r, HEX, 3)}-a${gen(r, HEX, 3)}-${gen(r, HEX, 12)}`;

  const env = {
    GITHUB_TOKEN: of('github-token'),
    RAILWAY_TOKEN: uuid(),
    AWS_SECRET_ACCESS_KEY: of('aws-secret-access-key'),
    DEPLOY_TOKEN: of('bearer-opaque'),
  };
  const fileRailway = uuid();
  const domainsToken = uuid();
  const stripe = of('stripe-secret');
  const openai = of('openai-key');
  const appSecret = of('export-secret');
  const dbPassword = gen(r, 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789', 20);
  const key = of('private-key-rsa');

  writeFileSync(
    path.join(ws, '.env'),
    [
      `RAILWAY_TOKEN=${fileRailway}`,
      `STRIPE_SECRET_KEY=${stripe}`,
      `OPENAI_API_KEY=${openai}`,
      `APP_SECRET="${appSecret}"`,
      `DATABASE_URL=postgres://app:${dbPassword}@db:5432/app`,
      'LOG_LEVEL=debug',
      '',
    ].join('\n'),
  );
  mkdirSync(path.join(ws, 'config'), { recursive: true });
  writeFileSync(
    path.join(ws, 'config', 'domains.json'),
    JSON.stringify({ domains: ['app.example.com'], railway: { token: domainsToken } }, null, 2) + '\n',
  );
  mkdirSync(path.join(ws, 'deploy'), { recursive: true });
  writeFileSync(path.join(ws, 'deploy', 'id_rsa'), key + '\n', { mode: 0o600 });
  writeFileSync(
    path.join(ws, 'script.sh'),
    '#!/bin/bash\n. ./.env\necho "deploying with RAILWAY_TOKEN=$RAILWAY_TOKEN"\necho "env token: $RAILWAY_TOKEN"\n',
    { mode: 0o755 },
  );

  const values: PlantedValue[] = [
    ...Object.entries(env).map(([k, v]) => ({ label: `env ${k}`, value: v })),
    { label: '.env RAILWAY_TOKEN', value: fileRailway },
    { label: '.env STRIPE_SECRET_KEY', value: stripe },
    { label: '.env OPENAI_API_KEY', value: openai },
    { label: '.env APP_SECRET', value: appSecret },
    { label: '.env DATABASE_URL password', value: dbPassword },
    { label: 'config/domains.json token', value: domainsToken },
    // Each line of the key body on its own: a partly masked key would still leak.
    ...key
      .split('\n')
      .filter((l) => !l.startsWith('-----'))
      .map((l, i) => ({ label: `deploy/id_rsa line ${i + 1}`, value: l })),
  ];
  return { env, values };
}

/** Labels of the planted values found in `text` (empty = none leaked). Never returns values. */
export function leaks(text: string, values: PlantedValue[]): string[] {
  return values.filter((v) => text.includes(v.value)).map((v) => v.label);
}
