/**
 * Shell hazards: remote or encoded content executed as code (`curl … | sh`,
 * `bash <(curl …)`, `base64 -d | sh`, `curl -o x.sh … && bash x.sh`), and commands whose
 * code cannot be known statically (dynamic command names, eval of dynamic text, shells
 * running scripts the normalizer could not read, interpreter code built at run time).
 *
 * Only the *code* position is considered: `echo $FOO` has a dynamic argument but runs
 * known code, so it yields nothing.
 */
import type { AnalyzeContext, DynamicFact, NormalizedCommand, ShellFact } from '../engine/types.js';
import type { DraftFact, Extractor } from './extractor.js';
import { clip, evidenceOf } from './fs-evidence.js';
import { resolvePath } from './fs-paths.js';
import { fetchedBefore } from './shell-fetched.js';
import { installerHazards } from './shell-installers.js';
import { windowsFetchHazards } from './shell-windows-fetch.js';
import { FETCHERS, SHELLS, codeSource, fetchedUrl, isCodeRunner, isDecoder } from './shell-programs.js';

type ShellDraft = Omit<ShellFact, 'command'>;
type DynDraft = Omit<DynamicFact, 'command'>;

/** Longest upstream pipe chain followed (`curl | gunzip | base64 -d | sh`). */
const MAX_CHAIN = 12;

