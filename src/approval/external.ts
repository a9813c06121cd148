/**
 * `--approver CMD`: settle each ask by running CMD (out-of-band approval: chat, phone,
 * ticket). The request JSON (already masked) goes to its stdin as one line; the first
 * non-empty line of its stdout must be `{"verdict":"allow"|"deny","message"?,"scope"?,"confirm"?}`.
 *
 * Fail closed: a non-zero exit, a signal, no/unreadable output, a timeout, or an allow
 * without the typed confirmation value (for requests that carry `confirm`) all deny.
 */
import path from 'node:path';
import { execa } from 'execa';
import { parse } from 'shell-quote';
import { z } from 'zod';
import { usageError } from '../errors.js';
import { DEFAULT_TIMEOUT_MS } from '../tui/approval-model.js';
import type { ApprovalResult, Approver } from './types.js';

export interface ExternalApproverOptions {
  /** Kill the command and deny after this many ms. Default 300 000 (the approval timeout). */
  timeoutMs?: number;
  /** Working directory for the command. Default: the supervisor's cwd. */
  cwd?: string;
}

const VerdictSchema = z.object({
  verdict: z.enum(['allow', 'deny']),
  /** Message for the agent. Absent/empty = none. */
  message: z.string().max(2000).optional(),
  /** `session` = allow this exact normalized command for the rest of the session. Absent = once. */
  scope: z.enum(['once', 'session']).optional(),
  /** The value the human typed, for requests that carry `confirm`. Absent = none typed. */
  confirm: z.string().max(256).optional(),
});

const MAX_STDOUT = 64 * 1024;

/** Split CMD into argv without a shell; shell operators are refused (write a script instead). */
export function parseApproverCommand(cmd: string): string[] {
  const parts = parse(cmd, process.env as Record<string, string>);
  if (!parts.length || parts.some((p) => typeof p !== 'string')) {
    throw usageError(
      `--approver "${cmd}" is not a plain command (pipes, redirections, globs and ; are not run)`,
      'put the logic in a script and pass its path: --approver /path/to/approve.sh',
    );
  }
  return parts as string[];
}

export function createExternalApprover(cmd: string, opts: ExternalApproverOptions = {}): Approver {
  const argv = parseApproverCommand(cmd);
  const name = `external:${path.basename(argv[0])}`;
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const deny = (why: string): ApprovalResult => ({
    verdict: 'deny',
    approver: name,
    scope: 'once',
    message: `${why}, so the command was denied. Do not retry or work around this; ask the user.`,
  });
  return {
    name,
    async decide(req, signal) {
      // fail closed: every failure below is a deny
      try {
        const sub = execa(argv[0], argv.slice(1), {
          input: JSON.stringify(req) + '\n',
          stdout: 'pipe',
          stderr: 'ignore',
          reject: false,
          // own process group, so a timeout kills the approver's children too (they hold stdout open)
          detached: true,
          maxBuffer: MAX_STDOUT,
          cwd: opts.cwd,
        });
        let timedOut = false;
        const killGroup = () => {
          try {
            if (sub.pid) process.kill(-sub.pid, 'SIGKILL');
          } catch {
            /* already gone */
          }
        };
        const timer = setTimeout(() => {
          timedOut = true;
          killGroup();
        }, timeoutMs);
        signal.addEventListener('abort', killGroup, { once: true });
        const r = await sub;
        clearTimeout(timer);
        signal.removeEventListener('abort', killGroup);
        if (signal.aborted) return deny('The approval was withdrawn');
        if (timedOut)
          return deny(
            `The external approver ${name} gave no answer within ${Math.round(timeoutMs / 1000)} s`,
          );
        if (r.failed || r.exitCode !== 0) {
          const how = r.signal
            ? `was killed by ${r.signal}`
            : r.exitCode !== undefined
              ? `exited with code ${r.exitCode}`
              : 'could not be started';
          return deny(`The external approver ${name} ${how}`);
        }
        const line = String(r.stdout)
          .split('\n')
          .find((l) => l.trim());
        let v: z.infer<typeof VerdictSchema>;
        try {
          v = VerdictSchema.parse(JSON.parse(line ?? ''));
        } catch {
          return deny(`The external approver ${name} printed no valid verdict line`);
        }
        if (v.verdict === 'allow' && req.confirm !== undefined && v.confirm !== req.confirm) {
          return deny(`The external approver ${name} allowed without the typed confirmation value`);
        }
        return {
          verdict: v.verdict,
          approver: name,
          scope: v.verdict === 'allow' ? (v.scope ?? 'once') : 'once',
          ...(v.message ? { message: v.message } : {}),
        };
      } catch {
        return deny(`The external approver ${name} failed`);
      }
    },
  };
}
