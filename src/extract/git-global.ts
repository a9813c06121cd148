/**
 * git's global options (`git -C dir -c k=v --git-dir=… SUBCOMMAND …`) and `-c` settings
 * that make git run other programs.
 */

import { GIT_GLOBAL_WITH_VALUE as GLOBAL_WITH_VALUE } from '../normalize/git-options.js';

export interface GitInvocation {
  /** `-c key=value` settings, keys lower-cased. Empty = none. */
  config: Map<string, string>;
  /** argv index of the subcommand; -1 when there is none (`git --version`). */
  subIndex: number;
}

/** Reads the global options up to the subcommand. */
export function parseGitGlobal(argv: string[]): GitInvocation {
  const config = new Map<string, string>();
  let i = 1;
  for (; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('-')) break;
    if (a === '--') {
      i++;
      break;
    }
    if (GLOBAL_WITH_VALUE.has(a)) {
      const v = argv[++i] ?? '';
      if (a === '-c') addSetting(config, v);
      continue;
    }
    if (a.startsWith('-c') && a.length > 2) addSetting(config, a.slice(2));
  }
  return { config, subIndex: i < argv.length ? i : -1 };
}

function addSetting(config: Map<string, string>, kv: string): void {
  const eq = kv.indexOf('=');
  // `-c key` alone means key=true.
  const key = (eq < 0 ? kv : kv.slice(0, eq)).toLowerCase();
  config.set(key, eq < 0 ? 'true' : kv.slice(eq + 1));
}

/** Settings whose value git runs as a program or which redirect hooks. */
const EXEC_KEYS = new Set([
  'core.hookspath',
  'core.sshcommand',
  'core.fsmonitor',
  'core.gitproxy',
  'core.askpass',
  'diff.external',
  'gpg.program',
  'gpg.ssh.program',
  'uploadpack.packobjectshook',
  'protocol.ext.allow',
  'core.pager',
  'core.editor',
  'sequence.editor',
  'credential.helper',
]);

/** Values that switch a program-running setting off: empty, false/no/off/0, or /dev/null. */
const DISABLING = /^(|false|no|off|0|\/dev\/null)$/i;

/** A value that is a plain program (`cat`, `less -R`, `vim`) rather than a shell snippet. */
const PLAIN_PROGRAM =
  /^(cat|less|more|most|delta|diff-so-fancy|true|false|:|vi|vim|nvim|nano|emacs|code|subl|ed)( [-\w=]+)*$/;

/**
 * True when setting `key` to `value` makes git run something outside the repository's
 * normal behaviour: hooks from elsewhere, an ssh/fsmonitor/proxy command, a shell alias,
 * or a pager/editor that is more than a plain program.
 */
export function isExecSetting(key: string, value: string): boolean {
  const k = key.toLowerCase();
  if (k.startsWith('alias.')) return value.trimStart().startsWith('!');
  if (k.startsWith('filter.') && /\.(clean|smudge|process)$/.test(k)) return true;
  if (k.startsWith('diff.') && k.endsWith('.textconv')) return true;
  if (k.startsWith('credential.') && k.endsWith('helper')) return value.trimStart().startsWith('!');
  if (!EXEC_KEYS.has(k)) return false;
  // Turning a program off (agents do this for their own git housekeeping) runs nothing.
  if (DISABLING.test(value.trim())) return false;
  if (k === 'core.pager' || k === 'core.editor' || k === 'sequence.editor')
    return !PLAIN_PROGRAM.test(value.trim());
  if (k === 'protocol.ext.allow') return value === 'always' || value === 'user';
  return true;
}
