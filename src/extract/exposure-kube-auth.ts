/**
 * A Kubernetes node's or control plane's own authentication or authorization switched off
 * by editing its configuration in place: the kubelet's config file
 * (`/var/lib/kubelet/config.yaml`: `authentication.anonymous.enabled: true`,
 * `authorization.mode: AlwaysAllow`) or the API server's flags in its static pod manifest
 * (`--anonymous-auth=true`, `--authorization-mode=AlwaysAllow`). Either lets anyone who
 * reaches the port run anything on the node or in the cluster.
 *
 * Read from the editors that rewrite a file in place: `sed -i` (every `s` replacement and
 * `a`/`i`/`c` text, any delimiter, `-e`/`--expression` or the first script word, `-i.bak`,
 * `--in-place`) and `yq -i` / `yq eval -i` (each `PATH = VALUE` / `PATH |= VALUE`
 * assignment, and flags written into a list). Only what the edit writes counts: a sed that
 * turns `--anonymous-auth=true` into `false` closes. Where the command runs (this machine,
 * ssh) does not change the reading; the wrappers are peeled by normalize. Each finding is
 * ['auth', the words that switch it off].
 */
import type { NormalizedCommand } from '../engine/types.js';
import type { Finding } from './word-facts.js';

/** Flags or settings, as written text, that let anyone in. */
const OPEN_TEXT: RegExp[] = [
  // `--anonymous-auth=true`, kubeadm's `anonymous-auth: "true"`, k3s's `- anonymous-auth=true`
  /(?:^|[\s"'\-:.])anonymous-auth\s*[=:]?\s*["']?true\b/i,
  /authorization-mode\s*[=:]?\s*["']?[\w,]*\bAlwaysAllow\b/,
];

/** `PATH = VALUE` assignments of the kubelet's config that let anyone in (path, value). */
const OPEN_SETTINGS: [RegExp, RegExp][] = [
  [/(^|\.)authentication\.anonymous\.enabled$/, /^"?true"?$/],
  [/(^|\.)authorization\.mode$/, /^"?AlwaysAllow"?$/],
];

/** sed's `s` commands: delimiter, pattern, replacement (any delimiter). */
const SED_S = /(?:^|[;\n}{\s/\d$])s(.)((?:\\.|(?!\1).)*)\1((?:\\.|(?!\1).)*)\1/g;

/** The text a sed script writes: each `s` replacement and each `a`/`i`/`c` text. */
function sedWrites(script: string): string[] {
  const out = [...script.matchAll(SED_S)].map((m) => m[3] ?? '');
  const rest = script.replace(SED_S, ' ');
  for (const m of rest.matchAll(/(?:^|[;\n/]\s*|\d\s*)[aic]\\?\s*(.*)$/gm)) out.push(m[1] ?? '');
  return out;
}

/** sed's scripts when it edits in place (`-i`, `-i.bak`, `-Ei`, `--in-place`); empty = not in place or no script. */
function sedScripts(argv: string[]): string[] {
  if (!argv.slice(1).some((a) => /^--in-place(=|$)/.test(a) || /^-[nrsEzu]*i/.test(a))) return [];
  const scripts: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '-e' || a === '--expression') scripts.push(argv[++i] ?? '');
    else if (a.startsWith('--expression=')) scripts.push(a.slice(13));
  }
  if (scripts.length > 0) return scripts;
  const first = argv.slice(1).find((a) => !a.startsWith('-'));
  return first === undefined ? [] : [first];
}

/** yq's expression when it edits in place (`-i`, `--inplace`, `-i` combined); '' = not. */
function yqExpression(argv: string[]): string {
  if (!argv.some((a) => /^(--inplace|-[a-zA-Z]*i[a-zA-Z]*)$/.test(a))) return '';
  const words = argv.slice(1).filter((a) => !a.startsWith('-') && !/^(e|eval|ea|eval-all)$/.test(a));
  return words[0] ?? '';
}

/** The `PATH = VALUE` assignments of a yq expression, in order. */
function yqAssignments(expr: string): [string, string][] {
  return [...expr.matchAll(/(\.[\w.[\]"-]*?)\s*\|?=\s*("[^"]*"|'[^']*'|[\w.-]+)/g)].map((m) => [
    (m[1] ?? '').replace(/\["?([\w-]+)"?\]/g, '.$1'),
    (m[2] ?? '').replace(/^'|'$/g, ''),
  ]);
}

/** What an in-place edit of `cmd` writes that switches a cluster's or node's auth off. */
export function kubeAuthOff(cmd: NormalizedCommand): Finding[] {
  const found: Finding[] = [];
  let written: string[] = [];
  if (/^g?sed$/.test(cmd.program)) written = sedScripts(cmd.argv).flatMap(sedWrites);
  if (cmd.program === 'yq') {
    const expr = yqExpression(cmd.argv);
    for (const [path, value] of yqAssignments(expr))
      if (OPEN_SETTINGS.some(([p, v]) => p.test(path) && v.test(value)))
        found.push(['auth', `${path} = ${value}`]);
    written = [expr];
  }
  for (const text of written) {
    const hit = OPEN_TEXT.map((re) => re.exec(text)?.[0]).find(Boolean);
    if (hit) found.push(['auth', hit]);
  }
  return found;
}
