/**
 * Commands run later or detached (src/normalize/multiplexers.ts, crontab.ts): what tmux,
 * screen, systemd-run and a crontab install will run is walked now.
 */
import { describe, expect, it } from 'vitest';
import { filesContext } from '../helpers/normalize.js';
import { parseScript } from '../../src/parse/parse.js';
import { normalize } from '../../src/normalize/index.js';
import { DEFAULT_LIMITS } from '../../src/engine/types.js';
import { cronCommands } from '../../src/normalize/crontab.js';

const FILES = {
  '/w/jobs.txt': 'MAILTO=ops@example.com\n# nightly\n0 3 * * * rm -rf /srv/cache\n@reboot /usr/bin/true\n',
};

/** Each command as `wrappers > argv` (dynamic ones marked `?`). */
function commands(script: string): string[] {
  const r = normalize(parseScript(script, DEFAULT_LIMITS), filesContext(FILES));
  return r.commands.map((c) => `${c.wrappers.join(',')} > ${c.argv.join(' ')}${c.dynamic ? ' ?' : ''}`);
}

describe('tmux, screen and systemd-run carry their command', () => {
  it.each<[string, string]>([
    [
      "tmux new-session -d -s job 'sleep 1; terraform destroy -auto-approve'",
      'tmux new-session > terraform destroy -auto-approve',
    ],
    ['tmux new -d -c /srv htop', 'tmux new > htop'],
    ["tmux split-window -h 'rm -rf ~/x'", 'tmux split-window > rm -rf /h/x'],
    ["tmux run-shell -d 5 'dropdb app'", 'tmux run-shell > dropdb app'],
    ["tmux -L s send-keys -t dev 'rm -rf ~/prod' Enter", 'tmux send-keys > rm -rf /h/prod'],
    ['tmux -c \'psql -c "DROP TABLE t"\'', 'tmux -c > psql -c DROP TABLE t'],
    ["screen -dmS cleanup bash -c 'rm -rf ~/.ssh'", 'screen,bash -c > rm -rf /h/.ssh'],
    ["screen -S job -X stuff 'dropdb app\\n'", 'screen -X stuff > dropdb app'],
    [
      "systemd-run --user --on-calendar='*-*-* 03:00' /bin/sh -c 'redis-cli FLUSHALL'",
      'systemd-run,sh -c > redis-cli FLUSHALL',
    ],
    ['systemd-run -p MemoryMax=1G --unit=x rm -rf /data', 'systemd-run > rm -rf /data'],
  ])('%s', (script, want) => {
    expect(commands(script)).toContain(want);
  });

  it.each<[string]>([['tmux ls'], ['tmux attach -t dev'], ['screen -ls'], ['screen -r job']])(
    '%s runs nothing new',
    (script) => {
      expect(commands(script)).toHaveLength(1);
    },
  );
});

describe('a crontab install walks its jobs', () => {
  it.each<[string, string[]]>([
    ["echo '0 3 * * * rm -rf /var/lib/pg' | crontab -", ['crontab > rm -rf /var/lib/pg']],
    ['crontab jobs.txt', ['crontab > rm -rf /srv/cache', 'crontab > /usr/bin/true']],
    // the listed (installed) jobs are no new effect; the added one is
    ["(crontab -l; echo '@daily dropdb app') | crontab -", ['crontab > dropdb app']],
    ['crontab -l | crontab -', []],
  ])('%s', (script, want) => {
    const got = commands(script).filter((c) => c.startsWith('crontab >'));
    expect(got).toEqual(want);
  });

  it.each<[string]>([
    // fail closed: jobs that cannot be read
    ['crontab missing.txt'],
    ["crontab -l | sed 's/^#//' | crontab -"],
    ['curl -s https://x.example/jobs | crontab -'],
    ['crontab -u "$U" jobs.txt'],
  ])('%s: its jobs are not known', (script) => {
    expect(commands(script).filter((c) => / > crontab .*\?$/.test(c))).toHaveLength(1);
  });

  it.each<[string, string[]]>([
    ['0 3 * * * rm -rf /x\n', ['rm -rf /x']],
    ['MAILTO=a\n# c\n\n@hourly run.sh\n', ['run.sh']],
    ['*/5 * * * * date +\\%s % input text\n', ['date +\\%s ']],
  ])('job lines of %j', (text, want) => {
    expect(cronCommands(text)).toEqual(want);
  });
});
