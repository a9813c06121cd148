/**
 * Endpoint security, XDR and vulnerability agents switched off, unregistered or reset by their
 * own control programs, beyond the stops of defences-agents.ts: Trend Micro Deep Security's
 * `dsa_control -r|--reset` (the agent deactivated, its policy gone) and `--selfprotect=0`,
 * CrowdStrike's `falconctl -d … --cid|--aid` (the sensor's registration deleted), Tenable's
 * `nessuscli agent unlink` and `nessuscli fix --reset|--reset-all`, Cortex XDR's `cytool
 * runtime stop`, `cytool protect disable` and `cytool uninstall`, Carbon Black's `repcli bypass
 * 1`, Kaspersky's `kesl-control --stop-task|--stop-t N` and `--uninstall`, Sophos's `savdctl
 * disable`, Wazuh's `manage_agents -r ID`, `elastic-endpoint uninstall`. Each is `agent-off`
 * (host-defence). Status, listing and starting find nothing.
 */
import type { Finding } from './word-facts.js';

/** Per program: true when its words (options included, in order) switch the agent off. */
const OFF: Record<string, (args: string[], pos: string[]) => boolean> = {
  dsa_control: (a) =>
    a.some(
      (w, i) =>
        /^(-r|--reset)$/.test(w) ||
        /^--selfprotect=(0|false|no)$/i.test(w) ||
        (/^(-s|--selfprotect)$/.test(w) && /^(0|false|no)$/i.test(a[i + 1] ?? '')),
    ),
  falconctl: (a) =>
    a.some((w) => /^-[a-zA-Z]*d[a-zA-Z]*$|^--delete$/.test(w)) &&
    a.some((w) => /^--(cid|aid|tags|provisioning-token)(=|$)/.test(w)),
  nessuscli: (a, p) =>
    (p[0] === 'agent' && p[1] === 'unlink') || (p[0] === 'fix' && a.some((w) => /^--reset(-all)?$/.test(w))),
  cytool: (_a, p) =>
    (p[0] === 'runtime' && p[1] === 'stop') ||
    (p[0] === 'protect' && p[1] === 'disable') ||
    p[0] === 'uninstall',
  repcli: (_a, p) => p[0] === 'bypass' && p[1] === '1',
  'kesl-control': (a) => a.some((w) => /^(--stop-t|--stop-task|--uninstall)$/.test(w)),
  savdctl: (_a, p) => p[0] === 'disable',
  manage_agents: (a) => a.some((w) => /^-r/.test(w)),
  'elastic-endpoint': (_a, p) => p[0] === 'uninstall',
};

/** What `name args` switches off (see the header), as [verb, the words that say so]; empty = none. */
export function edrOff(name: string, args: string[]): Finding[] {
  const off = Object.hasOwn(OFF, name) ? OFF[name] : undefined;
  const pos = args.filter((a) => !a.startsWith('-'));
  return off?.(args, pos) ? [['agent-off', `${name} ${args.join(' ')}`]] : [];
}
