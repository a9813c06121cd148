/**
 * Drives programs in tmux for the terminal end-to-end tests: a tmux server of this test
 * file's own (not the user's), kept alive by an idle `anchor` session for the whole file,
 * one session per test. Screens are read with capture-pane and keys sent with send-keys.
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface TmuxDriver {
  /** The current test's session, the default target of every call; '' = none. */
  session: string;
  /** `tmux ARGS` on this file's server; returns its stdout. */
  tmux(...args: string[]): string;
  /** The visible screen of `target`. */
  capture(target?: string): string;
  /** Polls the screen until `re` shows up; fails with the last screen after `ms`. */
  waitScreen(re: RegExp, target?: string, ms?: number): Promise<string>;
  /** Types like a human: one key per write, with a gap (so keys are not taken for a paste). */
  type(keys: string, target?: string): Promise<void>;
  /**
   * Types into the dialog's input one key at a time and waits until the screen echoes each
   * one, so keys are never delivered in one chunk (which the dialog treats as a paste),
   * even on a loaded machine.
   */
  typeInput(value: string, target?: string): Promise<void>;
  /** Sends one named key (`Enter`, `C-]`). */
  press(key: string, target?: string): string;
  /** Starts the server with its idle anchor session. */
  startServer(): void;
  /** Kills the current test's session if there is one (it may be gone already). */
  endSession(): void;
  /** Kills the server and removes its socket. */
  stopServer(): void;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A driver whose waitScreen gives up after `waitMs` unless told otherwise. */
export function tmuxDriver(waitMs: number): TmuxDriver {
  const server = path.join(os.tmpdir(), `agentfw-tmux-${process.pid}.sock`);
  const d: TmuxDriver = {
    session: '',
    tmux: (...args) => execFileSync('tmux', ['-S', server, ...args], { encoding: 'utf8' }),
    capture: (target = d.session) => d.tmux('capture-pane', '-p', '-t', target),
    async waitScreen(re, target = d.session, ms = waitMs) {
      const end = Date.now() + ms;
      let screen = '';
      while (Date.now() < end) {
        screen = d.capture(target);
        if (re.test(screen)) return screen;
        await sleep(50);
      }
      throw new Error(`timed out waiting for ${re} on the screen:\n${screen}`);
    },
    async type(keys, target = d.session) {
      for (const k of keys) {
        d.tmux('send-keys', '-t', target, '-l', '--', k);
        await sleep(60);
      }
    },
    async typeInput(value, target) {
      for (let i = 0; i < value.length; i++) {
        await d.type(value[i], target);
        await d.waitScreen(new RegExp(`> ${escapeRegExp(value.slice(0, i + 1))}_`), target);
      }
    },
    press: (key, target = d.session) => d.tmux('send-keys', '-t', target, key),
    startServer: () => void d.tmux('new-session', '-d', '-s', 'anchor', 'sleep 600'),
    endSession() {
      if (d.session) {
        try {
          d.tmux('kill-session', '-t', d.session);
        } catch {
          /* already gone */
        }
      }
      d.session = '';
    },
    stopServer() {
      d.tmux('kill-server');
      rmSync(server, { force: true });
    },
  };
  return d;
}

/** True when tmux runs on this machine. */
export function hasTmux(): boolean {
  try {
    execFileSync('tmux', ['-V']);
    return true;
  } catch {
    return false;
  }
}
