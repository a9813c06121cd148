/**
 * Well-known apps told to let anyone in, through the settings a deployment gives them:
 * Grafana's anonymous access (`GF_AUTH_ANONYMOUS_ENABLED=true`, `grafana.ini` →
 * `auth.anonymous.enabled`), PostgreSQL trusting every connection
 * (`POSTGRES_HOST_AUTH_METHOD=trust`), a database with an empty root password
 * (`MYSQL_ALLOW_EMPTY_PASSWORD`, Bitnami's `ALLOW_EMPTY_PASSWORD=yes`), Neo4j's auth off,
 * Elasticsearch or OpenSearch security off, pgAdmin in desktop mode (no login), Airflow's API
 * without auth, Argo CD's `server.disable.auth`, SonarQube without forced login, Traefik's
 * insecure API. Read as `KEY=VALUE` settings, for any program that deploys (`kubectl set env`,
 * `kubectl run --env`, `helm --set`, `docker service update --env-add`, `gcloud run …
 * --update-env-vars`, `az containerapp update --set-env-vars`, a program's own flag such as
 * `traefik --api.insecure=true`), from JSON patches (`{"name": K, "value": V}`), and from the
 * files such a command deploys: `helm -f values.yaml`, `kubectl apply|create|replace -f FILE|-`,
 * `docker stack deploy -c FILE` (YAML flattened to dotted paths, env lists as `NAME=VALUE`, an
 * INI text such as a ConfigMap's `grafana.ini` as `section.key=value`).
 *
 * Local runs are left out: a container started on this machine (`docker run -e
 * POSTGRES_HOST_AUTH_METHOD=trust`, compose) is a development database, and text tools only
 * mention the words. Each finding is ['login-off', the words].
 */
import { parseAllDocuments } from 'yaml';
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import { readPayloadFile } from './http-body.js';
import { readStdinDeep } from './sql-clients.js';
import type { Finding } from './word-facts.js';

/** Settings that let anyone in, tested on `KEY=VALUE` (case-insensitive), and what they do. */
const AUTH_OFF: [RegExp, string][] = [
  [/(^|[._])GF_AUTH_ANONYMOUS_ENABLED=(true|1|yes|on)$/i, 'Grafana lets anyone in without a login'],
  [/(^|\.)auth\.anonymous\.enabled=(true|1|yes|on)$/i, 'anonymous access on'],
  [/(^|[._])POSTGRES_HOST_AUTH_METHOD=trust$/i, 'PostgreSQL trusts every connection'],
  [
    /(^|[._])(MYSQL|MARIADB)_ALLOW_EMPTY(_ROOT)?_PASSWORD=(yes|true|1)$/i,
    'the database root has no password',
  ],
  [/(^|[._])ALLOW_EMPTY_PASSWORD=(yes|true|1)$/i, 'the service has no password'],
  [/(^|[._])NEO4J_AUTH=none$/i, 'Neo4j without authentication'],
  [
    /(^|[._])(dbms\.security\.auth_enabled|NEO4J_dbms_security_auth__enabled)=false$/i,
    'Neo4j without authentication',
  ],
  [/(^|[._])(xpack\.security\.enabled|XPACK_SECURITY_ENABLED)=false$/i, 'Elasticsearch security off'],
  [/(^|[._])(DISABLE_SECURITY_PLUGIN|plugins\.security\.disabled)=true$/i, 'OpenSearch security off'],
  [/(^|[._])PGADMIN_CONFIG_SERVER_MODE=false$/i, 'pgAdmin in desktop mode: no login'],
  [/(^|[._])AIRFLOW__API__AUTH_BACKENDS?=.*\bbackend\.default\b/i, "Airflow's API without authentication"],
  [/(^|[._])AIRFLOW__WEBSERVER__AUTHENTICATE=false$/i, "Airflow's web server without authentication"],
  [/(^|[._])(ARGOCD_SERVER_DISABLE_AUTH|server\.disable\.auth)=true$/i, 'Argo CD without authentication'],
  [
    /(^|[._])(SONAR_FORCEAUTHENTICATION|sonar\.forceAuthentication)=false$/i,
    'SonarQube open without a login',
  ],
  [
    /(^|[._])(TRAEFIK_API_INSECURE|api\.insecure)=true$/i,
    "Traefik's API and dashboard without authentication",
  ],
];

/** Programs that only set this shell's variables, or print or edit text. */
const LOCAL_SETTERS =
  /^(export|env|set|declare|typeset|local|readonly|echo|printf|cat|grep|egrep|rg|sed|awk|jq|yq|git|less|head|tail|diff|vim|nano|code|tee)$/;
/** Container tools whose `run`/`create`/`compose` start something on this machine. */
const CONTAINER_TOOLS = /^(docker|podman|nerdctl|finch)$/;

/** A container started on this machine (`docker run`, `podman compose up`, `docker-compose`). */
function localContainer(cmd: NormalizedCommand): boolean {
  if (/^(docker|podman)-compose$/.test(cmd.program)) return true;
  if (!CONTAINER_TOOLS.test(cmd.program)) return false;
  const verb = cmd.argv.slice(1).find((w) => !w.startsWith('-') && w !== 'container');
  return verb === 'run' || verb === 'create' || verb === 'compose';
}

