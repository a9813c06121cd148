/**
 * Chat uploaders, whose text and files land in a channel other people (and the chat
 * service) read: `slackcat [-c CHANNEL] [-n NAME] [FILE]` (the file, else stdin), slack-cli's
 * `slack file upload [--file] F` and `slack chat send [--text] T`, `discord.sh --text T
 * --file F`, and `matrix-commander -m MSG -f|-i|-a|-v FILE` (`-m -` reads stdin). Reads the
 * command's words only: where the message goes, the argv indices of the texts sent and the
 * files uploaded; what is sent is judged by exfil.ts like a notification's.
 */
import type { NormalizedCommand } from '../engine/types.js';
import type { Message } from './exfil-messages.js';
import { hostOf, scan, set } from './exfil-transfers.js';

/** One uploader: where it sends, its options with a value, and which of them carry text or files. */
interface Uploader {
  /** The words after the program that select the sending subcommand (`file upload`); empty = none. */
  verb: string[];
  host: string;
  withValue: Set<string>;
  text: string[];
  files: string[];
  /** Option whose value names the server (`--webhook-url`); empty = the service's own host. */
  server: string[];
  /** What the positional words are: the first a file uploaded (the rest channels), all texts sent, or neither. */
  positional: 'files' | 'text' | 'none';
  /** True when the tool reads stdin when given neither a text nor a file. */
  stdinDefault: boolean;
}

const UPLOADERS: Record<string, Uploader[]> = {
  slackcat: [
    {
      verb: [],
      host: 'slack.com',
      withValue: set('-c --channel -n --filename --comment -u --username -i --iconemoji --config'),
      text: ['--comment'],
      files: [],
      server: [],
      positional: 'files',
      stdinDefault: true,
    },
  ],
  slack: [
    {
      verb: ['file', 'upload'],
      host: 'slack.com',
      withValue: set('--file -f --channels -chs --comment -cm --filename -fl --filetype -ft --title -ti'),
      text: ['--comment', '-cm', '--title', '-ti'],
      files: ['--file', '-f'],
      server: [],
      positional: 'files',
      stdinDefault: false,
    },
    {
      verb: ['chat', 'send'],
      host: 'slack.com',
      withValue: set(
        '--text -tx --channel -ch --color -co --title -ti --pretext -pt --author -at --footer -ft',
      ),
      text: ['--text', '-tx', '--title', '-ti', '--pretext', '-pt'],
      files: [],
      server: [],
      positional: 'text',
      stdinDefault: true,
    },
  ],
  'discord.sh': [
    {
      verb: [],
      host: 'discord.com',
      withValue: set(
        '--webhook-url --text --file --username --avatar --title --description --url --color --footer --author',
      ),
      text: ['--text', '--title', '--description', '--footer'],
      files: ['--file'],
      server: ['--webhook-url'],
      positional: 'none',
      stdinDefault: false,
    },
  ],
  'matrix-commander': [
    {
      verb: [],
      host: '',
      withValue: set(
        '-m --message -f --file -i --image -a --audio -v --video -r --room -c --credentials -s --store',
      ),
      text: ['-m', '--message'],
      files: ['-f', '--file', '-i', '--image', '-a', '--audio', '-v', '--video'],
      server: [],
      positional: 'none',
      stdinDefault: false,
    },
  ],
};

/** The chat messages `cmd` sends; empty = none. */
export function chatUploadsOf(cmd: NormalizedCommand): Message[] {
  const out: Message[] = [];
  for (const u of Object.hasOwn(UPLOADERS, cmd.program) ? UPLOADERS[cmd.program] : []) {
    if (!u.verb.every((w, i) => cmd.argv[1 + i] === w)) continue;
    const s = scan(cmd.argv, u.verb.length, u.withValue);
    const texts = u.text.flatMap((o) => {
      const v = s.value(o);
      return v && v[1] !== '-' ? [v[2]] : [];
    });
    const files = u.files.flatMap((o) => {
      const v = s.value(o);
      return v && v[1] !== '-' ? [v[1]] : [];
    });
    const dash = [...u.text, ...u.files].some((o) => s.value(o)?.[1] === '-');
    const posFiles =
      u.positional === 'files'
        ? s.pos
            .slice(0, 1)
            .filter(([, w]) => w !== '-')
            .map(([, w]) => w)
        : [];
    const posTexts = u.positional === 'text' ? s.pos.map(([i]) => i) : [];
    const server = u.server.map((o) => s.value(o)?.[1]).find((v) => v !== undefined);
    const nothing = texts.length + files.length + posFiles.length + posTexts.length === 0;
    out.push({
      sink: [cmd.program, ...u.verb].join(' '),
      // fail closed: a server that comes from the tool's own configuration is unknown here
      host: server !== undefined ? hostOf(server) : u.host,
      dataArgs: [...texts, ...posTexts],
      files: [...files, ...posFiles],
      sendsStdin: dash || s.pos.some(([, w]) => w === '-') || (u.stdinDefault && nothing),
    });
  }
  return out;
}
