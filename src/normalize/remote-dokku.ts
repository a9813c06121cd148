/**
 * ssh to a Dokku host as its `dokku` user: the key's forced command is the dokku CLI, so the
 * words sent are dokku's arguments (`ssh dokku@host postgres:destroy db --force` runs
 * `dokku postgres:destroy db --force` there). Read as that `dokku` command on the host.
 */
import type { Field } from './state.js';
import type { Parsed } from './options.js';

/** The login user an ssh command names: `user@host`, `-l user` or `-o User=user`; '' = none (the local user's name). */
export function sshUser(p: Parsed, host: string): string {
  const at = /^([^@]+)@/.exec(host);
  if (at) return at[1];
  if (p.opts.has('l')) return p.opts.get('l') ?? '';
  for (const [name, value] of p.all)
    if (name === 'o') {
      const m = /^User[=\s]+(\S+)$/i.exec(value.text.trim());
      if (m) return m[1];
    }
  return '';
}

/**
 * The words run on the host: as dokku's arguments when the user is `dokku` (a leading `dokku`,
 * or `--` before the arguments, is taken as written), else unchanged.
 */
export function dokkuWords(user: string, words: Field[]): Field[] {
  if (user !== 'dokku' || words[0]?.text === 'dokku') return words;
  const args = words[0]?.text === '--' ? words.slice(1) : words;
  return [{ text: 'dokku', dynamic: false }, ...args];
}
