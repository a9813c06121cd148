/**
 * Log shippers configured on the command line to read files and send them to a collector,
 * read as messages (exfil-messages.ts's Message) whose files are what they tail:
 * - Fluent Bit (`fluent-bit`, `td-agent-bit`): `-i tail -p path=F …` reads F (a glob or a
 *   comma-separated list); `-o PLUGIN -p host=H …` sends to H (`-o http://H:P/uri` too).
 *   Each `-p` belongs to the `-i`/`-o`/`-F` before it. Outputs that stay on this machine
 *   (stdout, file, null, counter, exit) send nothing.
 * - Logstash: `logstash -e 'input { file { path => "F" } } output { http { url => "U" } }'`;
 *   every output plugin but stdout, file, null and sink sends (its url, host or hosts).
 * Fluent Bit's config file (`-c F`, classic or YAML) is read as if its sections came first on the
 * line; one that cannot be read adds nothing. Logstash's `-f` files are not read. The host is ''
 * when an output names none (fail closed: a collector somewhere).
 */
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import { readPayloadFile } from './http-body.js';
import type { Message } from './exfil-messages.js';
import { hostOf } from './exfil-transfers.js';

/** Output plugins that write on this machine only. */
const LOCAL_OUTPUTS = /^(stdout|file|null|counter|flowcounter|exit|sink)$/;

/** One step of a Fluent Bit pipeline: a plugin starts (`-i tail`, `[INPUT] Name tail`) or a property of the last one is set. */
type Step =
  { kind: 'plugin'; section: 'i' | 'o' | 'f'; name: string } | { kind: 'prop'; key: string; value: string };

/** The steps of a Fluent Bit config file, classic (`[INPUT]` / `Name tail` / `Path F`) or YAML (`inputs:` / `- name: tail` / `path: F`). */
function configSteps(text: string): Step[] {
  const out: Step[] = [];
  let section: 'i' | 'o' | 'f' | '' = '';
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/#.*$/, '').trim();
    const head = /^\[(INPUT|OUTPUT|FILTER)\]$/i.exec(line) ?? /^(inputs|outputs|filters)\s*:$/i.exec(line);
    if (head) {
      section = head[1][0].toLowerCase() as 'i' | 'o' | 'f';
      continue;
    }
    if (/^\[/.test(line)) section = '';
    const kv = /^(-\s*)?([\w.]+)\s*[:\s]\s*(.*)$/.exec(line);
    if (!kv || !section) continue;
    const [key, value] = [kv[2], kv[3].replace(/^["']|["']$/g, '')];
    if (key.toLowerCase() === 'name') out.push({ kind: 'plugin', section, name: value });
    else out.push({ kind: 'prop', key, value });
  }
  return out;
}

/** The steps of a Fluent Bit command line (`-i P`, `-o P`, `-F P`, `-p k=v`), with its config file's first. */
function commandSteps(cmd: NormalizedCommand, ctx: AnalyzeContext): Step[] {
  const a = cmd.argv;
  const out: Step[] = [];
  for (let i = 1; i < a.length; i++) {
    const [name, inline] = a[i].split(/=(.*)/s, 2);
    const v = () => inline ?? a[++i] ?? '';
    if (name === '-c' || name === '--config') {
      const text = readPayloadFile(v(), cmd, ctx).text;
      if (text !== undefined) out.unshift(...configSteps(text));
    } else if (name === '-i' || name === '--input') out.push({ kind: 'plugin', section: 'i', name: v() });
    else if (name === '-o' || name === '--output') out.push({ kind: 'plugin', section: 'o', name: v() });
    else if (name === '-F' || name === '--filter') out.push({ kind: 'plugin', section: 'f', name: v() });
    else if (name === '-p' || name === '--prop') {
      const [key, value = ''] = v().split(/=(.*)/s, 2);
      out.push({ kind: 'prop', key, value });
    }
  }
  return out;
}

/** Fluent Bit: the files its tail inputs read and the hosts its outputs send to. */
function fluentBit(cmd: NormalizedCommand, ctx: AnalyzeContext): Message[] {
  const files: string[] = [];
  const hosts: string[] = [];
  let section = '';
  let plugin = '';
  let sends = false;
  for (const st of commandSteps(cmd, ctx)) {
    if (st.kind === 'plugin') {
      [section, plugin] = [st.section, st.name.toLowerCase()];
      if (section !== 'o') continue;
      if (/^[a-z]+:\/\//i.test(plugin)) hosts.push(hostOf(plugin));
      if (!LOCAL_OUTPUTS.test(plugin.replace(/:\/\/.*$/, ''))) sends = true;
    } else if (section === 'i' && plugin === 'tail' && st.key.toLowerCase() === 'path')
      files.push(
        ...st.value
          .split(',')
          .map((f) => f.trim())
          .filter(Boolean),
      );
    else if (section === 'o' && /^(host|brokers|url|endpoint)$/i.test(st.key)) hosts.push(hostOf(st.value));
  }
  if (!sends || !files.length) return [];
  const sink = cmd.program;
  return (hosts.length ? hosts : ['']).map((host) => ({
    sink,
    host,
    dataArgs: [],
    files,
    sendsStdin: false,
  }));
}

/** Logstash `-e CONFIG`: the file inputs' paths and the sending outputs' hosts. */
function logstash(cmd: NormalizedCommand): Message[] {
  const at = cmd.argv.findIndex((w) => w === '-e' || w === '--config.string');
  const conf = at > 0 ? (cmd.argv[at + 1] ?? '') : '';
  const out = conf.search(/\boutput\s*\{/);
  if (out < 0) return [];
  const input = conf.slice(0, out);
  const output = conf.slice(out);
  const files = [...input.matchAll(/\bpath\s*=>\s*(\[[^\]]*\]|"[^"]*"|'[^']*')/g)].flatMap((m) =>
    [...m[1].matchAll(/["']([^"']+)["']/g)].map((q) => q[1]),
  );
  const plugins = [...output.slice(output.indexOf('{') + 1).matchAll(/\b([a-z_]+)\s*\{/g)].map((m) => m[1]);
  if (!files.length || !plugins.some((p) => !LOCAL_OUTPUTS.test(p))) return [];
  const hosts = [...output.matchAll(/\b(url|host|hosts)\s*=>\s*\[?\s*["']([^"']+)["']/g)].map((m) =>
    hostOf(m[2]),
  );
  return (hosts.length ? hosts : ['']).map((host) => ({
    sink: 'logstash',
    host,
    dataArgs: [],
    files,
    sendsStdin: false,
  }));
}

/** The messages a log shipper's command line sends; empty = none. */
export function logShipmentsOf(cmd: NormalizedCommand, ctx: AnalyzeContext): Message[] {
  const p = cmd.program;
  if (p === 'fluent-bit' || p === 'td-agent-bit') return fluentBit(cmd, ctx);
  if (p === 'logstash') return logstash(cmd);
  return [];
}
