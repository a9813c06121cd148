/**
 * PowerShell script files a pwsh command runs (src/normalize/pwsh-file.ts): a script this script
 * wrote is read as its code (`-File F`, `pwsh F.ps1`, after other options); one on disk is the
 * project's own, and one named by a value not known statically is unknown code.
 */
import { describe, expect, it } from 'vitest';
import { filesContext, normalizeIn } from '../helpers/normalize.js';

const ctx = filesContext({});
const commands = (script: string) =>
  normalizeIn(ctx, script).commands.map((c) => `${c.dynamic ? 'dynamic:' : ''}${c.argv.join(' ')}`);
const ps1 = (code: string, run: string) => `cat > /tmp/a.ps1 <<'EOF'\n${code}\nEOF\n${run}`;

describe('pwsh script files', () => {
  it.each<[string, string]>([
    [ps1('Remove-Item -Recurse -Force /srv/app', 'pwsh -NoProfile -File /tmp/a.ps1'), 'rm -rf /srv/app'],
    [
      ps1(
        'Remove-Item -Recurse -Force /srv/app',
        'powershell -ExecutionPolicy Bypass -f /tmp/a.ps1 -Verbose',
      ),
      'rm -rf /srv/app',
    ],
    [ps1('Remove-Item -Recurse -Force /srv/app', 'pwsh /tmp/a.ps1'), 'rm -rf /srv/app'],
    [
      ps1('Set-MpPreference -DisableRealtimeMonitoring $true', 'sudo pwsh -File /tmp/a.ps1'),
      'Set-MpPreference -DisableRealtimeMonitoring $true',
    ],
    ['pwsh -File "$SCRIPT"', 'dynamic:pwsh -File $SCRIPT'],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));

  it.each<[string, string[]]>([
    ['pwsh -NoProfile -File ./scripts/build.ps1', ['pwsh -NoProfile -File ./scripts/build.ps1']],
    [ps1('Get-ChildItem', 'pwsh -File /tmp/a.ps1'), ['cat', 'pwsh -File /tmp/a.ps1', 'Get-ChildItem']],
  ])('%s runs nothing else', (script, want) => expect(commands(script)).toEqual(want));
});
