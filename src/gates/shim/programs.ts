/**
 * Which programs get a shim in the session's shim directory. A shim is only created when
 * the real program exists on the user's PATH (so `command -v kubectl` stays truthful).
 */

/** Shells gated as whole scripts (-c STRING, script file, stdin). */
export const SHELLS = ['bash', 'sh', 'zsh', 'dash', 'ksh'] as const;

/**
 * Risky programs gated by their real, expanded argv (the tool gate): network clients,
 * file destroyers, VCS, database clients, cloud and platform CLIs, package runners and
 * interpreters that can run inline code, remote shells, and argv carriers.
 */
export const TOOLS = [
  // network
  'curl',
  'wget',
  'http',
  'https',
  'xh',
  'nc',
  'ncat',
  'socat',
  // filesystem
  'rm',
  'rmdir',
  'shred',
  'dd',
  'mkfs',
  'mkfs.ext2',
  'mkfs.ext3',
  'mkfs.ext4',
  'mkfs.xfs',
  'mkfs.btrfs',
  'mkfs.vfat',
  'mkfs.fat',
  'wipefs',
  'fdisk',
  'sfdisk',
  'parted',
  'truncate',
  'chmod',
  'chown',
  'mv',
  'find',
  'xargs',
  'rsync',
  // version control
  'git',
  // databases
  'psql',
  'mysql',
  'mariadb',
  'sqlite3',
  'mongosh',
  'mongo',
  'redis-cli',
  'dropdb',
  'createdb',
  'pg_restore',
  // cloud and platforms
  'aws',
  'gcloud',
  'gsutil',
  'bq',
  'az',
  'kubectl',
  'helm',
  'terraform',
  'tofu',
  'pulumi',
  'docker',
  'podman',
  'railway',
  'fly',
  'flyctl',
  'heroku',
  'vercel',
  'netlify',
  'render',
  'supabase',
  'doctl',
  'firebase',
  'gh',
  'wrangler',
  'prisma',
  // package runners and interpreters
  'npm',
  'npx',
  'pnpm',
  'yarn',
  'bun',
  'deno',
  'python',
  'python3',
  'node',
  'ruby',
  'perl',
  'php',
  // remote
  'ssh',
  'scp',
  'sftp',
] as const;
