/**
 * The Node fallback client's side of the output relay (`RELAY 1`, wire format in
 * src/supervisor/relay.ts): raw output goes out in frames, masked output comes back in
 * frames and is written to our stdout/stderr. Once the relay fails, nothing more is shown
 * (fail closed) and the human is told why.
 */
import net from 'node:net';

/** One connection to the relay, handshake done. */
export interface RelayLink {
  /** Sends one chunk of stream `id` (1 stdout, 2 stderr); an empty chunk ends that stream. Dropped once broken. */
  send(id: number, data: Buffer): void;
  /** Half-closes and waits for the relay to send the rest and close (at once when broken). */
  end(): Promise<void>;
}

/** Frames one chunk for the relay: [stream id][length, 4 bytes BE][bytes]. */
export function frame(id: number, data: Buffer): Buffer {
  const head = Buffer.alloc(5);
  head[0] = id;
  head.writeUInt32BE(data.length, 1);
  return Buffer.concat([head, data]);
}

/**
 * Connects to the relay at `sockPath` and greets it; `refuse` (which never returns) is
 * called when it cannot be reached, does not answer within 2 s or answers wrongly.
 */
export async function openRelay(sockPath: string, refuse: (why: string) => never): Promise<RelayLink> {
  const sock = net.connect(sockPath);
  let inbuf = Buffer.alloc(0);
  let ready = false;
  let broken = false;
  const notice = () => {
    if (broken) return;
    broken = true;
    process.stderr.write(
      "\nagentfw: the output relay stopped; the rest of this command's output is withheld so no secret is shown unmasked. Do not retry or work around this; ask the user.\n",
    );
  };
  await new Promise<void>((resolve) => {
    const t = setTimeout(
      () => refuse('the agentfw output relay did not answer within 2 s (fail closed)'),
      2000,
    );
    sock.on('error', () =>
      ready ? notice() : refuse('the agentfw output relay is unreachable (fail closed)'),
    );
    sock.on('connect', () => sock.write('RELAY 1 0\n'));
    sock.on('data', (d: Buffer) => {
      inbuf = Buffer.concat([inbuf, d]);
      if (!ready) {
        if (inbuf.length < 3) return;
        if (inbuf.subarray(0, 3).toString('latin1') !== 'OK\n')
          refuse("the output relay's answer was not understood (fail closed)");
        ready = true;
        clearTimeout(t);
        inbuf = inbuf.subarray(3);
        resolve();
      }
      while (inbuf.length >= 5) {
        const len = inbuf.readUInt32BE(1);
        if (inbuf.length < 5 + len) break;
        const out = inbuf[0] === 2 ? process.stderr : process.stdout;
        if (!broken) out.write(inbuf.subarray(5, 5 + len));
        inbuf = inbuf.subarray(5 + len);
      }
    });
  });
  return {
    send(id, data) {
      if (!broken) sock.write(frame(id, data));
    },
    end: () =>
      broken
        ? Promise.resolve()
        : new Promise<void>((r) => {
            sock.once('close', () => r());
            sock.once('end', () => r());
            sock.end();
          }),
  };
}
