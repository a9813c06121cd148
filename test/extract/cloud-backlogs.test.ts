/**
 * Queues told to drop their waiting messages (src/extract/cloud-backlogs.ts): tiny retention,
 * consumer groups moved past their backlog, subscriptions sought, backlogs cleared or skipped,
 * retained messages cleaned. Reads and ordinary settings give no such fact.
 */
import { describe, expect, it } from 'vitest';
import { extractCloud } from '../../src/extract/cloud.js';
import type { Fact } from '../../src/engine/types.js';
import { analyzeContext, command, packVerdict } from '../helpers/command.js';

const ctx = analyzeContext();
const backlog = (line: string) => {
  const c = command(line.split(' '));
  return (extractCloud(c, ctx, [c]) as Fact[])
    .filter((f) => f.kind === 'cloud' && f.verb === 'drop-backlog')
    .map((f) => (f.kind === 'cloud' ? `${f.tool}|${f.resource}` : ''));
};

describe('commands that drop a queue backlog', () => {
  it.each<[string, string[]]>([
    [
      'kafka-configs --bootstrap-server k:9092 --alter --entity-type topics --entity-name orders --add-config retention.ms=1000',
      ['kafka-configs|orders'],
    ],
    [
      'kafka-configs.sh --bootstrap-server k:9092 --alter --topic orders --add-config retention.bytes=0',
      ['kafka-configs|orders'],
    ],
    [
      'kafka-configs --alter --entity-name orders --add-config cleanup.policy=delete,retention.ms=100',
      ['kafka-configs|orders'],
    ],
    // fail closed: a retention not known statically
    ['kafka-configs --alter --entity-name orders --add-config retention.ms=$MS', ['kafka-configs|orders']],
    [
      'kafka-topics --zookeeper z:2181 --alter --topic orders --config retention.ms=1000',
      ['kafka-topics|orders'],
    ],
    ['rpk topic alter-config orders --set retention.ms=1000', ['rpk|orders']],
    [
      'kafka-consumer-groups --bootstrap-server k:9092 --group billing --topic orders --reset-offsets --to-latest --execute',
      ['kafka-consumer-groups|billing'],
    ],
    [
      'kafka-consumer-groups --group billing --all-topics --reset-offsets --shift-by 5000 --execute',
      ['kafka-consumer-groups|billing'],
    ],
    ['gcloud pubsub subscriptions seek orders-worker --time=2030-01-01T00:00:00Z', ['gcloud|orders-worker']],
    ['gcloud pubsub subscriptions seek orders-worker --snapshot=before-deploy', ['gcloud|orders-worker']],
    [
      'pulsar-admin topics clear-backlog persistent://t/n/orders -s billing',
      ['pulsar-admin|persistent://t/n/orders'],
    ],
    [
      'pulsar-admin topics skip-all persistent://t/n/orders -s billing',
      ['pulsar-admin|persistent://t/n/orders'],
    ],
    ['emqx ctl retainer clean', ['emqx|']],
    ['emqx_ctl retainer clean sensors/#', ['emqx_ctl|sensors/#']],
    // RocketMQ: a consumer group moved past its backlog
    ['mqadmin skipAccumulatedMessage -n ns1:9876 -g billing -t orders', ['mqadmin|billing']],
    ['mqadmin.sh resetOffsetByTime -n ns1:9876 -g billing -t orders -s now', ['mqadmin|billing']],
    // ordinary settings, reads, previews and replays
    ['kafka-configs --bootstrap-server k:9092 --describe --entity-type topics --entity-name orders', []],
    ['kafka-configs --alter --entity-name orders --add-config retention.ms=604800000', []],
    ['kafka-configs --alter --entity-name orders --add-config retention.ms=-1', []],
    ['kafka-configs --alter --entity-name orders --add-config max.message.bytes=100', []],
    ['kafka-topics --create --topic orders --config retention.ms=1000', []],
    ['rpk topic alter-config orders --set retention.ms=86400000', []],
    ['kafka-consumer-groups --group billing --topic orders --reset-offsets --to-latest --dry-run', []],
    ['kafka-consumer-groups --group billing --topic orders --reset-offsets --to-earliest --execute', []],
    ['kafka-consumer-groups --group billing --topic orders --reset-offsets --shift-by -100 --execute', []],
    ['gcloud pubsub subscriptions pull orders-worker --limit=5', []],
    ['pulsar-admin topics stats persistent://t/n/orders', []],
    ['emqx ctl retainer info', []],
    ['mqadmin consumerProgress -n ns1:9876 -g billing', []],
  ])('%s', (line, want) => {
    expect(backlog(line)).toEqual(want);
  });
});

const saas = await packVerdict('saas');

describe("a web framework's job queue cleared on a server", () => {
  it.each<[string, string]>([
    [
      "ssh deploy@app-1.prod.example.io 'cd /var/www/shop/current && php artisan queue:clear redis --queue=payouts --force'",
      'ask saas/queue-backlog-dropped',
    ],
    [
      "ssh deploy@web-2.prod.example.com 'cd /srv/app && php artisan queue:flush'",
      'ask saas/queue-backlog-dropped',
    ],
    ["ssh app@w1 'cd /srv/app && php8.2 artisan horizon:clear'", 'ask saas/queue-backlog-dropped'],
    ['php artisan queue:clear --env=production', 'ask saas/queue-backlog-dropped'],
    ['php artisan queue:clear', 'allow'],
    ['docker compose exec app php artisan queue:clear', 'allow'],
    ["ssh deploy@app-1.prod.example.io 'cd /srv/app && php artisan queue:monitor redis:default'", 'allow'],
  ])('%s', (script, expected) => expect(saas(script)).toBe(expected));
});
