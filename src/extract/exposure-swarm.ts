/**
 * A swarm service's port published: `docker service create -p|--publish SPEC IMAGE` and
 * `docker service update --publish-add SPEC SERVICE`. Swarm publishes on its routing mesh
 * (or with `mode=host` on the node itself), on every address of every node: it has no
 * loopback binding, so a published database port (`published=5432,target=5432`) is open to
 * whoever reaches a node. Judged as kubectl's `--type=LoadBalancer` is (exposure.ts): ports
 * that are all web ports (80, 443) open nothing that was not meant to be; a port the shell
 * fills in (`$PORT:5432`) may be any (fail closed). `--publish-rm`, listing and inspecting
 * open nothing.
 */
import type { NormalizedCommand } from '../engine/types.js';
import type { Finding } from './word-facts.js';

/** Ports meant to be public (a web server). */
const WEB_PORTS = new Set([80, 443]);

/** docker's global options that take a value (`docker -H ssh://host service …`). */
const GLOBAL_VALUED = /^(-H|--host|-c|--context|--config|-l|--log-level|--tlscacert|--tlscert|--tlskey)$/;

/** `docker service create|update` options that take no value (every other long option takes one). */
const FLAGS =
  /^--(detach|quiet|no-healthcheck|no-resolve-image|read-only|init|tty|with-registry-auth|force|rollback|help)$/;
/** Short options of these commands that take a value (`-d`, `-q`, `-t` take none). */
const SHORT_VALUED = /^-[elpuw]$/;
/** The options that publish a port, by subcommand. */
const PUBLISH: Record<string, RegExp> = {
  create: /^(-p|--publish)$/,
  update: /^--publish-add$/,
};

/**
 * The ports a publish spec opens on the nodes: the long form's `published=`, the short form's
 * `PUBLISHED:TARGET[/PROTO]`, with ranges (`8000-8010:8000-8010`); a spec naming only the target
 * (`-p 8080`, `target=8080`) gets a port the swarm picks (30000 and up), returned as 0.
 * Undefined = a port not known statically (or not readable).
 */
function specPorts(spec: string): number[] | undefined {
  let parts: string[];
  if (spec.includes('=')) {
    const kv = spec.split(',').map((x) => x.split('='));
    const published = kv.filter(([k]) => k === 'published').map(([, v]) => v ?? '');
    parts = published.length ? published : ['0'];
  } else {
    const sides = spec.replace(/\/(tcp|udp|sctp)$/i, '').split(':');
    parts = sides.length > 1 ? sides.slice(0, -1) : ['0'];
  }
  const ports = parts.flatMap((p) => p.split('-')).map((p) => (/^\d+$/.test(p) ? Number(p) : NaN));
  return ports.length === 0 || ports.some(Number.isNaN) ? undefined : ports;
}

/** What `cmd` publishes of a swarm service beyond web ports, as [kind, the words]; empty = nothing. */
export function publishedServicePorts(cmd: NormalizedCommand): Finding[] {
  if (cmd.program !== 'docker') return [];
  const argv = cmd.argv;
  let i = 1;
  while (i < argv.length && argv[i].startsWith('-')) i += GLOBAL_VALUED.test(argv[i]) ? 2 : 1;
  if (argv[i] !== 'service') return [];
  const sub = argv[i + 1] ?? '';
  const publish = Object.hasOwn(PUBLISH, sub) ? PUBLISH[sub] : undefined;
  if (!publish) return [];
  const found: Finding[] = [];
  for (let j = i + 2; j < argv.length; j++) {
    const a = argv[j];
    // the first operand of `create` is the image: what follows is its command's words
    if (!a.startsWith('-')) {
      if (sub === 'create') break;
      continue;
    }
    if (a === '--') break;
    const [opt, attached] = a.startsWith('--') ? a.split(/=(.*)/s) : [a.slice(0, 2), a.slice(2) || undefined];
    const takes = opt.startsWith('--') ? !FLAGS.test(opt) : SHORT_VALUED.test(opt);
    if (!takes) continue;
    const at = attached === undefined ? ++j : j;
    const value = attached ?? argv[j] ?? '';
    if (!publish.test(opt)) continue;
    // fail closed: a port the shell fills in may be any port
    const ports = cmd.dynamicArgs.includes(at) ? undefined : specPorts(value);
    if (ports === undefined || ports.some((p) => !WEB_PORTS.has(p)))
      found.push(['service', `service ${sub} ${opt} ${value}, published on every swarm node`]);
  }
  return found;
}
