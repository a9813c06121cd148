/** A swarm service's port published on every node (src/extract/exposure-swarm.ts). */
import { describe, expect, it } from 'vitest';
import { publishedServicePorts } from '../../src/extract/exposure-swarm.js';
import { command, packVerdict } from '../helpers/command.js';

const exposure = await packVerdict('exposure');
const published = (argv: string[]) =>
  publishedServicePorts(command(argv)).map(([kind, said]) => `${kind}: ${said}`);

describe('findings', () => {
  it.each<[string[], string[]]>([
    [
      ['docker', 'service', 'update', '--publish-add', 'published=5432,target=5432,mode=host', 'prod_db'],
      [
        'service: service update --publish-add published=5432,target=5432,mode=host, published on every swarm node',
      ],
    ],
    [
      ['docker', 'service', 'create', '--name', 'pg', '-p5432:5432', 'postgres:16'],
      ['service: service create -p 5432:5432, published on every swarm node'],
    ],
    // the image's own command words are not docker's
    [['docker', 'service', 'create', '--name', 't', 'alpine', 'nc', '-l', '-p', '5432'], []],
    [['docker', 'service', 'create', '-p', '80:80', '-p', '443:443', 'nginx'], []],
    [['docker', 'service', 'update', '--publish-rm', '5432', 'prod_db'], []],
    [['docker', 'run', '-p', '5432:5432', 'postgres'], []],
  ])('%o', (argv, want) => expect(published(argv)).toEqual(want));
});

describe('a port other than a web port published by a swarm service asks', () => {
  it.each<[string]>([
    ['docker service update --publish-add published=5432,target=5432,mode=host prod_db'],
    ['docker service update --publish-add 6379:6379 prod_redis'],
    ['docker service update --detach --publish-add=9200:9200 search'],
    ['docker service create --name pg -p 5432:5432 postgres:16'],
    ['docker -H ssh://ops@swarm-mgr service create --publish 27017:27017 mongo:7'],
    ['docker service create --name web --publish published=8443,target=443 web:1.2'],
    ['docker service create -p 8000-8010:8000-8010 app'],
    // fail closed: a port the shell fills in may be any
    ['docker service update --publish-add "$PORT:5432" prod_db'],
    ["ssh swarm-mgr 'docker service update --publish-add 3306:3306 mysql'"],
    // only the target named: the swarm picks a port of 30000 and up
    ['docker service create -p 8080 web'],
    ['docker service create -p 8080:80 web'],
  ])('%s', (script) => expect(exposure(script)).toBe('ask exposure/make-public'));
});

describe('web ports, removals and reads stay allowed', () => {
  it.each<[string]>([
    ['docker service create --name web -p 443:443 -p 80:80 nginx'],
    ['docker service update --publish-add published=443,target=443 web'],
    // the port opened on the nodes is the published one, whatever the container listens on
    ['docker service create -p 80:8080 --name web nginx'],
    ['docker service create --publish published=443,target=8443 web'],
    ['docker service update --publish-rm 5432 prod_db'],
    ['docker service update --image registry.internal/web:1.4.2 prod_web'],
    ['docker service create --name t alpine nc -l -p 5432'],
    ['docker service inspect --pretty prod_db'],
    ['docker service ls'],
    ['docker service ps prod_db'],
  ])('%s', (script) => expect(exposure(script)).toBe('allow'));
});
