/**
 * Windows download-and-run, judged as `curl -o x.sh URL && bash x.sh` is (a `download-exec`
 * shell fact):
 * - a file fetched earlier in the script by a Windows fetcher, then run by its path, or handed
 *   to a runner (`Start-Process`, `cmd /c`, `powershell -File`, `rundll32`, `msbuild`…), or
 *   read whole (`Get-Content -Raw`) as a script for `Invoke-Expression`;
 * - LOLBins that run remote code directly: `regsvr32 /i:URL scrobj.dll`, `mshta URL` (or
 *   `javascript:`/`vbscript:` code), `rundll32 javascript:…` / `url.dll,…Handler URL`.
 * A fetch whose file is only hashed or listed (`certutil -hashfile`, `Get-FileHash`,
 * `bitsadmin /list`) runs nothing.
 *
 * Fetchers read, and where their URL and destination are:
 * - `certutil -urlcache [-split] [-f] URL DEST` (also `-verifyctl`): the word after the URL
 * - `bitsadmin /transfer NAME [/priority P] [/download|/upload] URL DEST` (also `/addfile JOB URL DEST`)
 * - `Start-BitsTransfer [-Source] URL [-Destination] DEST`
 * - `Invoke-WebRequest|iwr|wget|curl -Uri URL -OutFile DEST` (PowerShell), `curl.exe -o DEST URL`
 */
import type { NormalizedCommand, ShellFact } from '../engine/types.js';
import { evidenceOf } from './fs-evidence.js';

const URL_RE = /^(https?|ftp):\/\//i;