const FETCH_WORD =
  /(^|[\s;|&(`$])(curl|wget2?|nghttp|fetch|xh|https?|aria2c|lwp-request|nc|ncat|netcat|socat)\s/;
const DECODE_WORD =
  /(^|[\s;|&(`$])(base64|base32|basenc)\s+(-\w*[dD]|--d(e(c(o(de?)?)?)?)?\b)|xxd\s+-\w*r|openssl\s[^|]*-d\b|(^|[\s|(])(gunzip|zcat|rev|uudecode)\b/;

/**
 * The first URL (`scheme://rest`) in `text`, as `/[a-z][a-z0-9+.-]*:\/\/[^\s'"`)|;&]+/i`
 * would find it, in linear time: that regex rescans a long run of letters from every
 * position in it (100 KB of `xxxx` took seconds). Each `://` is walked back to the first
 * letter of its scheme run, and forward over the URL's characters. '' = none.
 */
export function firstUrl(text: string): string {
  const scheme = (c: string) => /[a-z0-9+.-]/i.test(c);
  for (let i = text.indexOf('://'); i >= 0; i = text.indexOf('://', i + 1)) {
    let start = i;
    while (start > 0 && scheme(text[start - 1])) start--;
    while (start < i && !/[a-z]/i.test(text[start])) start++;
    if (start === i) continue;
    let end = i + 3;
    while (end < text.length && !/[\s'"`)|;&]/.test(text[end])) end++;
    if (end > i + 3) return text.slice(start, end);
  }
  return '';
}

/**
 * Classifies code text that is not known statically (`$(curl …)`, `<(wget …)`): a hazard
 * when it visibly fetches or decodes, undefined otherwise.
 */
function hazardOfText(
  text: string,
  cmd: NormalizedCommand,
  all: NormalizedCommand[],
): ShellDraft | undefined {
  const evidence = evidenceOf(cmd);
  if (FETCH_WORD.test(text))
    return { kind: 'shell', hazard: 'download-exec', source: firstUrl(text), evidence };
  // Commands inside the substitution were emitted next to this one, within its span.
  const inner = all.find(
    (c) =>
      c !== cmd &&
      FETCHERS.has(c.program) &&
      c.span[0] >= cmd.span[0] &&
      c.span[1] <= cmd.span[1] &&
      text.includes(c.argv[0]),
  );
  if (inner) return { kind: 'shell', hazard: 'download-exec', source: fetchedUrl(inner), evidence };
  if (DECODE_WORD.test(text)) return { kind: 'shell', hazard: 'decode-exec', source: '', evidence };
  return undefined;
}

/**
 * Shell set-up idioms: the output of these commands is shell code the tool prints for the
 * user's shell to load (agent sockets, environment hooks, completions, version-manager
 * shims). Evaluating or sourcing it is routine set-up, not unknown code.
 */
const SETUP_IDIOMS: RegExp[] = [
  /^ssh-agent(\s+-[sck]+)*$/,
  /^direnv\s+(hook|export)\s+\w+$/,
  /^[\w.-]+(\s+[\w-]+)?\s+completions?(\s+(-s|--shell))?\s+(bash|zsh|fish|sh|powershell|pwsh)(\s+--[\w-]+)*$/,
  /^[\w.-]+\s+completions?$/,
  /^(pyenv|rbenv|nodenv|goenv|jenv|plenv|phpenv|scalaenv|pyenv\s+virtualenv)[\s-]+init(\s+(-|--path|--no-rehash|\w+))*$/,
  /^(zoxide|starship|atuin|mcfly|oh-my-posh|mise|rtx|fnm|thefuck|navi)\s+(init|activate|env|--alias)\b[\w\s=-]*$/,
  /^poetry\s+env\s+activate$/,
  /^(\S*\/)?brew\s+shellenv$/,
  /^conda\s+shell\.\w+\s+hook$/,
  /^opam\s+env(\s+--[\w=-]+)*$/,
  /^dircolors(\s+-[bc])?(\s+[\w./~-]+)?$/,
  /^luarocks\s+path(\s+--[\w-]+)*$/,
  /^keychain\s+--eval(\s+(--?[\w-]+|[\w.-]+))*$/,
  /^[\w.-]+\s+--(bash|zsh|fish)$/,
  /^[\w.-]+\s+(shell-init|init|hook|activate|env)\s+(bash|zsh|fish|sh)(\s+--[\w-]+)*$/,
  /^(uv|uvx|rustup|deno|bun|pnpm|npm|yarn|pip|pipx|gh|glab|kubectl|helm|docker|minikube|kind|k3d|terraform|aws|gcloud)\s+[\w-]*completion[\w-]*(\s+\w+)*$/,
];

/**
 * Environment activation scripts sourced by name (`source .venv/bin/activate`, `. ~/.nvm/nvm.sh`,
 * `. ~/.cargo/env`), and OpenStack's credential rc files that only export the variables its
 * CLIs read (`admin-openrc.sh`, `openrc-prod.sh`, `keystonerc_admin`, `stackrc`): when they can't be read (absent here), sourcing them runs nothing; when
 * they can, the normalizer reads them like any script.
 */
const ACTIVATION =
  /(^|\/)(\.?venv|env|virtualenv|\.?virtualenvs\/[\w.-]+)\/bin\/activate(\.(sh|bash|zsh|fish))?$|(^|\/)\.nvm\/nvm\.sh$|(^|\/)\.cargo\/env$|sdkman-init\.sh$|(^|\/)(conda|mamba)\.sh$|(^|\/)\.(bashrc|bash_profile|profile|zshrc|zprofile)$|(^|\/)([\w.]+[-_.])?(openrc|keystonerc|novarc|stackrc|overcloudrc)([-_.][\w.]+)?$/;

/** An activation script (see ACTIVATION) in the workspace or this user's home, not someone else's. */
function ownActivation(text: string, cmd: NormalizedCommand, ctx: AnalyzeContext): boolean {
  if (!ACTIVATION.test(text)) return false;
  const abs = resolvePath(text, cmd.cwd, ctx);
  const under = (root: string) => abs === root || abs.startsWith(root.replace(/\/$/, '') + '/');
  return abs !== '' && (under(ctx.workspace) || under(ctx.home));
}

/** A shell's own options before its script include -n (or `-o noexec`). */
function noexec(argv: string[]): boolean {
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-o' && argv[i + 1] === 'noexec') return true;
    if (a === '-o' || a === '+o' || a === '-O' || a === '+O') i++;
    else if (/^-[a-zA-Z]+$/.test(a)) {
      if (a.includes('n')) return true;
    } else if (!a.startsWith('+')) return false;
  }
  return false;
}

/** True when `text` is exactly one substitution (`$(…)`, backquotes, `<(…)`) of a set-up idiom. */
export function isSetupIdiom(text: string): boolean {
  const m = /^\s*(?:\$\(|<\(|`)\s*([^()`;&|<>$]*?)\s*(?:\)|`)\s*$/.exec(text);
  return !!m && SETUP_IDIOMS.some((r) => r.test(m[1]));
}

function dynamicFact(cmd: NormalizedCommand, what: string, text: string): DynDraft {
  return { kind: 'dynamic', what, text: clip(text), evidence: evidenceOf(cmd) };
}

/** The upstream commands of a pipe into `cmd`, nearest first. */
function pipeChain(cmd: NormalizedCommand): NormalizedCommand[] {
  const chain: NormalizedCommand[] = [];
  let c = cmd.stdin?.kind === 'pipe' ? cmd.stdin.from : undefined;
  while (c && chain.length < MAX_CHAIN) {
    chain.push(c);
    c = c.stdin?.kind === 'pipe' ? c.stdin.from : undefined;
  }
  return chain;
}

/** A shell/interpreter reading its code from stdin. */
function stdinHazards(cmd: NormalizedCommand, all: NormalizedCommand[], what: string): DraftFact[] {
  const stdin = cmd.stdin;
  if (!stdin) return []; // interactive: reads the terminal
  const evidence = evidenceOf(cmd);
  const out: DraftFact[] = [];
  if (stdin.kind === 'file' && stdin.path) {
    const url = fetchedBefore(all, cmd, stdin.path);
    if (url !== undefined) return [{ kind: 'shell', hazard: 'download-exec', source: url, evidence }];
  }
  const chain = pipeChain(cmd);
  const fetcher = chain.find((c) => FETCHERS.has(c.program));
  if (fetcher) out.push({ kind: 'shell', hazard: 'pipe-to-shell', source: fetchedUrl(fetcher), evidence });
  const decoder = chain.find(isDecoder);
  if (decoder) {
    // source: the encoded payload when it is literal (its decoded form is still unknown
    // here: a payload the normalizer can decode is re-parsed instead); '' = payload unknown.
    const source = clip((decoder.stdin?.text ?? '').trim());
    out.push({ kind: 'shell', hazard: 'decode-exec', source, evidence });
  }
  if (out.length === 0 && stdin.text === undefined) {
    const from = chain[0] ? evidenceOf(chain[0]) : `${stdin.kind} input`;
    out.push(dynamicFact(cmd, what, from));
  }
  return out;
}

/** Programs that run jobs later (src/normalize/shells.ts runAt, crontab.ts). */
const SCHEDULERS = new Set(['at', 'batch', 'crontab']);

/** A nested `agentfw run` whose asks are settled without this session's human (wrapper label from the normalizer). */
const SELF_APPROVAL = /^agentfw run .*--(on-ask|approver)\b/;

export const extractShell: Extractor = (cmd, ctx, all) => {
  const out: DraftFact[] = [];
  const dyn = (i: number) => cmd.dynamicArgs.includes(i);

  const nested = cmd.wrappers.find((w) => SELF_APPROVAL.test(w));
  if (nested) out.push({ kind: 'shell', hazard: 'self-approval', source: nested, evidence: evidenceOf(cmd) });

  // A command name that is not known statically: `$(echo rm) -rf /`, `$CMD args`.
  if (cmd.program === '' || dyn(0)) {
    const text = cmd.argv[0] ?? '';
    out.push(hazardOfText(text, cmd, all) ?? dynamicFact(cmd, 'command-name', text));
    return out;
  }

  // eval of text the normalizer could not resolve (literal eval bodies are re-parsed upstream).
  if (cmd.program === 'eval') {
    const idx = cmd.argv.map((_, i) => i).filter((i) => i > 0 && dyn(i));
    if (idx.length === 0 && !cmd.dynamic) return out;
    const text = cmd.argv.slice(1).join(' ');
    if (isSetupIdiom(text)) return out;
    out.push(hazardOfText(text, cmd, all) ?? dynamicFact(cmd, 'eval', text));
    return out;
  }

  // Running a file that a fetcher downloaded earlier: `./install.sh`, `/tmp/x/run`.
  const argv0 = cmd.argv[0] ?? '';
  if (argv0.includes('/') && !cmd.remote) {
    const url = fetchedBefore(all, cmd, resolvePath(argv0, cmd.cwd, ctx));
    if (url !== undefined)
      out.push({ kind: 'shell', hazard: 'download-exec', source: url, evidence: evidenceOf(cmd) });
  }

  // fail closed: jobs handed to a scheduler that the normalizer could not read (it marks
  // the command dynamic): `cat jobs | at now`, `crontab jobs-made-elsewhere.txt`.
  if (SCHEDULERS.has(cmd.program) && cmd.dynamic) {
    out.push(dynamicFact(cmd, 'script', cmd.stdin ? 'its jobs on stdin' : cmd.argv.slice(1).join(' ')));
    return out;
  }
  // msiexec /i URL, rpm -i URL, dpkg -i of a fetched .deb: a package's code run unread
  out.push(...installerHazards(cmd, ctx, all));
  // certutil/bitsadmin/Start-BitsTransfer fetch then run; regsvr32 /i:URL, mshta URL
  out.push(...windowsFetchHazards(cmd, all));
  if (!isCodeRunner(cmd.program)) return out;
  const isShell = SHELLS.has(cmd.program) || cmd.program === 'source' || cmd.program === '.';
  // `bash -n` / `-o noexec`: syntax check only, nothing runs.
  if (SHELLS.has(cmd.program) && noexec(cmd.argv)) return out;
  const what = isShell ? 'script' : 'interpreter';
  const src = codeSource(cmd);
  if (src.kind === 'stdin') out.push(...stdinHazards(cmd, all, what));
  else if (src.kind === 'inline' && dyn(src.index)) {
    const text = cmd.argv[src.index];
    out.push(hazardOfText(text, cmd, all) ?? dynamicFact(cmd, what, text));
  } else if (src.kind === 'file') {
    const text = cmd.argv[src.index];
    if (/^https?:\/\//i.test(text)) {
      out.push({ kind: 'shell', hazard: 'download-exec', source: text, evidence: evidenceOf(cmd) });
    } else if (dyn(src.index)) {
      if (!(isShell && isSetupIdiom(text)))
        out.push(hazardOfText(text, cmd, all) ?? dynamicFact(cmd, 'script', text));
    } else {
      const url = cmd.remote ? undefined : fetchedBefore(all, cmd, resolvePath(text, cmd.cwd, ctx));
      if (url !== undefined)
        out.push({ kind: 'shell', hazard: 'download-exec', source: url, evidence: evidenceOf(cmd) });
      // fail closed: the normalizer marks a shell dynamic when it could not read the script.
      else if (
        isShell &&
        cmd.dynamic &&
        !(/^(source|\.)$/.test(cmd.program) && ownActivation(text, cmd, ctx))
      )
        out.push(dynamicFact(cmd, 'script', text));
    }
  }
  return out;
};
