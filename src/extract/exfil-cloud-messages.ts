/**
 * Cloud messaging calls whose parameters are delivered to whoever consumes the topic, queue,
 * stream or function, read as messages (exfil-messages.ts's Message): the AWS CLI's publish,
 * send and put operations (`aws sns publish --message`, `aws sqs send-message --message-body`,
 * `aws lambda invoke --payload`, `aws kinesis put-record --data`, …). A value written
 * `file://F` or `fileb://F` sends that file's contents (the CLI reads it), any other value is
 * text sent (its argv index); `aws s3api put-object --body F` sends the file F. The topic or
 * queue may belong to any account, so what is sent is judged as leaving this machine; so is
 * a message published with `gcloud pubsub topics publish`.
 */
import type { NormalizedCommand } from '../engine/types.js';
import type { Message } from './exfil-messages.js';

/** `service operation` → the options whose value is delivered. */
const AWS_SENDS: Record<string, string[]> = {
  'sns publish': ['--message', '--subject', '--message-attributes'],
  'sns publish-batch': ['--publish-batch-request-entries'],
  'sqs send-message': ['--message-body', '--message-attributes'],
  'sqs send-message-batch': ['--entries'],
  'ses send-email': ['--message', '--text', '--html', '--subject'],
  'ses send-raw-email': ['--raw-message'],
  'sesv2 send-email': ['--content'],
  'kinesis put-record': ['--data'],
  'kinesis put-records': ['--records'],
  'firehose put-record': ['--record'],
  'firehose put-record-batch': ['--records'],
  'events put-events': ['--entries'],
  'iot-data publish': ['--payload'],
  'lambda invoke': ['--payload'],
  'lambda invoke-async': ['--invoke-args'],
  'logs put-log-events': ['--log-events'],
  'pinpoint send-messages': ['--message-request'],
  'stepfunctions start-execution': ['--input'],
};
/** Operations whose option names a plain file path that is uploaded (not `file://`). */
const AWS_FILE_BODY: Record<string, string[]> = { 's3api put-object': ['--body'] };

/** AWS CLI global options that take a value (they may come before the service). */
const GLOBAL_WITH_ARG =
  /^--(profile|region|endpoint-url|output|query|ca-bundle|cli-read-timeout|cli-connect-timeout|color|cli-binary-format)$/;

/**
 * `gcloud [beta] pubsub topics publish TOPIC --message=M [--attribute=K=V,…]`: the message and
 * attributes go to the topic's subscribers (`--message` may come before the topic).
 */
function gcloudPublish(cmd: NormalizedCommand): Message[] {
  const a = cmd.argv;
  const words = a.slice(1).filter((w) => !w.startsWith('-'));
  const at = words.indexOf('pubsub');
  if (at < 0 || words[at + 1] !== 'topics' || words[at + 2] !== 'publish') return [];
  const dataArgs: number[] = [];
  for (let i = 1; i < a.length; i++) {
    const [name, inline] = a[i].split(/=(.*)/s, 2);
    if (name !== '--message' && name !== '--attribute') continue;
    dataArgs.push(inline !== undefined ? i : ++i);
  }
  return [
    { sink: 'gcloud pubsub publish', host: 'pubsub.googleapis.com', dataArgs, files: [], sendsStdin: false },
  ];
}

/** The messages an `aws` publish/send/put call or a `gcloud pubsub` publish delivers; empty = none. */
export function cloudMessagesOf(cmd: NormalizedCommand): Message[] {
  if (cmd.program === 'gcloud') return gcloudPublish(cmd);
  if (cmd.program !== 'aws') return [];
  const a = cmd.argv;
  const words: string[] = [];
  for (let i = 1; i < a.length && words.length < 2; i++) {
    if (a[i].startsWith('-')) {
      if (GLOBAL_WITH_ARG.test(a[i])) i++;
    } else words.push(a[i]);
  }
  const op = words.join(' ');
  const texts = AWS_SENDS[op] ?? [];
  const bodies = AWS_FILE_BODY[op] ?? [];
  if (!texts.length && !bodies.length) return [];
  const dataArgs: number[] = [];
  const files: string[] = [];
  for (let i = 1; i < a.length; i++) {
    const [name, inline] = a[i].split(/=(.*)/s, 2);
    const isText = texts.includes(name);
    if (!isText && !bodies.includes(name)) continue;
    const at = inline !== undefined ? i : i + 1;
    const v = inline ?? a[++i];
    if (v === undefined) continue;
    const file = /^fileb?:\/\/(.+)$/s.exec(v)?.[1];
    if (!isText || file !== undefined) files.push(file ?? v);
    else dataArgs.push(at);
  }
  const endpoint = op.startsWith('s3api') ? 's3.amazonaws.com' : `${words[0]}.amazonaws.com`;
  return [{ sink: `aws ${op}`, host: endpoint, dataArgs, files, sendsStdin: false }];
}
