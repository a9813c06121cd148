/**
 * A new systemd unit written with content the analysis reads (`sudo tee
 * /etc/systemd/system/pg-backup.service <<EOF`): what it changes on the system is what its Exec
 * lines run, and the normalizer walks those as commands (src/normalize/systemd-units.ts), so
 * the write itself is not judged as a change of a system file. Only a unit that is new: no unit
 * of that name (or, for an instance `x@a.service`, its template) in any folder systemd reads
 * units from, found through ctx.readFile; writing over one (`ssh.service` in /etc overrides the
 * package's) replaces what an existing service does, and stays a change of a system file, as do
 * drop-ins (`x.service.d/override.conf`), units that mount or swap, and a unit whose content is
 * not known. Without file access, or on another machine, whether it is new is not known (fail
 * closed: it stays a change of a system file).
 */
import { posix } from 'node:path';
import type { AnalyzeContext, FsTarget, NormalizedCommand } from '../engine/types.js';
import { unitFile } from '../normalize/systemd-units.js';
import type { DraftFact } from './extractor.js';
import { classesOf } from './fs-paths.js';

/** Unit types that only run commands or start other units. */
const RUNS = /\.(service|socket|timer|path)$/;

/** The folders systemd reads system units, and a user's units, from (`~` = the user's home). */
const SYSTEM_DIRS = ['/etc', '/run', '/usr/local/lib', '/usr/lib', '/lib'].map((d) => `${d}/systemd/system`);
const USER_DIRS = ['~/.config', '/etc', '/run', '/usr/local/lib', '/usr/lib'].map((d) => `${d}/systemd/user`);

/** Whether `path` is a unit of a name no unit folder holds yet, written with known content by `cmd`. */
function newUnit(path: string, cmd: NormalizedCommand, ctx: AnalyzeContext): boolean {
  const unit = unitFile(path);
  const read = ctx.readFile;
  if (!unit || unit.dropIn || !RUNS.test(unit.name) || typeof cmd.wrote?.[path] !== 'string') return false;
  if (!read || cmd.remote || cmd.container) return false;
  const dirs = /\/systemd\/user\//.test(path) ? USER_DIRS : SYSTEM_DIRS;
  const names = [unit.name, unit.name.replace(/@[^.]+\./, '@.')];
  return !dirs.some((d) => names.some((n) => read(posix.join(d.replace(/^~/, ctx.home), n)) !== undefined));
}

/** `facts` with each write of a new unit (see the header) taken as a write outside the workspace. */
export function newUnitWrites(facts: DraftFact[], cmd: NormalizedCommand, ctx: AnalyzeContext): DraftFact[] {
  if (!cmd.wrote) return facts;
  return facts.map((f) => {
    if (f.kind !== 'fs' || !['overwrite', 'write'].includes(f.op)) return f;
    const targets = f.targets.map((t): FsTarget =>
      newUnit(t.path, cmd, ctx) ? { ...t, class: 'outside-workspace' } : t,
    );
    return { ...f, targets, classes: classesOf(targets) };
  });
}
