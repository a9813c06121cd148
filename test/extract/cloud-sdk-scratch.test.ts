/**
 * A message-broker queue the same code declared exclusive or auto-delete, then deletes
 * (src/extract/cloud-sdk-scratch.ts): its own scratch queue, not asked; any other queue delete
 * is. Through the real pipeline with the saas pack loaded.
 */
import { describe, expect, it } from 'vitest';
import { scratchQueueDeletes } from '../../src/extract/cloud-sdk-scratch.js';
import { packVerdict } from '../helpers/command.js';

const saas = await packVerdict('saas');
const ASK = 'ask saas/unknown-cli-destroy';
const PY = (body: string) =>
  `python3 - <<'EOF'\nimport pika\nch = pika.BlockingConnection(pika.ConnectionParameters("localhost")).channel()\n${body}\nEOF`;

describe('deleting a queue the code declared transient', () => {
  it.each<[string, string]>([
    [PY('ch.queue_declare("scratch", auto_delete=True)\nch.queue_delete("scratch")'), 'allow'],
    [PY('ch.queue_declare(queue="tmp-q", exclusive=True)\nch.queue_delete(queue="tmp-q")'), 'allow'],
    [
      PY(
        'r = ch.queue_declare(queue="", exclusive=True)\nname = r.method.queue\nch.queue_delete(queue=name)',
      ),
      'allow',
    ],
    [PY('r = ch.queue_declare("", exclusive=True)\nch.queue_delete(r.method.queue)'), 'allow'],
    [
      `node -e "const amqp=require('amqplib'); (async () => { const ch = await (await amqp.connect('amqp://localhost')).createChannel(); const q = await ch.assertQueue('', { exclusive: true }); await ch.deleteQueue(q.queue); })()"`,
      'allow',
    ],
    // the channel of a connection kept in a variable (a client the generic SDK reading follows too)
    [
      `python3 - <<'EOF'\nimport pika\nconn = pika.BlockingConnection(pika.ConnectionParameters("localhost"))\nch = conn.channel()\nr = ch.queue_declare(queue="", exclusive=True)\nch.queue_delete(queue=r.method.queue)\nEOF`,
      'allow',
    ],
    [
      `python3 - <<'EOF'\nimport pika\nconn = pika.BlockingConnection(pika.ConnectionParameters("localhost"))\nch = conn.channel()\nch.queue_declare(queue="orders", durable=True)\nch.queue_delete(queue="orders")\nEOF`,
      ASK,
    ],
    // a durable queue, another queue than the one declared, a queue only deleted
    [PY('ch.queue_declare("orders", durable=True)\nch.queue_delete("orders")'), ASK],
    [PY('ch.queue_declare("scratch", auto_delete=True)\nch.queue_delete("orders")'), ASK],
    [PY('ch.queue_delete("orders")'), ASK],
    [PY('ch.queue_declare("scratch", auto_delete=True)\nch.queue_purge("orders")'), ASK],
    [PY('r = ch.queue_declare("", exclusive=True)\nch.queue_delete(other.method.queue)'), ASK],
  ])('%s → %s', (script, want) => expect(saas(script)).toBe(want));

  it('marks only the deletes of scratch queues', () => {
    const code = 'ch.queue_declare("a", exclusive=True)\nch.queue_delete("a")\nch.queue_delete("b")';
    expect([...scratchQueueDeletes(code)]).toEqual([
      code.indexOf('queue_delete("a"') + 'queue_delete'.length,
    ]);
  });
});
