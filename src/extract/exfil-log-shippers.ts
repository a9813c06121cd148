/**
 * Log shippers configured on the command line to read files and send them to a collector,
 * read as messages (exfil-messages.ts's Message) whose files are what they tail:
 * - Fluent Bit (`fluent-bit`, `td-agent-bit`): `-i tail -p path=F …` reads F (a glob or a
 *   comma-separated list); `-o PLUGIN -p host=H …` sends to H (`-o http://H:P/uri` too).
 *   Each `-p` belongs to the `-i`/`-o`/`-F` before it. Outputs that stay on this machine
 *   (stdout, file, null, counter, exit) send nothing.
 * - Logstash: `logstash -e 'input { file { path => "F" } } output { http { url => "U" } }'`;
 *   every output plugin but stdout, file, null and sink sends (its url, host or hosts).
 * A config file (`-c`, `-f`) is not read here. The host is '' when an output names none
 * (fail closed: a collector somewhere).
 */
import type { NormalizedCommand } from '../engine/types.js';
import type { Message } from './exfil-messages.js';
import { hostOf } from './exfil-transfers.js';

/** Output plugins that write on this machine only. */
const LOCAL_OUTPUTS = /^(stdout|file|null|counter|flowcounter|exit|sink)$/;

/** Fluent Bit: the files its tail inputs read and the hosts its outputs send to. */
function fluentBit(cmd: NormalizedCommand): Message[] {
  const a = cmd.argv;
  const files: string[] = [];
  const hosts: string[] = [];
  let section: 'i' | 'o' | 'f' | '' = '';
  let plugin = '';
  let sends = false;
  for (let i = 1; i < a.length; i++) {
    const [name, inline] = a[i].split(/=(.*)/s, 2);
    const v = () => inline ?? a[++i] ?? '';
    if (name === '-i' || name === '--input') [section, plugin] = ['i', v()];
    else if (name === '-o' || name === '--output') {
      [section, plugin] = ['o', v()];
      if (/^[a-z]+:\/\//i.test(plugin)) hosts.push(hostOf(plugin));
      if (!LOCAL_OUTPUTS.test(plugin.replace(/:\/\/.*$/, ''))) sends = true;
    } else if (name === '-F' || name === '--filter') [section, plugin] = ['f', v()];
    else if (name === '-p' || name === '--prop') {
      const [k, val = ''] = v().split(/=(.*)/s, 2);
      if (section === 'i' && plugin === 'tail' && k.toLowerCase() === 'path')
        files.push(...val.split(',').filter(Boolean));
      if (section === 'o' && /^(host|brokers|url|endpoint)$/i.test(k)) hosts.push(hostOf(val));
    }
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
export function logShipmentsOf(cmd: NormalizedCommand): Message[] {
  const p = cmd.program;
  if (p === 'fluent-bit' || p === 'td-agent-bit') return fluentBit(cmd);
  if (p === 'logstash') return logstash(cmd);
  return [];
}
