/**
 * Apps deployed with their login off (src/extract/exposure-app-auth.ts), from the words and
 * the files a deploy reads, and end to end with the exposure pack.
 */
import { describe, expect, it } from 'vitest';
import { parse as shellParse } from 'shell-quote';
import { appAuthOff } from '../../src/extract/exposure-app-auth.js';
import { WS, analyzeContext, command, packVerdict } from '../helpers/command.js';

const ctx = analyzeContext(WS);
const found = (line: string, files?: Record<string, string | null>) =>
  appAuthOff(
    command(
      shellParse(line).map((t) => (typeof t === 'string' ? t : '')),
      files ? { files } : {},
    ),
    ctx,
  ).map(([kind, said]) => `${kind}: ${said.replace(/:\s.*$/, '')}`);

describe('settings that let anyone in, by any deploying program', () => {
  it.each<[string, string[], Record<string, string | null>?]>([
    [
      'kubectl set env deploy/grafana GF_AUTH_ANONYMOUS_ENABLED=true',
      ['login-off: GF_AUTH_ANONYMOUS_ENABLED=true'],
    ],
    [
      'kubectl set env deploy/g --env=GF_AUTH_ANONYMOUS_ENABLED=True',
      ['login-off: GF_AUTH_ANONYMOUS_ENABLED=True'],
    ],
    [
      'kubectl run pg --image postgres --env POSTGRES_HOST_AUTH_METHOD=trust',
      ['login-off: POSTGRES_HOST_AUTH_METHOD=trust'],
    ],
    [
      "helm upgrade g grafana/grafana --set 'grafana\\.ini.auth\\.anonymous.enabled=true'",
      ['login-off: grafana.ini.auth.anonymous.enabled=true'],
    ],
    [
      'helm install r bitnami/redis --set architecture=standalone,env.ALLOW_EMPTY_PASSWORD=yes',
      ['login-off: env.ALLOW_EMPTY_PASSWORD=yes'],
    ],
    [
      'gcloud run services update pgadmin --update-env-vars A=1,PGADMIN_CONFIG_SERVER_MODE=False',
      ['login-off: PGADMIN_CONFIG_SERVER_MODE=False'],
    ],
    ['docker service update --env-add NEO4J_AUTH=none graph_neo4j', ['login-off: NEO4J_AUTH=none']],
    [
      'az containerapp update -n es -g rg --set-env-vars xpack.security.enabled=false',
      ['login-off: xpack.security.enabled=false'],
    ],
    [
      'heroku config:set AIRFLOW__API__AUTH_BACKENDS=airflow.api.auth.backend.default -a flow',
      ['login-off: AIRFLOW__API__AUTH_BACKENDS=airflow.api.auth.backend.default'],
    ],
    ['traefik --api.insecure=true --entrypoints.web.address=:80', ['login-off: api.insecure=true']],
    [
      `kubectl patch deploy neo4j -p '{"spec":{"template":{"spec":{"containers":[{"name":"neo4j","env":[{"name":"NEO4J_AUTH","value":"none"}]}]}}}}'`,
      ['login-off: NEO4J_AUTH=none'],
    ],
    // files the command deploys: helm values, manifests, a compose file for a stack
    [
      'helm upgrade --install g grafana/grafana -f /tmp/v.yaml',
      ['login-off: grafana.ini.auth.anonymous.enabled=true'],
      { '/tmp/v.yaml': 'grafana.ini:\n  auth.anonymous:\n    enabled: true\n    org_role: Admin\n' },
    ],
    [
      'kubectl apply -f /tmp/cm.yaml',
      ['login-off: auth.anonymous.enabled=true'],
      {
        '/tmp/cm.yaml':
          'kind: ConfigMap\ndata:\n  grafana.ini: |\n    [auth.anonymous]\n    enabled = true\n',
      },
    ],
    [
      'kubectl apply -f /tmp/d.yaml',
      ['login-off: ARGOCD_SERVER_DISABLE_AUTH=true'],
      {
        '/tmp/d.yaml':
          'kind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n      - name: s\n        env:\n        - {name: ARGOCD_SERVER_DISABLE_AUTH, value: "true"}\n',
      },
    ],
    [
      'docker stack deploy -c /tmp/s.yml mon',
      ['login-off: GF_AUTH_ANONYMOUS_ENABLED=true'],
      {
        '/tmp/s.yml':
          'services:\n  grafana:\n    image: grafana/grafana\n    environment:\n      - GF_AUTH_ANONYMOUS_ENABLED=true\n',
      },
    ],
    // the same switched on, other settings, local runs, text tools, files not known
    ['kubectl set env deploy/grafana GF_AUTH_ANONYMOUS_ENABLED=false', []],
    ['kubectl set env deploy/api LOG_LEVEL=debug', []],
    ['kubectl set env deploy/grafana GF_AUTH_ANONYMOUS_ENABLED-', []],
    ["helm upgrade g grafana/grafana --set 'grafana\\.ini.server.root_url=https://g.example.com'", []],
    ['docker run -d -p 5432:5432 -e POSTGRES_HOST_AUTH_METHOD=trust postgres:16', []],
    ["helm template g grafana/grafana --set 'grafana\\.ini.auth\\.anonymous.enabled=true'", []],
    ['helm diff upgrade g grafana/grafana --set env.GF_AUTH_ANONYMOUS_ENABLED=true', []],
    ['podman run -e MYSQL_ALLOW_EMPTY_PASSWORD=yes mysql:8', []],
    ['docker compose run -e GF_AUTH_ANONYMOUS_ENABLED=true grafana', []],
    ['export GF_AUTH_ANONYMOUS_ENABLED=true', []],
    ['grep -r GF_AUTH_ANONYMOUS_ENABLED=true deploy/', []],
    ['gh pr create --body "turns GF_AUTH_ANONYMOUS_ENABLED=true off again"', []],
    ['helm upgrade g grafana/grafana -f /tmp/v.yaml', [], { '/tmp/v.yaml': null }],
  ])('%s → %o', (line, want, files) => expect(found(line, files)).toEqual(want));
});

