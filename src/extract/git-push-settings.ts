/**
 * Settings that change what a later plain `git push` does: `remote.NAME.mirror true` makes
 * every push a mirror push (every ref on the remote replaced, refs it lacks deleted), and a
 * `remote.NAME.push` refspec starting with `+` makes it a force push. Read where the setting
 * is written (`git config …`, so the push that follows is not a surprise) and where it is
 * given for one command (`git -c remote.origin.push=+refs/heads/*:refs/heads/* push`).
 * Likewise `clean.requireForce false` lets a plain `git clean` delete untracked files, and
 * `receive.denyNonFastForwards false` / `receive.denyDeletes false` let clients force-push to
 * or delete the branches of a server repository.
 */
import { act, type GitAction } from './git-act.js';
import { GIT_FALSE, GIT_TRUE, transportSettingActions, unknownWord } from './git-transport.js';

/** The remote a `remote.NAME.KEY` setting is about, and its key (lower case); undefined = not a remote setting. */
function remoteSetting(key: string): { remote: string; what: string } | undefined {
  const m = /^remote\.(.+)\.(mirror|push)$/i.exec(key);
  return m ? { remote: m[1], what: m[2].toLowerCase() } : undefined;
}

/** What setting `key` to `value` makes pushes to that remote do; empty = nothing destructive. */
export function pushSettingActions(key: string, value: string): GitAction[] {
  const s = remoteSetting(key);
  if (!s) return [];
  if (s.what === 'mirror')
    return GIT_TRUE.test(value.trim()) || unknownWord(value) ? [act('push-mirror', [], s.remote)] : [];
  const spec = value.trim();
  if (!spec.startsWith('+')) return [];
  const dst = spec.slice(1).split(':').pop() ?? '';
  return [act('force-push', [dst.replace(/^refs\/(heads|tags)\//, '')], s.remote)];
}

/** True when the settings let `git clean` delete without -f (`clean.requireForce=false`; not given = required). */
export function cleanForced(config: Map<string, string> | undefined): boolean {
  const set = config?.get('clean.requireforce');
  return set !== undefined && GIT_FALSE.test(set.trim());
}

/**
 * A server repository's guards against pushes that lose history: `receive.denyNonFastForwards`
 * refuses force-pushes, `receive.denyDeletes` refuses ref deletions. Set false, any client
 * may overwrite or delete the branches it holds.
 */
const RECEIVE_GUARDS = /^receive\.(denynonfastforwards|denydeletes)$/;

/** What setting `key` to `value` makes later pushes or cleans do, or how it weakens transport (git-transport.ts); empty = nothing. */
export function settingActions(key: string, value: string): GitAction[] {
  if (RECEIVE_GUARDS.test(key.toLowerCase()))
    return GIT_FALSE.test(value.trim()) || unknownWord(value)
      ? [act('push-guard-off', [key.toLowerCase()])]
      : [];
  if (key.toLowerCase() === 'clean.requireforce')
    return cleanForced(new Map([['clean.requireforce', value]])) ? [act('clean-force')] : [];
  return [...pushSettingActions(key, value), ...transportSettingActions(key, value)];
}

/** What unsetting `key` does: a receive guard unset is off (git's default), other unsets undo nothing destructive. */
export function unsetActions(key: string): GitAction[] {
  return RECEIVE_GUARDS.test(key.toLowerCase()) ? settingActions(key, 'false') : [];
}
