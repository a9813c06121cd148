/**
 * Data tables for the cloud and platform CLIs whose commands read as
 * `tool [group…] VERB [resource] [options]` or `tool group:verb [resource]`. One row per
 * tool: how to skip its options, where the verb is, which verbs destroy, and which flags
 * mean "everything" or "don't ask me".
 */
import type { OptionRules } from './cloud-argv.js';

export interface VerbTable extends OptionRules {
  /** Canonical tool name reported in facts. */
  tool: string;
  /** Program names (basenames) that run this tool. */
  programs: string[];
  /** `group:verb` commands (heroku, firebase, netlify) instead of separate words. */
  colon?: boolean;
  /** One positional word that destroys something (anchored). */
  destructive: RegExp;
  /** How many leading positionals may name the group before the verb. */
  maxDepth: number;
  /** Options whose value names the resource when no positional follows the verb. Empty = none. */
  resourceOpts: string[];
  /** Options that select everything (`--all`, `--all-collections`). */
  allFlags: string[];
  /** Options that skip the tool's own confirmation (`--yes`, `-f`, `--confirm`). */
  forceFlags: string[];
  /** Options that reverse the destructive verb (`cargo yank --undo`): then nothing is destroyed. Undefined = none. */
  undoFlags?: string[];
  /**
   * First words whose following words are data, not a command path (`railway api …` sends
   * a GraphQL document or searches the schema). Undefined = none.
   */
  dataCommands?: string[];
  /**
   * First words whose next word is an API operation called by its name (`netlify api
   * deleteSite --data '{"site_id": …}'`), read by cloud-operations.ts. Undefined = none.
   */
  operationCommands?: string[];
  /**
   * Options, with the values that turn them on, that make a deployment delete whatever its
   * template does not list (`az deployment group create --mode Complete`). Undefined = none.
   */
  prunes?: { option: string; value: RegExp }[];
}

