/**
 * More relay and peer senders for exfil-transfers.ts (merged into its table): the Rust port of
 * the wormhole protocol (`wormhole-rs send`), `portal send` and iroh's `sendme send`, each
 * through a relay the receiver also reaches.
 */

/** A sender: its verb ('' = none), options with a value, the options naming the relay, the default relay. */
export interface PeerSender {
  verb: string;
  withValue: Set<string>;
  relay: string[];
  host: string;
}

const words = (s: string) => new Set(s.split(' '));

export const PEER_SENDERS: Record<string, PeerSender> = {
  'wormhole-rs': {
    verb: 'send',
    withValue: words('--code --code-length --relay-server --rendezvous-server --name --app-id'),
    relay: ['--relay-server'],
    host: 'relay.magic-wormhole.io',
  },
  portal: {
    verb: 'send',
    withValue: words('-r --relay'),
    relay: ['-r', '--relay'],
    host: 'portal.spatiumportae.com',
  },
  sendme: {
    verb: 'send',
    withValue: words('--relay --magic-ipv4-addr --magic-ipv6-addr'),
    relay: ['--relay'],
    host: 'iroh relay',
  },
};
