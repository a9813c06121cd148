/**
 * A Unix-socket server private to this user: the file is 0600 (inside the session's
 * 0700 runtime dir), and close() ends open connections and removes the file. Shared by
 * the broker and the output relay.
 */
import { chmodSync, rmSync } from 'node:fs';
import net from 'node:net';

export async function listenPrivate(
  socketPath: string,
  onConnection: (sock: net.Socket) => void,
): Promise<{ close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((sock) => {
    sockets.add(sock);
    sock.on('close', () => sockets.delete(sock));
    onConnection(sock);
  });
  rmSync(socketPath, { force: true });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => {
      server.off('error', reject);
      resolve();
    });
  });
  chmodSync(socketPath, 0o600);
  return {
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => {
          rmSync(socketPath, { force: true });
          resolve();
        });
      }),
  };
}
