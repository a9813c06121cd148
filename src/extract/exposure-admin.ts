/**
 * Admin and debug interfaces served beyond this machine without a login: whoever reaches the
 * port reads or changes the data, or runs code as this user.
 * - database web consoles bound to a non-loopback address without their login: `pgweb
 *   --bind 0.0.0.0` (no `--auth-user`), `sqlite-web -H 0.0.0.0` (no `-P`), `datasette -h
 *   0.0.0.0`, `redis-commander` (every address unless `--address` says loopback; no
 *   `--http-auth-username`), Adminer or phpMyAdmin served by `php -S 0.0.0.0:PORT`, and the
 *   images of such consoles (pgweb, mongo-express, redis-commander, adminer, sqlite-web,
 *   datasette, kafka-ui, kafdrop, dbgate, redisinsight) run with a port published on every
 *   address (`-p 8081:8081`, `-P`, `--network host`) and without the image's login setting;
 * - a JVM's JMX remote port without authentication (`-Dcom.sun.management.jmxremote.port=N
 *   -Dcom.sun.management.jmxremote.authenticate=false`, in argv or in JAVA_OPTS-like variables
 *   a launcher reads), a Jolokia agent on every address without a user, and debuggers that run
 *   code for whoever connects: JDWP `address=*:PORT`, `node --inspect=0.0.0.0:PORT` (also from
 *   NODE_OPTIONS), `python -m debugpy --listen 0.0.0.0:PORT`, `dlv --headless --listen=:PORT`,
 *   `gdbserver :PORT`.
 * The same bound to loopback, or with a login, makes no finding. Each finding is ['console',
 * the words].
 */
import type { NormalizedCommand } from '../engine/types.js';
import { runOptionsOf } from '../normalize/container-powers.js';
import { optionPairs } from './cloud-argv.js';
import { LOOPBACK } from './exposure-servers.js';
import type { Finding } from './word-facts.js';

/** A host part that reaches beyond this machine ('' = every address, as `:8080` says). */
const beyond = (host: string) => !LOOPBACK.test(host.replace(/^\[|\]$/g, ''));
/** The host of `HOST:PORT` (`0.0.0.0:9229`, `[::]:9229`, `:9229` → ''); undefined = no host part (a port alone). */
const hostOfAddr = (addr: string) =>
  /^(\[[^\]]*\]|[^:]*):\d+$/.exec(addr) ? addr.replace(/:\d+$/, '') : undefined;

/** One console program: the option binding it, its default, and the options that give it a login. */
interface Console {
  bind: RegExp;
  /** The address it listens on when told nothing. */
  defaultBind: string;
  /** Options that set its login; undefined = it has none. */
  auth?: RegExp;
}
const CONSOLES: Record<string, Console> = {
  pgweb: { bind: /^--bind$/, defaultBind: 'localhost', auth: /^--auth-user$/ },
  'sqlite-web': { bind: /^(-H|--host)$/, defaultBind: '127.0.0.1', auth: /^(-P|--password)$/ },
  sqlite_web: { bind: /^(-H|--host)$/, defaultBind: '127.0.0.1', auth: /^(-P|--password)$/ },
  datasette: { bind: /^(-h|--host)$/, defaultBind: '127.0.0.1' },
  'redis-commander': { bind: /^--address$/, defaultBind: '0.0.0.0', auth: /^--(http-auth-username|http-u)$/ },
};

/** Console images (the last part of the name) and the environment variables that give them a login ('' = none). */
const CONSOLE_IMAGES: Record<string, RegExp | undefined> = {
  pgweb: /^PGWEB_AUTH_USER$/,
  'mongo-express': /^ME_CONFIG_BASICAUTH_USERNAME$/,
  'redis-commander': /^HTTP_(USER|PASSWORD|PASSWORD_HASH)$/,
  adminer: undefined,
  'sqlite-web': /^SQLITE_WEB_PASSWORD$/,
  datasette: undefined,
  'kafka-ui': /^AUTH_TYPE$/,
  kafdrop: undefined,
  dbgate: /^(LOGIN|PASSWORD)$/,
  redisinsight: /^RI_APP_PASSWORD$/,
};

