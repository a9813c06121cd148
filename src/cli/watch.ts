/**
 * `agentfw watch [--session ID | --socket PATH]`: attach from a second terminal to a
 * running session, see its decision stream and answer approvals (approver `watch`).
 * Pairing needs the one-time code shown on the session's own screen.
 */
import os from 'node:os';
import type { ApprovalRequest } from '../approval/types.js';
import { connectWatch } from '../approval/watch-client.js';
import { findWatchSocket, promptHidden } from '../approval/watch-find.js';
import { DEFAULT_ARM_MS } from '../tui/approval-model.js';
import { ApprovalQueue } from '../tui/approvals.js';
import { countEvent, dialogLines, eventLine, safe, statusLine, type Counts } from '../tui/view.js';
import { createWidgets, dialogWidth, showDialog } from '../tui/widgets.js';
import { parseArgs } from './args.js';

const HELP = `usage: agentfw watch [--session ID | --socket PATH]

Attach to a running \`agentfw run\` session to watch its decisions and answer approvals.
You are asked for the pairing code shown in the session's status line (it is valid once).

Keys: a allow once · s allow for this session · d deny · m deny with a message
      j/k, PgUp/PgDn scroll · q or Ctrl-C detach (pending requests stay pending)
`;

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { flags: ['help'], options: ['session', 'socket'] });
  if (args.flags.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const socket = findWatchSocket({ socket: args.options.socket, session: args.options.session });
  const code = await promptHidden(`agentfw watch: pairing code for ${socket}: `);

  const pendingReqs = new Map<number, ApprovalRequest>();
  const backlog: Array<() => void> = [];
  const ref: { ui?: ReturnType<typeof setup> } = {};
  const later = (f: () => void) => (ref.ui ? f() : backlog.push(f));
  let closed: (code: number) => void = () => undefined;
  const finished = new Promise<number>((r) => (closed = r));

  const conn = await connectWatch(socket, code, {
    onEvent: (ev) => later(() => ref.ui!.event(ev)),
    onRequest: (req, remainingMs) =>
      later(() => {
        pendingReqs.set(req.id, req);
        // the session decides the timeout; the local clock runs a little longer
        ref.ui!.queue.add(req, remainingMs + 2000);
      }),
    onSettled: (id) => later(() => ref.ui!.queue.cancel(id)),
    onError: (c, m) => later(() => ref.ui!.note(`{red-fg}${safe(c)} ${safe(m)}{/red-fg}`)),
    onClose: () => closed(0),
  });

  function setup() {
    const w = createWidgets({ withTerminal: false, title: `agentfw watch ${conn.session.id}` });
    const info = { id: conn.session.id, packs: conn.session.packs, auditPath: '', watchSocket: socket };
    let counts: Counts = { allow: 0, ask: 0, deny: 0 };
    const seen = new Set<number>();
    const cfg = { approver: 'watch', timeoutMs: 300_000, armMs: DEFAULT_ARM_MS };
    const draw = () => {
      w.layout();
      w.status.setContent(statusLine(info, counts, queue.state.queue.length, 'watch | q detach'));
      showDialog(w, dialogLines(queue.state, Date.now(), cfg, dialogWidth(w), os.homedir()));
      w.screen.render();
    };
    const queue = new ApprovalQueue(cfg, {
      onChange: draw,
      onBell: () => w.screen.program.bell(),
      onSettled: (id, r) => {
        const req = pendingReqs.get(id);
        pendingReqs.delete(id);
        conn.answer({
          id,
          verdict: r.verdict,
          scope: r.scope,
          ...(r.message ? { message: r.message } : {}),
          ...(r.verdict === 'allow' && req?.confirm !== undefined ? { confirm: req.confirm } : {}),
        });
      },
    });
    if (process.stdin.isTTY) process.stdin.setRawMode(true);
    process.stdin.resume();
    process.stdin.on('data', (buf: Buffer) => {
      const data = buf.toString();
      if (data === '\x03' || (!queue.open && data === 'q')) return closed(0);
      if (queue.open) queue.key(data);
      else if (data === 'j' || data === '\x1b[B') w.log.scroll(1);
      else if (data === 'k' || data === '\x1b[A') w.log.scroll(-1);
      else if (data === '\x1b[6~') w.log.scroll(10);
      else if (data === '\x1b[5~') w.log.scroll(-10);
      draw();
    });
    w.screen.on('resize', draw);
    return {
      queue,
      event(ev: Parameters<typeof eventLine>[0]) {
        counts = countEvent(counts, seen, ev);
        w.appendLog(eventLine(ev), ev.id);
        draw();
      },
      note(line: string) {
        w.appendLog(line);
        draw();
      },
      destroy: () => {
        w.screen.destroy();
        if (process.stdin.isTTY) process.stdin.setRawMode(false);
      },
    };
  }

  const ui = (ref.ui = setup());
  ui.note(`{gray-fg}attached to session ${safe(conn.session.id)}{/gray-fg}`);
  for (const f of backlog.splice(0)) f();
  const exit = await finished;
  conn.close();
  ui.destroy();
  process.stdin.pause();
  process.stderr.write(`agentfw watch: detached from ${conn.session.id}\n`);
  return exit;
}
