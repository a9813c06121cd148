/**
 * Git facts: destructive git actions (force-push, reset --hard, clean -f, branch -D …),
 * after git's global options and `-c alias.*` expansion; tools with git's semantics (Dolt,
 * Jujutsu, Sapling) are read into the same actions (git-alikes.ts). Plain reads (status, log, diff)
 * and ordinary writes (commit, push without force) produce no fact.
 */
import type { GitFact, ShellFact } from '../engine/types.js';
import type { DraftFact, Extractor } from './extractor.js';
import { READERS, type GitAction } from './git-actions.js';
import { isExecSetting, parseGitGlobal } from './git-global.js';
import { clip, evidenceOf } from './fs-evidence.js';
import { pushSettingActions } from './git-push-settings.js';
import { bfgActions, gitArgv } from './git-rewriters.js';
import { gitAlikeActions } from './git-alikes.js';
import { feedingPipeline } from './git-refspecs.js';
import { readFileOf, resolvePath } from './http-body.js';
import { aliasWords, MAX_ALIAS_DEPTH } from '../normalize/git-alias-words.js';

/** Environment variables git reads as settings that run programs. */
const ENV_SETTINGS: Record<string, string> = {
  GIT_SSH_COMMAND: 'core.sshcommand',
  GIT_SSH: 'core.sshcommand',
  GIT_ASKPASS: 'core.askpass',
  GIT_EXTERNAL_DIFF: 'diff.external',
  GIT_PAGER: 'core.pager',
  GIT_EDITOR: 'core.editor',
  GIT_SEQUENCE_EDITOR: 'sequence.editor',
  GIT_PROXY_COMMAND: 'core.gitproxy',
};

/** An ssh invocation with options only (`ssh -i key -o IdentitiesOnly=yes`): no shell, nothing else run. */
const PLAIN_SSH = /^\s*(\S*\/)?ssh(\s+[-\w.=/~:@,+]+)*\s*$/;

/** Settings given through the environment (GIT_SSH_COMMAND, GIT_CONFIG_COUNT/KEY_n/VALUE_n). */
function envSettings(vars: Record<string, string>, config: Map<string, string>): void {
  for (const [name, key] of Object.entries(ENV_SETTINGS)) {
    const v = vars[name];
    if (v === undefined || (key === 'core.sshcommand' && PLAIN_SSH.test(v))) continue;
    config.set(key, v);
  }
  const count = Number(vars.GIT_CONFIG_COUNT ?? '0');
  for (let i = 0; i < Math.min(count, 64); i++) {
    const k = vars[`GIT_CONFIG_KEY_${i}`];
    if (k !== undefined) config.set(k.toLowerCase(), vars[`GIT_CONFIG_VALUE_${i}`] ?? '');
  }
  for (const m of (vars.GIT_CONFIG_PARAMETERS ?? '').matchAll(/'([^']*)'(?:='([^']*)')?/g))
    config.set(m[1].toLowerCase(), m[2] ?? 'true');
}

export const extractGit: Extractor = (cmd, ctx) => {
  const evidence = evidenceOf(cmd);
  const bfg = bfgActions(cmd);
  if (bfg.length) return bfg.map((a) => ({ kind: 'git', subcommand: 'bfg', ...a, evidence }));
  // a file of more arguments (`svnmucc -X FILE`): as the script wrote it, else the disk (not on
  // another machine); `-` = stdin
  const read = (f: string) =>
    f === '-' ? cmd.stdin?.text : cmd.remote ? undefined : readFileOf(resolvePath(f, cmd, ctx), cmd, ctx);
  const alike = gitAlikeActions(cmd.program, cmd.argv, read);
  if (alike) return alike.actions.map((a) => ({ kind: 'git', subcommand: alike.subcommand, ...a, evidence }));
  const argv = gitArgv(cmd);
  if (!argv) return [];
  const { config, subIndex } = parseGitGlobal(argv);
  envSettings(cmd.vars ?? {}, config);
  const out: DraftFact[] = [];
  const gitFact = (subcommand: string, a: GitAction): Omit<GitFact, 'command'> => ({
    kind: 'git',
    subcommand,
    action: a.action,
    remote: a.remote,
    refs: a.refs,
    evidence,
  });

  for (const [key, value] of config) {
    if (!key.startsWith('alias.') && isExecSetting(key, value)) {
      out.push(gitFact(argv[subIndex] ?? '', { action: 'config-hook', remote: '', refs: [] }));
    }
  }
  if (subIndex < 0) return out;

  let args = argv.slice(subIndex);
  for (let depth = 0; depth < MAX_ALIAS_DEPTH; depth++) {
    const body = config.get(`alias.${args[0].toLowerCase()}`);
    if (body === undefined) break;
    if (body.trimStart().startsWith('!')) {
      // The alias body is a shell command git hands to sh; this stage cannot re-parse it.
      const shell: Omit<ShellFact, 'command'> = {
        kind: 'shell',
        hazard: 'git-alias-exec',
        source: '',
        evidence: clip(`git alias ${args[0]} = ${body}`),
      };
      out.push(gitFact(args[0], { action: 'alias-exec', remote: '', refs: [] }), shell);
      return out;
    }
    const words = aliasWords(body);
    // fail closed: an alias we cannot split literally, or an empty one, is treated like a shell alias.
    if (!words || words.length === 0) {
      out.push(gitFact(args[0], { action: 'alias-exec', remote: '', refs: [] }));
      return out;
    }
    args = [...words, ...args.slice(1)];
  }

  const sub = args[0];
  // `git -c remote.origin.push=+…:… push`, `-c remote.origin.mirror=true push`: this push is forced or mirrored.
  if (sub === 'push')
    for (const [key, value] of config)
      for (const a of pushSettingActions(key, value)) out.push(gitFact(sub, a));
  const reader = Object.prototype.hasOwnProperty.call(READERS, sub) ? READERS[sub] : undefined;
  if (!reader) return out;
  for (const a of reader(args, { config, stdin: cmd.stdin?.text, fedBy: feedingPipeline(cmd) }))
    out.push(gitFact(sub, a));
  return out;
};
