/**
 * Docker Swarm removals (src/extract/cloud-docker.ts): services, stacks, nodes and the swarm
 * itself, read as `service|verb|resource|all|force`, and end to end with the docker pack.
 */
import { describe, expect, it } from 'vitest';
import { parse as shellParse } from 'shell-quote';
import { readDocker } from '../../src/extract/cloud-docker.js';
import { command, packVerdict } from '../helpers/command.js';

const read = (line: string, dynamicArgs: number[] = []) => {
  const d = readDocker(
    command(
      shellParse(line).map((t) => (typeof t === 'string' ? t : '')),
      { dynamicArgs },
    ),
  );
  return d
    ? [d.service, d.verb, d.resource, d.all ? 'all' : '', d.force ? 'force' : ''].join('|')
    : undefined;
};

describe('swarm commands, read by group and verb', () => {
  it.each<[string, string, number[]?]>([
    ['docker service rm web api', 'service|rm|web api||'],
    ['docker service rm {xargs-input}', 'service|rm|{xargs-input}|all|', [3]],
    ['docker -H ssh://ops@mgr stack rm shop', 'stack|rm|shop||'],
    ['docker stack down shop', 'stack|down|shop||'],
    ['docker node rm --force worker-3', 'node|rm|worker-3||force'],
    ['docker swarm leave -f', 'swarm|leave|||force'],
    ['docker service create --name web nginx:alpine', 'service|create|nginx:alpine||'],
    ['docker swarm leave', 'swarm|leave|||'],
  ])('%s → %s', (line, want, dyn) => expect(read(line, dyn)).toBe(want));
});

const docker = await packVerdict('docker');

describe('swarm removals ask', () => {
  it.each([
    ['docker service ls -q | xargs -r docker service rm', 'ask docker/swarm-remove'],
    ['docker service rm $(docker service ls -q --filter label=team=shop)', 'ask docker/swarm-remove'],
    ['docker -H ssh://ops@swarm-mgr.acme.io stack rm shop', 'ask docker/swarm-remove'],
    ['DOCKER_HOST=ssh://ops@mgr docker service rm payments', 'ask docker/swarm-remove'],
    ['docker node rm --force swarm-worker-3', 'ask docker/swarm-membership'],
    ['sudo docker swarm leave --force', 'ask docker/swarm-membership'],
  ])('%s', (script, want) => expect(docker(script)).toBe(want));
});

describe('reading the swarm, leaving it gently, removing a down node stay allowed', () => {
  it.each([
    'docker service ls',
    'docker service ps web --no-trunc',
    'docker stack ps shop',
    'docker swarm leave',
    'docker node rm swarm-worker-3',
    'docker service update --image nginx:1.27 web',
  ])('%s', (script) => expect(docker(script)).toBe('allow'));
});

describe('compose rm with volumes, swarm secrets and configs removed', () => {
  it.each([
    ['docker compose -f compose.prod.yml rm -sfv', 'ask docker/volume-delete'],
    ['docker-compose rm -v -f db', 'ask docker/volume-delete'],
    ['docker compose rm --volumes --force', 'ask docker/volume-delete'],
    ['docker compose rm -sf', 'allow'],
    ['docker compose -f compose.prod.yml logs -f web', 'allow'],
    ['docker secret rm prod_db_password prod_stripe_key', 'ask docker/swarm-secret-remove'],
    ['docker config rm nginx_conf', 'ask docker/swarm-secret-remove'],
    ['docker secret ls', 'allow'],
    ['docker secret inspect prod_db_password', 'allow'],
    ['docker config ls', 'allow'],
  ])('%s → %s', (script, want) => expect(docker(script)).toBe(want));
});

describe('global options before the verb, per tool', () => {
  it.each<[string, string]>([
    ['nerdctl --namespace default volume prune --all --force', 'volume|prune||all|force'],
    ['nerdctl -n k8s.io -a /run/containerd/containerd.sock volume rm pgdata', 'volume|rm|pgdata||'],
    // nerdctl's -a before the verb is its socket, not --all
    ['nerdctl -a /run/containerd/containerd.sock volume prune', 'volume|prune|||'],
    ['podman --connection prod volume prune -af', 'volume|prune||all|force'],
    ['podman --url ssh://core@h/run/podman/podman.sock system prune -af', 'system|prune||all|force'],
    ['finch volume prune --all --force', 'volume|prune||all|force'],
    ['nerdctl --namespace default volume ls', 'volume|ls|||'],
  ])('%s → %s', (line, want) => expect(read(line)).toBe(want));
});

describe('volume prunes behind global options ask, reading stays allowed', () => {
  it.each([
    [
      "ssh ops@203.0.113.42 'sudo nerdctl --namespace default volume prune --all --force'",
      'ask docker/volume-delete',
    ],
    ['podman --connection prod volume rm pgdata', 'ask docker/volume-delete'],
    ['nerdctl.lima --namespace default volume prune -f', 'ask docker/volume-delete'],
    ['nerdctl --namespace default ps', 'allow'],
    ['nerdctl --namespace default volume ls', 'allow'],
    ['podman --connection prod volume inspect pgdata', 'allow'],
  ])('%s', (script, want) => expect(docker(script)).toBe(want));
});
