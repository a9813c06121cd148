/**
 * Table rows for SaaS and managed-database CLIs whose commands read
 * `tool <resource…> delete|rm|destroy <id>` (stripe, twilio, sentry-cli, auth0, okta,
 * wrangler, atlas, pscale, neonctl, turso, upstash). Same shape as cloud-tables.ts; kept
 * apart so each file stays one readable table.
 */
import type { VerbTable } from './cloud-tables.js';

/** Verbs that delete something on these services. */
const DELETE_VERBS = /^(delete|del|rm|remove|destroy|purge|drop|wipe)$/;

const row = (r: Omit<VerbTable, 'destructive' | 'allFlags'> & Partial<VerbTable>): VerbTable => ({
  destructive: DELETE_VERBS,
  allFlags: ['--all'],
  ...r,
});

/** The SaaS and managed-database CLIs' verb tables, one per tool family (see the module comment for the command shape). */
export const SAAS_TABLES: VerbTable[] = [
  row({
    tool: 'stripe',
    programs: ['stripe'],
    withArg: [
      '--api-key',
      '--stripe-account',
      '--project-name',
      '-p',
      '--color',
      '--log-level',
      '--config',
      '--stripe-version',
      '-d',
      '--data',
      '-e',
      '--expand',
      '--forward-to',
      '--forward-connect-to',
      '--events',
    ],
    maxDepth: 2,
    resourceOpts: [],
    forceFlags: ['--confirm', '-c'],
    // a cancelled subscription or payment cannot be resumed
    destructive: /^(delete|del|rm|remove|destroy|purge|drop|wipe|cancel)$/,
  }),
  row({
    tool: 'twilio',
    programs: ['twilio'],
    colon: true,
    withArg: [
      '-p',
      '--profile',
      '-o',
      '--output',
      '--properties',
      '-l',
      '--log-level',
      '--sid',
      '--account-sid',
    ],
    maxDepth: 1,
    resourceOpts: ['--sid'],
    forceFlags: ['--force'],
  }),
  row({
    tool: 'sentry-cli',
    programs: ['sentry-cli'],
    withArg: [
      '-o',
      '--org',
      '-p',
      '--project',
      '--auth-token',
      '--url',
      '--log-level',
      '--header',
      '--api-key',
    ],
    maxDepth: 2,
    resourceOpts: ['-p', '--project'],
    forceFlags: ['--force'],
  }),
  row({
    tool: 'auth0',
    programs: ['auth0'],
    withArg: ['--tenant', '--json-compact', '--format', '-n', '--name', '--number'],
    maxDepth: 3,
    resourceOpts: [],
    forceFlags: ['--force'],
  }),
  row({
    tool: 'okta',
    programs: ['okta'],
    withArg: ['--org-url', '--api-token', '--config-file', '-o', '--output'],
    maxDepth: 2,
    resourceOpts: [],
    forceFlags: ['--force', '-y', '--yes'],
  }),
  row({
    tool: 'wrangler',
    programs: ['wrangler'],
    withArg: [
      '-c',
      '--config',
      '-e',
      '--env',
      '--binding',
      '--namespace-id',
      '--name',
      '--preview',
      '--jurisdiction',
      '--database',
      '--account-id',
    ],
    maxDepth: 3,
    resourceOpts: ['--namespace-id', '--name', '--binding'],
    forceFlags: ['-y', '--yes', '--skip-confirmation', '--force'],
  }),
  row({
    tool: 'atlas',
    programs: ['atlas', 'mongocli'],
    withArg: ['--projectId', '--orgId', '-o', '--output', '-P', '--profile', '--clusterName'],
    maxDepth: 3,
    resourceOpts: ['--clusterName', '--projectId'],
    forceFlags: ['--force'],
  }),
  row({
    tool: 'pscale',
    programs: ['pscale'],
    withArg: ['--org', '--service-token', '--service-token-id', '-f', '--format', '--api-url', '--config'],
    maxDepth: 2,
    resourceOpts: [],
    forceFlags: ['--force'],
  }),
  row({
    tool: 'neonctl',
    programs: ['neonctl', 'neon'],
    withArg: [
      '--project-id',
      '--api-key',
      '-o',
      '--output',
      '--context-file',
      '--org-id',
      '--config-dir',
      '--branch',
    ],
    maxDepth: 2,
    resourceOpts: ['--project-id'],
    forceFlags: [],
  }),
  row({
    tool: 'turso',
    programs: ['turso'],
    withArg: ['--group', '--location', '-l', '--instance', '--from-db', '--expiration', '--token'],
    maxDepth: 2,
    resourceOpts: [],
    forceFlags: ['-y', '--yes'],
  }),
  row({
    tool: 'upstash',
    programs: ['upstash'],
    withArg: ['--email', '--api-key', '--id', '--database-id', '--db-id', '--cluster-id', '--name'],
    maxDepth: 2,
    resourceOpts: ['--id', '--database-id', '--db-id', '--cluster-id', '--name'],
    forceFlags: ['--force'],
  }),
];
