/**
 * Kubernetes client certificates for system:masters (src/extract/privilege-certs.ts): the
 * subject, organization options, cfssl requests and CertificateSigningRequest manifests,
 * from the words and end to end with the privilege pack.
 */
import { describe, expect, it } from 'vitest';
import { parse as shellParse } from 'shell-quote';
import { adminCertificate, csrDocument } from '../../src/extract/privilege-certs.js';
import { WS, analyzeContext, command, packVerdict } from '../helpers/command.js';

/** Base64 of real PEM requests (public keys only): O=system:masters and O=developers. */
const MASTERS =
  'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURSBSRVFVRVNULS0tLS0KTUlJQmFUQ0Iwd0lCQURBcU1ROHdEUVlEVlFRRERBWmphUzFpYjNReEZ6QVZCZ05WQkFvTURuTjVjM1JsYlRwdApZWE4wWlhKek1JR2ZNQTBHQ1NxR1NJYjNEUUVCQVFVQUE0R05BRENCaVFLQmdRRFlrdFV2elNjMUhiU0lzRlNnCnhQYS8wK0J4UllqMjVKZVRqWXN2aktxb25OQUdMQTVUWnNmaGgrcHJuMjg1TWpxVEk4MUhKa3VLZ2hac0hFNi8KbVh3ZmV4QytMbVBDZUtjSWJVVjJNY1MwQXZqMHF2MGp5a0NjdU5Eb3VubWR1R1V3V3Rld0hVYkFtNG04dUJreQpwVTZrWTAvVFhOMVJOblo5ZjZpUDhPU2dTd0lEQVFBQm9BQXdEUVlKS29aSWh2Y05BUUVMQlFBRGdZRUFrQ01BClM4aWVEenJqeC9STmErU3RkVWFZSis0a0ZIS2V3S1F2blhjQzRDc29RaFhlOXFIbUZNVlVxckJIM1puQy9yUEEKVnZpTnhUWW8xeldXL3lLZ2Yyc01kQnpQcEpzWDJhNVYyZk83K3hRTUpOSk00L2YrUGF3OWg3YVM3M05nS20rWApQSU1WVm1qSUkzUDJiVVZGVm16VC9tdTMrOWxBOGxraXMybFdzd1k9Ci0tLS0tRU5EIENFUlRJRklDQVRFIFJFUVVFU1QtLS0tLQo=';
const DEVELOPERS =
  'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURSBSRVFVRVNULS0tLS0KTUlJQlpEQ0J6Z0lCQURBbE1RNHdEQVlEVlFRRERBVmhiR2xqWlRFVE1CRUdBMVVFQ2d3S1pHVjJaV3h2Y0dWeQpjekNCbnpBTkJna3Foa2lHOXcwQkFRRUZBQU9CalFBd2dZa0NnWUVBNHlBVWM1TUlqQUVWejNUZXcrS082eEFyCnlzQWxkbVYvb2pmS2FVaG9ycTRWOU1wSVRMdlJ6VzhNQ2lrcnduYVdaN3dVNGxMT2UyODJDekpvYmE3UGZqOFkKSWF3WFpaK0o0ZUU3MURsVE85WFBlZW9CYTY2YTNHZWlaVUZnbm4xSllISU1FckZlenhXaEFjcU03ZXV2V1JaVgo0MGJCNFhEQzdCOVYrSlRqYzRzQ0F3RUFBYUFBTUEwR0NTcUdTSWIzRFFFQkN3VUFBNEdCQUhFeWE0SlpZMTVLCnoySVU0T1ppMW8wOXdLSG0yMFFDVHFRRXpWM3Vva3VWQUFhSCtrc0pxZ2VGbWZtbmdIelJJYVF1QUk4SWRHaGwKUlhYR3lpR2srdmQvZzFHRU8rMmVETWZqS3piZGVrenZZQ2RGM21PQXZxcDMyblgzMHNua3BKdzU3SitGeVdEWQpVamJ3dVluVlpKRXhBNXhraXNVVUErbmVDS1BCQVdwRgotLS0tLUVORCBDRVJUSUZJQ0FURSBSRVFVRVNULS0tLS0K';

const ctx = analyzeContext(WS);
const found = (line: string, files?: Record<string, string | null>) =>
  adminCertificate(
    command(
      shellParse(line).map((t) => (typeof t === 'string' ? t : '')),
      files ? { files } : {},
    ),
    ctx,
  )?.replace(/:\s.*$/, '');

