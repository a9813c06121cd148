/**
 * Network tools that read their own commands from a file or stdin, read as the command lines
 * they stand for so the extractors judge each as if typed: `nft -f FILE|-` (also `nft -i`,
 * and plain stdin), `iptables-restore [FILE]` / `ip6tables-restore` (and their `-legacy`/`-nft`
 * builds: `-A CHAIN …` lines run as `iptables -t TABLE -A CHAIN …`, a `:CHAIN POLICY` line as
 * `iptables -t TABLE -P CHAIN POLICY`), `ipset restore [-file FILE]`, `tc -batch FILE` and
 * `ip -batch FILE` (`-b`, `-` = stdin; also `bridge`). The text comes from a heredoc, a
 * here-string or a known pipe, a redirected file, or the file named, read through the script's
 * own writes or ctx.readFile. nft's blocks (`table inet f { … }`) declare rules and are not
 * read line by line: only its top-level commands (`flush ruleset`, `delete table …`).
 */
import type { Field } from './state.js';
import type { K } from './emit.js';
import { scriptFile } from './shells.js';
import { runLines, unreadable } from './written-code.js';
import { quote } from './quote.js';

/** A line as shell words of `tool` (each quoted: the tool's words hold no shell syntax). */
const asCommand = (tool: string[], line: string) =>
  [...tool, ...line.trim().split(/\s+/)].map((w) => quote(w)).join(' ');

/** nft: the top-level commands (outside `{ … }` blocks), comments dropped. */
function nftLines(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/#.*$/, '').trim();
    const opens = (line.match(/\{/g) ?? []).length;
    const closes = (line.match(/\}/g) ?? []).length;
    if (depth === 0 && opens === 0 && closes === 0 && line)
      out.push(
        ...line
          .split(';')
          .filter((c) => c.trim())
          .map((c) => asCommand(['nft'], c)),
      );
    depth = Math.max(0, depth + opens - closes);
  }
  return out;
}

/** iptables-save format: `*table`, `:CHAIN POLICY [n:n]`, `-A …` rule lines, `COMMIT`. */
function restoreLines(tool: string, text: string): string[] {
  const out: string[] = [];
  let table = 'filter';
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/#.*$/, '').trim();
    if (line.startsWith('*')) table = line.slice(1) || table;
    const policy = /^:(\S+)\s+(\S+)/.exec(line);
    if (policy && policy[2] !== '-') out.push(asCommand([tool, '-t', table, '-P', policy[1], policy[2]], ''));
    else if (line.startsWith('-')) out.push(asCommand([tool, '-t', table], line));
  }
  return out.map((l) => l.replace(/ ''$/, ''));
}

/** Lines each run as `tool LINE` (ipset restore, tc/ip/bridge -batch), comments dropped. */
const plainLines = (tool: string) => (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.replace(/#.*$/, '').trim())
    .filter(Boolean)
    .map((l) => asCommand([tool], l));

/** One tool: where its command text is (a file, `-` = stdin, undefined = none read) and how it reads. */
interface BatchTool {
  source: (args: string[]) => string | undefined;
  lines: (text: string) => string[];
}

/** The value of the first of `opts` (`-f F`, `-f=F`, `--file=F`); undefined = none. */
function valueOf(args: string[], opts: RegExp): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const [o, v] = args[i].split(/=(.*)/s, 2);
    if (opts.test(o)) return v ?? args[i + 1] ?? '';
  }
  return undefined;
}

const operand = (args: string[]) => args.find((a) => !a.startsWith('-') || a === '-');

const NFT: BatchTool = {
  source: (args) =>
    valueOf(args, /^(-f|--file)$/) ??
    (args.some((a) => /^(-i|--interactive)$/.test(a)) || !operand(args) ? '-' : undefined),
  lines: nftLines,
};
const restore = (tool: string): BatchTool => ({
  // options that take a value: -M modprobe, -T table, -w wait
  source: (args) =>
    operand(args.filter((a, i) => !/^(-M|-T|--modprobe|--table)$/.test(args[i - 1] ?? ''))) ?? '-',
  lines: (t) => restoreLines(tool, t),
});
const batch = (tool: string): BatchTool => ({
  source: (args) => valueOf(args, /^(-b|-batch|--batch)$/),
  lines: plainLines(tool),
});

const TOOLS: Record<string, BatchTool> = {
  nft: NFT,
  ipset: {
    source: (args) => (args.includes('restore') ? (valueOf(args, /^(-f|-file|--file)$/) ?? '-') : undefined),
    lines: plainLines('ipset'),
  },
  tc: batch('tc'),
  ip: batch('ip'),
  bridge: batch('bridge'),
};
for (const v of ['', '-legacy', '-nft']) {
  TOOLS[`iptables${v}-restore`] = restore('iptables');
  TOOLS[`ip6tables${v}-restore`] = restore('ip6tables');
}

/** Runs the command lines `prog` reads from its file or stdin (see the module comment). */
export function batchTools(prog: string, argv: Field[], k: K): void {
  if (!Object.hasOwn(TOOLS, prog)) return;
  const tool = TOOLS[prog];
  const args = argv.slice(1).map((a) => a.text);
  // nft with a command on its command line reads nothing else
  if (prog === 'nft' && operand(args) && !args.some((a) => /^(-f|--file|-i|--interactive)$/.test(a))) return;
  // a check that applies nothing: `nft -c|--check` (also in a cluster, `-cf FILE`),
  // `iptables-restore -t|--test` (the commands are parsed, never committed)
  const check =
    prog === 'nft' ? /^(--check|-[a-zA-Z]*c[a-zA-Z]*)$/ : /restore$/.test(prog) ? /^(--test|-t)$/ : null;
  if (check && args.some((a) => check.test(a))) return;
  const src = tool.source(args);
  if (src === undefined) return;
  const stdin = k.io.stdin;
  const dynamic = argv.some((a) => a.dynamic && a.text === src);
  let text: string | undefined;
  if (src !== '-') text = dynamic ? undefined : scriptFile(src, k);
  else if (!stdin) return;
  else text = stdin.text ?? (stdin.kind === 'file' && stdin.path ? scriptFile(stdin.path, k) : undefined);
  const label = `${prog} (commands read)`;
  // fail closed: commands not known statically (an unknown pipe, a file not readable) may do anything the tool can
  if (text === undefined) return unreadable(src === '-' ? `${prog} stdin` : src, label, k);
  runLines(tool.lines(text), label, k);
}