/** A web console run directly, bound beyond loopback without its login. */
function consoleProgram(cmd: NormalizedCommand): Finding[] {
  const c = Object.hasOwn(CONSOLES, cmd.program) ? CONSOLES[cmd.program] : undefined;
  if (!c || cmd.argv.some((w) => /^(-h|--help|--version)$/.test(w) && !c.bind.test(w))) return [];
  const opts = optionPairs(cmd.argv);
  const bind = opts.find(([o]) => c.bind.test(o))?.[1] ?? c.defaultBind;
  const login = c.auth !== undefined && cmd.argv.some((w) => c.auth?.test(w.split('=')[0]));
  return beyond(bind) && !login ? [['console', `${cmd.program} on ${bind} without a login`]] : [];
}

/** `php -S ADDR [-t DIR] [ROUTER]` serving Adminer, phpMyAdmin or phpLiteAdmin beyond loopback. */
function phpConsole(cmd: NormalizedCommand): Finding[] {
  if (!/^php[\d.]*$/.test(cmd.program)) return [];
  const a = cmd.argv;
  const addr = a[a.indexOf('-S') + 1] ?? '';
  if (!a.includes('-S') || !beyond(hostOfAddr(addr) ?? addr)) return [];
  const served = a.slice(1).find((w) => /(adminer|phpmyadmin|phpliteadmin)/i.test(w));
  return served ? [['console', `php -S ${addr} serves ${served}`]] : [];
}

/** `docker|podman run` of a console image with a port published on every address and no login set. */
function consoleImage(cmd: NormalizedCommand): Finding[] {
  if (!/^(docker|podman|nerdctl|finch)$/.test(cmd.program)) return [];
  const at = cmd.argv.findIndex((w, i) => i > 0 && (w === 'run' || w === 'create'));
  if (at < 0) return [];
  const { pairs, image } = runOptionsOf(cmd.argv.slice(at + 1));
  const name =
    (cmd.argv[at + 1 + image] ?? '')
      .replace(/@.*$/, '')
      .replace(/:[^/]*$/, '')
      .split('/')
      .pop() ?? '';
  if (!Object.hasOwn(CONSOLE_IMAGES, name)) return [];
  const value = (...n: string[]) => pairs.filter(([o]) => n.includes(o)).map(([, v]) => v);
  const published =
    value('p', 'publish').some((p) => {
      const parts = p.replace(/\/\w+$/, '').split(':');
      return parts.length < 3 || beyond(parts.slice(0, -2).join(':'));
    }) ||
    pairs.some(([o]) => o === 'P' || o === 'publish-all') ||
    value('network', 'net').includes('host');
  const auth = CONSOLE_IMAGES[name];
  const envs = value('e', 'env').map((e) => e.split('=')[0]);
  const after = cmd.argv.slice(at + 2 + image);
  const login =
    (auth !== undefined && envs.some((e) => auth.test(e))) ||
    after.some((w) => /^--(auth-user|http-auth-username)/.test(w) || w === '-P');
  return published && !login ? [['console', `${name} published on every address without a login`]] : [];
}

/** Variables whose value a JVM or its launcher adds to the JVM's options. */
const JVM_VARS =
  /^(JAVA_OPTS|JAVA_TOOL_OPTIONS|JDK_JAVA_OPTIONS|_JAVA_OPTIONS|CATALINA_OPTS|\w*JMX_OPTS|\w*_JAVA_OPTS|MAVEN_OPTS|GRADLE_OPTS|SBT_OPTS)$/;
/** Programs that start a JVM (or a launcher script that does). */
const JVM_LAUNCHER =
  /^(java|javaw|gradlew?|mvnw?|sbt|lein|catalina|startup|standalone|spark-submit|elasticsearch|cassandra|jetty|kafka-.*|zookeeper-.*|.*\.sh)$/;

/** The JVM options `cmd` starts with: its words, and JVM_VARS when it is a launcher. */
function jvmText(cmd: NormalizedCommand): string {
  const vars =
    JVM_LAUNCHER.test(cmd.program.replace(/\.(sh|bat|cmd)$/, '')) || /\.sh$/.test(cmd.program)
      ? Object.entries(cmd.vars)
          .filter(([k]) => JVM_VARS.test(k))
          .map(([, v]) => v)
      : [];
  return [...cmd.argv.slice(1), ...vars].join(' ');
}