describe('what the words say', () => {
  it.each<[string, string | undefined, Record<string, string | null>?]>([
    [
      'openssl req -new -key a.key -subj "/CN=agent/O=system:masters" -out a.csr',
      'a client certificate for /CN=agent/O=system:masters',
    ],
    [
      "openssl req -new -key a.key -subj '/O=system:masters/CN=ci' -out a.csr",
      'a client certificate for /O=system:masters/CN=ci',
    ],
    [
      'openssl req -x509 -subj /CN=ops/o=kubeadm:cluster-admins -key k -out c',
      'a client certificate for /CN=ops/o=kubeadm:cluster-admins',
    ],
    [
      'step certificate create "CN=x,O=system:masters" x.crt x.key --profile leaf',
      'a client certificate for CN=x,O=system:masters',
    ],
    ['kubeadm kubeconfig user --client-name=breakglass --org=system:masters', '--org system:masters'],
    [
      'certstrap request-cert --common-name ci --organization system:masters',
      '--organization system:masters',
    ],
    [
      'cfssl gencert -ca ca.pem -ca-key ca-key.pem -config ca-config.json -profile client /tmp/admin.json',
      'cfssl gencert with "O"',
      { '/tmp/admin.json': '{"CN":"admin","names":[{"O":"system:masters"}]}' },
    ],
    // ordinary groups, reading a certificate, a role bound to the group, an unknown request
    ['openssl req -new -key a.key -subj "/CN=alice/O=developers" -out a.csr', undefined],
    ['openssl req -new -key a.key -subj "/CN=system:masters-viewer/O=ops" -out a.csr', undefined],
    ['openssl x509 -in admin.crt -noout -subject', undefined],
    ['kubectl create clusterrolebinding v --clusterrole=view --group=system:masters', undefined],
    ['kubeadm kubeconfig user --client-name=alice --org=developers', undefined],
    [
      'cfssl gencert -ca ca.pem -ca-key ca-key.pem /tmp/dev.json',
      undefined,
      { '/tmp/dev.json': '{"CN":"dev","names":[{"O":"developers"}]}' },
    ],
    ['kubectl certificate approve agent-admin', undefined],
  ])('%s → %s', (line, want, files) => expect(found(line, files)).toBe(want));
});

describe('CertificateSigningRequest documents', () => {
  const doc = (request: string, kind = 'CertificateSigningRequest') => ({
    kind,
    metadata: { name: 'x' },
    spec: { request, signerName: 'kubernetes.io/kube-apiserver-client' },
  });
  it.each<[unknown, string[]]>([
    [doc(MASTERS), ['grant-admin']],
    [doc(DEVELOPERS), []],
    [doc('not base64 pem'), []],
    [doc(MASTERS, 'ConfigMap'), []],
    [{ kind: 'CertificateSigningRequest' }, []],
  ])('%#', (d, want) => expect(csrDocument(d).map(([verb]) => verb)).toEqual(want));
});

const privilege = await packVerdict('privilege');
const manifest = (name: string, request: string) =>
  `kubectl apply -f - <<'EOF'\napiVersion: certificates.k8s.io/v1\nkind: CertificateSigningRequest\nmetadata:\n  name: ${name}\nspec:\n  request: ${request}\n  signerName: kubernetes.io/kube-apiserver-client\n  usages: ["client auth"]\nEOF\nkubectl certificate approve ${name}`;

describe('a cluster-admin client certificate asks', () => {
  it.each([
    'openssl req -new -newkey rsa:2048 -nodes -keyout agent.key -subj "/CN=agent/O=system:masters" -out agent.csr && cat <<EOF | kubectl apply -f - && kubectl certificate approve agent-admin\napiVersion: certificates.k8s.io/v1\nkind: CertificateSigningRequest\nmetadata:\n  name: agent-admin\nspec:\n  request: $(base64 -w0 agent.csr)\n  signerName: kubernetes.io/kube-apiserver-client\n  usages: ["client auth"]\nEOF',
    'kubeadm kubeconfig user --client-name=breakglass --org=system:masters > /tmp/admin.conf',
    manifest('ci-bot', MASTERS),
    'printf \'{"CN":"a","names":[{"O":"system:masters"}]}\' > admin.json && cfssl gencert -ca ca.pem -ca-key ca-key.pem admin.json | cfssljson -bare admin',
  ])('%s', (script) => expect(privilege(script)).toBe('ask privilege/grant-admin'));
});

describe('an ordinary user certificate stays allowed', () => {
  it.each([
    "openssl req -new -newkey rsa:2048 -nodes -keyout alice.key -subj '/CN=alice/O=developers' -out alice.csr",
    manifest('alice', DEVELOPERS),
    'kubectl get csr',
    'kubeadm kubeconfig user --client-name=alice --org=developers > /tmp/alice.conf',
  ])('%s', (script) => expect(privilege(script)).toBe('allow'));
});