/** `KEY=VALUE` with the option prefix, dashes, escapes and quotes taken off; '' = not a setting. */
function setting(text: string): string {
  const t = text.replace(/\\/g, '').replace(/^-+/, '');
  const eq = t.indexOf('=');
  if (eq <= 0 || /\s/.test(t.slice(0, eq))) return '';
  return `${t.slice(0, eq)}=${t.slice(eq + 1).replace(/^["']|["']$/g, '')}`;
}

/** The settings a word carries: itself, the value of `--opt=K=V`, each of `A=1,B=2`, JSON env pairs. */
function wordSettings(word: string): string[] {
  // a setting has `=`, a JSON pair `"name"`: most words have neither
  if (!word.includes('=') && !word.includes('"name"')) return [];
  const out: string[] = [];
  for (const m of word.matchAll(/"name"\s*:\s*"([^"]+)"\s*,\s*"value"\s*:\s*"([^"]*)"/g))
    out.push(`${m[1]}=${m[2]}`);
  if (/\s/.test(word.replace(/^[^=]*=/, ''))) return out;
  const inner = /^--?[\w.-]+=(.+=.*)$/.exec(word)?.[1];
  for (const w of [word, ...(inner ? [inner] : [])]) out.push(...w.split(',').map(setting), setting(w));
  return out.filter(Boolean);
}

/** `[section]` + `key = value` lines of an INI text as `section.key=value`. */
function iniSettings(text: string): string[] {
  let section = '';
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const head = /^\s*\[([^\]]+)\]\s*$/.exec(line);
    if (head) section = head[1].trim();
    const kv = /^\s*([\w.]+)\s*=\s*(\S*)/.exec(line);
    if (kv) out.push(`${section ? `${section}.` : ''}${kv[1]}=${kv[2]}`);
  }
  return out;
}

/** Every setting in a parsed document: dotted paths of leaves, `{name, value}` pairs, K=V and INI strings. */
function docSettings(v: unknown, path: string, out: string[], depth = 0): void {
  if (depth > 24) return;
  if (Array.isArray(v)) {
    for (const x of v) docSettings(x, path, out, depth + 1);
    return;
  }
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.name === 'string' && o.value !== undefined && typeof o.value !== 'object')
      out.push(`${o.name}=${String(o.value)}`);
    for (const [k, x] of Object.entries(o)) docSettings(x, path ? `${path}.${k}` : k, out, depth + 1);
    return;
  }
  if (v === null || v === undefined) return;
  const s = String(v);
  out.push(`${path}=${s}`);
  if (typeof v === 'string' && s.includes('\n')) out.push(...iniSettings(s));
  else if (typeof v === 'string') out.push(setting(s));
}

/** The settings of a YAML or JSON text (documents that do not parse are left out). */
function textSettings(text: string): string[] {
  const out: string[] = [];
  try {
    for (const d of parseAllDocuments(text)) if (d.errors.length === 0) docSettings(d.toJS(), '', out);
  } catch {
    // not YAML: nothing read
  }
  return out;
}

/** Files the command deploys (`helm -f`, `kubectl apply -f`, `docker stack deploy -c`), read as the command would. */
function deployedTexts(cmd: NormalizedCommand, ctx: AnalyzeContext): string[] {
  const a = cmd.argv;
  const opts =
    cmd.program === 'helm' || cmd.program === 'helmfile'
      ? /^(-f|--values)$/
      : /^(kubectl|oc|kubecolor)$/.test(cmd.program) && a.some((w) => /^(apply|create|replace)$/.test(w))
        ? /^(-f|--filename)$/
        : CONTAINER_TOOLS.test(cmd.program) && a.includes('stack')
          ? /^(-c|--compose-file)$/
          : undefined;
  if (!opts) return [];
  const files: string[] = [];
  a.forEach((w, i) => {
    if (opts.test(w)) files.push(a[i + 1] ?? '');
    const eq = w.indexOf('=');
    if (eq > 0 && opts.test(w.slice(0, eq))) files.push(w.slice(eq + 1));
  });
  return files
    .map((f) => (f === '-' ? readStdinDeep(cmd, ctx).text : readPayloadFile(f, cmd, ctx).text))
    .filter((t): t is string => t !== undefined);
}

/** Helm's commands that render, show or compare a chart without deploying it. */
const HELM_READS =
  /^(template|lint|show|inspect|diff|get|status|history|search|pull|fetch|package|verify|list|ls)$/;

/** Which app settings `cmd` deploys that let anyone in; empty = none, or a local run. */
export function appAuthOff(cmd: NormalizedCommand, ctx: AnalyzeContext): Finding[] {
  if (LOCAL_SETTERS.test(cmd.program) || localContainer(cmd)) return [];
  const first = cmd.argv.slice(1).find((w) => !w.startsWith('-')) ?? '';
  if (/^helm(file)?$/.test(cmd.program) && HELM_READS.test(first)) return [];
  const settings = [
    ...cmd.argv.slice(1).flatMap(wordSettings),
    ...deployedTexts(cmd, ctx).flatMap(textSettings),
  ];
  for (const s of settings) {
    const off = AUTH_OFF.find(([re]) => re.test(s));
    if (off) return [['login-off', `${s}: ${off[1]}`]];
  }
  return [];
}
