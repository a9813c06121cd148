/**
 * A desktop's scheduled backups switched off through its settings store: Déjà Dup's
 * `gsettings set org.gnome.DejaDup periodic false` (also with `--schemadir DIR` or a
 * relocatable `SCHEMA:PATH`), `dconf write /org/gnome/deja-dup/periodic false`, and its whole
 * configuration reset (`gsettings reset-recursively org.gnome.DejaDup`, `dconf reset -f
 * /org/gnome/deja-dup/`: where and what to back up forgotten). Read as CloudFacts of service
 * `backups`, verb `disable` (cloud-backups.ts's shape; rulesets/protection.yaml asks). macOS
 * Time Machine's automatic backups turned off the same way (`defaults write
 * com.apple.TimeMachine AutoBackup -bool false`).
 * Reading (`get`, `list-keys`, `dconf read|dump`) and turning them on make none.
 */
import type { NormalizedCommand } from '../engine/types.js';
import type { CloudDraft } from './cloud-argv.js';
import { draft } from './cloud-backups.js';

/** Settings schemas (gsettings) and dconf paths of desktop backup tools, with their switch key. */
const SCHEMAS: { schema: RegExp; path: RegExp; key: string }[] = [
  { schema: /^org\.gnome\.DejaDup$/, path: /^\/org\/gnome\/deja-dup\/$/, key: 'periodic' },
];
/** A value that turns a boolean setting off. */
const OFF = /^(false|'false'|0)$/i;

function gsettings(cmd: NormalizedCommand): CloudDraft | undefined {
  const args = cmd.argv.slice(1);
  const pos = args.filter((a, i) => !a.startsWith('-') && args[i - 1] !== '--schemadir');
  const [verb, schemaPath, key, value] = pos;
  const schema = (schemaPath ?? '').split(':')[0];
  const tool = SCHEMAS.find((s) => s.schema.test(schema));
  if (!tool) return undefined;
  if (verb === 'set' && key === tool.key && OFF.test(value ?? ''))
    return draft(cmd, 'disable', `${schema} ${key}`, true);
  if (verb === 'reset-recursively' || (verb === 'reset' && key === tool.key))
    return draft(cmd, 'disable', `${schema} ${key ?? ''}`.trim(), true);
  return undefined;
}

function dconf(cmd: NormalizedCommand): CloudDraft | undefined {
  const pos = cmd.argv.slice(1).filter((a) => !a.startsWith('-'));
  const [verb, path, value] = pos;
  const dir = (path ?? '').replace(/[^/]*$/, '');
  const tool = SCHEMAS.find((s) => s.path.test(dir));
  if (!tool) return undefined;
  const key = (path ?? '').slice(dir.length);
  if (verb === 'write' && key === tool.key && OFF.test(value ?? ''))
    return draft(cmd, 'disable', path ?? '', true);
  if (verb === 'reset' && (key === tool.key || (key === '' && cmd.argv.includes('-f'))))
    return draft(cmd, 'disable', path ?? '', true);
  return undefined;
}

/** macOS: `defaults write [/Library/Preferences/]com.apple.TimeMachine AutoBackup -bool false|no|0`. */
function defaults(cmd: NormalizedCommand): CloudDraft | undefined {
  const words = cmd.argv.slice(1).filter((a, i, all) => !a.startsWith('-') && all[i - 1] !== '-host');
  const [verb, domainPath, key] = words;
  const domain =
    (domainPath ?? '')
      .split('/')
      .pop()
      ?.replace(/\.plist$/, '') ?? '';
  const value = words[3] ?? '';
  if (
    verb === 'write' &&
    domain === 'com.apple.TimeMachine' &&
    key === 'AutoBackup' &&
    /^(false|no|0)$/i.test(value)
  )
    return draft(cmd, 'disable', 'Time Machine AutoBackup', true);
  return undefined;
}

/** Programs this module reads, by name. */
export const DESKTOP_BACKUP_READERS: Record<string, (cmd: NormalizedCommand) => CloudDraft | undefined> = {
  gsettings,
  dconf,
  defaults,
};
