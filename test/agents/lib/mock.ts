/**
 * Runs the harness's mock model server (one scripted tool call, then a final answer)
 * on a free loopback port, logging every request it receives.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { MOCK_LLM } from './paths.js';

/** One line of the mock's JSONL log. */
export interface MockLogEntry {
  /** "METHOD /path" of a received request; absent on reply lines. */
  req?: string;
  /** Parsed JSON request body; absent on reply lines. */
  body?: unknown;
  /** What the mock answered: "tool" (the scripted call), "final" (after a tool result) or "plain". */
  mode?: 'tool' | 'final' | 'plain';
}

export interface Mock {
  /** Base URL, e.g. http://127.0.0.1:41234 (no trailing slash). */
  baseUrl: string;
  /** Every log line so far. */
  log(): MockLogEntry[];
  /** Exit code of the mock process; null while it runs. */
  exitCode(): number | null;
  stop(): Promise<void>;
}

/**
 * Starts the mock; it tells the agent to run `command` verbatim. Files go in `dir`.
 * `toolArgs` are merged into the tool call's arguments (e.g. Codex's `{"tty": true}`);
 * empty = none.
 */
export async function startMock(
  command: string,
  dir: string,
  toolArgs: Record<string, unknown> = {},
): Promise<Mock> {
  const commandFile = path.join(dir, 'command.txt');
  const portFile = path.join(dir, 'mock.port');
  const logFile = path.join(dir, 'mock.jsonl');
  writeFileSync(commandFile, command);
  const child: ChildProcess = spawn(
    process.execPath,
    [
      MOCK_LLM,
      ...['--command-file', commandFile, '--port', '0', '--port-file', portFile, '--log', logFile],
      ...(Object.keys(toolArgs).length ? ['--tool-args-json', JSON.stringify(toolArgs)] : []),
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // The port file can exist before the port is written in it: wait for a port number.
  const readPort = () => (existsSync(portFile) ? Number(readFileSync(portFile, 'utf8').trim()) : 0);
  let port = readPort();
  for (let i = 0; i < 100 && !(port > 0); i++) {
    await sleep(100);
    port = readPort();
  }
  if (!(port > 0)) {
    child.kill();
    throw new Error(`mock model server did not start (${MOCK_LLM})`);
  }
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    log: () =>
      existsSync(logFile)
        ? readFileSync(logFile, 'utf8')
            .split('\n')
            .filter(Boolean)
            .map((l) => JSON.parse(l) as MockLogEntry)
        : [],
    exitCode: () => child.exitCode,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
