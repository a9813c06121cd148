/**
 * Making something private reachable by anyone: a bucket's or object's ACL set to public
 * (`--acl public-read`), everyone granted a role (`allUsers`, a policy whose Principal is
 * `*`), a storage container opened to anonymous reads, a database made publicly
 * accessible, a function URL without auth, the account's public-access block removed, a
 * repository's visibility set to public, or a port other than 80/443 opened to every
 * address (`0.0.0.0/0`, `::/0`); a local service put on the internet by a tunnel or the host's
 * firewall (exposure-tunnels.ts), an ssh forward listening beyond loopback (exposure-ssh.ts) or
 * a relay (exposure-frp.ts), a cluster's or node's auth edited off in place (exposure-kube-auth.ts),
 * the home folder or a terminal served (exposure-servers.ts), a
 * notebook or editor served without a token (exposure-ide.ts), a terminal, an export, data or a
 * lasting link shared with anyone (exposure-shares.ts), an app deployed with its login off
 * (exposure-app-auth.ts), a router port mapped, a data store
 * listening to anyone without authentication, the home folder shared over Tor
 * (exposure-listeners.ts), another machine's service forwarded from every interface
 * (exposure-forwards.ts), a container engine's socket or the cluster's API proxy on the network
 * (exposure-sockets.ts), a port, proxy or file share put on the Global Socket relay
 * (exposure-gsocket.ts), a swarm service's port published on every node (exposure-swarm.ts),
 * mesh VPN policies opened to every device (exposure-mesh.ts),
 * Firebase security rules deployed open to anyone
 * (exposure-firebase.ts), disk snapshots, machine images and database snapshots shared with
 * everyone (exposure-snapshots.ts), a managed database's, cluster's or firewall's allowlist
 * opened to every address (exposure-networks.ts). Read by what the words say, for any program (a cloud CLI,
 * a wrapper script's own flags), into a CloudFact whose verb is `make-public` (or
 * `unread-policy`: a resource policy file that cannot be read; `share-tailnet`: a secret
 * folder shared with the tailnet only, exposure-tunnel-shares.ts); `service` names the kind of
 * grant. An allowlist known only at run time is a DynamicFact (`what: allowlist`). HTTP APIs that do the same through a request body are matched by
 * the http rules (rulesets/exposure.yaml).
 *
 * The classic wrong fix: an access error, and the agent opens the bucket to everyone.
 */
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import { dynamicValue, optionPairs } from './cloud-argv.js';
import { wordExtractor, wordFact, type Finding } from './word-facts.js';
import { resolvePath } from './http-body.js';
import { servedToNetwork } from './exposure-servers.js';
import { openedServices } from './exposure-tunnels.js';
import { sshExposures } from './exposure-ssh.js';
import { openEditors } from './exposure-ide.js';
import { appAuthOff } from './exposure-app-auth.js';
import { relayTunnels } from './exposure-frp.js';
import { covertTunnels } from './exposure-covert.js';
import { gsocketExposures } from './exposure-gsocket.js';
import { sharedWithAnyone } from './exposure-shares.js';
import { openedListeners } from './exposure-listeners.js';
import { openFirebaseRules } from './exposure-firebase.js';
import { openMeshPolicy } from './exposure-mesh.js';
import { openedForwards } from './exposure-forwards.js';
import { deviceForwards } from './netdev-config.js';
import { sdkExposure } from './privilege-sdk.js';
import { kubeAuthOff } from './exposure-kube-auth.js';
import { publishedServicePorts } from './exposure-swarm.js';
import { ciSecretsExposed } from './exposure-ci.js';
import { publicSnapshots } from './exposure-snapshots.js';
import { exposedControlPlanes } from './exposure-sockets.js';
import { openAllowlists } from './exposure-networks.js';

/**
 * A principal that is everyone: GCP's allUsers / allAuthenticatedUsers, as an option's value
 * (`--member=allUsers`) or in a grant (`allUsers:objectViewer`, `-u AllUsers:R`).
 */
const EVERYONE = /^(all_?users|all_?authenticated_?users)$/i;
const EVERYONE_GRANT = /^(all_?users|all_?authenticated_?users):\w/i;
/**
 * Programs whose words are text, not grants (`grep allUsers policy.json`, a commit message):
 * not read here.
 */
