/**
 * Relay and peer senders for exfil-transfers.ts: croc, magic-wormhole and its ports
 * (`wormhole-rs send`), `portal send`, iroh's `sendme send`, each through a relay the receiver
 * also reaches; send services (`ffsend upload`, `onionshare-cli`), IPFS, paste services and
 * terminal recordings.
 */
import { wordSet } from './word-set.js';

/** A sender: its verb ('' = none), options with a value, the options naming the relay, the default relay. */
export interface PeerSender {
  verb: string;
  withValue: Set<string>;
  relay: string[];
  host: string;
}

const MORE_SENDERS: Record<string, PeerSender> = {
  'wormhole-rs': {
    verb: 'send',
    withValue: wordSet('--code --code-length --relay-server --rendezvous-server --name --app-id'),
    relay: ['--relay-server'],
    host: 'relay.magic-wormhole.io',
  },
  portal: {
    verb: 'send',
    withValue: wordSet('-r --relay'),
    relay: ['-r', '--relay'],
    host: 'portal.spatiumportae.com',
  },
  sendme: {
    verb: 'send',
    withValue: wordSet('--relay --magic-ipv4-addr --magic-ipv6-addr'),
    relay: ['--relay'],
    host: 'iroh relay',
  },
};

/** Relay and peer senders: verb, options with a value, the option naming the relay, the default relay. */
const SENDERS: Record<string, PeerSender> = {
  croc: {
    verb: 'send',
    withValue: wordSet(
      '-c --code --hash --text --exclude --port --transfers --relay --relay6 --pass --socks5 --connect --curve --ip',
    ),
    relay: ['--relay', '--relay6'],
    host: 'croc.schollz.com',
  },
  wormhole: {
    verb: 'send',
    withValue: wordSet('--code -c --code-length --text --relay-url --transit-helper --appid --ignore-stdin'),
    relay: ['--relay-url'],
    host: 'relay.magic-wormhole.io',
  },
  'wormhole-william': {
    verb: 'send',
    withValue: wordSet('--code --code-len --text --relay-url'),
    relay: ['--relay-url'],
    host: 'relay.magic-wormhole.io',
  },
  ffsend: {
    verb: 'upload',
    withValue: wordSet('-H --host -d --downloads -e --expiry -p --password -n --name -a --archive'),
    relay: ['-H', '--host'],
    host: 'send.vis.ee',
  },
  'onionshare-cli': {
    verb: '',
    withValue: wordSet('--config --title --auto-stop-timer --auto-start-timer'),
    relay: [],
    host: 'tor',
  },
  ipfs: {
    verb: 'add',
    withValue: wordSet('--api --chunker -s --cid-version --hash --to-files'),
    relay: [],
    host: 'ipfs',
  },
  pastebinit: {
    verb: '',
    withValue: wordSet('-a -b -f -i -t -u -p'),
    relay: ['-b'],
    host: 'paste.ubuntu.com',
  },
  wgetpaste: {
    verb: '',
    withValue: wordSet('-s --service -l --language -d --description -n --nick -e --expiration'),
    relay: ['-s', '--service'],
    host: '',
  },
  // a terminal recording published to asciinema.org (or the server named)
  asciinema: {
    verb: 'upload',
    withValue: wordSet('--server-url'),
    relay: ['--server-url'],
    host: 'asciinema.org',
  },
  fpaste: { verb: '', withValue: wordSet('-n -t -l -x --url'), relay: ['--url'], host: 'paste.centos.org' },
};

/** Every sender, by program. */
export const PEER_SENDERS: Record<string, PeerSender> = {
  ...SENDERS,
  // the Python package's name, as some write the program
  'magic-wormhole': SENDERS.wormhole,
  ...MORE_SENDERS,
};
