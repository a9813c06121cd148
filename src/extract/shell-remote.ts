/**
 * Commands that hand a shell to the network, or wipe scheduled jobs or private keys:
 * - `remote-shell`: `nc -e /bin/sh HOST PORT`, `nc -c CMD`, `ncat --exec|--sh-exec|--lua-exec`,
 *   `socat … EXEC:/SYSTEM:` (a bind or reverse shell: whoever connects runs commands here),
 *   `websocat ws-l:0.0.0.0:8080 sh-c:CMD` (exposure-sockets.ts websocatShell),
 *   `gs-netcat -l -i|-e CMD` (the same through the Global Socket relay: exposure-gsocket.ts);
 * - `crontab-remove`: `crontab -r` (every job of the user, no undo), `crontab /dev/null`;
 * - `secret-key-delete`: `gpg --delete-secret-keys KEY` (a private key gone from the keyring,
 *   which has no undo unless it was exported).
 * - `download-exec`: a configuration run pulled from a repository or an archive on the network
 *   and applied to this machine at once (`ansible-pull -U URL`, `chef-solo --recipe-url URL`):
 *   whatever the repository holds runs here (as root under sudo), unread. Whose repository
 *   it is cannot be told from the command, so any URL that is not a local path counts.
 * Facts: `shell` with that hazard; source = the host (remote shells), the URL (pulled runs) or
 * '' (local ones).
 */
import type { DraftFact, Extractor } from './extractor.js';
import { evidenceOf } from './fs-evidence.js';
import { isNetcat } from './netcats.js';
import { gsocketShell, gsocketWords } from './exposure-gsocket.js';
import { websocatShell } from './exposure-sockets.js';

/** Options of nc/ncat that run a program for the connection. */
const EXEC_OPT = /^(-e|-c|--exec|--sh-exec|--lua-exec)(=.*)?$/;

/** Options of configuration runners that name the repository or archive they pull, per program. */
const PULL_URL: Record<string, RegExp> = {
  'ansible-pull': /^(-U|--url)$/,
  'chef-solo': /^(-r|--recipe-url)$/,
  'chef-client': /^--recipe-url$/,
};

/** The URL a pull runner fetches and runs; '' when it names none or only a local path. */
function pulledUrl(program: string, args: string[]): string {
  const opt = Object.hasOwn(PULL_URL, program) ? PULL_URL[program] : undefined;
  if (!opt || args.some((a) => /^(--help|-h|--version)$/.test(a))) return '';
  for (let i = 0; i < args.length; i++) {
    const [o, inline] = args[i].split(/=(.*)/s, 2);
    const url = opt.test(o) ? (inline ?? args[i + 1] ?? '') : '';
    // a URL (`https://`, `ssh://`, `git@host:repo`), not a folder or `file://` of this machine;
    // fail closed: a value only known at run time (`-U "$REPO"`) may be any URL
    if (/^[a-z][a-z0-9+.-]*:\/\/|^[\w.-]+@[\w.-]+:|^\$/i.test(url) && !/^file:/i.test(url)) return url;
  }
  return '';
}

export const extractRemoteShell: Extractor = (cmd) => {
  const p = cmd.program;
  const args = cmd.argv.slice(1);
  const out: DraftFact[] = [];
  const fact = (hazard: string, source: string, words = cmd.argv): DraftFact => ({
    kind: 'shell',
    hazard,
    source,
    evidence: evidenceOf(cmd, words),
  });
  if (isNetcat(p)) {
    // `-e` may sit in a cluster (`-lvpe /bin/sh`) for traditional netcat.
    const exec = args.some((a) => EXEC_OPT.test(a) || /^-[a-zA-Z]*[ec]$/.test(a));
    if (exec) {
      const host =
        args
          .filter((a) => !a.startsWith('-'))
          .find((a) => /[.:]|^localhost$/.test(a) && !a.startsWith('/')) ?? '';
      out.push(fact('remote-shell', host));
    }
  }
  if (p === 'socat' && args.some((a) => /^(EXEC|SYSTEM):/i.test(a))) {
    const addr = args.find((a) => /^(tcp|tcp4|tcp6|udp|openssl|ssl)[^:]*:/i.test(a)) ?? '';
    out.push(fact('remote-shell', addr.split(':')[1] ?? ''));
  }
  const served = websocatShell(cmd);
  if (served !== undefined) out.push(fact('remote-shell', served));
  const relay = gsocketShell(cmd);
  // the secret after `-s` alone lets anyone in: never in the evidence
  if (relay !== undefined) out.push(fact('remote-shell', relay, gsocketWords(cmd.argv)));
  if ((p === 'gpg' || p === 'gpg2') && args.some((a) => /^--delete-secret-(keys?|and-public-keys?)$/.test(a)))
    out.push(fact('secret-key-delete', ''));
  const pulled = pulledUrl(p, args);
  if (pulled) out.push(fact('download-exec', pulled));
  if (p === 'crontab') {
    const files = args.filter((a) => !a.startsWith('-'));
    if (args.some((a) => /^-[a-zA-Z]*r/.test(a)) || files.includes('/dev/null'))
      out.push(fact('crontab-remove', ''));
  }
  return out;
};