export const TEXT_TOOLS = new Set(
  'echo printf cat grep egrep fgrep rg ag ack sed awk gawk less more head tail jq yq git diff vim nvim nano code emacs man tldr'.split(
    ' ',
  ),
);
/** Canned ACLs that let anyone (or any account of the provider) read or write. */
const PUBLIC_ACL =
  /^(public-read|public-read-write|authenticated-read|publicread|publicreadwrite|authenticatedread)$/i;
/** A Swift read ACL that names any referrer (`.r:*`). */
const SWIFT_ANYONE = /(^|,)\s*\.r:\*/;
/** Options whose value is a canned ACL. */
const ACL_OPTS = new Set(['--acl', '--canned-acl', '--predefined-acl', '--default-acl', '-a']);
/** A policy statement whose principal is anyone. */
const ANY_PRINCIPAL = /"Principal"\s*:\s*("\*"|\{\s*"AWS"\s*:\s*(\[\s*)?"\*")/;
/** Every address. */
const ANY_CIDR = /(^|[^\d.])0\.0\.0\.0\/0\b|(^|[^:\w])::\/0\b/;
/** Words saying the rule is about incoming traffic. */
const INGRESS =
  /ingress|firewall-rules?|security-group-rule|nsg|inbound|--source-ranges?|--source-address-prefix/i;
/** Options of an incoming rule whose value is the addresses let in (`--cidr`, `--source-ranges`). */
const CIDR_OPT = /^--(cidr(-ip(v6)?)?|source-ranges?|source-address-prefix(es)?|remote-ip-prefix)$/i;
/** Ports that are meant to be public (a web server). */
const WEB_PORTS = new Set([80, 443]);
/** Options naming what is acted on, for the evidence. */
const NAME_OPTS = new Set([
  '--bucket',
  '--name',
  '--group-id',
  '--group-name',
  '--db-instance-identifier',
  '--db-cluster-identifier',
  '--function-name',
  '--account-id',
  '--snapshot-id',
  '--image-id',
  '--db-snapshot-identifier',
  '--db-cluster-snapshot-identifier',
]);

/** Ports a firewall or security-group command names; empty = none (all ports). */
function portsOf(argv: string[]): number[] {
  const out: number[] = [];
  const text = argv.join(' ');
  for (const m of text.matchAll(
    /(?:--port|--ports|--destination-port-ranges?|FromPort|ToPort)[= ](\d+)(?:-(\d+))?/g,
  ))
    out.push(Number(m[1]), ...(m[2] ? [Number(m[2])] : []));
  for (const m of text.matchAll(/\b(?:tcp|udp):(\d+)(?:-(\d+))?/g))
    out.push(Number(m[1]), ...(m[2] ? [Number(m[2])] : []));
  return out;
}

/** A policy document given inline, as `file://PATH` (read as the command would) or in shorthand (`A=false,B=…`); undefined = a file that cannot be read. */
export function policyText(value: string, cmd: NormalizedCommand, ctx: AnalyzeContext): string | undefined {
  if (value.startsWith('file://')) return ctx.readFile?.(resolvePath(value.slice(7), cmd, ctx));
  return value;
}

/** A Kubernetes service made reachable from outside the cluster (`--type=LoadBalancer`, a patch setting it). */
const K8S_OUTSIDE = /^--type=?(LoadBalancer|NodePort)$|"type"\s*:\s*"(LoadBalancer|NodePort)"/;

/** Ports a Kubernetes service command names (`--port 5432`, `"port": 5432`); empty = none. */
function servicePorts(argv: string[]): number[] {
  const text = argv.join(' ');
  return [...text.matchAll(/(?:--(?:target-)?port[= ]|"(?:port|targetPort)"\s*:\s*)(\d+)/g)].map((m) =>
    Number(m[1]),
  );
}

/** What `cmd` makes public, as [kind of grant, the words that say so]; empty = nothing. */
export function exposures(
  cmd: NormalizedCommand,
  ctx: AnalyzeContext,
  all: NormalizedCommand[] = [],
): Finding[] {
  const argv = cmd.argv;
  const found: Finding[] = [];
  const opts = optionPairs(argv);
  // an editor's own web server (`code serve-web`) and a cluster's auth edited off in place
  // (exposure-kube-auth.ts) are the things a text tool does here
  if (TEXT_TOOLS.has(cmd.program)) return [...openEditors(cmd, ctx), ...kubeAuthOff(cmd)];
  for (const a of argv.slice(1)) {
    if (EVERYONE_GRANT.test(a)) found.push(['principal', a]);
    if (a === '--publicly-accessible') found.push(['database', a]);
    if (a === '--acl-public' || a === 'allPublic' || /^x-container-read:\s*\.r:\*/i.test(a))
      found.push(['acl', a]);
    if (/^(delete-public-access-block|delete-bucket-public-access-block)$/.test(a))
      found.push(['public-access-block', a]);
  }
  // A canned ACL or anonymous policy given as a word: `gsutil acl|defacl set public-read`,
  // `mc anonymous|policy set download|public ALIAS/BUCKET`.
  const setAt = argv.indexOf('set');
  const setWhat = argv[setAt - 1] ?? '';
  if (setAt > 0 && /^(def)?acl$/.test(setWhat) && PUBLIC_ACL.test(argv[setAt + 1] ?? ''))
    found.push(['acl', `${setWhat} set ${argv[setAt + 1]}`]);
  if (
    setAt > 0 &&
    cmd.program === 'mc' &&
    /^(anonymous|policy)$/.test(setWhat) &&
    /^(public|download|upload)$/.test(argv[setAt + 1] ?? '')
  )
    found.push(['acl', `${setWhat} set ${argv[setAt + 1]}`]);
  for (const [o, v] of opts) {
    if (EVERYONE.test(v) || EVERYONE_GRANT.test(v)) found.push(['principal', `${o} ${v}`]);
    if (ACL_OPTS.has(o) && PUBLIC_ACL.test(v)) found.push(['acl', `${o} ${v}`]);
    if (o === '--principal' && v === '*') found.push(['principal', `${o} *`]);
    // Swift's referrer ACL `.r:*`: any referrer, that is anyone, may read
    if (/^(-r|--read-acl)$/.test(o) && SWIFT_ANYONE.test(v)) found.push(['acl', `${o} ${v}`]);
    if (o === '--public-access-type' && /^Object/i.test(v)) found.push(['acl', `${o} ${v}`]);
    if (o === '--visibility' && v.toLowerCase() === 'public') found.push(['visibility', `${o} ${v}`]);
    if (o === '--public-access' && /^(blob|container)$/i.test(v)) found.push(['public-access', `${o} ${v}`]);
    if (o === '--allow-blob-public-access' && /^true$/i.test(v)) found.push(['public-access', `${o} ${v}`]);
    if ((o === '--function-url-auth-type' || o === '--auth-type') && v.toUpperCase() === 'NONE')
      found.push(['auth', `${o} ${v}`]);
    if (/^--(public-access-block-configuration|policy|policy-document|bucket-policy)$/.test(o)) {
      const text = policyText(v, cmd, ctx);
      // fail closed: a resource policy (`--policy file://p.json`, which names who may reach the
      // bucket, key or repository) that cannot be read may name anyone
      if (text === undefined && o === '--policy' && v.startsWith('file://'))
        found.push(['unread-policy', `${o} ${v}`]);
      if (text === undefined) continue;
      if (/Block\w*"?\s*[:=]\s*false|Restrict\w*"?\s*[:=]\s*false/i.test(text))
        found.push(['public-access-block', `${o} …false`]);
      if (ANY_PRINCIPAL.test(text) && /"Effect"\s*:\s*"Allow"/.test(text))
        found.push(['principal', `${o} Principal *`]);
    }
    if (/^--source-address-prefix(es)?$/.test(o) && /^(\*|internet|any)$/i.test(v))
      found.push(['network', `${o} ${v}`]);
  }
  // PowerShell forge cmdlets: `Set-GitHubRepository … -Private:$false` or `-Visibility Public`
  if (/^(set|new)-githubrepository$/i.test(cmd.program)) {
    const said = argv.find(
      (a, i) =>
        /^-private:\$?(false|0)$/i.test(a) ||
        (/^-visibility$/i.test(a) && /^public$/i.test(argv[i + 1] ?? '')),
    );
    if (said) found.push(['visibility', said]);
  }
  // `--type=LoadBalancer`, `--type LoadBalancer` (two words), or a patch's `"type": "NodePort"`
  const outside =
    argv.find((a) => K8S_OUTSIDE.test(a)) ??
    opts
      .filter(([o, v]) => o === '--type' && K8S_OUTSIDE.test(`--type=${v}`))
      .map(([o, v]) => `${o} ${v}`)[0];
  if (outside) {
    const ports = servicePorts(argv);
    if (ports.length === 0 || ports.some((p) => !WEB_PORTS.has(p))) found.push(['service', outside]);
  }
  // `kubectl port-forward --address 0.0.0.0` (or `::`): every address of this machine
  const everyAddress =
    cmd.program === 'kubectl' && argv.includes('port-forward')
      ? opts.find(([o, v]) => o === '--address' && /(^|,)(0\.0\.0\.0|::|\[::\])($|,)/.test(v))
      : undefined;
  if (everyAddress) found.push(['service', `port-forward --address ${everyAddress[1]}`]);
  // Servers, tunnels, the host firewall and shares (exposure-servers.ts, exposure-tunnels.ts,
  // exposure-frp.ts, exposure-shares.ts).
  found.push(...servedToNetwork(cmd, ctx), ...openedServices(cmd, ctx), ...relayTunnels(cmd, ctx));
  found.push(...covertTunnels(cmd), ...gsocketExposures(cmd));
  found.push(...sshExposures(cmd), ...openEditors(cmd, ctx), ...appAuthOff(cmd, ctx));
  found.push(...sharedWithAnyone(cmd), ...openedListeners(cmd, ctx), ...openFirebaseRules(cmd, ctx));
  found.push(...openedForwards(cmd), ...deviceForwards(cmd, all), ...openMeshPolicy(cmd, ctx));
  found.push(...sdkExposure(cmd), ...publishedServicePorts(cmd), ...ciSecretsExposed(cmd));
  found.push(...publicSnapshots(cmd), ...exposedControlPlanes(cmd), ...openAllowlists(cmd));
  // Every address let in: only for incoming rules, and not when only web ports are opened.
  const cidr = argv.slice(1).find((a) => ANY_CIDR.test(a));
  // fail closed: addresses known only at run time (`--cidr "$CIDR"`) may be every address
  const runTime = opts.find(([o, v]) => CIDR_OPT.test(o) && dynamicValue(cmd, v));
  // (Taking a rule away, `revoke-security-group-ingress`, `firewall-rules delete`, closes.)
  const closes = argv.some((a) => /^(revoke|delete|remove)([-_]|$)/i.test(a));
  const incoming = argv.some((a) => INGRESS.test(a)) && !argv.some((a) => /egress|outbound/i.test(a));
  if ((cidr || runTime) && !closes && incoming) {
    const ports = portsOf(argv);
    if (ports.length === 0 || ports.some((p) => !WEB_PORTS.has(p)))
      found.push(cidr ? ['network', cidr] : ['dynamic', `${runTime?.[0]} ${runTime?.[1]}`]);
  }
  // An outgoing rule (`--direction=EGRESS`, `--direction Outbound`) lets nothing in: only
  // its port findings go; anything else the command grants still counts.
  const outgoing = opts.some(([o, v]) => o === '--direction' && /^(out|egress)/i.test(v));
  return outgoing ? found.filter(([k]) => k !== 'network' && k !== 'dynamic') : found;
}

/** What is acted on, as far as the words say ('' = not said). */
function targetOf(argv: string[]): string {
  const url = argv.find((a) => /^(s3|gs|az):\/\//.test(a));
  if (url) return url;
  for (const [o, v] of optionPairs(argv)) if (NAME_OPTS.has(o)) return v;
  return '';
}

export const extractExposure = wordExtractor(exposures, (cmd, service, said) => {
  // fail closed: an allowlist known only at run time may let every address in
  if (service === 'dynamic')
    return { kind: 'dynamic', what: 'allowlist', text: said, evidence: `${cmd.program}: ${said}` };
  const resource = targetOf(cmd.argv);
  const verb =
    service === 'unread-policy' ? 'unread-policy' : service === 'tailnet' ? 'share-tailnet' : 'make-public';
  return wordFact(cmd, service, verb, `${said}${resource ? ` (${resource})` : ''}`, resource);
});
