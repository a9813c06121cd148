/**
 * Words that destroy for one tool only, and `rm-` compounds (src/extract/cloud-generic-verbs.ts):
 * storage cluster teardown (Ceph), a filesystem over an object store emptied (S3QL), cluster
 * state surgery (Elasticsearch, OpenSearch, Cassandra) and a machine taken out of its directory
 * domain. Their status and listing verbs stay allowed. Through the real pipeline with the saas pack.
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const verdict = await packVerdict('saas');
const ASK = 'ask saas/unknown-cli-destroy';

describe('tool-only destroying verbs (saas pack)', () => {
  it.each([
    ['sudo cephadm rm-cluster --fsid 5e3c4a1e-7b2d-11ef-9c1a-0242ac120002 --force --zap-osds', ASK],
    ['cephadm rm-daemon --name osd.3 --fsid abc --force', ASK],
    ['cephadm zap-osds --fsid abc --force', ASK],
    ['ceph orch device zap host1 /dev/sdb --force', ASK],
    ['ceph osd purge 3 --yes-i-really-mean-it', ASK],
    ['ceph osd pool delete rbd rbd --yes-i-really-really-mean-it', ASK],
    ['s3qladm clear s3://eu-west-1/acme-s3ql/home/', ASK],
    ['s3qladm --quiet clear gs://bucket/prefix', ASK],
    ['juicefs destroy --yes redis://localhost/1 3c2f6b1e', ASK],
    ['sudo -u elasticsearch /usr/share/elasticsearch/bin/elasticsearch-node unsafe-bootstrap', ASK],
    ['elasticsearch-node detach-cluster', ASK],
    ['elasticsearch-node remove-settings "xpack.monitoring.*"', ASK],
    ['/usr/share/opensearch/bin/opensearch-node unsafe-bootstrap', ASK],
    ['nodetool assassinate 10.0.0.5', ASK],
    ['sudo realm leave --remove -U Administrator acme.corp', ASK],
    ['sudo realm leave acme.corp', ASK],
    ['sudo ipa-client-install --uninstall -U', ASK],
    ['sudo ipa-server-install --uninstall', ASK],
    ['sudo dsconfigad -remove -force -u admin -p pw', ASK],
    ['cephadm ls', 'allow'],
    ['ceph status', 'allow'],
    ['ceph osd tree', 'allow'],
    ['ceph orch device ls', 'allow'],
    ['s3qladm --help', 'allow'],
    ['s3qlstat /mnt/s3ql', 'allow'],
    ['juicefs status redis://localhost/1', 'allow'],
    ['elasticsearch-node --help', 'allow'],
    ['nodetool status', 'allow'],
    ['realm list', 'allow'],
    ['realm discover acme.corp', 'allow'],
    ['sudo realm join -U Administrator acme.corp', 'allow'],
    ['sudo ipa-client-install --domain acme.corp --mkhomedir -U', 'allow'],
  ])('%s', (script, want) => expect(verdict(script)).toBe(want));
});
