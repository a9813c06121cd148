/**
 * The live approval TUI for `agentfw run`: the agent's terminal on top (PTY output
 * interpreted by @xterm/headless, drawn cell by cell), the firewall's decision stream
 * below, a status line, and an approval dialog for every `ask`.
 *
 * Usage (supervisor): `const ui = createTui(); const approver = ui.start({ terminal, info, onDecision });`
 * … `ui.stop()` at exit.
 */
import os from 'node:os';
import path from 'node:path';
import xterm from '@xterm/headless';
import type { Approver, SessionUi } from '../approval/types.js';
import { DEFAULT_ARM_MS, DEFAULT_TIMEOUT_MS } from './approval-model.js';
import { ApprovalQueue, queueApprover } from './approvals.js';
import { userDir } from '../config/discover.js';
import { SHAPE_FILE } from '../config/shape-rule.js';
import { writeShapeRule } from '../config/shape-write.js';
import { initialKeys, routeKeys, type UiAction } from './keys.js';
import { renderBuffer } from './render.js';
import { modernUnicode } from './wide.js';
import { countEvent, dialogLines, eventLine, safe, statusLine, type Counts } from './view.js';
import { createWidgets, dialogWidth, showDialog, type Widgets } from './widgets.js';

/** Longest pause between two screen renders in a burst of changes (about 60 per second). */
const FRAME_MS = 16;

export interface TuiOptions {
  /** Deny an approval nobody answered after this many ms. Default 300 000 (5 minutes). */
  approvalTimeoutMs?: number;
  /** Ignore keys for this many ms after a dialog opens (keystrokes meant for the agent). Default 250. */
  armMs?: number;
  /** The watch server, to show its one-time pairing code on the human's screen. Absent = no watch line. */
  watch?: {
    readonly pairingCode: string;
    onPairingCode(cb: (code: string) => void): () => void;
    /** Warnings (wrong pairing codes) shown in the firewall log. Absent = not shown. */
    onWarning?(cb: (message: string) => void): () => void;
  };
  /** Streams for the UI; default process.stdin / process.stdout. */
  input?: NodeJS.ReadableStream & { setRawMode?: (on: boolean) => void };
  output?: NodeJS.WritableStream;
}

