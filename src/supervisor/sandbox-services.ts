/**
 * The sandbox's host services (src/gates/proxy/services/): which ports the network bridge opens
 * inside besides the proxy's, and what a connection to each gets. Declared services come
 * from the policy config tiers (src/config/services.ts; a project's only when trusted);
 * every other port listening on the host's loopback at start is answered with an
 * explanation. Ports below 1024 cannot be opened by the bridge and are left out.
 */
import type { DeclaredService } from '../config/services.js';
import { declaredServices, LOWEST_SERVICE_PORT } from '../config/services.js';
import { discoverConfig } from '../config/discover.js';
import { attribute, cmdlineText } from '../gates/proxy/attribute.js';
import type { JudgeDeps, Sender } from '../gates/proxy/judge.js';
import {
  createHostServices,
  listeningLoopbackPorts,
  type HostServices,
} from '../gates/proxy/services/index.js';

export interface SandboxServicesOptions {
  workspace: string;
  home: string;
  env: NodeJS.ProcessEnv;
  /** The egress proxy's port (it has its own listener). */
  proxyPort: number;
  deps: JudgeDeps;
  headless(): boolean;
  /** Host pid of a process inside the sandbox's network namespace; undefined = not known yet. */
  nsPid(): number | undefined;
  /** Host loopback ports listening now; default: read from /proc/net. */
  listening?: number[];
  /** Declared services; default: from the config tiers. */
  services?: DeclaredService[];
}

export interface SandboxServices extends HostServices {
  /** Notes for the start banner (what is declared, what was ignored and why). */
  notes: string[];
}

export function sandboxServices(o: SandboxServicesOptions): SandboxServices {
  let services = o.services;
  const notes: string[] = [];
  if (!services) {
    const plan = declaredServices(discoverConfig({ workspace: o.workspace, env: o.env, home: o.home }));
    services = plan.services;
    notes.push(...plan.ignored);
  }
  const declared = new Set(services.map((s) => s.port));
  const explained = (o.listening ?? listeningLoopbackPorts()).filter(
    (p) => p >= LOWEST_SERVICE_PORT && p !== o.proxyPort && !declared.has(p),
  );
  const hs = createHostServices({
    services: services.filter((s) => s.port !== o.proxyPort),
    explained,
    deps: o.deps,
    headless: o.headless,
    sender: (innerPort, port): Sender => {
      const ns = o.nsPid();
      // fail closed: no namespace to look in → an unknown sender (asked, never pre-approved)
      const a = ns ? attribute(innerPort, port, `/proc/${ns}/net`) : { pid: 0, argv: [] };
      return {
        pid: a.pid,
        cmdline: o.deps.secrets.mask(cmdlineText(a.argv)),
        program: a.argv[0]?.split('/').pop() ?? '',
      };
    },
  });
  return { ...hs, notes: [...notes, ...hs.banner()] };
}
