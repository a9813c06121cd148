import { describe, expect, it } from 'vitest';
import { admissionOffLabels, patchedLabels } from '../../src/extract/cloud-k8s-admission.js';
import { packVerdict } from '../helpers/command.js';

describe('namespace labels that turn an admission control off', () => {
  it.each<[string[], boolean, string[]]>([
    [
      ['pod-security.kubernetes.io/enforce=privileged'],
      false,
      ['pod-security.kubernetes.io/enforce=privileged'],
    ],
    [['pod-security.kubernetes.io/enforce-'], false, ['pod-security.kubernetes.io/enforce-']],
    [['pod-security.kubernetes.io/enforce=baseline'], true, ['pod-security.kubernetes.io/enforce=baseline']],
    [['pod-security.kubernetes.io/enforce=baseline'], false, []],
    [['pod-security.kubernetes.io/enforce=restricted'], true, []],
    [['pod-security.kubernetes.io/warn=privileged'], true, []],
    [['admission.gatekeeper.sh/ignore=true'], false, ['admission.gatekeeper.sh/ignore=true']],
    [['admission.gatekeeper.sh/ignore-'], false, []],
    [['policy.sigstore.dev/include=false'], false, ['policy.sigstore.dev/include=false']],
    [['policy.sigstore.dev/include=true'], false, []],
    [['openshift.io/run-level=0'], false, ['openshift.io/run-level=0']],
    [['team=payments', 'production'], true, []],
  ])('%j (overwrite %s)', (words, overwrite, expected) => {
    expect(admissionOffLabels(words, overwrite)).toEqual(expected);
  });

  it('reads the labels a patch sets or removes', () => {
    expect(
      patchedLabels(
        '{"metadata":{"labels":{"pod-security.kubernetes.io/enforce":"privileged","policy.sigstore.dev/include":null}}}',
      ),
    ).toEqual(['pod-security.kubernetes.io/enforce=privileged', 'policy.sigstore.dev/include-']);
  });

  it.each<[string, string[]]>([
    // JSON patch: `~1` stands for `/`; remove takes the label away
    [
      '[{"op":"add","path":"/metadata/labels/pod-security.kubernetes.io~1enforce","value":"privileged"}]',
      ['pod-security.kubernetes.io/enforce=privileged'],
    ],
    [
      '[{"op":"remove","path":"/metadata/labels/policy.sigstore.dev~1include"}]',
      ['policy.sigstore.dev/include-'],
    ],
    // YAML merge patch
    [
      'metadata: {labels: {pod-security.kubernetes.io/enforce: privileged}}',
      ['pod-security.kubernetes.io/enforce=privileged'],
    ],
    ['[{"op":"add","path":"/metadata/annotations/owner","value":"x"}]', []],
  ])('reads %s', (body, want) => expect(patchedLabels(body)).toEqual(want));
});

const verdict = await packVerdict('kubernetes');

describe('through the pipeline', () => {
  it.each<[string, string]>([
    [
      'kubectl label namespace production pod-security.kubernetes.io/enforce=privileged --overwrite',
      'ask kubernetes/admission-off',
    ],
    ['oc label ns payments pod-security.kubernetes.io/enforce-', 'ask kubernetes/admission-off'],
    [
      `kubectl patch namespace prod --type merge -p '{"metadata":{"labels":{"pod-security.kubernetes.io/enforce":"privileged"}}}'`,
      'ask kubernetes/admission-off',
    ],
    [
      'kubectl label namespace production pod-security.kubernetes.io/enforce=privileged --overwrite --dry-run=client -o yaml',
      'allow',
    ],
    ['kubectl label ns prod pod-security.kubernetes.io/enforce=restricted --overwrite', 'allow'],
    ['kubectl label pod web-0 pod-security.kubernetes.io/enforce=privileged', 'allow'],
    [
      `kubectl patch ns prod --type=json -p '[{"op":"add","path":"/metadata/labels/pod-security.kubernetes.io~1enforce","value":"privileged"}]'`,
      'ask kubernetes/admission-off',
    ],
    [
      `kubectl patch ns prod -p 'metadata: {labels: {pod-security.kubernetes.io/enforce: privileged}}'`,
      'ask kubernetes/admission-off',
    ],
    [
      `kubectl patch ns prod --type=json -p '[{"op":"add","path":"/metadata/labels/team","value":"payments"}]'`,
      'allow',
    ],
    ['kubectl get ns prod --show-labels', 'allow'],
  ])('%s', (script, expected) => {
    expect(verdict(script)).toBe(expected);
  });
});
