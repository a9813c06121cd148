/**
 * One Redis connection from inside the sandbox to a declared host service: every command
 * is judged before the server sees it (the facts `redis-cli CMD ARGS` makes; FLUSHALL and
 * FLUSHDB are asked by the built-in pack); an allowed one is forwarded, a held one is
 * answered `-ERR agentfw: BLOCKED by <rule>: … ask the user` and the connection stays usable.
 *
 * - Replies the judge injects are ordered after everything the server still owes the
 *   client (it counts the server's replies; pushes and attributes are not replies).
 * - A command held inside MULTI discards the transaction on the server (a DISCARD of ours,
 *   whose reply is swallowed): the client's later commands of that transaction are
 *   answered with an error and its EXEC with EXECABORT, as Redis does for a transaction
 *   with a rejected command — nothing of it runs.
 * - Passwords (AUTH, HELLO … AUTH, CONFIG SET requirepass/masterauth, MIGRATE AUTH) are
 *   replaced by `***` in what is judged, shown and audited.
 */
import net from 'node:net';
import { wireRedisFacts } from '../../../extract/sql-wire.js';
import type { ServiceAction, ServiceJudgement } from './judge-service.js';
import { refusalText } from './judge-service.js';
import { cutCommand, errorReply, valueEnd } from './resp.js';

export interface RedisSessionOptions {
  client: net.Socket;
  head: Buffer;
  port: number;
  host?: string;
  judge(action: ServiceAction, signal: AbortSignal): Promise<ServiceJudgement>;
  headless(): boolean;
}

/** The words as judged and shown: credentials replaced by `***`. Pure. */
export function redactWords(words: string[]): string[] {
  const w = [...words];
  const cmd = (w[0] ?? '').toUpperCase();
  if (cmd === 'AUTH') return [w[0], ...w.slice(1).map(() => '***')];
  for (let i = 1; i < w.length; i++) {
    const u = w[i].toUpperCase();
    if (cmd === 'HELLO' && u === 'AUTH') {
      for (let j = i + 1; j <= i + 2 && j < w.length; j++) w[j] = '***';
    } else if (cmd === 'MIGRATE' && (u === 'AUTH' || u === 'AUTH2')) {
      for (let j = i + 1; j <= i + (u === 'AUTH' ? 1 : 2) && j < w.length; j++) w[j] = '***';
    } else if (cmd === 'CONFIG' && (u === 'REQUIREPASS' || u === 'MASTERAUTH') && i + 1 < w.length)
      w[i + 1] = '***';
  }
  return w;
}

const DISCARD = Buffer.from('*1\r\n$7\r\nDISCARD\r\n');
/** Longest wait for the server's outstanding replies before an injected answer, ms (CLIENT REPLY OFF never answers). */
const DRAIN_MS = 10_000;

export function serveRedis(o: RedisSessionOptions): void {
  const host = o.host ?? '127.0.0.1';
  const client = o.client;
  const where = `${host}:${o.port}`;
  let buf = o.head;
  let sbuf: Buffer = Buffer.alloc(0);
  let pending = 0;
  let swallow = 0;
  let inMulti = false;
  let discarded = false;
  let busy = false;
  let ended = false;
  const waiters: (() => void)[] = [];
  const ac = new AbortController();
  const server = net.connect(o.port, host);

  const end = () => {
    if (ended) return;
    ended = true;
    ac.abort();
    for (const w of waiters.splice(0)) w();
    client.destroy();
    server.destroy();
  };
  const drained = () =>
    pending <= 0
      ? Promise.resolve()
      : new Promise<void>((r) => {
          waiters.push(r);
          setTimeout(r, DRAIN_MS).unref();
        });
  client.on('error', end);
  client.on('close', end);
  server.on('error', (e: NodeJS.ErrnoException) => {
    if (!ended)
      client.end(errorReply(`ERR agentfw: cannot reach the host service ${where} (${e.code ?? e.message})`));
    end();
  });
  server.on('close', end);
  server.on('data', (b: Buffer) => {
    sbuf = sbuf.length ? Buffer.concat([sbuf, b]) : b;
    const out: Buffer[] = [];
    for (;;) {
      const e = valueEnd(sbuf, 0);
      // fail closed: a server stream we cannot frame ends the connection
      if (e === -2) return end();
      if (e === -1) break;
      const v = sbuf.subarray(0, e);
      sbuf = sbuf.subarray(e);
      const t = v[0];
      const reply = t !== 0x3e /* > push */ && t !== 0x7c; /* | attribute */
      if (reply) pending = Math.max(0, pending - 1);
      if (reply && swallow > 0) swallow--;
      else out.push(v);
      if (pending === 0) for (const w of waiters.splice(0)) w();
    }
    if (out.length) client.write(Buffer.concat(out));
  });

  const step = async (): Promise<void> => {
    if (busy || ended) return;
    busy = true;
    try {
      while (!ended) {
        const c = cutCommand(buf);
        if ('more' in c) break;
        if ('error' in c) {
          // fail closed: a command we cannot frame ends the connection
          client.end(errorReply(`ERR agentfw: ${c.error}; the connection was closed`));
          return end();
        }
        buf = c.rest;
        const { words, raw } = c.msg;
        if (!words.length) continue;
        const cmd = words[0].toUpperCase();
        if (discarded) {
          await drained();
          if (cmd === 'EXEC' || cmd === 'DISCARD') {
            discarded = inMulti = false;
            client.write(
              cmd === 'EXEC'
                ? errorReply('EXECABORT Transaction discarded because of previous errors.')
                : Buffer.from('+OK\r\n'),
            );
          } else
            client.write(
              errorReply(
                'ERR agentfw: not queued: this transaction was discarded (a command in it was held)',
              ),
            );
          continue;
        }
        const shown = redactWords(words);
        const facts = wireRedisFacts(shown, `redis://${where}`);
        client.pause();
        const j = await o.judge(
          { facts, issues: [], what: `redis ${where}: ${shown.join(' ').slice(0, 300)}` },
          ac.signal,
        );
        client.resume();
        if (ended) return;
        if (!j.allow) {
          await drained();
          if (inMulti) {
            server.write(DISCARD);
            pending++;
            swallow++;
            discarded = true;
            await drained();
          }
          const t = refusalText(j, o.headless());
          client.write(errorReply(`ERR ${t.message}. ${t.detail}`));
          continue;
        }
        if (cmd === 'MULTI') inMulti = true;
        else if (cmd === 'EXEC' || cmd === 'DISCARD') inMulti = false;
        pending++;
        server.write(raw);
      }
    } finally {
      busy = false;
    }
  };
  client.on('data', (b: Buffer) => {
    buf = buf.length ? Buffer.concat([buf, b]) : b;
    void step();
  });
  client.on('end', () => server.end());
  server.on('connect', () => {
    client.resume();
    void step();
  });
}
