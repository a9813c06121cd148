/**
 * A Kubernetes node's or API server's auth edited off in place (src/extract/exposure-kube-auth.ts),
 * through the real pipeline and the exposure pack: sed and yq edits that write anonymous
 * access or AlwaysAllow, on this machine or over ssh; reads and edits that close stay allowed.
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const exposure = await packVerdict('exposure');

describe('auth switched off in a node or control-plane config', () => {
  it.each([
    `sudo yq -i '.authorization.mode = "AlwaysAllow"' /var/lib/kubelet/config.yaml`,
    `yq eval -i '.authentication.anonymous.enabled=true' /etc/kubernetes/kubelet-config.yaml`,
    `yq --inplace '.authentication.anonymous.enabled |= true' /var/lib/kubelet/config.yaml`,
    `ssh node-7.prod.example.net "sudo yq -i '.authentication.anonymous.enabled = true | .authorization.mode = \\"AlwaysAllow\\"' /var/lib/kubelet/config.yaml"`,
    `sudo sed -i 's/--anonymous-auth=false/--anonymous-auth=true/' /etc/kubernetes/manifests/kube-apiserver.yaml`,
    `sed -i.bak -e 's|--authorization-mode=Node,RBAC|--authorization-mode=AlwaysAllow|' /etc/kubernetes/manifests/kube-apiserver.yaml`,
    `sudo yq -i '.apiServer.extraArgs.anonymous-auth = "true"' /etc/kubernetes/kubeadm-config.yaml`,
    `sudo sed -i '/kube-apiserver-arg:/a\\  - authorization-mode=AlwaysAllow' /etc/rancher/k3s/config.yaml`,
    `timeout 20 ssh cp-1 "sudo sed --in-place '/- kube-apiserver/a\\    - --anonymous-auth=true' /etc/kubernetes/manifests/kube-apiserver.yaml"`,
  ])('%s', (script) => expect(exposure(script)).toBe('ask exposure/make-public'));
});

describe('reads and edits that keep auth on', () => {
  it.each([
    `yq '.authentication.anonymous.enabled' /var/lib/kubelet/config.yaml`,
    `sudo yq -i '.authentication.anonymous.enabled = false' /var/lib/kubelet/config.yaml`,
    `sudo yq -i '.authorization.mode = "Webhook"' /var/lib/kubelet/config.yaml`,
    `sudo sed -i 's/--anonymous-auth=true/--anonymous-auth=false/' /etc/kubernetes/manifests/kube-apiserver.yaml`,
    `grep -- --authorization-mode=AlwaysAllow /etc/kubernetes/manifests/kube-apiserver.yaml`,
    `sed 's/--authorization-mode=Node,RBAC/--authorization-mode=AlwaysAllow/' kube-apiserver.yaml`,
  ])('%s', (script) => expect(exposure(script)).toBe('allow'));
});
