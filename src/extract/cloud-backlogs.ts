/**
 * Commands that make a message queue drop its waiting messages without deleting the queue:
 * a topic's retention set so low that the broker deletes what it holds (`kafka-configs --alter
 * --add-config retention.ms=1000`, `kafka-topics --alter --config …`, `rpk topic alter-config
 * --set …`), a consumer group moved past its backlog (`kafka-consumer-groups --reset-offsets
 * --to-latest --execute`), a subscription sought to a time or snapshot (`gcloud pubsub
 * subscriptions seek`), a backlog cleared or skipped (`pulsar-admin topics clear-backlog`,
 * `skip-all`), a RocketMQ consumer group moved past what it has not read (`mqadmin
 * skipAccumulatedMessage`, `resetOffsetByTime`), retained messages cleaned (`emqx ctl retainer clean`), a web framework's job
 * queue cleared on a server (`php artisan queue:clear|queue:flush|horizon:clear` over ssh or
 * with `--env=production`; the same on this machine clears a development queue). Reads the argv only.
 * Each is a cloud fact with the verb `drop-backlog`; what only reads or describes gives none.
 */
import type { NormalizedCommand } from '../engine/types.js';
import type { CloudDraft } from './cloud-argv.js';
import { ranElsewhere } from './http.js';

/** Retention below an hour, or below a mebibyte, empties a topic of what it held. */
const TINY_MS = 3_600_000;
const TINY_BYTES = 1_048_576;

const base = (cmd: NormalizedCommand): string => (cmd.argv[0] ?? '').split('/').pop() ?? '';
const tool = (cmd: NormalizedCommand): string => base(cmd).replace(/\.(sh|bat)$/, '');

/** The values of `--opt V` and `--opt=V` for the names given. Empty = not given. */
function values(argv: string[], ...names: string[]): string[] {
  const out: string[] = [];
  argv.forEach((a, i) => {
    for (const n of names) {
      if (a === n && i + 1 < argv.length) out.push(argv[i + 1]);
      else if (a.startsWith(`${n}=`)) out.push(a.slice(n.length + 1));
    }
  });
  return out;
}

/** The retention settings among `k=v[,k=v]` lists that leave nothing kept. Empty = none. */
function tinyRetention(settings: string[]): string[] {
  return settings
    .flatMap((s) => s.split(','))
    .filter((kv) => {
      const m = /^(retention\.ms|retention\.bytes)=(.*)$/.exec(kv.trim());
      if (!m) return false;
      // fail closed: a retention not known statically (`retention.ms=$X`) may be a tiny one.
      if (!/^-?\d+$/.test(m[2])) return true;
      const n = Number(m[2]);
      return n >= 0 && n < (m[1] === 'retention.ms' ? TINY_MS : TINY_BYTES);
    });
}

const draft = (cmd: NormalizedCommand, service: string, resource: string, all = false): CloudDraft => ({
  tool: tool(cmd),
  service,
  verb: 'drop-backlog',
  resource,
  all,
  force: true,
});

/** Positionals after the program (option values are not told apart: callers read by position). */
const words = (argv: string[]) => argv.slice(1).filter((a) => !a.startsWith('-'));

/** Consumer-group resets that skip messages not yet read (or may: a time, an offset, a file). */
const SKIPPING_RESET = /^--(to-latest|to-datetime|to-offset|from-file)(=|$)/;

type Reader = (cmd: NormalizedCommand) => CloudDraft | undefined;

const kafkaConfig: Reader = (cmd) => {
  const a = cmd.argv;
  if (!a.includes('--alter')) return undefined;
  const tiny = tinyRetention(values(a, '--add-config', '--config'));
  const topic = values(a, '--entity-name', '--topic')[0] ?? '';
  return tiny.length ? draft(cmd, `topic ${tiny.join(',')}`, topic) : undefined;
};

