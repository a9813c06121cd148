/**
 * SNMP writes (`snmpset [options] AGENT OID TYPE VALUE …`, net-snmp): each OID/type/value triple
 * changes the device's live configuration. Setting an interface's `ifAdminStatus`
 * (1.3.6.1.2.1.2.2.1.7) to 2 takes it down, a device's reload or reset objects restart it
 * (Cisco's tsMsgSend 1.3.6.1.4.1.9.2.9.9, DOCSIS docsDevResetNow 1.3.6.1.2.1.69.1.1.3), a
 * config-copy table entry (Cisco ccCopyTable 1.3.6.1.4.1.9.9.96) overwrites a configuration;
 * any other write changes a setting. Read as a generic cloud fact of the device (the agent
 * host) whose verb says which (`interface-down`, `reboot`, `config-copy`, `set`): the unknown
 * destructive CLI rule asks. Reads (`snmpget`, `snmpwalk`) and help find nothing.
 */
import type { NormalizedCommand } from '../engine/types.js';
import type { CloudDraft } from './cloud-argv.js';

/** net-snmp options that take a value (the next word unless attached). */
const WITH_VALUE = /^-(v|c|u|l|a|A|x|X|e|E|n|r|t|Y|y|Z|m|M|O|I|P|D|L|C|T|3[mkMK])$/;

/** OID spellings (numeric or named) → the verb a write of it is; checked in order. */
const OBJECTS: [RegExp, (value: string) => string][] = [
  [
    /^(\.?1\.3\.6\.1\.2\.1\.2\.2\.1\.7\.|(IF-MIB::)?ifAdminStatus\.)/,
    (v) => (/^(2|down)$/i.test(v) ? 'interface-down' : 'set'),
  ],
  [
    /^(\.?1\.3\.6\.1\.4\.1\.9\.2\.9\.9\b|(OLD-CISCO-TS-MIB::)?tsMsgSend\b|\.?1\.3\.6\.1\.2\.1\.69\.1\.1\.3\b|(DOCS-CABLE-DEVICE-MIB::)?docsDevResetNow\b)/,
    () => 'reboot',
  ],
  [/^(\.?1\.3\.6\.1\.4\.1\.9\.9\.96\.|(CISCO-CONFIG-COPY-MIB::)?ccCopy)/, () => 'config-copy'],
];

/** The writes of an `snmpset` command line (see the header); undefined = help or nothing set. */
function snmpset(cmd: NormalizedCommand): CloudDraft | undefined {
  const pos: string[] = [];
  const args = cmd.argv.slice(1);
  // Options end at `--`, and are read here only before the agent: a word spelled `-h` after
  // it (`OID s -h`) is a value where arguments are not permuted (BSD), and help only where
  // glibc's getopt moves it forward (fail closed: read as the value, so the write is judged).
  let ended = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--' && !ended) ended = true;
    else if (ended || pos.length > 0 || !a.startsWith('-')) pos.push(a);
    else if (/^(-h|--help|-H|-V|--version)$/.test(a)) return undefined;
    else if (WITH_VALUE.test(a)) i++;
  }
  const [agent, ...triples] = pos;
  if (!agent || triples.length < 3) return undefined;
  let verb = 'set';
  for (let i = 0; i < triples.length; i += 3) {
    const [oid, , value = ''] = triples.slice(i, i + 3);
    const hit = OBJECTS.find(([re]) => re.test(oid));
    const v = hit ? hit[1](value) : 'set';
    if (v !== 'set') verb = v;
  }
  return { tool: 'snmpset', service: 'snmp', verb, resource: agent, all: false, force: true, generic: true };
}

/** Program → its reader (merged into the cloud readers). */
export const SNMP_READERS: Record<string, (cmd: NormalizedCommand) => CloudDraft | undefined> = { snmpset };
