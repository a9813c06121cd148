/**
 * systemd unit files the script writes (`sudo tee /etc/systemd/system/x.service <<EOF`, `cat >
 * ~/.config/systemd/user/x.service`, a drop-in `x.service.d/override.conf`): what the unit runs
 * is each `Exec*=` line (ExecStart, ExecStartPre/Post, ExecReload, ExecStop/Post,
 * ExecCondition), walked now as a command under the label `systemd unit PATH` (emit.ts, when the
 * file is written), as a crontab's jobs are (crontab.ts): a unit runs them when started, enabled or triggered, and writing it
 * is the step that decides what they are. The line's prefixes (`-`, `@`, `:`, `+`, `!`, `!!`)
 * are dropped (with `@`, the argv[0] word after the path too); the unit's `Environment=`
 * assignments come first. Whether the write itself is judged as a change of a system file or
 * as a new unit is src/extract/fs-units.ts's question. Pure.
 */
import { posix } from 'node:path';

/** A unit file's place: under a folder systemd reads units from (system or user), or in a drop-in folder there. */
const UNIT_PATH =
  /^(?:\/etc|\/run|\/usr\/lib|\/lib|\/usr\/local\/lib)\/systemd\/(?:system|user)\/|\/\.config\/systemd\/user\//;

/** Whether `path` is a unit file or a drop-in: `(dir)/NAME.TYPE` or `(dir)/NAME.TYPE.d/X.conf`. */
export function unitFile(path: string): { name: string; dropIn: boolean } | undefined {
  if (!UNIT_PATH.test(path)) return undefined;
  const base = posix.basename(path);
  const parent = posix.basename(posix.dirname(path));
  if (/\.d$/.test(parent) && base.endsWith('.conf')) return { name: parent.slice(0, -2), dropIn: true };
  return /^[\w@:.\\-]+\.(service|socket|timer|path|mount|automount|swap|target|slice|scope)$/.test(base)
    ? { name: base, dropIn: false }
    : undefined;
}

/** The command lines a unit's text runs, `Environment=` assignments before each. */
export function unitCommands(text: string): string[] {
  const lines = text.replace(/\\\n/g, ' ').split('\n');
  // `Environment=A=1 "B=two words"`: each assignment, quoted for the shell
  const env = lines
    .flatMap((l) => [...(/^\s*Environment\s*=(.*)$/.exec(l)?.[1]?.matchAll(/"([^"]*)"|(\S+)/g) ?? [])])
    .map((m) => /^([A-Za-z_]\w*)=(.*)$/s.exec(m[1] ?? m[2]))
    .filter((a) => a !== null)
    .map((a) => `${a[1]}='${a[2].replace(/'/g, `'\\''`)}'`)
    .join(' ');
  const out: string[] = [];
  for (const l of lines) {
    const m = /^\s*Exec(?:Start|StartPre|StartPost|Reload|Stop|StopPost|Condition)\s*=\s*(.*)$/.exec(l);
    if (!m) continue;
    const prefix = /^[-@:+!]*/.exec(m[1])?.[0] ?? '';
    let cmd = m[1].slice(prefix.length).trim();
    // `@/usr/bin/prog argv0 args…`: the second word is what the program is told its name is
    if (prefix.includes('@')) cmd = cmd.replace(/^(\S+)\s+\S+/, '$1');
    if (cmd) out.push(env ? `${env} ${cmd}` : cmd);
  }
  return out;
}
