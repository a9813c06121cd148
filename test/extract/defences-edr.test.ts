/**
 * Endpoint and vulnerability agents unregistered, reset or stopped by their own control programs
 * (src/extract/defences-edr.ts). Through the real pipeline with the host pack only.
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const verdict = await packVerdict('host');
const OFF = 'ask host/defences-off';

describe('agents switched off by their own CLIs (host pack)', () => {
  it.each([
    ['/opt/ds_agent/dsa_control -r', OFF],
    ['sudo /opt/ds_agent/dsa_control --reset', OFF],
    ['dsa_control --selfprotect=0', OFF],
    ['dsa_control -s 0', OFF],
    ['/opt/CrowdStrike/falconctl -d -f --cid', OFF],
    ['falconctl -df --aid', OFF],
    ['/opt/nessus_agent/sbin/nessuscli agent unlink', OFF],
    ['nessuscli fix --reset-all', OFF],
    ['cytool runtime stop all', OFF],
    ['cytool protect disable', OFF],
    ['repcli bypass 1', OFF],
    ['kesl-control --stop-task 1', OFF],
    ['savdctl disable', OFF],
    ['/var/ossec/bin/manage_agents -r 003', OFF],
    ['dsa_control -m', 'allow'],
    ['dsa_control -s 1', 'allow'],
    ['falconctl -g --cid', 'allow'],
    ['nessuscli agent status', 'allow'],
    ['cytool runtime query', 'allow'],
    ['repcli bypass 0', 'allow'],
    ['kesl-control --app-info', 'allow'],
    ['savdctl enable', 'allow'],
  ])('%s → %s', (script, expected) => {
    expect(verdict(script)).toBe(expected);
  });
});
