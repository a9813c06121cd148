/**
 * `agentfw approve ID [--deny] [--confirm VALUE] [--message TEXT] [--scope once|session]
 *  [--session ID | --socket PATH]`: answer one pending ask of a running session from a
 * second terminal or device on the same machine, without the full `watch` screen.
 *
 * It pairs over the session's watch socket with the one-time code shown on the session's
 * screen (typed at a hidden prompt on a terminal: the agent cannot answer for itself), then
 * sends the answer. A request that needs a typed value is approved only with `--confirm`
 * (or the value typed at the prompt that follows); the session checks it.
 */
import type { ApprovalRequest } from '../approval/types.js';
import { connectWatch } from '../approval/watch-client.js';
import { findWatchSocket, promptHidden } from '../approval/watch-find.js';
import { AgentfwError, usageError } from '../errors.js';
import { parseArgs } from './args.js';

const HELP = `usage: agentfw approve ID [--deny] [--confirm VALUE] [--message TEXT] [--scope once|session]
                       [--session ID | --socket PATH]

Answers request ID of a running \`agentfw run\` session (the number in its dialog or
notification). You are asked for the session's pairing code (valid once).
  --deny           refuse instead of approving
  --confirm VALUE  the typed confirmation value, for requests that need one
  --message TEXT   a message for the agent
  --scope session  allow this exact command for the rest of the session (default once)
`;

export interface ApproveAnswer {
  id: number;
  verdict: 'allow' | 'deny';
  scope: 'once' | 'session';
  confirm?: string;
  message?: string;
}

/**
 * Pairs, waits for the session's list of pending requests, sends the answer and waits for
 * the session to confirm it settled. `askConfirm` is called when the request needs a
 * typed value and none was given. Resolves with the request answered.
 */
export async function approveOnce(
  socket: string,
  code: string,
  a: ApproveAnswer,
  askConfirm: (req: ApprovalRequest) => Promise<string | undefined> = async () => undefined,
): Promise<ApprovalRequest> {
  const pending = new Map<number, ApprovalRequest>();
  let fail: (e: AgentfwError) => void = () => undefined;
  let ok: (id: number) => void = () => undefined;
  const outcome = new Promise<number>((resolve, reject) => {
    ok = resolve;
    fail = reject;
  });
  // Rejections after we stopped listening (our own close) are not errors.
  outcome.catch(() => undefined);
  const conn = await connectWatch(socket, code, {
    onEvent: () => undefined,
    onRequest: (r) => pending.set(r.id, r),
    onSettled: (id) => (id === a.id ? ok(id) : undefined),
    onError: (c, m) =>
      fail(new AgentfwError(c, m, 'check the request id and the confirmation value, then try again.')),
    onClose: () =>
      fail(new AgentfwError('E_APPROVE_CLOSED', 'the session went away', 'nothing to do: it has ended.')),
  });
  try {
    // The welcome message (with pending requests) is handled before connectWatch resolves.
    const req = pending.get(a.id);
    if (!req)
      throw new AgentfwError(
        'E_APPROVE_NOT_PENDING',
        `request #${a.id} is not waiting in session ${conn.session.id}`,
        pending.size
          ? `pending now: ${[...pending.keys()].map((i) => `#${i}`).join(', ')}`
          : 'nothing is waiting; it was answered elsewhere or timed out.',
      );
    let confirm = a.confirm;
    if (a.verdict === 'allow' && req.confirm !== undefined && confirm === undefined)
      confirm = await askConfirm(req);
    conn.answer({
      id: a.id,
      verdict: a.verdict,
      scope: a.scope,
      ...(confirm !== undefined ? { confirm } : {}),
      ...(a.message ? { message: a.message } : {}),
    });
    await outcome;
    return req;
  } finally {
    conn.close();
  }
}

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, {
    flags: ['help', 'deny'],
    options: ['session', 'socket', 'confirm', 'message', 'scope'],
  });
  if (args.flags.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const idText = args.rest[0] ?? '';
  if (!/^\d+$/.test(idText))
    throw usageError('approve needs the request number', 'agentfw approve 3 [--deny]');
  const scope = args.options.scope ?? 'once';
  if (scope !== 'once' && scope !== 'session')
    throw usageError(`--scope ${scope}`, 'use --scope once or --scope session');
  const socket = findWatchSocket({ socket: args.options.socket, session: args.options.session });
  const code = await promptHidden(`agentfw approve: pairing code for ${socket}: `);
  const verdict = args.flags.deny ? 'deny' : 'allow';
  const req = await approveOnce(
    socket,
    code,
    { id: Number(idText), verdict, scope, confirm: args.options.confirm, message: args.options.message },
    (r) => promptHidden(`type the value to confirm (${r.command.slice(0, 60)}): `),
  );
  process.stdout.write(
    `agentfw approve: request #${req.id} ${verdict === 'allow' ? 'allowed' : 'denied'} (${req.command.slice(0, 120)})\n`,
  );
  return 0;
}
