/**
 * Folders published by tunnels and tailnet shares: loophole's `path DIR` and `webdav DIR`,
 * `tailscale funnel|serve [flags] PATH` (funnel: to the internet; serve: to every device and
 * user of the tailnet) and ngrok's file server (`ngrok http file:///DIR`). A folder is
 * exposed when it is HOME, `/`, above HOME or a secret folder (`~/.ssh`, `~/.aws`, `/etc`:
 * exposure-roots.ts); a site's folder (`./dist`) is what such a share is for. Ports and
 * services tunnelled are exposure-tunnels.ts's.
 */
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import type { Finding } from './word-facts.js';
import { optionWord } from './help-words.js';
import { exposedRoot } from './exposure-roots.js';

/** loophole's options that take a value (the folder is the first other word). */
const LOOPHOLE_VALUED = new Set([
  '--hostname',
  '--basic-auth-username',
  '-u',
  '--basic-auth-password',
  '-p',
  '--tunnel-id',
  '--qr',
]);

/**
 * A folder published by a tunnel's built-in server: loophole's `path DIR` serves it to read
 * (exposed when it is HOME, `/`, above HOME or a secret folder), `webdav DIR` lets anyone who has the address change
 * and delete its files, so it is exposed whatever the folder unless a password guards it
 * (then as a read share). zrok's writable `drive` backend is read the same way (publicShares).
 */
export function folderShares(cmd: NormalizedCommand, ctx: AnalyzeContext): Finding[] {
  const a = cmd.argv;
  if (cmd.program !== 'loophole' || !/^(path|webdav)$/.test(a[1] ?? '')) return [];
  if (optionWord(a, (w) => w === '--help' || w === '-h')) return [];
  const target = a
    .slice(2)
    .find((w, i, rest) => !w.startsWith('-') && !LOOPHOLE_VALUED.has(rest[i - 1] ?? ''));
  const writable = a[1] === 'webdav' && !a.some((w) => /^(--basic-auth-username|-u)(=|$)/.test(w));
  const over = exposedFolder(cmd, ctx, target ?? '.', writable);
  if (over === undefined) return [];
  return [
    [
      'files',
      writable ? `loophole webdav lets anyone change and delete ${over}` : `loophole publishes ${over}`,
    ],
  ];
}

/**
 * The folder a tunnel's share exposes, as its finding names it; undefined = none. Any folder
 * when anyone may write to it, else only HOME, `/`, above HOME or a secret folder
 * (exposure-roots.ts).
 */
export function exposedFolder(
  cmd: NormalizedCommand,
  ctx: AnalyzeContext,
  target: string,
  writable: boolean,
): string | undefined {
  // (a folder known only at run time is exposedRoot's: fail closed)
  return writable ? target : exposedRoot(target, cmd, ctx);
}

/** tailscale's serve/funnel options that take a value as the next word (`--set-path /x`). */
const TAILSCALE_VALUED = /^--(set-path|https|http|tcp|tls-terminated-tcp|proxy-protocol)$/;

/** A tailscale target that is not a folder: a port, `host:port`, a URL, `text:…`, or a state word. */
const TAILSCALE_NOT_PATH = /^(\d+|[\w.[\]:-]*:\d+|[a-z][\w+.-]*:\/\/.*|text:.*|on|off|reset|status)$/i;

/**
 * `tailscale funnel|serve [flags] TARGET`: a TARGET that is a path is served by tailscale's
 * own file server (old syntax `… path:/DIR` too); funnel to the internet (kind `files`), serve
 * to the tailnet (kind `tailnet`). `status`, `reset`, `get-config` and help open nothing.
 */
function tailscaleShares(cmd: NormalizedCommand, ctx: AnalyzeContext): Finding[] {
  const a = cmd.argv;
  const verb = a[1] ?? '';
  if (cmd.program !== 'tailscale' || !/^(funnel|serve)$/.test(verb)) return [];
  if (optionWord(a, (w) => w === '--help' || w === '-h')) return [];
  const words = a
    .slice(2)
    .filter((w, i, rest) => !w.startsWith('-') && !TAILSCALE_VALUED.test(rest[i - 1] ?? ''));
  const last = words[words.length - 1] ?? '';
  const target = last.replace(/^path:/, '');
  if (
    !target ||
    TAILSCALE_NOT_PATH.test(target) ||
    /^(status|reset|get-config|set-config|advertise|clear)$/.test(words[0] ?? '')
  )
    return [];
  const over = exposedFolder(cmd, ctx, target, false);
  if (over === undefined) return [];
  // (serve reaches the tailnet only: its own kind, so its message does not say the internet)
  return [
    verb === 'funnel'
      ? ['files', `tailscale funnel publishes ${over} to the internet`]
      : ['tailnet', `tailscale serve shares ${over} with the tailnet`],
  ];
}

/** ngrok's file server: `ngrok http file:///DIR` publishes DIR. */
function ngrokFiles(cmd: NormalizedCommand, ctx: AnalyzeContext): Finding[] {
  const a = cmd.argv;
  if (cmd.program !== 'ngrok' || a[1] !== 'http') return [];
  const url = a.slice(2).find((w) => /^file:\/\//i.test(w));
  if (!url) return [];
  const dir = decodeURI(url.replace(/^file:\/\//i, '')) || '/';
  const over = exposedFolder(cmd, ctx, dir, false);
  return over === undefined ? [] : [['files', `ngrok publishes ${over}`]];
}

/** Folders `cmd` publishes through a tunnel or share (see the header), as [kind, the words]; empty = none. */
export function tunnelledFolders(cmd: NormalizedCommand, ctx: AnalyzeContext): Finding[] {
  return [...folderShares(cmd, ctx), ...tailscaleShares(cmd, ctx), ...ngrokFiles(cmd, ctx)];
}
