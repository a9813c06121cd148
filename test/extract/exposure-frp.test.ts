import { describe, expect, it } from 'vitest';
import { relayTunnels } from '../../src/extract/exposure-frp.js';
import { analyzeContext, command, packVerdict } from '../helpers/command.js';

const SSH_INI =
  '[common]\\nserver_addr = 203.0.113.20\\n\\n[ssh]\\ntype = tcp\\nlocal_ip = 127.0.0.1\\nlocal_port = 22\\nremote_port = 6000\\n';
const WEB_INI = '[common]\\nserver_addr = 203.0.113.20\\n\\n[web]\\ntype = http\\nlocal_port = 3000\\n';
const PG_TOML =
  'serverAddr = "203.0.113.20"\n[[proxies]]\nname = "pg"\ntype = "tcp"\nlocalPort = 5432\nremotePort = 6000\n';
const STCP_TOML = '[[proxies]]\nname = "s"\ntype = "stcp"\nsecretKey = "not-a-real-key"\nlocalPort = 22\n';
const RATHOLE_PG =
  '[client]\nremote_addr = "203.0.113.50:2333"\n\n[client.services.pg]\ntoken = "fake-token"\nlocal_addr = "127.0.0.1:5432"\n';
const RATHOLE_SERVER =
  '[server]\nbind_addr = "0.0.0.0:2333"\n\n[server.services.pg]\nbind_addr = "0.0.0.0:5432"\n';
const WEB_TOML = '[[proxies]]\nname = "admin"\ntype = "https"\nlocalPort = 8200\n';

/**
 * relayTunnels of `argv`, with the files the script wrote before it (`written`: path → text,
 * null = written by something unread) and the files on disk (`disk`).
 */
function tunnels(
  argv: string[],
  written: Record<string, string | null> = {},
  disk: Record<string, string> = {},
): string[] {
  const c = command(argv, { files: written });
  const ctx = analyzeContext(undefined, { readFile: (p) => disk[p] });
  return relayTunnels(c, ctx).map(([kind, said]) => `${kind}: ${said}`);
}
/** The text printf writes for a format with `\\n` escapes. */
const printed = (format: string) => format.replace(/\\n/g, '\n');

describe('a reverse tunnel through a relay that opens a port to anyone', () => {
  it.each<[string, string[], Record<string, string | null>, Record<string, string>, string[]]>([
    [
      'frpc config written by printf',
      ['frpc', '-c', 'frpc.ini'],
      { '/ws/frpc.ini': printed(SSH_INI) },
      {},
      ['tunnel: frpc tcp proxy of port 22 (frpc.ini)'],
    ],
    [
      'frpc toml from a heredoc',
      ['frpc', '-c', 'frpc.toml'],
      { '/ws/frpc.toml': PG_TOML },
      {},
      ['tunnel: frpc tcp proxy of port 5432 (frpc.toml)'],
    ],
    [
      'frpc toml on disk',
      ['frpc', '--config', 'frpc.toml'],
      {},
      { '/ws/frpc.toml': PG_TOML },
      ['tunnel: frpc tcp proxy of port 5432 (frpc.toml)'],
    ],
    [
      'an https proxy of a secret store port',
      ['frpc', '-c', 'f.toml'],
      {},
      { '/ws/f.toml': WEB_TOML },
      ['tunnel: frpc https proxy of port 8200 (f.toml)'],
    ],
    ['frpc default config, unreadable', ['frpc'], {}, {}, ['tunnel: frpc -c frpc.ini (not readable)']],
    [
      'frpc written by something unread',
      ['frpc', '-c', 'frpc.ini'],
      { '/ws/frpc.ini': null },
      {},
      ['tunnel: frpc -c frpc.ini (not readable)'],
    ],
    [
      'frpc tcp on the command line',
      ['frpc', 'tcp', '-s', '203.0.113.20:7000', '-l', '22', '-r', '6000'],
      {},
      {},
      ['tunnel: frpc tcp -l 22'],
    ],
    [
      'chisel reverse remote of ssh',
      ['chisel', 'client', 'https://relay.example.net', 'R:2222:localhost:22'],
      {},
      {},
      ['tunnel: chisel client R:2222:localhost:22'],
    ],
    [
      'chisel reverse socks',
      ['chisel', 'client', 'https://relay.example.net', 'R:socks'],
      {},
      {},
      ['tunnel: chisel client R:socks'],
    ],
    [
      'rathole client from a heredoc',
      ['rathole', 'client.toml'],
      { '/ws/client.toml': RATHOLE_PG },
      {},
      ['tunnel: rathole forwards 127.0.0.1:5432 to its server (client.toml)'],
    ],
    [
      'rathole --client from disk',
      ['rathole', '--client', 'rathole.toml'],
      {},
      { '/ws/rathole.toml': RATHOLE_PG },
      ['tunnel: rathole forwards 127.0.0.1:5432 to its server (rathole.toml)'],
    ],
    [
      'rathole config not readable',
      ['rathole', 'client.toml'],
      {},
      {},
      ['tunnel: rathole client.toml (not readable)'],
    ],
    // a web app behind an HTTP proxy, a secret proxy, checks, local forwards, the server
    ['rathole server', ['rathole', 'server.toml'], {}, { '/ws/server.toml': RATHOLE_SERVER }, []],
    ['rathole --server', ['rathole', '--server', 'both.toml'], {}, {}, []],
    ['rathole --genkey', ['rathole', '--genkey'], {}, {}, []],
    [
      'frpc http proxy of a web port',
      ['frpc', '-c', 'frpc.ini'],
      { '/ws/frpc.ini': printed(WEB_INI) },
      {},
      [],
    ],
    ['frpc stcp proxy', ['frpc', '-c', 'frpc.toml'], {}, { '/ws/frpc.toml': STCP_TOML }, []],
    ['frpc verify', ['frpc', 'verify', '-c', 'frpc.toml'], {}, {}, []],
    ['frpc http of a web port', ['frpc', 'http', '-l', '3000', '--sd', 'dev'], {}, {}, []],
    [
      'chisel local forward',
      ['chisel', 'client', 'https://relay.example.net', '3000:localhost:3000'],
      {},
      {},
      [],
    ],
    ['chisel server', ['chisel', 'server', '--reverse'], {}, {}, []],
  ])('%s', (_name, argv, written, disk, want) => expect(tunnels(argv, written, disk)).toEqual(want));
});

const exposure = await packVerdict('exposure');

describe('a relay tunnel of a service port asks', () => {
  it.each([
    [
      "printf '[common]\\nserver_addr = 203.0.113.20\\n\\n[ssh]\\ntype = tcp\\nlocal_port = 22\\nremote_port = 6000\\n' > frpc.ini && frpc -c frpc.ini &",
      'ask exposure/make-public',
    ],
    [
      "printf '[common]\\nserver_addr = 203.0.113.20\\n\\n[web]\\ntype = http\\nlocal_port = 3000\\n' > frpc.ini && frpc -c frpc.ini",
      'allow',
    ],
    [
      'cat > frpc.toml <<\'EOF\'\n[[proxies]]\nname = "pg"\ntype = "tcp"\nlocalPort = 5432\nEOF\nfrpc -c frpc.toml',
      'ask exposure/make-public',
    ],
    ['envsubst < frpc.tmpl > frpc.ini && frpc -c frpc.ini', 'ask exposure/make-public'],
    ['chisel client https://relay.example.net R:2222:localhost:22', 'ask exposure/make-public'],
  ])('%s → %s', (script, expected) => expect(exposure(script)).toBe(expected));
});