/** JMX without authentication, Jolokia on every address without a user, JDWP on every address. */
function jvmConsoles(cmd: NormalizedCommand): Finding[] {
  const text = jvmText(cmd);
  const out: Finding[] = [];
  const port = /com\.sun\.management\.jmxremote(\.rmi)?\.port=(\d+)/.exec(text);
  const local = /com\.sun\.management\.jmxremote\.host=(127\.\S*|localhost|::1)(\s|$)/.test(text);
  if (port && /com\.sun\.management\.jmxremote\.authenticate=false/.test(text) && !local)
    out.push(['console', `JMX remote on port ${port[2]} with authenticate=false`]);
  const jolokia = /-javaagent:\S*jolokia\S*?=(\S+)/.exec(text);
  const host = jolokia ? /(?:^|,)host=([^,\s]+)/.exec(jolokia[1])?.[1] : undefined;
  if (jolokia && host && (host === '*' || beyond(host)) && !/(^|,)user=/.test(jolokia[1]))
    out.push(['console', `Jolokia agent on ${host} without a user`]);
  const jdwp = /(?:-agentlib:jdwp=|-Xrunjdwp:)(\S+)/.exec(text);
  const address = jdwp ? /(?:^|,)address=([^,\s]+)/.exec(jdwp[1])?.[1] : undefined;
  const jdwpHost = address !== undefined ? hostOfAddr(address) : undefined;
  if (
    jdwp &&
    /(^|,)server=y/.test(jdwp[1]) &&
    jdwpHost !== undefined &&
    (jdwpHost === '*' || beyond(jdwpHost))
  )
    out.push(['console', `JDWP debugger on ${address ?? ''}: code runs for whoever connects`]);
  return out;
}

/** Node, debugpy, Delve and gdbserver listening beyond loopback. */
function debuggers(cmd: NormalizedCommand): Finding[] {
  const p = cmd.program;
  const a = cmd.argv;
  const opts = optionPairs(a);
  const node = /^(node|nodejs|npm|npx|yarn|pnpm|ts-node|tsx|nodemon|bun)$/.test(p);
  const inspect = [
    ...(node ? opts.filter(([o]) => /^--inspect(-brk|-wait)?$/.test(o)).map(([, v]) => v) : []),
    ...(node
      ? [...(cmd.vars.NODE_OPTIONS ?? '').matchAll(/--inspect(?:-brk|-wait)?=(\S+)/g)].map((m) => m[1])
      : []),
  ].find((v) => {
    const h = hostOfAddr(v);
    return h !== undefined && beyond(h);
  });
  if (inspect !== undefined)
    return [['console', `node --inspect=${inspect}: code runs for whoever connects`]];
  const module = /^python[\d.]*$/.test(p) ? a[a.indexOf('-m') + 1] : p;
  const listen = module === 'debugpy' ? opts.find(([o]) => o === '--listen')?.[1] : undefined;
  const listenHost = listen !== undefined ? hostOfAddr(listen) : undefined;
  // a port alone listens on loopback
  if (listenHost !== undefined && beyond(listenHost))
    return [['console', `debugpy --listen ${listen}: code runs for whoever connects`]];
  if (p === 'dlv' && a.includes('--headless')) {
    const l = opts.find(([o]) => o === '--listen' || o === '-l')?.[1] ?? '127.0.0.1:0';
    const h = hostOfAddr(l);
    if (h !== undefined && beyond(h)) return [['console', `dlv --headless --listen=${l}`]];
  }
  if (p === 'gdbserver') {
    const comm = a.slice(1).find((w) => !w.startsWith('-'));
    const h = comm !== undefined ? hostOfAddr(comm) : undefined;
    if (h !== undefined && !comm?.startsWith('/') && beyond(h))
      return [['console', `gdbserver ${comm ?? ''}`]];
  }
  return [];
}

/** What admin or debug interface `cmd` opens to the network without a login; empty = none. */
export function openConsoles(cmd: NormalizedCommand): Finding[] {
  return [
    ...consoleProgram(cmd),
    ...phpConsole(cmd),
    ...consoleImage(cmd),
    ...jvmConsoles(cmd),
    ...debuggers(cmd),
  ];
}
