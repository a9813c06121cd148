/**
 * Archivers that pack credential files into the archive they write to stdout, where the
 * members are not named by a plain path: tar's members named relative to the folder of
 * `-C DIR` / `--directory=DIR` (`tar cz -C ~ .ssh`, each member read from the last folder
 * named before it), 7-Zip writing to stdout (`7z a -so x.7z ~/.kube`), and the archivers that
 * take their member names on stdin (`find ~/.ssh | cpio -o`, `pax -w`, `afio -o`).
 * A plain `tar czf - ~/.ssh` is read as a file reader by exfil-sources.ts. Pure.
 */
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import { isCredentialAbs } from '../normalize/credentials.js';
import { resolvePath } from './http-body.js';
import { windowsPath } from './exfil-windows-paths.js';

const TARS = new Set(['tar', 'bsdtar', 'gtar', 'star']);
const SEVEN_ZIP = new Set(['7z', '7za', '7zr', '7zz']);

/** True when `raw`, resolved in `cwd` (the command's own when empty), names a credential file or folder. */
function credentialIn(raw: string, cwd: string, cmd: NormalizedCommand, ctx: AnalyzeContext): boolean {
  if (!raw || raw.startsWith('-')) return false;
  const at = cwd ? { ...cmd, cwd } : cmd;
  return isCredentialAbs(resolvePath(windowsPath(raw), at, ctx), ctx.home);
}

/**
 * tar's member words with the folder each is read from: the last `-C DIR`, `-CDIR`,
 * `--directory DIR` or `--directory=DIR` before it ('' = the command's folder). The archive's
 * own name (the value of `f`) and `-` are not members; other option words are kept (an option
 * never names a credential path, so keeping them only costs a look).
 */
function tarMembers(cmd: NormalizedCommand, ctx: AnalyzeContext): { word: string; dir: string }[] {
  const out: { word: string; dir: string }[] = [];
  let dir = '';
  const argv = cmd.argv;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    const long = /^--directory(?:=(.*))?$/s.exec(a);
    const short = /^-C(.*)$/s.exec(a);
    if (long || short) {
      const value = (long ? long[1] : short?.[1]) || argv[++i] || '';
      dir = resolvePath(value, cmd, ctx);
      continue;
    }
    // the archive itself (`-f -`, `-czf out.tgz`, old-style `czf -`) is written, not read
    const bundle = a.startsWith('-') ? /^-[a-zA-Z]*f$/.test(a) : i === 1 && /^[a-zA-Z]*f$/.test(a);
    if (bundle || a === '--file') i++;
    else if (a !== '-' && !a.startsWith('--file=')) out.push({ word: a, dir });
  }
  return out;
}

/** True when the command reading its member names on stdin archives them (cpio -o, pax -w, afio -o). */
function archivesStdinNames(cmd: NormalizedCommand): boolean {
  const args = cmd.argv.slice(1);
  switch (cmd.program) {
    case 'cpio':
      return args.some((a) => a === '--create' || /^-[a-zA-Z]*o/.test(a));
    case 'afio':
      return args.some((a) => /^-[a-zA-Z]*o/.test(a));
    case 'pax':
      // `pax -w` with no file operands reads the names on stdin
      return args.some((a) => /^-[a-zA-Z]*w/.test(a)) && !args.some((a) => !a.startsWith('-'));
    default:
      return false;
  }
}

/**
 * True when `cmd` writes an archive holding a credential file or folder (see the module
 * comment); for the stdin-named archivers, a credential path among the words of the
 * command that lists the names to them (`find ~/.ssh`, `ls -d ~/.aws/*`, `echo ~/.netrc`).
 */
export function archivesCredential(cmd: NormalizedCommand, ctx: AnalyzeContext): boolean {
  if (TARS.has(cmd.program)) return tarMembers(cmd, ctx).some((m) => credentialIn(m.word, m.dir, cmd, ctx));
  if (SEVEN_ZIP.has(cmd.program))
    return cmd.argv.includes('-so') && cmd.argv.slice(2).some((a) => credentialIn(a, '', cmd, ctx));
  if (archivesStdinNames(cmd) && cmd.stdin?.kind === 'pipe' && cmd.stdin.from) {
    const from = cmd.stdin.from;
    return from.argv.slice(1).some((a) => credentialIn(a, '', from, ctx));
  }
  return false;
}