/** A path as compared across commands: quotes, `.\`/`./`, slashes and case dropped ('' = none). */
function keyOf(path: string | undefined): string {
  if (!path) return '';
  return path
    .replace(/["']/g, '')
    .replace(/^\.[\\/]/, '')
    .replace(/[\\/]/g, '')
    .toLowerCase();
}

/** The program name without its folder and `.exe`, lower case. */
function progOf(word: string): string {
  return (word.split(/[\\/]/).pop() ?? '').replace(/\.exe$/i, '').toLowerCase();
}

/** The value after the option matching `opt` (any case); undefined = option absent. */
function valueOf(argv: string[], opt: RegExp): string | undefined {
  const i = argv.findIndex((a, j) => j > 0 && opt.test(a));
  return i > 0 ? argv[i + 1] : undefined;
}

/** One Windows fetch: the URL (or 'unknown URL') and the key of the file it writes. */
interface Fetch {
  url: string;
  dest: string;
}

/** The file name a URL is saved under by tools that name it themselves; '' = none. */
const urlName = (url: string) =>
  url
    .replace(/[?#].*$/, '')
    .split('/')
    .pop() ?? '';

/** What `argv` downloads to a file; undefined = not a Windows fetch to a file. */
export function windowsFetch(argv: string[]): Fetch | undefined {
  const prog = progOf(argv[0] ?? '');
  const urlAt = argv.findIndex((a, j) => j > 0 && URL_RE.test(a));
  const url = urlAt > 0 ? argv[urlAt] : 'unknown URL';
  if (prog === 'certutil') {
    if (!argv.some((a) => /^[-/](urlcache|verifyctl)$/i.test(a)) || urlAt < 0) return undefined;
    // without a destination the file is written under the URL's own name
    const dest = argv[urlAt + 1] ?? urlName(url);
    return dest ? { url, dest: keyOf(dest) } : undefined;
  }
  if (prog === 'bitsadmin') {
    if (!argv.some((a) => /^\/(transfer|addfile)$/i.test(a)) || urlAt < 0) return undefined;
    const dest = argv[urlAt + 1];
    return dest ? { url, dest: keyOf(dest) } : undefined;
  }
  if (prog === 'start-bitstransfer') {
    const src = valueOf(argv, /^-Source$/i) ?? argv[1];
    const dest = valueOf(argv, /^-Destination$/i) ?? (argv[1] === src ? argv[2] : undefined);
    return dest ? { url: src && URL_RE.test(src) ? src : url, dest: keyOf(dest) } : undefined;
  }
  if (/^(invoke-webrequest|iwr|wget|curl)$/.test(prog) && !/\.exe$/i.test(argv[0] ?? '')) {
    const dest = valueOf(argv, /^-(OutFile|o|od|out\w*)$/i);
    if (dest && /^-OutF/i.test(argv[argv.indexOf(dest) - 1] ?? '')) return { url, dest: keyOf(dest) };
  }
  if (prog === 'curl') {
    // `-O`/`--remote-name`: saved under the URL's own name
    const dest =
      valueOf(argv, /^(-o|--output)$/) ??
      (argv.some((a) => /^(-O|--remote-name)$/.test(a)) ? urlName(url) : undefined);
    return dest && dest !== '-' ? { url, dest: keyOf(dest) } : undefined;
  }
  return undefined;
}

/** Programs that run a file named in their words (PowerShell's and cmd's launchers, LOLBins). */
const RUNNERS =
  /^(start-process|saps|start|invoke-expression|iex|invoke-item|ii|&|\.|cmd|powershell|pwsh|rundll32|regsvr32|mshta|cscript|wscript|msbuild|installutil|regasm|regsvcs|msiexec|wmic|schtasks)$/;
/** Readers that load a whole file as one string (the text `Invoke-Expression` then runs). */
const RAW_READERS = /^(get-content|gc|type|cat)$/;

/** The URL `cmd` runs directly (regsvr32 /i:URL, mshta URL, rundll32 javascript:); undefined = none. */
export function remoteRun(argv: string[]): string | undefined {
  const prog = progOf(argv[0] ?? '');
  if (prog === 'regsvr32') {
    const i = argv.find((a) => /^[-/]i:/i.test(a));
    const v = i?.replace(/^[-/]i:/i, '').replace(/["']/g, '');
    return v && (URL_RE.test(v) || /^\\\\/.test(v)) ? v : undefined;
  }
  if (prog === 'mshta') return argv.slice(1).find((a) => URL_RE.test(a));
  if (prog === 'rundll32') {
    const words = argv.slice(1).join(' ');
    if (/javascript:|vbscript:/i.test(words) && /(https?|ftp):\/\//i.test(words)) return words;
    if (/url\.dll|ieframe\.dll|shdocvw\.dll/i.test(words)) return argv.slice(1).find((a) => URL_RE.test(a));
  }
  return undefined;
}

/** `download-exec` facts for `cmd`: a Windows-fetched file run, or remote code run by a LOLBin. */
export function windowsFetchHazards(
  cmd: NormalizedCommand,
  all: NormalizedCommand[],
): Omit<ShellFact, 'command'>[] {
  const fact = (source: string) => ({
    kind: 'shell' as const,
    hazard: 'download-exec' as const,
    source,
    evidence: evidenceOf(cmd),
  });
  const direct = remoteRun(cmd.argv);
  if (direct !== undefined) return [fact(direct)];
  if (cmd.remote) return [];
  const end = all.indexOf(cmd);
  const prog = progOf(cmd.argv[0] ?? '');
  for (let i = (end < 0 ? all.length : end) - 1; i >= 0; i--) {
    const f = windowsFetch(all[i].argv);
    if (!f || !f.dest) continue;
    if (keyOf(cmd.argv[0]) === f.dest) return [fact(f.url)];
    const named = cmd.argv.slice(1).some((a) => keyOf(a) === f.dest);
    if (named && RUNNERS.test(prog)) return [fact(f.url)];
    // `Invoke-Expression (Get-Content F -Raw)`: a downloaded script read whole to be run
    if (named && RAW_READERS.test(prog) && cmd.argv.some((a) => /^-Raw$/i.test(a)) && /\.ps1$/.test(f.dest))
      return [fact(f.url)];
  }
  return [];
}
