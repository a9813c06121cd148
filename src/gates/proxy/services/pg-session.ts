/**
 * One PostgreSQL connection from inside the sandbox to a declared host service: every
 * query (SimpleQuery `Q`, extended-protocol Parse `P`) is judged before the server sees
 * it; an allowed one is forwarded, a held one is answered with an ErrorResponse that names
 * the rule and says to ask the user, and the connection stays usable.
 *
 * - SSLRequest / GSSENCRequest are answered `N`: the client continues in clear over the
 *   bridge (which never leaves the machine), so its queries stay readable.
 * - Replies the judge injects are ordered after everything the server still owes the client
 *   (it waits for the server's outstanding ReadyForQuery messages). A Parse held in the middle
 *   of an extended-protocol batch first syncs the part already forwarded (its ReadyForQuery is
 *   swallowed), then answers like a server: ErrorResponse, skip to the client's Sync,
 *   ReadyForQuery with the last transaction status.
 * - FunctionCall (`F`) runs a server function by oid, which no rule can read: asked.
 */
import net from 'node:net';
import type { AnalysisIssue, Fact } from '../../../engine/types.js';
import { wireSqlFacts } from '../../../extract/sql-wire.js';
import type { ServiceAction, ServiceJudgement } from './judge-service.js';
import { refusalText } from './judge-service.js';
import {
  cutFirst,
  cutTyped,
  errorResponse,
  readyForQuery,
  sqlOf,
  SYNC,
  type TypedMessage,
} from './pg-wire.js';

export interface PgSessionOptions {
  /** The client's side (the bridge's Unix socket), paused; `head` = bytes already read from it. */
  client: net.Socket;
  head: Buffer;
  /** Host loopback port of the server. */
  port: number;
  /** Host of the server; default 127.0.0.1. */
  host?: string;
  /** Decides one action (src/gates/proxy/services/judge-service.ts bound to the session). */
  judge(action: ServiceAction, signal: AbortSignal): Promise<ServiceJudgement>;
  /** Whether asks are settled without a human (wording of refusals). */
  headless(): boolean;
}

/** Tracks the server's message stream: forwards it, notes ReadyForQuery, swallows the injected Syncs' replies. */
class ServerStream {
  status = 'I';
  /** ReadyForQuery messages the server still owes (startup, each Q and S forwarded). */
  pending = 0;
  /** Of those, how many answer a Sync the judge injected (not shown to the client). */
  swallow = 0;
  private waiters: (() => void)[] = [];
  private head = Buffer.alloc(0);
  /** Bytes left of the current non-Z message (streamed through). */
  private left = 0;

  constructor(private out: (b: Buffer) => void) {}

  /** Resolves once the server owes nothing (or the connection ended). */
  drained(): Promise<void> {
    return this.pending <= 0 ? Promise.resolve() : new Promise((r) => this.waiters.push(r));
  }

  release(): void {
    this.pending = 0;
    for (const w of this.waiters.splice(0)) w();
  }

  feed(chunk: Buffer): void {
    let at = 0;
    const send: Buffer[] = [];
    while (at < chunk.length) {
      if (this.left > 0) {
        const n = Math.min(this.left, chunk.length - at);
        send.push(chunk.subarray(at, at + n));
        this.left -= n;
        at += n;
        continue;
      }
      const need = 5 - this.head.length;
      if (need > 0) {
        this.head = Buffer.concat([this.head, chunk.subarray(at, at + need)]);
        at += Math.min(need, chunk.length - at);
        if (this.head.length < 5) break;
      }
      const type = String.fromCharCode(this.head[0]);
      const len = this.head.readInt32BE(1);
      if (type === 'Z' && len === 5) {
        if (at >= chunk.length) break; // the status byte comes with the next chunk
        this.status = String.fromCharCode(chunk[at]);
        at += 1;
        const whole = Buffer.concat([this.head, Buffer.from([chunk[at - 1]])]);
        this.head = Buffer.alloc(0);
        this.pending = Math.max(0, this.pending - 1);
        if (this.swallow > 0) this.swallow--;
        else send.push(whole);
        if (this.pending === 0) for (const w of this.waiters.splice(0)) w();
        continue;
      }
      send.push(this.head);
      this.head = Buffer.alloc(0);
      this.left = Math.max(0, len - 4);
    }
    if (send.length) this.out(Buffer.concat(send));
  }
}

/** `postgres://user@127.0.0.1:5432/db` (never a password: the startup message carries none). */
function targetOf(params: Record<string, string>, host: string, port: number): string {
  const user = params.user ?? '';
  return `postgres://${user ? `${user}@` : ''}${host}:${port}/${params.database || user}`;
}