export function createTui(opts: TuiOptions = {}): SessionUi {
  let w: Widgets | undefined;
  const cleanups: Array<() => void> = [];
  let queue: ApprovalQueue | undefined;
  let stopped = false;

  return {
    start({ terminal, info, onDecision }): Approver {
      const widgets = createWidgets({
        withTerminal: true,
        title: `agentfw ${info.id}`,
        input: opts.input,
        output: opts.output,
      });
      w = widgets;
      const screen = widgets.screen;
      const cfg = {
        approver: 'tui',
        timeoutMs: opts.approvalTimeoutMs ?? DEFAULT_TIMEOUT_MS,
        armMs: opts.armMs ?? DEFAULT_ARM_MS,
        shapeTarget: path.join(userDir(), 'rules', SHAPE_FILE),
      };
      let { cols, rows } = widgets.layout();
      const vt = new xterm.Terminal({ cols, rows, allowProposedApi: true, scrollback: 1000 });
      // Widths as the user's terminal draws them (emoji are two columns), see wide.ts.
      vt.unicode.register(modernUnicode);
      vt.unicode.activeVersion = modernUnicode.version;
      terminal.resize(cols, rows);
      let cursorVisible = true;
      // Track DECTCEM (CSI ? 25 h/l) for the drawn cursor; returning false keeps xterm's own handling.
      for (const final of ['h', 'l'] as const) {
        vt.parser.registerCsiHandler({ prefix: '?', final }, (params) => {
          if (params.includes(25)) cursorVisible = final === 'h';
          return false;
        });
      }

      let counts: Counts = { allow: 0, ask: 0, deny: 0 };
      const seenAsk = new Set<number>();
      /** Requests this dialog denied because its clock ran out (marked in the firewall pane). */
      const timedOut = new Set<number>();
      let keys = initialKeys();
      let extra = '';
      let exited = '';

      // A change is drawn on the next turn of the event loop, so a keystroke's echo shows at
      // once; after a draw the next one waits as long as that draw took (at most FRAME_MS),
      // so a burst of output spends at most half the time drawing.
      let frame: NodeJS.Timeout | NodeJS.Immediate | undefined;
      let nextDraw = 0;
      const draw = () => {
        frame = undefined;
        if (stopped) return;
        const t0 = performance.now();
        const showCursor = cursorVisible && !queue?.open && !keys.logFocus;
        widgets.term!.setContent(
          renderBuffer(vt.buffer.active, { cursor: showCursor, cols, rows }).join('\n'),
        );
        const pairing = opts.watch ? `watch code {bold}${safe(opts.watch.pairingCode)}{/bold}` : '';
        const focus = keys.logFocus
          ? '{inverse} LOG {/inverse}'
          : keys.prefix
            ? '{inverse} ^] {/inverse}'
            : '';
        extra = [focus, pairing, exited, 'Ctrl-] ? keys'].filter(Boolean).join(' | ');
        widgets.status.setContent(statusLine(info, counts, queue?.state.queue.length ?? 0, extra));
        showDialog(widgets, dialogLines(queue!.state, Date.now(), cfg, dialogWidth(widgets), os.homedir()));
        screen.render();
        const t1 = performance.now();
        nextDraw = t1 + Math.min(FRAME_MS, t1 - t0);
      };
      const redraw = () => {
        if (frame || stopped) return;
        const wait = nextDraw - performance.now();
        frame = wait > 0 ? setTimeout(draw, wait) : setImmediate(draw);
      };

      const approver = queueApprover('tui');
      queue = new ApprovalQueue(cfg, {
        onChange: redraw,
        onBell: () => screen.program.bell(),
        onSettled: (id, r) => {
          if (r.verdict === 'deny' && r.message?.startsWith('No human answered')) timedOut.add(id);
          approver.settle(id, r);
        },
        onWriteRule: (_req, proposal) => {
          try {
            const w = writeShapeRule(userDir(), proposal);
            widgets.appendLog(
              `{green-fg}rule ${safe(w.id)} ${w.existed ? 'was already in' : 'written to'} ${safe(w.file)}{/green-fg}`,
            );
            return '';
          } catch (err) {
            return (err as Error).message;
          }
        },
      });

      cleanups.push(terminal.onData((chunk) => vt.write(chunk, redraw)));
      terminal.onExit((code) => {
        exited = `{red-fg}agent exited (${code}){/red-fg}`;
        redraw();
      });
      cleanups.push(
        onDecision((ev) => {
          const wasAsked = seenAsk.has(ev.id);
          counts = countEvent(counts, seenAsk, ev);
          // An ask that ended without a human's answer is marked as such, not as a human's deny.
          const unanswered = timedOut.delete(ev.id)
            ? 'timed out'
            : wasAsked && ev.approver === 'policy'
              ? 'no answer'
              : '';
          widgets.appendLog(eventLine(ev, unanswered), ev.id);
          redraw();
        }),
      );
      if (opts.watch) cleanups.push(opts.watch.onPairingCode(redraw));
      if (opts.watch?.onWarning)
        cleanups.push(
          opts.watch.onWarning((m) => {
            widgets.appendLog(`{red-fg}{bold}! ${safe(m)}{/bold}{/red-fg}`);
            redraw();
          }),
        );

      const act = (a: UiAction) => {
        if (a.kind === 'agent') terminal.write(a.data);
        else if (a.kind === 'dialog') queue!.key(a.data);
        else if (a.kind === 'toggle-pane') {
          widgets.paneVisible = !widgets.paneVisible;
          resize();
        } else if (a.kind === 'scroll') {
          if (a.by === 'top') widgets.log.setScrollPerc(0);
          else if (a.by === 'bottom') widgets.log.setScrollPerc(100);
          else widgets.log.scroll(a.by);
        } else if (a.kind === 'help') {
          if (widgets.help.hidden) widgets.help.show();
          else widgets.help.hide();
        }
      };
      const input = opts.input ?? process.stdin;
      const onInput = (buf: Buffer | string) => {
        const data = buf.toString();
        if (!widgets.help.hidden) widgets.help.hide();
        const r = routeKeys(keys, data, queue!.open);
        keys = r.state;
        r.actions.forEach(act);
        redraw();
      };
      // Raw mode: every keystroke arrives as typed (Ctrl-C included) and nothing is echoed by the tty.
      input.setRawMode?.(true);
      input.on('data', onInput);
      input.resume();
      cleanups.push(() => {
        input.off('data', onInput);
        input.setRawMode?.(false);
        input.pause();
      });

      const resize = () => {
        ({ cols, rows } = widgets.layout());
        vt.resize(cols, rows);
        terminal.resize(cols, rows);
        redraw();
      };
      screen.on('resize', resize);
      screen.program.hideCursor();
      cleanups.push(() => vt.dispose());
      draw();
      return approver.bind(queue);
    },

    stop() {
      if (stopped) return;
      stopped = true;
      // fail closed: requests still waiting when the UI closes are denied.
      queue?.close(
        'The firewall UI closed before a human answered, so the command was denied. Do not retry; ask the user.',
      );
      for (const c of cleanups.splice(0)) c();
      w?.screen.destroy();
    },
  };
}
