/**
 * Removals of what the same script made for itself (src/extract/cloud-own.ts): a compose
 * project started from files the script wrote into a fresh mktemp folder, Swarm services and
 * stacks it created, each under a scratch name. Real parsing, end to end with the docker pack.
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const docker = await packVerdict('docker');
const redis = `printf 'services:\\n  cache:\\n    image: redis:7-alpine\\n' > compose.yml`;
const pgFile = (volumes: string) =>
  `cat > "$tmp/docker-compose.yml" <<'EOF'\nservices:\n  db:\n    image: postgres:16\n    volumes: [pg:/var/lib/postgresql/data]\nvolumes:\n  pg:${volumes}\nEOF\n`;

describe('a scratch project or service this script made is removed without asking', () => {
  it.each([
    `cd "$(mktemp -d)" && ${redis} && docker compose -p scratch-test up -d && docker compose -p scratch-test down -v`,
    `tmp=$(mktemp -d) && ${pgFile(' {}')}docker compose -f "$tmp/docker-compose.yml" -p e2e-tmp up -d --wait && docker compose -f "$tmp/docker-compose.yml" -p e2e-tmp down --volumes`,
    `d=$(mktemp -d -t ci.XXXXXX); cd "$d"; ${redis}; docker-compose --project-name ci-run-7 up -d; docker-compose --project-name ci-run-7 down -v --remove-orphans`,
    `cd "$(mktemp -d)" && ${redis} && COMPOSE_PROJECT_NAME=pr-42-smoke docker compose up -d && COMPOSE_PROJECT_NAME=pr-42-smoke docker compose down -v`,
    'docker service create --name scratch-e2e --replicas 1 nginx:alpine && docker service rm scratch-e2e',
    'docker stack deploy -c /tmp/s.yml review-42 && docker stack rm review-42',
  ])('%s', (script) => expect(docker(script)).toBe('allow'));
});

describe('anything else stays asked', () => {
  it.each([
    // a kept name, a volume with its own name, no earlier up, a folder not fresh
    [
      `cd "$(mktemp -d)" && ${redis} && docker compose -p shop-prod up -d && docker compose -p shop-prod down -v`,
      'ask docker/volume-delete',
    ],
    [
      `tmp=$(mktemp -d) && ${pgFile('\n    name: pgdata')}docker compose -f "$tmp/docker-compose.yml" -p e2e-tmp up -d && docker compose -f "$tmp/docker-compose.yml" -p e2e-tmp down -v`,
      'ask docker/volume-delete',
    ],
    [
      `tmp=$(mktemp -d) && ${pgFile('\n    external: true')}docker compose -f "$tmp/docker-compose.yml" -p e2e-tmp up -d && docker compose -f "$tmp/docker-compose.yml" -p e2e-tmp down -v`,
      'ask docker/volume-delete',
    ],
    [`cd "$(mktemp -d)" && ${redis} && docker compose -p scratch-test down -v`, 'ask docker/volume-delete'],
    ['docker compose -p scratch-test down -v', 'ask docker/volume-delete'],
    [
      'cd ~/src/shop && docker compose -p scratch-test up -d && docker compose -p scratch-test down -v',
      'ask docker/volume-delete',
    ],
    // the files are not all the script's: an env file, an include, a second file not written here
    [
      `cd "$(mktemp -d)" && ${redis} && docker compose --env-file ~/.env -p scratch-test up -d && docker compose --env-file ~/.env -p scratch-test down -v`,
      'ask docker/volume-delete',
    ],
    [
      `cd "$(mktemp -d)" && printf 'include:\\n  - ~/shop/compose.yml\\n' > compose.yml && docker compose -p scratch-test up -d && docker compose -p scratch-test down -v`,
      'ask docker/volume-delete',
    ],
    [
      `cd "$(mktemp -d)" && ${redis} && docker compose -f compose.yml -f ~/shop/compose.yml -p scratch-test up -d && docker compose -f compose.yml -f ~/shop/compose.yml -p scratch-test down -v`,
      'ask docker/volume-delete',
    ],
    // up on one engine host, down on another
    [
      `cd "$(mktemp -d)" && ${redis} && docker compose -p scratch-test up -d && docker -H ssh://prod compose -p scratch-test down -v`,
      'ask docker/volume-delete',
    ],
    // a service not created here, or under a kept name, or on another host
    ['docker service rm scratch-e2e', 'ask docker/swarm-remove'],
    ['docker service create --name web nginx && docker service rm web', 'ask docker/swarm-remove'],
    [
      'docker service create --name scratch-e2e nginx && docker -H ssh://prod service rm scratch-e2e',
      'ask docker/swarm-remove',
    ],
  ])('%s', (script, want) => expect(docker(script)).toBe(want));
});
