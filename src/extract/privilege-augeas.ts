/**
 * Privilege granted through Augeas (`augtool`), which edits system files as a tree: a sudoers
 * rule whose command is everything or a shell (`set /files/etc/sudoers/spec[…]/host_group/command
 * ALL`), authentication dropped (`…/Defaults/authenticate/negate`), an account given uid or gid
 * 0 (`set /files/etc/passwd/dev/uid 0`), or a user added to a root group (`set
 * /files/etc/group/wheel/user[last()+1] dev`). Reads augtool's commands from its words, its
 * stdin (a heredoc or a pipe) or its `-f FILE`; where they cannot be read the finding is
 * `unread-policy`. Reading (`print`, `get`, `match`) and other files change no privilege.
 */
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import { readPayloadFile } from './http-body.js';
import { readStdinDeep } from './sql-clients.js';
import { ROOT_COMMAND } from './privilege-sudoers.js';
import { ROOT_GROUPS } from './privilege-accounts.js';
import type { Finding } from './word-facts.js';

/** augtool's options that take a value (`-r ROOT`, `-I DIR`, `-t LENS:FILE`, `-l FILE`, `-f FILE`). */
const WITH_VALUE = /^(-[rItlf]|--(root|include|transform|load-file|file))$/;

/** A tree path (predicates and quotes dropped) and the value an edit sets there. */
interface Edit {
  path: string;
  value: string;
}

/** The `set`/`setm` edits of augtool's command text (one command a line). */
function edits(text: string): Edit[] {
  const out: Edit[] = [];
  for (const line of text.split(/\r?\n|\\n/)) {
    const w =
      line
        .trim()
        .match(/"[^"]*"|'[^']*'|\S+/g)
        ?.map((x) => x.replace(/^["']|["']$/g, '')) ?? [];
    const strip = (p: string) => p.replace(/\[[^\]]*\]/g, '');
    if (w[0] === 'set' && w[1]) out.push({ path: strip(w[1]), value: w[2] ?? '' });
    if (w[0] === 'setm' && w[1] && w[2])
      out.push({ path: `${strip(w[1])}/${strip(w[2])}`, value: w[3] ?? '' });
  }
  return out;
}

/** What an edit grants, in words; undefined = nothing. */
function granted(e: Edit): string | undefined {
  const sudoers = /^\/files(\/usr\/local)?\/etc\/sudoers(\.d\/[^/]+)?\//.test(e.path);
  if (sudoers && /\/command$/.test(e.path) && ROOT_COMMAND.test(e.value)) return `sudoers command ${e.value}`;
  if (sudoers && /\/Defaults\/.*authenticate\/negate$/.test(e.path)) return 'sudoers !authenticate';
  const passwd = /^\/files\/etc\/passwd\/[^/]+\/(uid|gid)$/.exec(e.path);
  if (passwd && /^0+$/.test(e.value)) return `${passwd[1]} 0`;
  const group = /^\/files\/etc\/group\/([^/]+)\/user$/.exec(e.path);
  if (group && ROOT_GROUPS.test(group[1])) return `group ${group[1]}`;
  return undefined;
}

/** What `cmd` (augtool) grants, as a finding; undefined = nothing. */
export function augeasGrant(cmd: NormalizedCommand, ctx: AnalyzeContext): Finding | undefined {
  if (cmd.program !== 'augtool') return undefined;
  const a = cmd.argv;
  const words = a.slice(1).filter((w, i, all) => !w.startsWith('-') && !WITH_VALUE.test(all[i - 1] ?? ''));
  const file = a.findIndex((w) => w === '-f' || w === '--file');
  const texts: (string | undefined)[] = [words.join(' ')];
  if (file > 0) texts.push(readPayloadFile(a[file + 1] ?? '', cmd, ctx).text);
  else if (cmd.stdin && !words.length) texts.push(readStdinDeep(cmd, ctx).text);
  // fail closed: commands that cannot be read may edit sudoers, passwd or group
  if (texts.includes(undefined) || (words.length && cmd.dynamicArgs.length))
    return ['unread-policy', 'augtool: commands not known'];
  const grant = edits(texts.join('\n'))
    .map(granted)
    .find((g) => g !== undefined);
  return grant ? ['grant-admin', `augtool ${grant}`] : undefined;
}
