/**
 * Which folders a server or share must not hand to others: HOME, `/` or a folder above HOME
 * (everything of the user's is below), and a secret folder: a credential folder or file
 * (`~/.ssh`, `~/.aws`, `~/.gnupg`, `~/.kube`, another account's), another account's home
 * (`/root`, `/home/NAME`) and its hidden folders (`/home/NAME/.config`), a hidden folder of HOME outside the workspace (`~/.config`,
 * `~/.local`: tools keep their logins there) and the system's configuration (`/etc`, its
 * host keys and password hashes). A folder of the workspace or any other folder is a site.
 * A folder known only at run time (`--directory "$DIR"`) may be any of them (fail closed).
 */
import path from 'node:path';
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import { resolvePath } from './http-body.js';
import { isCredentialAbs } from '../normalize/credentials.js';
import { dynamicValue } from './cloud-argv.js';

/** The folder `dir` names, resolved, when it is HOME, `/` or a folder above HOME; undefined = any other. */
export function homeOrAbove(dir: string, cmd: NormalizedCommand, ctx: AnalyzeContext): string | undefined {
  const abs = resolvePath(dir, cmd, ctx);
  const home = ctx.home.replace(/\/+$/, '');
  return abs === '/' || abs === home || home.startsWith(`${abs === '/' ? '' : abs}/`) ? abs : undefined;
}

/** Another account's home itself (root's, a user's, a service account's under /var/lib). */
const OTHER_HOME = /^(\/root|\/home\/[^/]+|\/Users\/[^/]+|\/var\/lib\/[^/]+)$/;

/** A hidden folder of an account's home, written by its absolute path (`/home/dev/.config`, `/root/.docker`). */
const HOME_HIDDEN = /^(\/root|\/home\/[^/]+|\/Users\/[^/]+)\/\.[^/]/;

/** True when the absolute folder holds secrets (see the header); HOME itself is {@link homeOrAbove}'s. */
export function isSecretFolder(abs: string, ctx: AnalyzeContext): boolean {
  if (!abs) return false;
  if (isCredentialAbs(abs, ctx.home) || abs === '/etc' || abs.startsWith('/etc/')) return true;
  const home = ctx.home.replace(/\/+$/, '');
  if (OTHER_HOME.test(abs) && abs !== home) return true;
  // (an account's dotfiles by absolute path: HOME may be that account's at run time, and they hold its logins)
  if (HOME_HIDDEN.test(abs) && path.relative(ctx.workspace, abs).startsWith('..')) return true;
  const rel = path.relative(home, abs);
  const inWorkspace = !path.relative(ctx.workspace, abs).startsWith('..');
  return !rel.startsWith('..') && !path.isAbsolute(rel) && rel.startsWith('.') && !inWorkspace;
}

/**
 * The folder `dir` names, resolved, when sharing it hands over the user's secrets: HOME, `/`
 * or above, or a secret folder; `dir` as written when it is known only at run time; undefined
 * = any other folder.
 */
export function exposedRoot(dir: string, cmd: NormalizedCommand, ctx: AnalyzeContext): string | undefined {
  // fail closed: a folder known only at run time may be HOME or a secret folder
  if (dynamicValue(cmd, dir)) return dir;
  const above = homeOrAbove(dir, cmd, ctx);
  if (above !== undefined) return above;
  const abs = resolvePath(dir, cmd, ctx);
  return isSecretFolder(abs, ctx) ? abs : undefined;
}
