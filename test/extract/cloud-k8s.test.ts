/**
 * kubectl taints that evict (src/extract/cloud-k8s.ts): `taint … :NoExecute` read as the verb
 * `taint NoExecute` with the nodes it names, and end to end with the kubernetes pack.
 */
import { describe, expect, it } from 'vitest';
import { parse as shellParse } from 'shell-quote';
import { readKubectl } from '../../src/extract/cloud-k8s.js';
import { command, packVerdict } from '../helpers/command.js';

const read = (line: string) => {
  const d = readKubectl(command(shellParse(line).map((t) => (typeof t === 'string' ? t : ''))));
  return d ? [d.verb, d.service, d.resource, d.all ? 'all' : ''].join('|') : undefined;
};

describe('a taint that evicts, read by its effect', () => {
  it.each<[string, string]>([
    ['kubectl --context prod taint nodes --all maintenance=now:NoExecute', 'taint NoExecute|node||all'],
    ['kubectl taint node -l pool=general dedicated=batch:NoExecute --overwrite', 'taint NoExecute|node||all'],
    ['kubectl taint nodes worker-1 worker-2 evict=true:NoExecute', 'taint NoExecute|node|worker-1 worker-2|'],
    ['kubectl taint node/worker-1 k:NoExecute', 'taint NoExecute|node|worker-1|'],
    ['oc adm taint nodes n1 k=v:NoExecute', 'taint NoExecute|node|n1|'],
    ['oc adm drain node-2 --ignore-daemonsets', 'drain|node-2||'],
    // other effects, a taint's removal, cordon
    ['kubectl taint nodes node-1 dedicated=gpu:NoSchedule', 'taint|node|node-1|'],
    ['kubectl taint nodes node-1 maintenance:NoExecute-', 'taint|node|node-1|'],
    ['kubectl cordon node-1', 'cordon|node-1||'],
  ])('%s → %s', (line, want) => expect(read(line)).toBe(want));
});

const kubernetes = await packVerdict('kubernetes');

describe('evicting taints ask, as a drain does', () => {
  it.each([
    'kubectl --context prod-eu taint nodes --all maintenance=now:NoExecute',
    'kubectl taint nodes worker-1 worker-2 worker-3 evict=true:NoExecute',
    "sudo kubectl taint node -l 'pool in (general)' dedicated=batch:NoExecute --overwrite",
    'kubectl get nodes -o name | xargs -I{} kubectl taint {} drain=now:NoExecute',
    'oc adm taint nodes infra-1 maintenance=true:NoExecute',
    'oc adm drain infra-1 --ignore-daemonsets',
  ])('%s', (script) => expect(kubernetes(script)).toBe('ask kubernetes/drain-node'));
});

describe('taints that evict nothing stay allowed', () => {
  it.each([
    'kubectl taint nodes node-1 dedicated=gpu:NoSchedule',
    'kubectl taint nodes --all spot=true:PreferNoSchedule',
    'kubectl taint nodes node-1 maintenance:NoExecute-',
    'kubectl cordon node-1',
    'kubectl describe node node-1 | grep -i taint',
  ])('%s', (script) => expect(kubernetes(script)).toBe('allow'));
});
