/**
 * Chat uploaders, whose text and files land in a channel other people (and the chat
 * service) read: `slackcat [-c CHANNEL] [-n NAME] [FILE]` (the file, else stdin), slack-cli's
 * `slack file upload [--file] F` and `slack chat send [--text] T`, `discord.sh --text T
 * --file F`, `matrix-commander -m MSG -f|-i|-a|-v FILE` (`-m -` reads stdin), Mattermost's
 * `mmctl post create TEAM:CHANNEL --message MSG`, `zulip-send --message MSG` (stdin without
 * one), Keybase's `keybase chat send CONV MSG` and `keybase chat upload CONV FILE`, and
 * `signal-cli send -m MSG -a FILE` (global options such as `mmctl --local` or `signal-cli -a
 * ACCOUNT` may come before the subcommand). Reads the command's words only: where the message
 * goes, the argv indices of the texts sent and the files uploaded; what is sent is judged by
 * exfil.ts like a notification's.
 */
import type { NormalizedCommand } from '../engine/types.js';
import type { Message } from './exfil-messages.js';
import { hostOf, scan } from './exfil-transfers.js';
import { wordSet } from './word-set.js';

/** One uploader: where it sends, its options with a value, and which of them carry text or files. */
interface Uploader {
  /** The words after the program that select the sending subcommand (`file upload`); empty = none. */
  verb: string[];
  /** Global options with a value that may come before the subcommand (`signal-cli -a ACCOUNT send`); empty = none. */
  global?: Set<string>;
  host: string;
  withValue: Set<string>;
  text: string[];
  files: string[];
  /** Option whose value names the server (`--webhook-url`); empty = the service's own host. */
  server: string[];
  /**
   * What the positional words are: the first a file uploaded (the rest channels), the last a
   * file uploaded after the conversation (`files-last`), all texts sent, or neither.
   */
  positional: 'files' | 'files-last' | 'text' | 'none';
  /** True when the tool reads stdin when given neither a text nor a file. */
  stdinDefault: boolean;
  /** Options that alone stop it reading stdin (zulip-send's `--message`, not its `--subject`); absent = any text or file. */
  stdinUnless?: string[];
}

const UPLOADERS: Record<string, Uploader[]> = {
  slackcat: [
    {
      verb: [],
      host: 'slack.com',
      withValue: wordSet('-c --channel -n --filename --comment -u --username -i --iconemoji --config'),
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
      withValue: wordSet('--file -f --channels -chs --comment -cm --filename -fl --filetype -ft --title -ti'),
      text: ['--comment', '-cm', '--title', '-ti'],
      files: ['--file', '-f'],
      server: [],
      positional: 'files',
      stdinDefault: false,
    },
    {
      verb: ['chat', 'send'],
      host: 'slack.com',
      withValue: wordSet(
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
      withValue: wordSet(
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
      withValue: wordSet(
        '-m --message -f --file -i --image -a --audio -v --video -r --room -c --credentials -s --store',
      ),
      text: ['-m', '--message'],
      files: ['-f', '--file', '-i', '--image', '-a', '--audio', '-v', '--video'],
      server: [],
      positional: 'none',
      stdinDefault: false,
    },
  ],
  mmctl: [
    {
      verb: ['post', 'create'],
      global: wordSet('--config --format --log-file-path'),
      host: '',
      withValue: wordSet('--message --reply-to --create-at --config --format'),
      text: ['--message'],
      files: [],
      server: [],
      positional: 'none',
      stdinDefault: false,
    },
  ],
  'zulip-send': [
    {
      verb: [],
      host: '',
      withValue: wordSet(
        '--stream -s --subject -S --message -m --site --config-file --user --api-key --client --zulip-config-file',
      ),
      text: ['--message', '-m', '--subject', '-S'],
      files: [],
      server: ['--site'],
      positional: 'none',
      stdinDefault: true,
      stdinUnless: ['--message', '-m'],
    },
  ],
  keybase: [
    {
      verb: ['chat', 'send'],
      host: 'keybase.io',
      withValue: wordSet('--channel --topic-type --exploding-lifetime --reply-to'),
      text: [],
      files: [],
      server: [],
      positional: 'text',
      stdinDefault: false,
    },
    {
      verb: ['chat', 'upload'],
      host: 'keybase.io',
      withValue: wordSet('--channel --topic-type --exploding-lifetime --title'),
      text: ['--title'],
      files: [],
      server: [],
      positional: 'files-last',
      stdinDefault: false,
    },
  ],
  'signal-cli': [
    {
      verb: ['send'],
      global: wordSet('-a --account -u --username -c --config -o --output --trust-new-identities'),
      host: 'signal.org',
      withValue: wordSet(
        '-m --message -a --attachment -g --group-id -u --username --mention --quote-timestamp --quote-author --quote-message --sticker --story-timestamp --story-author --edit-timestamp --preview-url --preview-title --preview-description --preview-image',
      ),
      text: ['-m', '--message'],
      files: ['-a', '--attachment'],
      server: [],
      positional: 'none',
      stdinDefault: true,
    },
  ],
};

/** Where the subcommand `verb` starts, past the global options before it; -1 = not this subcommand. */
function verbAt(argv: string[], u: Uploader): number {
  let i = 1;
  // options before the subcommand are the program's own (`mmctl --local post create`)
  while (u.verb.length && argv[i]?.startsWith('-')) i += u.global?.has(argv[i]) ? 2 : 1;
  return u.verb.every((w, k) => argv[i + k] === w) ? i : -1;
}

/** The chat messages `cmd` sends; empty = none. */
export function chatUploadsOf(cmd: NormalizedCommand): Message[] {
  const out: Message[] = [];
  for (const u of Object.hasOwn(UPLOADERS, cmd.program) ? UPLOADERS[cmd.program] : []) {
    const at = verbAt(cmd.argv, u);
    if (at < 0) continue;
    const s = scan(cmd.argv, at + u.verb.length - 1, u.withValue);
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
      u.positional === 'files' || (u.positional === 'files-last' && s.pos.length > 1)
        ? s.pos
            .slice(u.positional === 'files' ? 0 : -1)
            .slice(0, 1)
            .filter(([, w]) => w !== '-')
            .map(([, w]) => w)
        : [];
    const posTexts = u.positional === 'text' ? s.pos.map(([i]) => i) : [];
    const server = u.server.map((o) => s.value(o)?.[1]).find((v) => v !== undefined);
    const nothing = u.stdinUnless
      ? !u.stdinUnless.some((o) => s.value(o))
      : texts.length + files.length + posFiles.length + posTexts.length === 0;
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
