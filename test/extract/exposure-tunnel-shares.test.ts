/** Folders published by tunnels and tailnet shares (src/extract/exposure-tunnel-shares.ts). */
import { describe, expect, it } from 'vitest';
import { parse as shellParse } from 'shell-quote';
import { tunnelledFolders } from '../../src/extract/exposure-tunnel-shares.js';
import { analyzeContext, command } from '../helpers/command.js';

const shared = (line: string) =>
  tunnelledFolders(
    command(shellParse(line, { HOME: '/home/u' }).map((t) => (typeof t === 'string' ? t : ''))),
    analyzeContext(),
  ).map(([kind, said]) => `${kind}: ${said}`);

describe('a secret folder, HOME or / published by a tunnel or a tailnet share', () => {
  it.each<[string, string[]]>([
    [
      'tailscale funnel --bg /home/u/.aws',
      ['files: tailscale funnel publishes /home/u/.aws to the internet'],
    ],
    ['tailscale funnel ~/.ssh', ['files: tailscale funnel publishes /home/u/.ssh to the internet']],
    ['tailscale funnel --bg --https=8443 /etc', ['files: tailscale funnel publishes /etc to the internet']],
    [
      'tailscale funnel --bg --set-path /keys ~/.gnupg',
      ['files: tailscale funnel publishes /home/u/.gnupg to the internet'],
    ],
    ['tailscale funnel /', ['files: tailscale funnel publishes / to the internet']],
    [
      'tailscale serve --bg --set-path=/k ~/.kube',
      ['tailnet: tailscale serve shares /home/u/.kube with the tailnet'],
    ],
    ['tailscale serve https / path:/home/u', ['tailnet: tailscale serve shares /home/u with the tailnet']],
    [
      'tailscale funnel --bg /home/deploy/.kube',
      ['files: tailscale funnel publishes /home/deploy/.kube to the internet'],
    ],
    ['ngrok http file:///home/u/.aws', ['files: ngrok publishes /home/u/.aws']],
    ['ngrok http file:///', ['files: ngrok publishes /']],
    ['loophole path /etc', ['files: loophole publishes /etc']],
    // ports, URLs, a site's folder, status and switching off
    ['tailscale funnel --bg 3000', []],
    ['tailscale funnel localhost:8080', []],
    ['tailscale serve --bg http://127.0.0.1:3000', []],
    ['tailscale serve --bg ./dist', []],
    ['tailscale funnel /srv/www', []],
    ['tailscale funnel status', []],
    ['tailscale serve status --json', []],
    ['tailscale funnel reset', []],
    ['tailscale funnel --https=443 off', []],
    ['tailscale funnel --help', []],
    ["tailscale serve text:'hello'", []],
    ['tailscale status', []],
    ['ngrok http file:///srv/site', []],
    ['ngrok http 3000', []],
  ])('%s → %o', (line, want) => expect(shared(line)).toEqual(want));
});
