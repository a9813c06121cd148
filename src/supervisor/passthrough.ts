/**
 * Transparent terminal passthrough (no TUI): the user's terminal in raw mode, keys to the
 * agent byte for byte (Ctrl-C reaches it as \x03), output straight back, SIGWINCH →
 * resize. Without a TTY, stdin is piped through (EOF → ^D) and the agent's pty has echo
 * and CR/LF translation turned off by the launcher so output bytes stay unchanged.
 */
import type { AgentProcess } from './pty.js';

export interface Passthrough {
  /** Restores the user's terminal and detaches listeners. Idempotent. */
  stop(): void;
}

export function startPassthrough(agent: AgentProcess): Passthrough {
  const stdin = process.stdin;
  const stdout = process.stdout;
  const tty = Boolean(stdin.isTTY);
  const offData = agent.terminal.onData((d) => stdout.write(d));
  const onInput = (b: Buffer) => agent.terminal.write(b.toString('utf8'));
  const onEnd = () => agent.terminal.write('\x04');
  const onResize = () => agent.terminal.resize(stdout.columns || 80, stdout.rows || 24);
  if (tty) stdin.setRawMode(true);
  stdin.on('data', onInput);
  stdin.on('end', onEnd);
  stdin.resume();
  if (stdout.isTTY) process.on('SIGWINCH', onResize);
  let stopped = false;
  return {
    stop() {
      if (stopped) return;
      stopped = true;
      offData();
      stdin.off('data', onInput);
      stdin.off('end', onEnd);
      process.off('SIGWINCH', onResize);
      if (tty) {
        try {
          stdin.setRawMode(false);
        } catch {
          /* terminal gone */
        }
      }
      stdin.pause();
      // Node keeps a paused TTY stdin handle referenced; unref so the process can exit.
      (stdin as unknown as { unref?: () => void }).unref?.();
    },
  };
}
