/**
 * The docker-like CLIs' global options (src/normalize/container-globals.ts): where the verb
 * starts, per tool, and the tool a program name stands for.
 */
import { describe, expect, it } from 'vitest';
import { containerTool, containerVerbAt } from '../../src/normalize/container-globals.js';
import { filesContext, normalizeIn } from '../helpers/normalize.js';

describe('the verb after the global options', () => {
  it.each<[string, string]>([
    ['nerdctl --namespace default volume prune --all --force', 'volume'],
    ['nerdctl -n k8s.io -a /run/containerd/containerd.sock rm -f web', 'rm'],
    ['nerdctl --namespace=default ps', 'ps'],
    ['podman --connection prod --remote volume prune -af', 'volume'],
    ['podman --url ssh://core@h/run/podman/podman.sock system prune', 'system'],
    ['docker -H ssh://ops@h --context prod exec db sh', 'exec'],
    ['docker --debug --tls ps', 'ps'],
    // docker's -n takes no value before the verb: the next word is the verb
    ['docker -n volume ls', 'volume'],
    ['nerdctl --namespace', ''],
    ['podman --network-backend netavark volume prune -f', 'volume'],
    ['nerdctl --cdi-spec-dirs /x volume prune -f', 'volume'],
    // fail closed: an option not in the tables is followed by its value when that is no verb
    ['docker --some-new-opt val system prune -af', 'system'],
    ['podman --some-new-flag ps -a', 'ps'],
    ['docker --some-new-flag --tls images', 'images'],
  ])('%s → %s', (line, verb) => {
    const argv = line.split(' ');
    expect(argv[containerVerbAt(argv)] ?? '').toBe(verb);
  });

  it.each<[string, string]>([
    ['/usr/local/bin/nerdctl.lima', 'nerdctl'],
    ['finch', 'nerdctl'],
    ['podman-remote', 'podman'],
    ['docker-compose', 'docker'],
    ['docker', 'docker'],
  ])('%s is read as %s', (program, tool) => expect(containerTool(program)).toBe(tool));
});

describe('container exec after global options carries its command', () => {
  const commands = (script: string) =>
    normalizeIn(filesContext({}), script).commands.map(
      (c) => `${c.wrappers.join('>')}|${c.remote ? 'remote:' : ''}${c.argv.join(' ')}`,
    );
  it.each<[string, string]>([
    [
      'docker --context prod exec db rm -rf /var/lib/postgresql/data',
      'docker exec db|remote:rm -rf /var/lib/postgresql/data',
    ],
    ['nerdctl -n default exec db rm -rf /data', 'nerdctl exec db|remote:rm -rf /data'],
    ['finch exec db rm -rf /data', 'finch exec db|remote:rm -rf /data'],
    ['podman --network-backend netavark exec web rm -rf /', 'podman exec web|remote:rm -rf /'],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));
});