/** The cloud and platform CLIs' verb tables, one row per command family (see the module comment). */
export const VERB_TABLES: VerbTable[] = [
  {
    tool: 'gcloud',
    programs: ['gcloud'],
    withArg: [
      '--project',
      '--zone',
      '--region',
      '--format',
      '--account',
      '--configuration',
      '--verbosity',
      '--impersonate-service-account',
      '--billing-project',
      '--flags-file',
      '--filter',
      '--location',
      '--instance',
      '--database',
      '--keyring',
      '--cluster',
    ],
    flags: [
      '--quiet',
      '-q',
      '--async',
      '--all',
      '--recursive',
      '--force',
      '--no-user-output-enabled',
      '--log-http',
    ],
    unknownTakesValue: true,
    // `unlink`: `gcloud billing projects unlink` detaches billing, which stops every paid resource
    destructive:
      /^(delete|remove|destroy|purge|reset|wipe|abandon|disable|deprecate|rm|stop|suspend|unlink)$/,
    maxDepth: 4,
    resourceOpts: [],
    allFlags: ['--all', '--recursive'],
    forceFlags: ['--quiet', '-q', '--force'],
  },
  {
    tool: 'az',
    programs: ['az'],
    withArg: [
      '--name',
      '-n',
      '--resource-group',
      '-g',
      '--subscription',
      '--output',
      '-o',
      '--query',
      '--ids',
      '--location',
      '-l',
      '--account-name',
      '--server',
      '-s',
      '--vault-name',
      '--cluster-name',
    ],
    flags: ['--yes', '-y', '--no-wait', '--debug', '--verbose', '--only-show-errors', '--force', '--purge'],
    unknownTakesValue: true,
    destructive: /^(delete|purge|remove|stop|deallocate|wipe|reset|destroy|rm|cancel)$/,
    prunes: [
      { option: '--mode', value: /^complete$/i },
      // deployment stacks: resources the stack no longer lists are deleted, not detached
      { option: '--action-on-unmanage', value: /^delete/i },
    ],
    maxDepth: 4,
    resourceOpts: ['--name', '-n', '--resource-group', '-g', '--ids'],
    allFlags: [],
    forceFlags: ['--yes', '-y', '--force'],
  },
  {
    tool: 'doctl',
    programs: ['doctl'],
    withArg: [
      '--context',
      '--access-token',
      '-t',
      '--output',
      '-o',
      '--format',
      '--region',
      '--config',
      '-c',
    ],
    destructive: /^(delete|rm|d|destroy|purge|reset|remove)$/,
    maxDepth: 4,
    resourceOpts: [],
    allFlags: [],
    forceFlags: ['--force', '-f'],
  },
  {
    tool: 'railway',
    programs: ['railway'],
    withArg: ['--service', '-s', '--environment', '-e', '--volume', '-v', '--project', '-p', '--json'],
    destructive: /^(delete|down|remove|rm|destroy|unlink-volume)$/,
    dataCommands: ['api'],
    maxDepth: 2,
    resourceOpts: ['--volume', '-v', '--service', '-s', '--environment', '-e', '--project', '-p'],
    allFlags: [],
    forceFlags: ['--yes', '-y', '--force'],
  },
  {
    tool: 'fly',
    programs: ['fly', 'flyctl'],
    withArg: ['-a', '--app', '-c', '--config', '-r', '--region', '-o', '--org', '--access-token', '-t'],
    destructive: /^(destroy|delete|remove|rm|unset|detach|reset)$/,
    maxDepth: 3,
    resourceOpts: ['-a', '--app'],
    allFlags: [],
    forceFlags: ['--yes', '-y', '--force', '-f'],
  },
  {
    tool: 'heroku',
    programs: ['heroku'],
    colon: true,
    withArg: ['-a', '--app', '-r', '--remote', '--confirm', '-t', '--team'],
    destructive: /^(destroy|delete|reset|remove|rm|unset|detach|kill|purge)$/,
    maxDepth: 1,
    resourceOpts: ['-a', '--app'],
    allFlags: [],
    forceFlags: ['--confirm', '--force', '-f'],
  },
  {
    tool: 'vercel',
    programs: ['vercel', 'vc'],
    withArg: ['--token', '-t', '--scope', '-S', '--cwd', '-A', '--local-config', '-Q', '--global-config'],
    destructive: /^(remove|rm|delete)$/,
    maxDepth: 2,
    resourceOpts: [],
    allFlags: ['--safe'],
    forceFlags: ['--yes', '-y'],
  },
  {
    tool: 'netlify',
    programs: ['netlify', 'ntl'],
    colon: true,
    withArg: ['--site', '--auth', '--filter', '--context', '--data', '-d'],
    destructive: /^(delete|unset|remove|rm|disable)$/,
    operationCommands: ['api'],
    maxDepth: 1,
    resourceOpts: ['--site'],
    allFlags: [],
    forceFlags: ['--force', '-f'],
  },
  {
    tool: 'render',
    programs: ['render'],
    withArg: ['--output', '-o', '--confirm'],
    destructive: /^(delete|destroy|remove|rm|suspend|purge)$/,
    maxDepth: 3,
    resourceOpts: [],
    allFlags: [],
    forceFlags: ['--confirm', '--yes', '-y'],
  },
  {
    tool: 'supabase',
    programs: ['supabase'],
    withArg: ['--project-ref', '--workdir', '--db-url', '-o', '--output', '--profile', '--experimental'],
    destructive: /^(delete|remove|rm|unset|destroy)$/,
    maxDepth: 2,
    resourceOpts: ['--project-ref'],
    allFlags: [],
    forceFlags: ['--yes', '-y'],
  },
  {
    tool: 'firebase',
    programs: ['firebase'],
    colon: true,
    withArg: ['--project', '-P', '--token', '--only', '--except', '--instance', '--database'],
    destructive: /^(delete|remove|destroy|disable|unset|rm|clear)$/,
    maxDepth: 1,
    resourceOpts: ['--project', '-P'],
    allFlags: ['--all-collections', '-r', '--recursive'],
    forceFlags: ['--force', '-f', '--yes', '-y'],
  },
  {
    tool: 'gh',
    programs: ['gh'],
    withArg: [
      '-R',
      '--repo',
      '--hostname',
      '-b',
      '--body',
      '-t',
      '--title',
      '-L',
      '--limit',
      '-q',
      '--jq',
      '--json',
      '--template',
      '-e',
      '--env',
      '--org',
      '-o',
      '--visibility',
    ],
    destructive: /^(delete|archive|remove|rm|delete-asset|cancel|transfer|unlink|unarchive)$/,
    maxDepth: 2,
    resourceOpts: ['-R', '--repo'],
    allFlags: ['--all'],
    forceFlags: ['--yes', '-y', '--confirm', '--force'],
  },
  {
    tool: 'npm',
    programs: ['npm', 'pnpm', 'yarn'],
    withArg: ['--registry', '--otp', '--tag', '--access', '--workspace', '-w'],
    destructive: /^(unpublish|deprecate)$/,
    maxDepth: 1,
    resourceOpts: [],
    allFlags: [],
    forceFlags: ['--force', '-f'],
  },
  // Other package registries: a yanked version can no longer be picked by new installs.
  {
    tool: 'cargo',
    programs: ['cargo'],
    withArg: ['--version', '--vers', '--index', '--registry', '--token'],
    destructive: /^yank$/,
    maxDepth: 1,
    resourceOpts: [],
    allFlags: [],
    forceFlags: [],
    undoFlags: ['--undo'],
  },
  {
    tool: 'gem',
    programs: ['gem'],
    withArg: ['-v', '--version', '--platform', '--host', '-k', '--key', '--otp'],
    destructive: /^yank$/,
    maxDepth: 1,
    resourceOpts: [],
    allFlags: [],
    forceFlags: [],
  },
];
