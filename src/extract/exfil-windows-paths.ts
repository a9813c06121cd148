/**
 * A path as a Windows program would find it, in the form the credential readers know
 * (exfil-sources.ts, exfil-messages.ts): separators as `/`, the profile folder (`$HOME`,
 * `$env:USERPROFILE`, `%USERPROFILE%`, `C:\Users\NAME`) as `~`. A path written unquoted in a
 * bash line loses its backslashes (`C:\Users\dev\.ssh\id_rsa` reaches argv as
 * `C:Usersdev.sshid_rsa`): such a collapsed path is read back as far as its words allow, the
 * credential folder it names (`.ssh`, `.aws`, `.kube` …) and the file in it, or else the
 * credential file name it ends in (`C:/id_rsa`).
 */

/** The profile folder at the start of a path, in any of its Windows spellings. */
const PROFILE =
  /^(?:\$HOME|\$\{?env:(?:USERPROFILE|HOME)\}?|%USERPROFILE%|%HOMEDRIVE%%HOMEPATH%|[A-Za-z]:\/Users\/[^/]+)(?=\/|$)/i;

/** A collapsed path: a drive letter and colon, then no separator at all. */
const COLLAPSED = /^[A-Za-z]:[^/\\]+$/;

/** Credential folders under the profile, as they appear inside a collapsed path (`.sshid_rsa`). */
const COLLAPSED_DIR =
  /\.(ssh|aws|kube|docker|azure|gnupg|oci|m2|gradle|cargo|gem|config(?=gcloud|gh|rclone|git))(.*)$/i;
/** `.config`'s credential sub-folders, as the first word after it. */
const CONFIG_SUB = /^(gcloud|gh|rclone|git)(.*)$/i;
/** Credential file names a collapsed path may end in. */
const COLLAPSED_NAME =
  /(id_(?:rsa|dsa|ecdsa|ed25519)|credentials(?:\.json|\.toml)?|\.env|\.netrc|\.pgpass|\.git-credentials|[\w-]*\.(?:pem|key|p12|pfx|ppk|kdbx|jks|keystore))$/i;

/** The Windows path `p` as the credential readers know it; any other path is returned unchanged. */
export function windowsPath(p: string): string {
  if (COLLAPSED.test(p)) return collapsed(p);
  if (!p.includes('\\') && !/^[$%]|^[A-Za-z]:\//.test(p)) return p;
  return p.replace(/\\+/g, '/').replace(PROFILE, '~');
}

/** A collapsed path read back: the credential folder and file, else the name it ends in, else itself. */
function collapsed(p: string): string {
  const dir = COLLAPSED_DIR.exec(p);
  if (dir) {
    const [, name, rest] = dir;
    const sub = name.toLowerCase() === 'config' ? CONFIG_SUB.exec(rest) : null;
    const tail = sub ? `${sub[1]}/${sub[2]}` : rest;
    return `~/.${name}${tail ? `/${tail}` : ''}`;
  }
  const file = COLLAPSED_NAME.exec(p.slice(2));
  return file ? `${p.slice(0, 2)}/${file[1]}` : p;
}
