/**
 * Containers and pods that hold their host (src/normalize/container-powers.ts): the options
 * of `docker run`, a pod spec, `kubectl run|debug`; and the normalizer keeps such a carrier
 * as a command of its own, beside the command it carries.
 */
import { describe, expect, it } from 'vitest';
import { filesContext } from '../helpers/normalize.js';
import { parseScript } from '../../src/parse/parse.js';
import { normalize } from '../../src/normalize/index.js';
import { DEFAULT_LIMITS } from '../../src/engine/types.js';
import { kubectlRunEscape, podEscape, runEscape, systemPath } from '../../src/normalize/container-powers.js';

const words = (line: string) => line.split(' ').filter(Boolean);

describe('docker run options that give the container its host', () => {
  it.each<[string, string | undefined]>([
    ['--pid=host --privileged ubuntu', '--pid=host --privileged'],
    ['--pid host --cap-add SYS_PTRACE ubuntu', '--pid=host --cap-add=SYS_PTRACE'],
    ['-it --pid=host --cap-add=cap_sys_admin,NET_ADMIN ubuntu', '--pid=host --cap-add=cap_sys_admin'],
    ['--privileged=true --pid=host alpine', '--pid=host --privileged'],
    ['-v /:/host alpine', "the host's / mounted writable, as root"],
    ['-itv /etc:/e alpine', "the host's /etc mounted writable, as root"],
    ['--mount type=bind,source=/usr/bin,target=/b alpine', "the host's /usr/bin mounted writable, as root"],
    ['-v /root/.ssh:/k alpine', "the host's /root/.ssh mounted writable, as root"],
    // not the host
    ['--privileged tonistiigi/binfmt --install all', undefined],
    ['--pid=host alpine ps', undefined],
    ['--pid=host --cap-add=NET_ADMIN alpine', undefined],
    ['--privileged=false --pid=host alpine', undefined],
    ['-v /:/host:ro,rslave node-exporter', undefined],
    ['--mount type=bind,source=/,target=/h,readonly alpine', undefined],
    ['-u 1000 -v /etc:/e alpine', undefined],
    ['-v /etc/localtime:/etc/localtime alpine', undefined],
    ['-v /root/code/app:/src node:20', undefined],
    ['-v /home/u/app:/src node:20', undefined],
    ['alpine -v /:/host', undefined],
  ])('docker run %s → %s', (line, want) => expect(runEscape(words(line))).toBe(want));
});

describe('pod specs that hold their node', () => {
  const hostRoot = { volumes: [{ name: 'h', hostPath: { path: '/' } }] };
  it.each<[string, Record<string, unknown>, string | undefined]>([
    [
      'privileged',
      { containers: [{ name: 'a', securityContext: { privileged: true } }] },
      'container a privileged',
    ],
    [
      'hostPID with SYS_ADMIN',
      {
        hostPID: true,
        containers: [{ name: 'a', securityContext: { capabilities: { add: ['SYS_ADMIN'] } } }],
      },
      "the node's process namespace with SYS_ADMIN",
    ],
    [
      'hostPath / writable',
      { ...hostRoot, containers: [{ name: 'a', volumeMounts: [{ name: 'h', mountPath: '/host' }] }] },
      "the node's / mounted writable into a",
    ],
    [
      'an init container',
      { containers: [{ name: 'a' }], initContainers: [{ name: 'i', securityContext: { privileged: true } }] },
      'container i privileged',
    ],
    // not the node
    ['hostPID alone', { hostPID: true, containers: [{ name: 'a' }] }, undefined],
    ['hostNetwork alone', { hostNetwork: true, containers: [{ name: 'a' }] }, undefined],
    [
      'hostPath / read-only',
      {
        ...hostRoot,
        containers: [{ name: 'a', volumeMounts: [{ name: 'h', mountPath: '/host', readOnly: true }] }],
      },
      undefined,
    ],
    [
      'hostPath / as another user',
      {
        ...hostRoot,
        securityContext: { runAsNonRoot: true },
        containers: [{ name: 'a', volumeMounts: [{ name: 'h', mountPath: '/host' }] }],
      },
      undefined,
    ],
    [
      'hostPath of a data folder',
      {
        volumes: [{ name: 'd', hostPath: { path: '/srv/data' } }],
        containers: [{ name: 'a', volumeMounts: [{ name: 'd', mountPath: '/d' }] }],
      },
      undefined,
    ],
    ['privileged false', { containers: [{ name: 'a', securityContext: { privileged: false } }] }, undefined],
  ])('%s', (_, spec, want) => expect(podEscape(spec)).toBe(want));
});

describe('kubectl run and debug that make a pod holding its node', () => {
  it.each<[string[], string | undefined]>([
    [['debug', 'node/worker-3', '-it', '--image=busybox'], "debug node/worker-3, the node's / at /host"],
    [['run', 'x', '--image=alpine', '--privileged'], 'run --privileged'],
    [
      [
        'run',
        'x',
        '--overrides',
        '{"spec":{"hostPID":true,"containers":[{"name":"x","securityContext":{"privileged":true}}]}}',
      ],
      'run --overrides: container x privileged',
    ],
    [['run', 'x', '--overrides=$OVR'], 'run --overrides that cannot be read'],
    // not the node
    [['run', 'x', '--image=alpine', '--privileged=false'], undefined],
    [['run', 'x', '--overrides={"spec":{"nodeSelector":{"a":"b"}}}'], undefined],
    [['debug', 'pod/api', '-it', '--image=busybox', '--target=api'], undefined],
    [['run', 'x', '--image=alpine', '--', 'sh', '--privileged'], undefined],
  ])('kubectl %o → %s', (args, want) => expect(kubectlRunEscape(args)).toBe(want));
});

describe('system paths', () => {
  it.each<[string, boolean]>([
    ['/', true],
    ['/etc/', true],
    ['/boot', true],
    ['/root', true],
    ['/root/work', false],
    ['/etc/resolv.conf', false],
    ['/srv', false],
  ])('%s → %s', (p, want) => expect(systemPath(p)).toBe(want));
});

/** Every normalized command's argv. */
const commands = (script: string) =>
  normalize(parseScript(script, DEFAULT_LIMITS), filesContext({})).commands.map((c) => c.argv.join(' '));

describe('a carrier that holds its host stays a command of its own', () => {
  it.each<[string, string[]]>([
    [
      'docker run --rm -it --pid=host --privileged ubuntu nsenter -t 1 -a bash',
      ['bash', 'docker run --rm -it --pid=host --privileged ubuntu'],
    ],
    ['podman run -v /:/host alpine chroot /host sh', ['sh', 'podman run -v /:/host alpine']],
    [
      'kubectl debug node/w1 -it --image=busybox -- chroot /host',
      ['kubectl debug node/w1 -it --image=busybox', 'chroot /host'],
    ],
    // ordinary carriers are peeled as before
    ['docker run --rm -v "$PWD":/src node:20 npm test', ['npm test']],
    ['kubectl run tmp --rm -it --image=busybox -- sh', ['sh']],
  ])('%s', (script, want) => expect(commands(script)).toEqual(want));
});
