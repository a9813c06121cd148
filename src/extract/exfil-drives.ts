/**
 * Uploads to cloud drives and file-sharing services, read from their words: Dropbox
 * (`dbxcli put SRC [DST]`, `dropbox_uploader.sh upload SRC… DST`), MEGA (megatools' `megaput
 * FILE…` and `megatools put`, MEGAcmd's `mega-put SRC… [DST]`), Google Drive (`gdrive upload
 * F`, `gdrive files upload F`, `skicka upload SRC DST`, `drive push F…`), Box (`box
 * files:upload F`, `box folders:upload DIR`) and Backblaze B2 (`b2 upload-file BUCKET F NAME`,
 * `b2 file upload …`) and Keybase's file system (`keybase fs cp|mv SRC… /keybase/…`, `keybase fs
 * write /keybase/… < FILE`: public, team and private folders all live on keybase.io; a copy
 * out of /keybase to this machine sends nothing). Only the local sources are read; what is sent is judged by exfil.ts (a
 * credential file, never the act of uploading).
 */
import type { NormalizedCommand } from '../engine/types.js';
import { scan, type Operand, type Transfer } from './exfil-transfers.js';
import { wordSet } from './word-set.js';

/** One upload command of a drive CLI. */
interface DriveRow {
  /** The words after the program that select the upload (`files upload`); empty = the program itself uploads. */
  verb: string[];
  /** Where the files go, for evidence. */
  host: string;
  /** Options that take a value. */
  withValue: Set<string>;
  /** Which positionals are local sources, given all of them. */
  sources: (pos: Operand[]) => Operand[];
}

const first = (pos: Operand[]) => pos.slice(0, 1);
/** Every positional but the last (the remote folder) when there are two or more. */
const allButLast = (pos: Operand[]) => (pos.length > 1 ? pos.slice(0, -1) : pos);
const all = (pos: Operand[]) => pos;
/** A Keybase file system path (a folder on keybase.io). */
const KBFS = /^\/keybase\//;
/** `keybase fs cp|mv SRC… DEST`: the local sources when DEST is on Keybase. */
const toKeybase = (pos: Operand[]) =>
  pos.length > 1 && KBFS.test(pos[pos.length - 1][1])
    ? pos.slice(0, -1).filter(([, w]) => !KBFS.test(w))
    : [];
/** `keybase fs write /keybase/…`: stdin is written there. */
const stdinToKeybase = (pos: Operand[]): Operand[] => (KBFS.test(pos[0]?.[1] ?? '') ? [[-1, '-']] : []);
const KEYBASE_FS = wordSet('--buffer --rec-copy-opts');

const MEGATOOLS = wordSet(
  '-u --username -p --password --config --path --limit-speed --proxy --netif --ip-proto --speed-limit',
);
const GDRIVE = wordSet(
  '-p --parent --name --mime --description --chunksize --config --service-account --timeout',
);
const BOX = wordSet('-p --parent-id --name --token --as-user --description --fields -t');
const B2 = wordSet('--content-type --contentType --info --sha1 --threads --min-part-size --cache-control');

const DRIVES: Record<string, DriveRow[]> = {
  dbxcli: [
    {
      verb: ['put'],
      host: 'dropbox.com',
      withValue: wordSet('-w --workers -c --chunksize --as-member'),
      sources: first,
    },
  ],
  'dropbox_uploader.sh': [
    { verb: ['upload'], host: 'dropbox.com', withValue: wordSet('-f'), sources: allButLast },
  ],
  megaput: [{ verb: [], host: 'mega.nz', withValue: MEGATOOLS, sources: all }],
  megatools: [{ verb: ['put'], host: 'mega.nz', withValue: MEGATOOLS, sources: all }],
  'mega-put': [{ verb: [], host: 'mega.nz', withValue: wordSet('--clientID'), sources: allButLast }],
  gdrive: [
    { verb: ['upload'], host: 'drive.google.com', withValue: GDRIVE, sources: all },
    { verb: ['files', 'upload'], host: 'drive.google.com', withValue: GDRIVE, sources: all },
  ],
  skicka: [
    { verb: ['upload'], host: 'drive.google.com', withValue: wordSet('-config'), sources: allButLast },
  ],
  drive: [
    {
      verb: ['push'],
      host: 'drive.google.com',
      withValue: wordSet('-destination -exclude-ops'),
      sources: all,
    },
  ],
  box: [
    { verb: ['files:upload'], host: 'box.com', withValue: BOX, sources: first },
    { verb: ['folders:upload'], host: 'box.com', withValue: BOX, sources: first },
  ],
  keybase: [
    { verb: ['fs', 'cp'], host: 'keybase.io', withValue: KEYBASE_FS, sources: toKeybase },
    { verb: ['fs', 'mv'], host: 'keybase.io', withValue: KEYBASE_FS, sources: toKeybase },
    { verb: ['fs', 'write'], host: 'keybase.io', withValue: KEYBASE_FS, sources: stdinToKeybase },
  ],
  b2: [
    { verb: ['upload-file'], host: 'backblazeb2.com', withValue: B2, sources: (p) => p.slice(1, 2) },
    { verb: ['upload_file'], host: 'backblazeb2.com', withValue: B2, sources: (p) => p.slice(1, 2) },
    { verb: ['file', 'upload'], host: 'backblazeb2.com', withValue: B2, sources: (p) => p.slice(1, 2) },
  ],
};

/** The uploads `cmd` makes to a cloud drive; empty = none. */
export function driveUploads(cmd: NormalizedCommand): Transfer[] {
  const rows = Object.hasOwn(DRIVES, cmd.program) ? DRIVES[cmd.program] : [];
  for (const r of rows) {
    // the verb's words, each the next word that is not an option
    let at = 0;
    let ok = true;
    for (const w of r.verb) {
      const next = cmd.argv.findIndex((a, i) => i > at && !a.startsWith('-'));
      if (cmd.argv[next] !== w) ok = false;
      at = next;
    }
    if (!ok) continue;
    const s = scan(cmd.argv, at, r.withValue);
    const files = r.sources(s.pos).map(([, w]) => w);
    // `-` as a source: the upload reads stdin
    const stdin = files.includes('-');
    return [
      {
        sink: [cmd.program, ...r.verb].join(' '),
        host: r.host,
        files: files.filter((f) => f !== '-'),
        dataArgs: [],
        sendsStdin: stdin,
      },
    ];
  }
  return [];
}
