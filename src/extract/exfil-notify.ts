/**
 * Push-notification publishers, whose message reaches a service and the phones subscribed
 * to it: `ntfy publish|pub|send|trigger [TOPIC] MESSAGE…` (title, tags, click, attach and
 * email texts too; `--file F` uploads the file; no message and no file = stdin), `gotify push
 * MESSAGE` (stdin when no message is given) and `telegram-send MESSAGE…` (`--file/--image/…
 * F…` upload, `--stdin`). Reads the command's words only: where the message goes, the argv
 * indices of the texts sent and the files uploaded; what is sent is judged by exfil.ts.
 */
import type { NormalizedCommand } from '../engine/types.js';
import type { Message } from './exfil-messages.js';
import { hostOf, scan } from './exfil-transfers.js';
import { wordSet } from './word-set.js';

/** ntfy's publish options that take a value (`--user`/`--token` log in and are not sent as text). */
const NTFY_VALUE = wordSet(
  '-c --config -t --title -m --message -p --priority -T --tags --tag -D --at --in --delay -U --click ' +
    '-i --icon -A --actions -a --attach -n --filename --name -f --file -e --email --mail --call --phone ' +
    '-u --user -k --token --wait-pid --pid --sequence-id --sid',
);
/** ntfy options whose value is text in the message (the message, its title, tags, links, actions). */
const NTFY_TEXT = ['-t', '--title', '-m', '--message', '-T', '--tags', '--tag', '-U', '--click'];
const NTFY_TEXT_MORE = ['-i', '--icon', '-A', '--actions', '-a', '--attach', '-e', '--email', '--mail'];
const NTFY_VERBS = new Set(['publish', 'pub', 'send', 'trigger']);

/** The host of an ntfy topic: `ntfy.example.net/alerts`, `https://ntfy.example.net/alerts`, else ntfy.sh. */
function ntfyHost(topic: string): string {
  return topic.includes('/') ? hostOf(topic) : 'ntfy.sh';
}

function ntfy(cmd: NormalizedCommand): Message[] {
  const verbAt = cmd.argv.findIndex((w, i) => i > 0 && NTFY_VERBS.has(w));
  if (verbAt < 0 || cmd.argv.slice(1, verbAt).some((w) => !w.startsWith('-'))) return [];
  const s = scan(cmd.argv, verbAt, NTFY_VALUE);
  // `--env-topic` takes the topic from $NTFY_TOPIC: every positional word is the message.
  const envTopic = s.flag(/^(-P|--env-topic)$/);
  const topic = envTopic ? undefined : s.pos[0];
  const words = envTopic ? s.pos : s.pos.slice(1);
  const texts = [...NTFY_TEXT, ...NTFY_TEXT_MORE].flatMap((o) => {
    const v = s.value(o);
    return v ? [v[2]] : [];
  });
  const file = s.value('-f', '--file')?.[1];
  const hasMessage = words.length > 0 || s.value('-m', '--message') !== undefined;
  return [
    {
      sink: 'ntfy publish',
      host: envTopic ? '' : ntfyHost(topic?.[1] ?? ''),
      dataArgs: [...texts, ...words.map(([i]) => i)],
      files: file && file !== '-' ? [file] : [],
      sendsStdin: file === '-' || (!hasMessage && !file),
    },
  ];
}

/** `gotify push [-t T] [-p N] [--url U] [--token K] MESSAGE`; no message = stdin. */
function gotify(cmd: NormalizedCommand): Message[] {
  if (cmd.argv[1] !== 'push' && cmd.argv[1] !== 'p') return [];
  const s = scan(cmd.argv, 1, wordSet('-t --title -p --priority --url --token --contentType'));
  const title = s.value('-t', '--title');
  const url = s.value('--url')?.[1];
  return [
    {
      sink: 'gotify push',
      // fail closed: without --url the server comes from gotify's config, not known here
      host: url ? hostOf(url) : '',
      dataArgs: [...(title ? [title[2]] : []), ...s.pos.map(([i]) => i)],
      files: [],
      sendsStdin: s.pos.length === 0,
    },
  ];
}

/** telegram-send's options followed by one or more files to upload. */
const TELEGRAM_FILES = /^(-f|--file|-i|--image|--video|--audio|--animation|--sticker)$/;
/** telegram-send's options with one value that is not sent as text. */
const TELEGRAM_VALUE = /^(-c|--config|--format|--timeout|--location|--parse-mode)$/;

/** `telegram-send [--file F…] [--caption C…] [--stdin] MESSAGE…` to the Telegram Bot API. */
function telegram(cmd: NormalizedCommand): Message[] {
  const dataArgs: number[] = [];
  const files: string[] = [];
  let into: 'files' | 'text' = 'text';
  for (let i = 1; i < cmd.argv.length; i++) {
    const a = cmd.argv[i];
    if (a.startsWith('-') && a !== '-') {
      if (TELEGRAM_VALUE.test(a)) i++;
      into = TELEGRAM_FILES.test(a) ? 'files' : 'text';
      continue;
    }
    if (into === 'files') files.push(a);
    else dataArgs.push(i);
  }
  return [
    {
      sink: 'telegram-send',
      host: 'api.telegram.org',
      dataArgs,
      files,
      sendsStdin: cmd.argv.includes('--stdin'),
    },
  ];
}

/** The notifications `cmd` publishes; empty = none. */
export function notificationsOf(cmd: NormalizedCommand): Message[] {
  if (cmd.program === 'ntfy') return ntfy(cmd);
  if (cmd.program === 'gotify') return gotify(cmd);
  if (cmd.program === 'telegram-send') return telegram(cmd);
  return [];
}
