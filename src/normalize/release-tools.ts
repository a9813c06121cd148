/**
 * Release tools that push with git on the user's behalf: `release-it` commits, tags and runs
 * `git push --follow-tags [git.pushArgs…] [git.pushRepo]`, its push options given on the command
 * line as `--git.pushArgs=--force` (or `--git.pushArgs "--follow-tags --force"`) and
 * `--git.pushRepo=REMOTE`. That push is walked as the git command it is (a force push asks as
 * one), next to release-it's own command. Not with `--no-git.push`, `--git.push=false`,
 * `--no-git` or a dry run (`-d`, `--dry-run`), which push nothing.
 */
import type { Field } from './state.js';
import { cloneScope } from './state.js';
import { emit, type K } from './emit.js';
import { reparse } from './reparse.js';

/** `--git.NAME=VALUE` or `--git.NAME VALUE` of release-it's argv; undefined = not given. */
function gitOption(argv: Field[], name: string): Field | undefined {
  for (let i = 1; i < argv.length; i++) {
    const t = argv[i].text;
    if (t.startsWith(`--git.${name}=`)) return { ...argv[i], text: t.slice(name.length + 7) };
    if (t === `--git.${name}`) return argv[i + 1];
  }
  return undefined;
}

/** Walks the push `release-it` makes, when it makes one. */
export function releaseItPush(argv: Field[], k: K): void {
  const words = argv.map((f) => f.text);
  if (
    words.some((w) => /^(--no-git(\.push)?|--git\.push=false|-d|--dry-run|--help|-h|--version|-v)$/.test(w))
  )
    return;
  const args = gitOption(argv, 'pushArgs');
  const repo = gitOption(argv, 'pushRepo');
  // fail closed: push options not known statically leave a dynamic command
  if (args?.dynamic || repo?.dynamic) {
    emit([{ text: 'git push', dynamic: true }], k, { dynamic: true });
    return;
  }
  const text = ['git push --follow-tags', args?.text ?? '', repo?.text ?? ''].filter(Boolean).join(' ');
  reparse(text, 'release-it', k, { scope: cloneScope(k.scope) });
}
