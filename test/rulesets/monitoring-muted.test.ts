/**
 * saas/monitoring-muted-everywhere: every alert muted through a monitoring service's API
 * (Datadog downtimes on `*`, Alertmanager and Grafana silences whose every matcher matches
 * any alert, Grafana's pause-all), through the real pipeline; scoped mutes stay allowed.
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const saas = await packVerdict('saas');
const RULE = 'ask saas/monitoring-muted-everywhere';

describe('every alert muted', () => {
  it.each([
    `curl -s -X POST https://api.datadoghq.com/api/v1/downtime -H "DD-API-KEY: $DD_API_KEY" -H "DD-APPLICATION-KEY: $DD_APP_KEY" -d '{"scope": ["*"], "monitor_tags": ["*"], "end": 1893456000}'`,
    `curl -X POST 'https://api.datadoghq.eu/api/v1/downtime' -d '{"scope":"*"}'`,
    `http POST https://api.datadoghq.com/api/v2/downtime DD-API-KEY:$DD_API_KEY data:='{"type":"downtime","attributes":{"scope":"*"}}'`,
    `curl -s -XPOST http://alertmanager.monitoring:9093/api/v2/silences -H 'Content-Type: application/json' -d '{"matchers":[{"name":"alertname","value":".*","isRegex":true}],"createdBy":"ops","comment":"mute"}'`,
    `curl -X POST https://grafana.example.com/api/alertmanager/grafana/api/v2/silences -d '{"matchers":[{"name":"alertname","value":".+","isRegex":true,"isEqual":true}],"comment":"x"}'`,
    `curl -X POST https://api.pagerduty.com/maintenance_windows -H "Authorization: Token token=$PD_TOKEN" -d "{\\"maintenance_window\\":{\\"services\\":$(pd service list --json)}}"`,
    `wget --method=POST --body-data='{"paused":true}' https://grafana.example.com/api/admin/pause-all-alerts`,
  ])('%s', (script) => expect(saas(script)).toBe(RULE));
});

describe('scoped mutes and reads', () => {
  it.each([
    `curl -X POST https://api.datadoghq.com/api/v1/downtime -d '{"scope":["env:staging","host:web-3"],"monitor_id":12345}'`,
    `curl -s https://api.datadoghq.com/api/v1/downtime -H "DD-API-KEY: $DD_API_KEY"`,
    `curl -X POST https://api.pagerduty.com/maintenance_windows -d '{"maintenance_window":{"services":[{"id":"PABC123","type":"service_reference"}]}}'`,
    `curl -XPOST http://alertmanager:9093/api/v2/silences -d '{"matchers":[{"name":"alertname","value":"DiskFull","isRegex":false}]}'`,
    `curl -XPOST http://alertmanager:9093/api/v2/silences -d '{"matchers":[{"name":"alertname","value":".*","isRegex":true},{"name":"instance","value":"db-3:9100","isRegex":false}]}'`,
  ])('%s', (script) => expect(saas(script)).not.toBe(RULE));
});
