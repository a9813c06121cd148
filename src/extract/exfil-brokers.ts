/**
 * Message brokers and pub/sub clients for exfil-transfers.ts: what a publish delivers to
 * whoever subscribes to the topic, queue or channel (`kcat -P FILE`, `mosquitto_pub -f FILE
 * -m MSG`, `kafka-console-producer`, `nats pub|publish|req SUBJECT BODY`, `pulsar-client
 * produce -f FILE -m MSG`), and Redis's clients reading their last argument from stdin
 * (`redis-cli -h HOST -x PUBLISH ch < FILE`, `valkey-cli`, `keydb-cli`). The broker may belong to
 * anyone, so what is published is judged as leaving this machine (by exfil.ts).
 */
import type { NormalizedCommand } from '../engine/types.js';
import type { Transfer } from './exfil-transfers.js';
import { hostOf, scan } from './exfil-transfers.js';
import { wordSet } from './word-set.js';

/** kcat/kafkacat's options with a value; producing (`-P`) it sends the files named, or stdin, to the first broker. */
const KCAT_VALUE = wordSet('-b -t -p -G -c -D -K -k -H -o -X -F -s -r -f -z -m -a -M');
const MOSQUITTO_VALUE = wordSet(
  '-h -p -t -m -f -u -P -i -I -q -k -A -L -V -D --cafile --capath --cert --key --will-payload --will-topic --id --url --host --port --topic --message --file --username --pw',
);
/** nats's options with a value (global ones may come before the verb). */
const NATS_VALUE = wordSet(
  '-s --server --creds --nkey --user --password --context --header -H --count --sleep --reply --tlscert --tlskey --tlsca --timeout --js-domain',
);
/** nats's verbs whose body goes to the subscribers of the subject. */
const NATS_SENDS = wordSet('pub publish req request');
/** pulsar-client's options with a value (`produce TOPIC -m MSG -f FILE`). */
const PULSAR_VALUE = wordSet(
  '-m --messages -f --files -n --num-produce -r --rate -s --separator --url --auth-plugin --auth-params -k --key -p --properties',
);
/** redis-cli and its forks' options with a value (`-x` is a flag: the last argument is read from stdin). */
const REDIS_VALUE = wordSet(
  '-h -p -s -a -u -n -r -i --user --pass --askpass --sni --cacert --cacertdir --cert --key --tls-ciphers --tls-ciphersuites -e --eval',
);

function kcat(cmd: NormalizedCommand): Transfer[] {
  const s = scan(cmd.argv, 0, KCAT_VALUE);
  if (!s.flag(/^-P$/)) return [];
  const files = s.pos.map(([, w]) => w);
  const host = hostOf(s.value('-b')?.[1]?.split(',')[0] ?? '');
  return [{ sink: cmd.program, host, files, dataArgs: [], sendsStdin: files.length === 0 }];
}

function mosquitto(cmd: NormalizedCommand): Transfer[] {
  const s = scan(cmd.argv, 0, MOSQUITTO_VALUE);
  const url = s.value('-L', '--url')?.[1];
  const host = url ? hostOf(url) : (s.value('-h', '--host')?.[1] ?? 'localhost').toLowerCase();
  const file = s.value('-f', '--file')?.[1];
  const msg = s.value('-m', '--message');
  return [
    {
      sink: cmd.program,
      host,
      files: file ? [file] : [],
      dataArgs: msg ? [msg[2]] : [],
      sendsStdin: s.flag(/^(-s|-l|--stdin-file|--stdin-line)$/),
    },
  ];
}

/** `nats [global opts] pub|publish|req SUBJECT [BODY]`: the body, or stdin without one. */
function nats(cmd: NormalizedCommand): Transfer[] {
  const s = scan(cmd.argv, 0, NATS_VALUE);
  const verb = s.pos.findIndex(([, w]) => NATS_SENDS.has(w));
  if (verb < 0) return [];
  const server = s.value('-s', '--server')?.[1];
  const body = s.pos[verb + 2];
  return [
    {
      sink: `nats ${s.pos[verb][1]}`,
      // without a server the client's context names it: not known here
      host: server ? hostOf(server) : 'localhost',
      files: [],
      dataArgs: body ? [body[0]] : [],
      sendsStdin: !body,
    },
  ];
}

/** `pulsar-client [--url URL] produce TOPIC -m MSG… -f FILE…`. */
function pulsar(cmd: NormalizedCommand): Transfer[] {
  const s = scan(cmd.argv, 0, PULSAR_VALUE);
  if (!s.pos.some(([, w]) => w === 'produce')) return [];
  const url = s.value('--url')?.[1];
  const at = (names: string[]) =>
    cmd.argv.flatMap((w, i) => (names.includes(w) && i + 1 < cmd.argv.length ? [i + 1] : []));
  return [
    {
      sink: 'pulsar-client produce',
      host: url ? hostOf(url) : 'localhost',
      files: at(['-f', '--files']).flatMap((i) => cmd.argv[i].split(',')),
      dataArgs: at(['-m', '--messages']),
      sendsStdin: false,
    },
  ];
}

/** `redis-cli -h HOST|-u URL -x CMD…`: stdin becomes the command's last argument, stored or published there. */
function redis(cmd: NormalizedCommand): Transfer[] {
  const s = scan(cmd.argv, 0, REDIS_VALUE);
  if (!s.flag(/^-x$/)) return [];
  const url = s.value('-u')?.[1];
  const host = url ? hostOf(url) : (s.value('-h')?.[1] ?? 'localhost').toLowerCase();
  return [{ sink: `${cmd.program} -x`, host, files: [], dataArgs: [], sendsStdin: true }];
}

/** The publishes `cmd` makes to a broker; empty = none. */
export function broker(cmd: NormalizedCommand): Transfer[] {
  const p = cmd.program;
  if (p === 'kcat' || p === 'kafkacat') return kcat(cmd);
  if (/^kafka-console-producer(\.sh)?$/.test(p)) {
    const s = scan(
      cmd.argv,
      0,
      wordSet('--bootstrap-server --broker-list --topic --producer.config --property --producer-property'),
    );
    const host = hostOf((s.value('--bootstrap-server', '--broker-list')?.[1] ?? '').split(',')[0]);
    return [{ sink: p, host, files: [], dataArgs: [], sendsStdin: true }];
  }
  if (p === 'mosquitto_pub') return mosquitto(cmd);
  if (p === 'nats') return nats(cmd);
  if (p === 'pulsar-client') return pulsar(cmd);
  if (/^(redis|valkey|keydb)-cli$/.test(p)) return redis(cmd);
  return [];
}
