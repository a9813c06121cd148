/**
 * git's global options (`git -C dir -c k=v --git-dir=… SUBCOMMAND …`) and `-c` settings
 * that make git run other programs.
 */

export { parseGitGlobal, type GitInvocation } from '../normalize/git-options.js';

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
