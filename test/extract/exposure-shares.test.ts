import { describe, expect, it } from 'vitest';
import { parse as shellParse } from 'shell-quote';
import { sharedWithAnyone } from '../../src/extract/exposure-shares.js';
import { command, packVerdict } from '../helpers/command.js';

const shared = (line: string) =>
  sharedWithAnyone(command(shellParse(line).map((t) => (typeof t === 'string' ? t : '')))).map(
    ([kind, said]) => `${kind}: ${said}`,
  );

describe('a terminal, an export, data or a lasting link shared with anyone', () => {
  it.each<[string, string[]]>([
    ['tmate -F', ['terminal: tmate shares this terminal through a public relay']],
    ['tmate', ['terminal: tmate shares this terminal through a public relay']],
    ['tmate -S /tmp/t.sock new-session -d', ['terminal: tmate shares this terminal through a public relay']],
    ['upterm host -- bash', ['terminal: upterm host shares this terminal through a public relay']],
    ['sshx', ['terminal: sshx shares this terminal by link']],
    ['tty-share --public', ['terminal: tty-share --public shares this terminal by link']],
    ["exportfs -o rw,no_root_squash '*:/srv/data'", ['nfs: exportfs -o rw,no_root_squash *:/srv/data']],
    ['exportfs -o rw 0.0.0.0/0:/home', ['nfs: exportfs -o rw 0.0.0.0/0:/home']],
    ['net usershare add pub /srv/pub "" Everyone:F guest_ok=y', ['smb: net usershare add pub guest_ok=y']],
    ['kaggle datasets create -p data/customers --public', ['dataset: kaggle datasets create --public']],
    ['kaggle d create -p data -u', ['dataset: kaggle datasets create --public']],
    ['gh repo create acme/tool --public --source=. --push', ['visibility: gh repo create --public --push']],
    ['gdrive permissions share FILEID --type anyone --role reader', ['link: gdrive share --type anyone']],
    ['uplink share --url --not-after=none sj://prod-backups', ['link: uplink share --url --not-after=none']],
    ['uplink share --url sj://prod-backups', ['link: uplink share --url']],
    ['rclone link remote:backups/db.sql', ['link: rclone link remote:backups/db.sql without --expire']],
    // a private package made public on its registry (npm 9's and the older spelling; Yarn 1; pnpm hands it to npm)
    [
      'npm access set status=public @acme/billing-sdk',
      ['package: npm access set status=public @acme/billing-sdk'],
    ],
    [
      'npm access --otp 123456 set status=public @acme/payments',
      ['package: npm access set status=public @acme/payments'],
    ],
    ['npm access public @acme/billing-sdk', ['package: npm access public @acme/billing-sdk']],
    ['yarn access public @acme/ledger', ['package: yarn access public @acme/ledger']],
    ['pnpm access public', ['package: pnpm access public']],
    // status and help, a session already running, no relay, a named network, read-only,
    // private, an expiry
    ['tmate -V', []],
    ['tmate -S /tmp/t.sock wait tmate-ready', []],
    ["tmate -S /tmp/t.sock display -p '#{tmate_ssh}'", []],
    ['upterm session current', []],
    ['tty-share', []],
    ['exportfs -v', []],
    ['exportfs -ra', []],
    ["exportfs -o ro '*:/srv/public'", []],
    ["exportfs -o rw,no_root_squash '10.0.0.0/24:/srv/data'", []],
    ['net usershare add team /srv/team "" ACME\\\\ops:F guest_ok=n', []],
    ['kaggle datasets create -p data/customers', []],
    ['kaggle datasets list -s titanic', []],
    ['gh repo create acme/tool --public', []],
    ['gh repo create acme/tool --private --source=. --push', []],
    ['uplink share --url --not-after=+24h sj://prod-backups', []],
    ['uplink share --readonly sj://prod-backups', []],
    ['rclone link --expire 1d remote:backups/db.sql', []],
    ['npm access set status=private @acme/billing-sdk', []],
    ['npm access restricted @acme/billing-sdk', []],
    ['npm access get status @acme/billing-sdk', []],
    ['npm access list packages @acme', []],
    ['npm access set mfa=publish @acme/billing-sdk', []],
    ['npm publish --access public', []],
  ])('%s', (line, want) => expect(shared(line)).toEqual(want));
});

const exposure = await packVerdict('exposure');

describe('sharing with anyone asks', () => {
  it.each([
    ['tmate -F', 'ask exposure/make-public'],
    ["sudo exportfs -o rw,no_root_squash '*:/srv/data'", 'ask exposure/make-public'],
    ['kaggle datasets create -p data/customers --public', 'ask exposure/make-public'],
    ['uplink share --url --not-after=none sj://prod-backups', 'ask exposure/make-public'],
    ['npm access set status=public @acme/internal-billing-sdk', 'ask exposure/make-public'],
    ['npm access get status @acme/internal-billing-sdk', 'allow'],
    ['tmate -V', 'allow'],
    ['uplink share --url --not-after=+24h sj://prod-backups', 'allow'],
  ])('%s → %s', (script, expected) => expect(exposure(script)).toBe(expected));
});
