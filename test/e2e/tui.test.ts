/**
 * The TUI in a real terminal: tmux runs the harness (real PTY agent, real TUI, real
 * watch server and approver race), the test reads the screen with capture-pane and
 * types with send-keys, then checks both sides: did the command run (marker file), what
 * did the agent see, and who does the audit name as approver.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';
import { hasTmux, sleep, tmuxDriver } from './tmux.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT = path.join(ROOT, 'node_modules', '.cache', 'agentfw-tui');
const HARNESS = path.join(OUT, 'harness.mjs');
const withTmux = hasTmux();

let dir: string;
let n = 0;
const t = tmuxDriver(15_000);
const { tmux, capture, waitScreen, type, typeInput, press } = t;

/** Start the harness in a fresh tmux session with an agent script; returns the test dir. */
async function start(agent: string, timeoutMs = 60_000): Promise<string> {
  const d = path.join(dir, `t${++n}`);
  mkdirSync(d);
  writeFileSync(path.join(d, 'agent.sh'), agent);
  t.session = `agentfw-tui-${process.pid}-${n}`;
  const cmd = `node ${HARNESS} run --dir ${d} --timeout-ms ${timeoutMs} -- ${path.join(d, 'agent.sh')}; sleep 60`;
  tmux('new-session', '-d', '-s', t.session, '-x', '160', '-y', '48', cmd);
  await waitScreen(/agent: ready/);
  return d;
}

/** Splits the test's window: a pane running `agentfw watch` on the run in `d`, then `after`; returns its id. */
const openWatchPane = (d: string, after: string) =>
  tmux(
    'split-window',
    '-v',
    '-P',
    '-F',
    '#{pane_id}',
    '-t',
    t.session,
    `node ${HARNESS} watch --socket ${d}/run/watch.sock; ${after}sleep 60`,
  ).trim();