export function servePostgres(o: PgSessionOptions): void {
  const host = o.host ?? '127.0.0.1';
  const client = o.client;
  let buf = o.head;
  let server: net.Socket | undefined;
  let stream: ServerStream | undefined;
  let params: Record<string, string> = {};
  let started = false;
  let busy = false;
  let skipping = false;
  let unsynced = false;
  let ended = false;
  const ac = new AbortController();

  const end = () => {
    if (ended) return;
    ended = true;
    ac.abort();
    stream?.release();
    client.destroy();
    server?.destroy();
  };
  const fatal = (message: string) => {
    if (ended) return;
    ended = true;
    ac.abort();
    stream?.release();
    server?.destroy();
    client.end(errorResponse({ severity: 'FATAL', code: '08004', message }));
    setTimeout(() => client.destroy(), 1000).unref();
  };
  client.on('error', end);
  client.on('close', end);

  const connect = (first: Buffer, tracked: boolean) => {
    const s = net.connect(o.port, host);
    server = s;
    const st = new ServerStream((b) => client.write(b));
    stream = st;
    if (tracked) st.pending = 1; // the startup's ReadyForQuery
    s.on('data', (b: Buffer) => (tracked ? st.feed(b) : client.write(b)));
    s.on('error', (e: NodeJS.ErrnoException) => {
      if (!tracked) return end();
      fatal(`agentfw: cannot reach the host service ${host}:${o.port} (${e.code ?? e.message})`);
    });
    s.on('close', () => end());
    s.write(first);
  };

  const tool = (): string => {
    const a = params.application_name ?? '';
    return /^[\w.-]{1,40}$/.test(a) ? a : 'postgres';
  };

  const judgeMessage = async (m: TypedMessage): Promise<ServiceJudgement> => {
    let facts: Fact[] = [];
    const issues: AnalysisIssue[] = [];
    let what: string;
    const where = `${host}:${o.port}`;
    if (m.type === 'F') {
      // fail closed: a function called by oid cannot be read by any rule
      issues.push({
        code: 'E_PG_FUNCTION_CALL',
        message: 'a PostgreSQL FunctionCall (by oid) cannot be judged',
      });
      what = `postgres ${where}: function call by oid`;
    } else {
      const sql = sqlOf(m);
      facts = wireSqlFacts({
        tool: tool(),
        dialect: 'postgresql',
        text: sql,
        label: m.type === 'Q' ? 'query' : 'parse',
        target: targetOf(params, host, o.port),
      });
      const shown = facts.map((f) => f.evidence).slice(0, 4);
      what = `postgres ${where}: ${shown.length ? shown.join('; ') : (sql ?? '').slice(0, 200) || '(empty query)'}`;
    }
    return o.judge({ facts, issues, what }, ac.signal);
  };

  const refuse = async (m: TypedMessage, j: ServiceJudgement) => {
    const st = stream!;
    // Q and F are answered on their own (ReadyForQuery); P belongs to a Sync-ended batch.
    const single = m.type === 'Q' || m.type === 'F';
    if (!single && unsynced) {
      // The batch's forwarded part is completed by a Sync of ours; its reply is not the client's.
      server!.write(SYNC);
      st.pending++;
      st.swallow++;
      unsynced = false;
    }
    await st.drained();
    if (ended) return;
    const t = refusalText(j, o.headless());
    client.write(errorResponse({ severity: 'ERROR', code: '42501', message: t.message, detail: t.detail }));
    if (single) client.write(readyForQuery(st.status));
    else skipping = true;
  };

  const step = async (): Promise<void> => {
    if (busy || ended) return;
    busy = true;
    try {
      while (!ended) {
        if (!started) {
          const c = cutFirst(buf);
          if ('more' in c) break;
          if ('error' in c) return fatal(`agentfw: not a PostgreSQL client (${c.error})`);
          buf = c.rest;
          const f = c.msg;
          if (f.kind === 'ssl' || f.kind === 'gssenc') {
            client.write('N'); // no TLS inside the bridge: the queries stay readable
            continue;
          }
          if (f.kind === 'cancel') {
            connect(f.raw, false); // a cancel key only stops a running query
            started = true;
            continue;
          }
          if (f.kind !== 'startup') return fatal('agentfw: unknown PostgreSQL startup code');
          params = f.params;
          started = true;
          connect(f.raw, true);
          continue;
        }
        if (!stream) {
          // cancel connection: pass whatever follows
          if (buf.length) server?.write(buf);
          buf = Buffer.alloc(0);
          break;
        }
        const c = cutTyped(buf);
        if ('more' in c) break;
        // fail closed: a message we cannot frame ends the connection
        if ('error' in c) return fatal(`agentfw: ${c.error}; the connection was closed`);
        buf = c.rest;
        const m = c.msg;
        if (skipping) {
          if (m.type !== 'S') continue;
          skipping = false;
          await stream.drained();
          client.write(readyForQuery(stream.status));
          continue;
        }
        if (m.type === 'Q' || m.type === 'P' || m.type === 'F') {
          client.pause();
          const j = await judgeMessage(m);
          client.resume();
          if (ended) return;
          if (!j.allow) {
            await refuse(m, j);
            continue;
          }
        }
        if (m.type === 'Q' || m.type === 'S' || m.type === 'F') stream.pending++;
        if (m.type === 'S') unsynced = false;
        else if ('PBEDCH'.includes(m.type)) unsynced = true;
        server!.write(m.raw);
        if (m.type === 'X') return void server!.end();
      }
    } finally {
      busy = false;
    }
  };

  client.on('data', (b: Buffer) => {
    buf = buf.length ? Buffer.concat([buf, b]) : b;
    void step();
  });
  client.on('end', () => server?.end());
  client.resume();
  void step();
}
