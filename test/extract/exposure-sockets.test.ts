/**
 * Control planes put on the network (src/extract/exposure-sockets.ts): a container engine's or
 * node's control socket forwarded to a TCP listener beyond loopback, and kubectl proxy serving
 * the cluster's API beyond loopback, to any Host or without its filter. Through the real
 * pipeline with the exposure pack only.
 */
import { describe, expect, it } from 'vitest';
import { command, packVerdict } from '../helpers/command.js';
import { exposedControlPlanes } from '../../src/extract/exposure-sockets.js';

const exposure = await packVerdict('exposure');

describe('control planes on the network ask', () => {
  it.each([
    'socat TCP-LISTEN:10010,fork,reuseaddr UNIX-CONNECT:/run/containerd/containerd.sock',
    'socat TCP-LISTEN:2375,reuseaddr,fork UNIX-CONNECT:/var/run/docker.sock',
    'socat -d -d TCP4-LISTEN:8888,fork UNIX-CLIENT:/run/podman/podman.sock',
    'socat tcp-l:10250,fork unix:/var/run/crio/crio.sock',
    'socat TCP-LISTEN:2375,fork,bind=0.0.0.0 /var/run/docker.sock',
    'socat TCP-LISTEN:9000,fork UNIX-CONNECT:/var/lib/kubelet/pod-resources/kubelet.sock',
    'socat TCP-LISTEN:8443,fork UNIX-CONNECT:/var/snap/lxd/common/lxd/unix.socket',
    'websocat -E -b tcp-l:0.0.0.0:2375 unix:/var/run/docker.sock',
    'websocat ws-l:[::]:8080 unix-connect:/run/user/1000/docker.sock',
    "kubectl proxy --address=0.0.0.0 --accept-hosts='^.*$' --disable-filter=true --port=8001",
    'kubectl proxy --address 10.0.0.12',
    "kubectl --context prod proxy --accept-hosts='.*'",
    'kubectl proxy --disable-filter',
    'oc proxy --address=:: --port 8443',
    // a client range wider than loopback and private blocks, or not known statically
    'socat TCP-LISTEN:2375,fork,range=0.0.0.0/0 UNIX-CONNECT:/var/run/docker.sock',
    'socat TCP4-LISTEN:2375,fork,range=8.8.0.0/16 UNIX-CONNECT:/var/run/docker.sock',
    'socat TCP-LISTEN:2375,fork,range=10.0.0.0/7 UNIX-CONNECT:/var/run/docker.sock',
    'socat TCP-LISTEN:2375,fork,range=0.0.0.0:0.0.0.0 UNIX-CONNECT:/var/run/docker.sock',
    'socat TCP-LISTEN:2375,fork,range=$NET UNIX-CONNECT:/var/run/docker.sock',
    'socat TCP6-LISTEN:2375,fork,range=[::]/0 UNIX-CONNECT:/var/run/docker.sock',
    // Host patterns a rebinding name of another's domain passes
    "kubectl proxy --accept-hosts='^localhost'",
    "kubectl proxy --accept-hosts='^127\\.0\\.0\\.1'",
    "kubectl proxy --accept-hosts='^localhost$,^kube\\.corp\\.example'",
    "kubectl proxy --accept-hosts='localhost'",
    'kubectl proxy --accept-hosts="$HOSTS"',
    // kubectl run by a distribution
    'microk8s kubectl proxy --address=0.0.0.0',
    'microk8s.kubectl proxy --address=0.0.0.0',
    "k3s kubectl proxy --address 0.0.0.0 --accept-hosts '.*'",
    'k0s kubectl --context prod proxy --disable-filter',
    'minikube kubectl -- proxy --address=0.0.0.0',
  ])('%s', (cmd) => expect(exposure(cmd)).toBe('ask exposure/make-public'));
});

describe('local and unrelated forwards stay allowed', () => {
  it.each([
    'kubectl proxy',
    'kubectl proxy --port=8080 --address=127.0.0.1',
    "kubectl proxy --accept-hosts='^localhost$,^127\\.0\\.0\\.1$'",
    'kubectl proxy --disable-filter=false',
    'kubectl proxy --unix-socket=/tmp/kube.sock --disable-filter',
    'kubectl get pods -n proxy',
    'socat TCP-LISTEN:8080,fork TCP:127.0.0.1:3000',
    'socat TCP-LISTEN:2375,bind=127.0.0.1,fork UNIX-CONNECT:/var/run/docker.sock',
    'socat TCP-LISTEN:2375,fork,range=10.0.0.0/8 UNIX-CONNECT:/var/run/docker.sock',
    'socat TCP-LISTEN:8080,fork UNIX-CONNECT:/tmp/app.sock',
    'socat - UNIX-CONNECT:/var/run/docker.sock',
    'websocat -E tcp-l:127.0.0.1:2375 unix:/var/run/docker.sock',
    'socat TCP-LISTEN:2375,fork,range=127.0.0.1/32 UNIX-CONNECT:/var/run/docker.sock',
    'socat TCP-LISTEN:2375,fork,range=192.168.1.0/24 UNIX-CONNECT:/var/run/docker.sock',
    'socat TCP-LISTEN:2375,fork,range=172.16.0.0:255.240.0.0 UNIX-CONNECT:/var/run/docker.sock',
    'socat TCP6-LISTEN:2375,fork,range=[fd00::]/8 UNIX-CONNECT:/var/run/docker.sock',
    "kubectl proxy --accept-hosts='^(localhost|127\\.0\\.0\\.1)$'",
    "kubectl proxy --accept-hosts='localhost$'",
    "kubectl proxy --accept-hosts='^kube\\.corp\\.example$'",
    'microk8s kubectl proxy',
    'k3s kubectl get pods',
    'minikube kubectl -- proxy --port=8001',
  ])('%s', (cmd) => expect(exposure(cmd)).toBe('allow'));
});

describe('fail closed', () => {
  it('a socket path not known statically counts as a control socket', () => {
    const found = exposedControlPlanes(
      command(['socat', 'TCP-LISTEN:2375,fork', 'UNIX-CONNECT:'], { dynamicArgs: [2] }),
    );
    expect(found.map(([k]) => k)).toEqual(['daemon']);
  });
  it('a Host pattern known only at run time lets any name in', () => {
    const found = exposedControlPlanes(
      command(['kubectl', 'proxy', '--accept-hosts', ''], { dynamicArgs: [3] }),
    );
    expect(found.map(([k]) => k)).toEqual(['cluster-api']);
  });
  it('a Host pattern that does not compile lets any name in', () => {
    expect(exposedControlPlanes(command(['kubectl', 'proxy', '--accept-hosts=('])).length).toBe(1);
  });
});