const exposure = await packVerdict('exposure');

describe('a deployed app with its login off asks', () => {
  it.each([
    'kubectl -n monitoring set env deploy/grafana GF_AUTH_ANONYMOUS_ENABLED=true GF_AUTH_ANONYMOUS_ORG_ROLE=Admin',
    "helm upgrade grafana grafana/grafana -n monitoring --reuse-values --set 'grafana\\.ini.auth\\.anonymous.enabled=true'",
    "cat > /tmp/values.yaml <<'EOF'\ngrafana.ini:\n  auth.anonymous:\n    enabled: true\nEOF\nhelm upgrade --install grafana grafana/grafana -f /tmp/values.yaml",
    "printf 'kind: ConfigMap\\ndata:\\n  grafana.ini: |\\n    [auth.anonymous]\\n    enabled = true\\n' | kubectl apply -f -",
    'sudo kubectl set env statefulset/db -n prod POSTGRES_HOST_AUTH_METHOD=trust',
    'docker service update --env-add GF_AUTH_ANONYMOUS_ENABLED=true monitoring_grafana',
  ])('%s', (script) => expect(exposure(script)).toBe('ask exposure/make-public'));
});

describe('other settings and local runs stay allowed', () => {
  it.each([
    'kubectl set env deploy/api LOG_LEVEL=debug',
    'kubectl -n monitoring set env deploy/grafana GF_AUTH_ANONYMOUS_ENABLED=false',
    'kubectl -n monitoring set env deploy/grafana --list',
    'docker run --rm -d -p 127.0.0.1:5432:5432 -e POSTGRES_HOST_AUTH_METHOD=trust postgres:16',
    "helm upgrade grafana grafana/grafana --reuse-values --set 'grafana\\.ini.server.root_url=https://grafana.acme.io'",
  ])('%s', (script) => expect(exposure(script)).toBe('allow'));
});