const audit = (d: string) =>
  readFileSync(path.join(d, 'audit.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map(
      (l) =>
        JSON.parse(l) as {
          command: string;
          decision: string;
          approver: string;
          scope: string;
          message: string;
        },
    );

const ONE = (confirm = '') => `echo -e "agent: \\e[32mready\\e[0m"
$GATE ${confirm ? `--confirm ${confirm}` : ''} -- "touch $DIR/ran"; echo "agent: gate exit $?"
sleep 60
`;

beforeAll(async () => {
  if (!withTmux) return;
  mkdirSync(OUT, { recursive: true });
  await build({
    input: path.join(ROOT, 'test', 'e2e', 'tui-harness.ts'),
    platform: 'node',
    external: [/^[^./]/],
    logLevel: 'warn',
    output: { file: HARNESS, format: 'esm' },
  });
  dir = mkdtempSync(path.join(os.tmpdir(), 'agentfw-tui-e2e-'));
  // Each session's harness loads the engine the way it does (same build, same default
  // example cache): done once here, the packs' examples are verified before the first
  // session instead of inside its 15 s screen wait (seconds of CPU on a loaded machine).
  const engine = (await import(path.join(ROOT, 'dist', 'engine', 'analyze.js'))) as {
    loadEngine(o: { mask: (s: string) => string }): Promise<unknown>;
  };
  await engine.loadEngine({ mask: (s) => s });
  t.startServer();
}, 120_000);
afterEach(() => t.endSession());
afterAll(() => {
  if (withTmux) t.stopServer();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!withTmux)('TUI in tmux', () => {
  it('allow once: the command runs and the audit names tui', async () => {
    const d = await start(ONE());
    const screen = await waitScreen(/\[a\] allow once/);
    expect(screen).toContain(`touch ${d}/ran`);
    expect(screen).toMatch(/1 waiting/);
    await type('a');
    await waitScreen(/agent: gate exit 0/);
    expect(existsSync(path.join(d, 'ran'))).toBe(true);
    expect(audit(d)).toEqual([
      expect.objectContaining({ decision: 'allow', approver: 'tui', scope: 'once' }),
    ]);
    expect(capture()).toMatch(/ALLOW shell +by tui touch /);
  });

  it('deny: the command does not run and the agent is told to ask the user', async () => {
    const d = await start(ONE());
    await waitScreen(/\[a\] allow once/);
    await type('d');
    const screen = await waitScreen(/agent: gate exit 126/);
    expect(screen).toMatch(/ask the user/);
    expect(existsSync(path.join(d, 'ran'))).toBe(false);
    expect(audit(d)).toEqual([expect.objectContaining({ decision: 'deny', approver: 'tui' })]);
  });

  it('deny with a message: the agent receives the message', async () => {
    const d = await start(ONE());
    await waitScreen(/\[a\] allow once/);
    await type('m');
    await waitScreen(/Message to the agent/);
    tmux('send-keys', '-t', t.session, '-l', 'use the staging volume');
    press('Enter');
    await waitScreen(/refused: use the staging volume/);
    expect(existsSync(path.join(d, 'ran'))).toBe(false);
    expect(audit(d)[0]).toMatchObject({
      decision: 'deny',
      approver: 'tui',
      message: 'use the staging volume',
    });
  });

  it('typed confirmation: a wrong value and a paste do not approve, the right value typed does', async () => {
    const d = await start(ONE('vol-3f1c9a'));
    await waitScreen(/\[a\] allow once/);
    await type('a');
    await waitScreen(/To allow, type vol-3f1c9a/);
    await typeInput('vol-3f1c9b');
    press('Enter');
    await waitScreen(/does not match/);
    tmux('send-keys', '-t', t.session, '-l', 'vol-3f1c9a'); // one chunk = pasted
    await waitScreen(/Pasted text is not accepted/);
    press('Enter');
    await waitScreen(/does not match/);
    expect(existsSync(path.join(d, 'ran'))).toBe(false);
    expect(existsSync(path.join(d, 'audit.jsonl'))).toBe(false);
    await typeInput('vol-3f1c9a');
    press('Enter');
    await waitScreen(/agent: gate exit 0/);
    expect(existsSync(path.join(d, 'ran'))).toBe(true);
    expect(audit(d)).toEqual([expect.objectContaining({ decision: 'allow', approver: 'tui' })]);
  });

  it('timeout: nobody answers, the command is denied', async () => {
    const d = await start(ONE(), 2000);
    await waitScreen(/denied in \d s/);
    const screen = await waitScreen(/agent: gate exit 126/, t.session, 10_000);
    expect(screen).toMatch(/No human answered within 2 s/);
    expect(existsSync(path.join(d, 'ran'))).toBe(false);
    expect(audit(d)[0]).toMatchObject({ decision: 'deny', approver: 'tui' });
  });

  it('queues several requests in order and answers each', async () => {
    // Two gates race (each is a fresh node process), so the arrival order is read off the screen.
    const d = await start(`echo "agent: ready"
$GATE -- "touch $DIR/one" &
sleep 0.3
$GATE -- "touch $DIR/two" &
wait; echo "agent: both done"
sleep 60
`);
    // wait until the dialog is armed (choices shown) as well as queued
    const screen = await waitScreen(/\+1 more waiting[\s\S]*\[a\] allow once/);
    const head = /Approval needed #1[\s\S]*?touch \S+\/(one|two)/.exec(screen)?.[1];
    const [firstShown, secondShown] = head === 'one' ? ['one', 'two'] : ['two', 'one'];
    expect(head).toMatch(/^(one|two)$/);
    await type('d');
    await waitScreen(new RegExp(`Approval needed #2[\\s\\S]*touch ${d}/${secondShown}`));
    expect(capture()).not.toContain('more waiting');
    await sleep(300); // the new dialog ignores keys for 250 ms after it opens
    await type('a');
    await waitScreen(/agent: both done/);
    expect(existsSync(path.join(d, firstShown))).toBe(false);
    expect(existsSync(path.join(d, secondShown))).toBe(true);
    expect(audit(d).map((a) => [a.command.split('/').pop(), a.decision])).toEqual([
      [firstShown, 'deny'],
      [secondShown, 'allow'],
    ]);
  });

  it('watch: a second pane pairs with the code from the screen and approves', async () => {
    const d = await start(ONE());
    const first = await waitScreen(/\[a\] allow once/);
    const code = /watch code ([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(first)?.[1];
    expect(code).toBeTruthy();
    const watchPane = openWatchPane(d, '');
    await waitScreen(/pairing code/, watchPane);
    await type(code!, watchPane);
    press('Enter', watchPane);
    const w = await waitScreen(/\[a\] allow once/, watchPane);
    expect(w).toContain(`touch ${d}/ran`);
    await type('a', watchPane);
    await waitScreen(/agent: gate exit 0/, `${t.session}.0`);
    expect(existsSync(path.join(d, 'ran'))).toBe(true);
    expect(audit(d)).toEqual([expect.objectContaining({ decision: 'allow', approver: 'watch' })]);
    // the TUI's dialog closed, and the used code no longer pairs
    expect(capture(`${t.session}.0`)).not.toContain('Approval needed');
    expect(capture(`${t.session}.0`)).not.toContain(code!);
  });

  it('a wrong pairing code is refused', async () => {
    const d = await start(ONE());
    await waitScreen(/\[a\] allow once/);
    const watchPane = openWatchPane(d, 'echo "watch exit $?"; ');
    await waitScreen(/pairing code/, watchPane);
    await type('AAAA-AAAA', watchPane);
    press('Enter', watchPane);
    const screen = await waitScreen(/watch exit 1/, watchPane);
    expect(screen).toMatch(/E_WATCH_PAIRING wrong pairing code/);
    // the TUI shows the failed attempt (partly under the dialog)
    await waitScreen(/! watch: wrong pairing c/, `${t.session}.0`);
    expect(existsSync(path.join(d, 'audit.jsonl'))).toBe(false);
  });

  it('renders the agent terminal: colours, alternate screen, and the firewall pane toggles', async () => {
    const d = await start(`echo "agent: ready"
sleep 1
printf '\\e[?1049h\\e[H\\e[1;31mFULLSCREEN-APP\\e[0m'
sleep 2
printf '\\e[?1049l'
echo "back on the main screen"
sleep 60
`);
    await waitScreen(/FULLSCREEN-APP/);
    const colours = tmux('capture-pane', '-p', '-e', '-t', t.session);
    expect(colours).toMatch(/\x1b\[[0-9;]*31m[^\n]*FULLSCREEN-APP|\x1b\[[0-9;]*1;31m/);
    const back = await waitScreen(/back on the main screen/);
    expect(back).toContain('agent: ready');
    expect(back).not.toContain('FULLSCREEN-APP');
    expect(back).toContain('firewall');
    tmux('send-keys', '-t', t.session, 'C-]');
    await sleep(60);
    await type('h');
    const hidden = await waitScreen(/^(?![\s\S]*┌─ firewall)[\s\S]*Ctrl-\] \? keys/);
    expect(hidden).toContain('back on the main screen');
    tmux('send-keys', '-t', t.session, 'C-]');
    await sleep(60);
    await type('h');
    await waitScreen(/┌─ firewall/);
    expect(existsSync(path.join(d, 'audit.jsonl'))).toBe(false);
  });
});
