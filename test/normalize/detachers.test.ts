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
    // -C (--no-close) and -o (--oknodo) are flags: they do not swallow -x
    ['start-stop-daemon -S -C -x /bin/rm -- -rf /srv/data', 'deny'],
    ['start-stop-daemon -S -q -o -b -m -p /run/x.pid -x /bin/rm -- -rf /srv/data', 'deny'],
    // daemon: -S (--safe) is a flag; -F, -m, -e and FreeBSD's -p, -t take a value
    ['daemon -S rm -rf /srv/data', 'deny'],
    ['daemon -F /tmp/x.pid rm -rf /srv/data', 'deny'],
    ['daemon -m 022 rm -rf /srv/data', 'deny'],
    ['daemon -e X=1 rm -rf /srv/data', 'deny'],
    ['daemon -p /var/run/x.pid -t wipe rm -rf /srv/data', 'deny'],
    ['daemon -D /etc rm -rf nginx', 'deny'],
    // daemonize's short options grouped: -vu USER, -ac DIR
    ['daemonize -vu root /bin/rm -rf /srv/data', 'deny'],
    ['daemonize -ac /etc /bin/rm -rf nginx', 'deny'],
    ['daemonize -E A=1 -E B=2 -c /etc /bin/rm -rf nginx', 'deny'],
    // submit -p names the program that runs; asuser/bsexec run their command
    ['launchctl submit -l x -p /bin/rm -- ls -rf /srv/data', 'deny'],
    ['launchctl asuser 0 rm -rf /srv/data', 'deny'],
    ['launchctl bsexec 1 rm -rf /srv/data', 'deny'],
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
    'start-stop-daemon -S -C -x /usr/bin/python3 -- -m http.server 8000',
    'daemon -S -F /tmp/web.pid -- python3 -m http.server 8000',
    'daemon -p /var/run/x.pid -t web python3 -m http.server',
    'daemonize -vu nobody /usr/bin/python3 -m http.server 8000',
    'launchctl submit -l x -p /bin/ls -- ls -la /tmp',
    'launchctl asuser 501 ls -la',
  ])('%s stays allowed', (script) => expect(verdict(script)).toBe('allow'));
});
