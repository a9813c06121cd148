/**
 * Programs that start a command detached (src/normalize/detachers.ts): dtach, abduco,
 * daemonize, daemon, start-stop-daemon, openvt, unshare, s6-setsid, launchctl submit, zellij
 * and byobu, through the real pipeline.
 */
import { describe, expect, it } from 'vitest';
import { loadEngine } from '../../src/engine/analyze.js';
import { E2E_CONTEXT } from '../helpers/command.js';

const engine = await loadEngine({ mask: (s) => s });
const verdict = (script: string) => engine.analyze(script, E2E_CONTEXT).decision;

describe('what detached sessions and daemons start', () => {
  it.each<[string, string]>([
    [`dtach -n /tmp/wipe.sock sh -c 'rm -rf /srv/nfs/home/*'`, 'deny'],
    ['dtach -A /tmp/s.sock -z -e ^q rm -rf /srv/data', 'deny'],
    ['dtach -c /tmp/s.sock git push --force origin main', 'ask'],
    [`abduco -n wipe sh -c 'rm -rf /srv/nfs/home/*'`, 'deny'],
    ['abduco -e ^q -c s rm -rf /srv/data', 'deny'],
    ['daemonize /bin/rm -rf /var/lib/mysql', 'deny'],
    ['daemonize -c /srv -u nobody /usr/bin/git push --force origin main', 'ask'],
    // `-c DIR` is where the command runs
    ['daemonize -c /etc /bin/rm -rf nginx', 'deny'],
    [`daemon --command='rm -rf /srv/data'`, 'deny'],
    ['daemon -n wipe -- rm -rf /srv/data', 'deny'],
    ['start-stop-daemon --start --background --exec /bin/rm -- -rf /srv/data', 'deny'],
    ['start-stop-daemon -S -b -a /bin/rm -- -rf /srv/data', 'deny'],
    ['openvt -s -- rm -rf /srv/data', 'deny'],
    ['unshare -r rm -rf /srv/data', 'deny'],
    [`unshare -rm <<< 'rm -rf /srv/data'`, 'deny'],
    ['s6-setsid -b rm -rf /srv/data', 'deny'],
    ['launchctl submit -l wipe -- /bin/rm -rf /srv/data', 'deny'],
    ['zellij run -- rm -rf /srv/data', 'deny'],
    ['zellij -s main run -f --cwd /srv -- rm -rf data', 'deny'],
    ['zellij action new-pane -- rm -rf /srv/data', 'deny'],
    [`zellij action write-chars 'rm -rf /srv/data'`, 'deny'],
    [`byobu new-session -d 'rm -rf /srv/nfs/home/*'`, 'deny'],
  ])('%s → %s', (script, want) => expect(verdict(script)).toBe(want));

  it.each<string>([
    'dtach -n /tmp/s.sock htop',
    'dtach -a /tmp/s.sock',
    'abduco -l',
    'abduco -a dev',
    'abduco -c dev vim notes.md',
    'daemonize -p /tmp/app.pid /usr/bin/python3 -m http.server 8000',
    'daemon --stop -n web',
    'start-stop-daemon --stop --pidfile /run/app.pid',
    'start-stop-daemon --start --test --exec /bin/rm -- -rf /srv/data',
    'byobu list-sessions',
    'unshare -rn ls /',
    'zellij run -- cargo test',
    'zellij attach main',
    'launchctl list',
  ])('%s stays allowed', (script) => expect(verdict(script)).toBe('allow'));
});