const READERS: Record<string, Reader> = {
  'kafka-configs': kafkaConfig,
  'kafka-topics': kafkaConfig,
  'kafka-consumer-groups': (cmd) => {
    const a = cmd.argv;
    if (!a.includes('--reset-offsets') || !a.includes('--execute')) return undefined;
    const shift = Number(values(a, '--shift-by')[0] ?? 'NaN');
    if (!a.some((x) => SKIPPING_RESET.test(x)) && !(shift > 0)) return undefined;
    return draft(
      cmd,
      'consumer-group reset-offsets',
      values(a, '--group')[0] ?? '',
      a.includes('--all-groups'),
    );
  },
  rpk: (cmd) => {
    const w = words(cmd.argv);
    if (w[0] !== 'topic' || w[1] !== 'alter-config') return undefined;
    const tiny = tinyRetention(values(cmd.argv, '--set', '-s'));
    return tiny.length ? draft(cmd, `topic ${tiny.join(',')}`, w[2] ?? '') : undefined;
  },
  gcloud: (cmd) => {
    const w = words(cmd.argv);
    const at = w.findIndex((x, i) => x === 'seek' && w[i - 1] === 'subscriptions' && w[i - 2] === 'pubsub');
    // fail closed: whether the time is past the newest message is not known statically; a
    // seek forward acknowledges (drops) the backlog, one back re-delivers to live consumers.
    return at > 0 ? draft(cmd, 'pubsub subscriptions seek', w[at + 1] ?? '') : undefined;
  },
  'pulsar-admin': (cmd) => {
    const w = words(cmd.argv);
    const verb = w.slice(0, 2).find((x) => /^(clear-backlog|skip-all|skip)$/.test(x));
    return verb ? draft(cmd, `${w[0]} ${verb}`, w[w.indexOf(verb) + 1] ?? '') : undefined;
  },
  emqx: (cmd) => {
    const w = words(cmd.argv);
    const i = w[0] === 'ctl' ? 1 : 0;
    return w[i] === 'retainer' && w[i + 1] === 'clean'
      ? draft(cmd, 'retainer clean', w[i + 2] ?? '', !w[i + 2])
      : undefined;
  },
};
/** Laravel's commands that delete waiting (`queue:clear`, `horizon:clear`) or failed (`queue:flush`) jobs. */
const ARTISAN_CLEARS = /^(queue:clear|queue:flush|horizon:clear)$/;

/** `[php] artisan queue:clear …` run on a server or against production; undefined = none. */
const artisan: Reader = (cmd) => {
  const w = words(cmd.argv);
  const at = w.findIndex((x) => ARTISAN_CLEARS.test(x));
  const isArtisan =
    tool(cmd) === 'artisan' || (/^php[\d.]*$/.test(tool(cmd)) && /(^|\/)artisan$/.test(w[0] ?? ''));
  if (!isArtisan || at < 0 || at > 1) return undefined;
  const prod = values(cmd.argv, '--env').some((e) => /^prod/i.test(e));
  if (!prod && !ranElsewhere(cmd)) return undefined;
  return draft(cmd, `artisan ${w[at]}`, w[at + 1] ?? values(cmd.argv, '--queue')[0] ?? '', !w[at + 1]);
};
/** RocketMQ's admin commands that move a consumer group's offsets (`-g GROUP -t TOPIC`). */
READERS.mqadmin = (cmd) => {
  const verb = words(cmd.argv)[0] ?? '';
  if (!/^(skipAccumulatedMessage|resetOffsetByTime|resetOffsetByTimeOld)$/.test(verb)) return undefined;
  // fail closed: whether the time (`-s now`, a timestamp) is past the backlog is not known statically.
  return draft(cmd, `consumer-group ${verb}`, values(cmd.argv, '-g', '--groupName')[0] ?? '');
};
READERS.artisan = artisan;
READERS.php = artisan;
READERS.pulsarctl = READERS['pulsar-admin'];
READERS.emqx_ctl = READERS.emqx;

/** The backlog a command drops; undefined = none. */
export function readBacklog(cmd: NormalizedCommand): CloudDraft | undefined {
  const t = tool(cmd).replace(/^php[\d.]+$/, 'php'); // php8.2 reads as php
  return Object.hasOwn(READERS, t) ? READERS[t](cmd) : undefined;
}
