/**
 * Uploaders to content networks and pinning services, which put files where anyone who has
 * their address can fetch them, for good (`ipfs add` itself is read with the other senders in
 * exfil-transfers.ts): Storacha / web3.storage (`w3 up|upload PATH…`, `storacha up PATH…`),
 * Pinata (`pinata upload PATH`, the older `pinata-cli -u PATH`), an IPFS cluster
 * (`ipfs-cluster-ctl add PATH…`), Lighthouse (`lighthouse-web3 upload PATH`) and thirdweb's
 * storage (`thirdweb upload PATH`). Reads the command's words only: the service and the local
 * paths given; what is sent is judged by exfil.ts (a credential file, never the act of uploading).
 */
import type { NormalizedCommand } from '../engine/types.js';
import { hostOf, scan, type Transfer } from './exfil-transfers.js';
import { wordSet } from './word-set.js';

/** One pinning uploader. */
interface Pinner {
  /** The words that select the upload (`up`); empty = the program uploads with no subcommand. */
  verbs: string[];
  /** Options that take a value (skipped when finding the paths). */
  withValue: Set<string>;
  /** Options whose value is a path uploaded (`pinata-cli -u PATH`); empty = the paths are positional. */
  fileOpts: string[];
  /** Option naming the node or service the upload goes to; empty = the service's own. */
  hostOpts: string[];
  /** The service's host. */
  host: string;
}

const W3: Pinner = {
  verbs: ['up', 'upload'],
  withValue: wordSet('--shard-size --concurrent-requests --receipts-endpoint --car -c'),
  fileOpts: [],
  hostOpts: [],
  host: 'web3.storage',
};

const PINNERS: Record<string, Pinner> = {
  w3: W3,
  storacha: { ...W3, host: 'storacha.network' },
  pinata: {
    verbs: ['upload'],
    withValue: wordSet('--name -n --group -g --cid-version --network --keyvalues'),
    fileOpts: [],
    hostOpts: [],
    host: 'pinata.cloud',
  },
  'pinata-cli': {
    verbs: [],
    withValue: wordSet('-u --upload -a --auth'),
    fileOpts: ['-u', '--upload'],
    hostOpts: [],
    host: 'pinata.cloud',
  },
  'ipfs-cluster-ctl': {
    verbs: ['add'],
    withValue: wordSet(
      '--host -n --name --replication-min --replication-max --allocations --user-allocations --cid-version --hash --chunker --shard-size --metadata --expire-in --mode --format --encoding -f --basic-auth --secret',
    ),
    fileOpts: [],
    hostOpts: ['--host'],
    host: 'ipfs-cluster',
  },
  'lighthouse-web3': {
    verbs: ['upload', 'upload-encrypted'],
    withValue: wordSet('--network'),
    fileOpts: [],
    hostOpts: [],
    host: 'lighthouse.storage',
  },
  thirdweb: {
    verbs: ['upload'],
    withValue: wordSet('-k --secret-key --client-id'),
    fileOpts: [],
    hostOpts: [],
    host: 'ipfs.thirdweb.com',
  },
};

/** The uploads to content networks `cmd` makes; empty = none. */
export function pinnedUploads(cmd: NormalizedCommand): Transfer[] {
  const t = Object.hasOwn(PINNERS, cmd.program) ? PINNERS[cmd.program] : undefined;
  if (!t) return [];
  const s = scan(cmd.argv, 0, t.withValue);
  const verbAt = t.verbs.length ? s.pos.findIndex(([, w]) => t.verbs.includes(w)) : -1;
  if (t.verbs.length && verbAt !== 0) return [];
  const named = t.fileOpts.length
    ? t.fileOpts.flatMap((o) => {
        const v = s.value(o);
        return v ? [v[1]] : [];
      })
    : s.pos.slice(verbAt + 1).map(([, w]) => w);
  const files = named.filter((f) => f && f !== '-');
  if (!files.length) return [];
  const node = s.value(...t.hostOpts)?.[1];
  // a multiaddr (`/dns4/cluster.example.net/tcp/9094`) names its host after the protocol
  const host = node ? (/^\/(dns[46]?|ip[46])\/([^/]+)/.exec(node)?.[2] ?? hostOf(node)) : t.host;
  return [
    {
      sink: `${cmd.program}${verbAt >= 0 ? ` ${s.pos[verbAt][1]}` : ''}`,
      host,
      files,
      dataArgs: [],
      sendsStdin: false,
    },
  ];
}
