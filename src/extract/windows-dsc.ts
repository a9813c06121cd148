/**
 * PowerShell Desired State Configuration applied directly: `Invoke-DscResource -Name RESOURCE
 * -Method Set -Property @{ … }` makes the machine what the properties say, so it is read as
 * the cmdlet that would do the same: a `Service` stopped or disabled (`State = 'Stopped'`,
 * `StartupType = 'Disabled'`, `Ensure = 'Absent'`) as `Stop-Service`/`Set-Service`, a
 * `WindowsFeature`/`WindowsOptionalFeature` made `Absent` as its removal, a `Registry` value
 * set as `Set-ItemProperty` (each judged by defences-windows.ts), and a `File` made `Absent`
 * as a delete of `DestinationPath` (recursive for a directory). Any other resource made
 * `Absent` (a user, a group, a package, a website) is read as a delete of what it names; a
 * `Script` resource runs its SetScript, code not read here (a dynamic fact). `-Method Get`
 * and `-Method Test` change nothing.
 *
 * Bash splits a hashtable typed on the command line at its `;` (`@{ Name = 'X'; State =
 * 'Stopped' }` becomes three commands): its entries are gathered from the commands that
 * follow, up to the closing `}`. A hashtable not closed there (its entries written as
 * assignments, `@{Name='X';State='Stopped'}`) is not read (fail closed: dynamic).
 */
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import type { DraftFact } from './extractor.js';
import type { CloudDraft } from './cloud-argv.js';
import { windowsDefencesOff } from './defences-windows.js';
import { evidenceOf } from './fs-evidence.js';
import { fsFact } from './fs-fact.js';
import { pwshTarget } from './fs-pwsh-delete.js';
import { wordFact } from './word-facts.js';

/** Most commands a split hashtable is gathered from. */
const MAX_PARTS = 32;

/**
 * The text of the `-Property` hashtable, its split parts joined with `;`; undefined = it was
 * not closed (or not given).
 */
function propertyText(cmd: NormalizedCommand, all: NormalizedCommand[]): string | undefined {
  const at = cmd.argv.findIndex((a) => /^-prop\w*$/i.test(a));
  if (at < 0) return undefined;
  let text = cmd.argv.slice(at + 1).join(' ');
  if (!text.startsWith('@{')) return undefined;
  if (text.includes('}')) return text;
  const next = all.indexOf(cmd);
  for (let n = next + 1; n < all.length && n <= next + MAX_PARTS; n++) {
    const part = all[n];
    if (part.depth !== cmd.depth || part.span[0] < cmd.span[1]) return undefined;
    text += '; ' + part.argv.join(' ');
    if (text.includes('}')) return text;
  }
  return undefined;
}

/** The hashtable's entries, key lower case → value without quotes. */
export function entries(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const body = text.replace(/^@\{/, '').replace(/\}[^}]*$/, '');
  for (const part of body.split(/[;\n]/)) {
    const m = /^\s*['"]?([\w-]+)['"]?\s*=\s*(.*?)\s*$/s.exec(part);
    if (m) out.set(m[1].toLowerCase(), m[2].replace(/^['"]|['"]$/g, ''));
  }
  return out;
}

/** The value of `-NAME V` (or `-NAME:V`) in argv, any prefix of the name; undefined = absent. */
function option(argv: string[], name: string): string | undefined {
  for (let i = 1; i < argv.length; i++) {
    const m = /^-([a-z]+)(?::(.*))?$/i.exec(argv[i]);
    if (m && name.startsWith(m[1].toLowerCase())) return m[2] ?? argv[i + 1];
  }
  return undefined;
}

/** A removal of what a resource names, read by the shape of its verb (cloud-generic.ts). */
function removal(resource: string, name: string): CloudDraft {
  return {
    tool: 'Invoke-DscResource',
    service: resource,
    verb: 'remove',
    resource: name,
    all: false,
    force: false,
    generic: true,
  };
}

const isTrue = (v: string | undefined) => v !== undefined && /^(\$?true|1)$/i.test(v);

/** The facts of one `Invoke-DscResource` (see the header); empty = none of its business. */
export function dscFacts(cmd: NormalizedCommand, ctx: AnalyzeContext, all: NormalizedCommand[]): DraftFact[] {
  if (!/^invoke-dscresource$/i.test(cmd.program)) return [];
  const method = option(cmd.argv, 'method');
  if (method === undefined || !/^set$/i.test(method)) return [];
  const resource = (option(cmd.argv, 'name') ?? '').toLowerCase().replace(/^x/, '');
  const text = propertyText(cmd, all);
  if (text === undefined)
    // fail closed: a Set whose properties are not read may change anything
    return [{ kind: 'dynamic', what: 'argument', text: evidenceOf(cmd), evidence: evidenceOf(cmd) }];
  const p = entries(text);
  const absent = /^absent$/i.test(p.get('ensure') ?? '');
  const name = p.get('name') ?? '';
  const said = `Invoke-DscResource ${resource} ${[...p].map(([k, v]) => `${k}=${v}`).join(' ')}`;
  const defence = (found: [string, string][]) =>
    found.length ? [wordFact(cmd, 'host-defence', found[0][0], `${said} (${found[0][1]})`)] : [];
  switch (resource) {
    case 'service':
    case 'serviceset': {
      const stopped = absent || /^stopped$/i.test(p.get('state') ?? '');
      const disabled = absent || /^disabled$/i.test(p.get('startuptype') ?? '');
      return defence([
        ...(stopped ? windowsDefencesOff('stop-service', [name], 'Stop-Service') : []),
        ...(disabled
          ? windowsDefencesOff('set-service', ['-Name', name, '-StartupType', 'Disabled'], 'Set-Service')
          : []),
      ]);
    }
    case 'windowsfeature':
    case 'windowsfeatureset':
    case 'windowsoptionalfeature':
      return absent || /^disable/i.test(p.get('ensure') ?? '')
        ? defence(windowsDefencesOff('uninstall-windowsfeature', ['-Name', name], 'Uninstall-WindowsFeature'))
        : [];
    case 'registry': {
      if (absent) return [];
      const args = [
        '-Path',
        p.get('key') ?? '',
        '-Name',
        p.get('valuename') ?? '',
        '-Value',
        p.get('valuedata') ?? '',
      ];
      return defence(windowsDefencesOff('set-itemproperty', args, 'Set-ItemProperty'));
    }
    case 'file': {
      const dest = p.get('destinationpath');
      if (!absent || dest === undefined) return [];
      const dir = /^directory$/i.test(p.get('type') ?? '');
      const t = pwshTarget(dest, cmd, ctx, /^\$/.test(dest));
      return fsFact(
        cmd,
        'delete',
        [t],
        dir && (isTrue(p.get('recurse')) || isTrue(p.get('force'))),
        isTrue(p.get('force')),
      );
    }
    case 'script':
      // fail closed: SetScript is PowerShell code run as it stands
      return [{ kind: 'dynamic', what: 'script', text: said, evidence: evidenceOf(cmd) }];
    default:
      if (!absent) return [];
      // read as a cmdlet no table models that removes what it names (saas/unknown-cli-destroy)
      return [{ kind: 'cloud' as const, evidence: said, ...removal(resource, name) }];
  }
}
