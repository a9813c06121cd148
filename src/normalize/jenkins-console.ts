/**
 * Jenkins's script console: Groovy sent to a controller (`POST /scriptText` or `/script`, an
 * agent's `/computer/NAME/scriptText`) or through its CLI (`jenkins-cli groovy = < F`,
 * `java -jar jenkins-cli.jar -s URL groovy FILE`) runs with the controller's full power, on
 * another machine. Its code is read as `groovy -e CODE` run remotely (codescan-jenkins.ts
 * reads the Jenkins API's deletes and secret reads). A script that cannot be read (a file
 * not there, a body built at run time) is unknown code: `groovy -e` of a dynamic word (fail closed).
 *
 * Where the script is:
 * - curl: `--data-urlencode script=CODE`, `--data-urlencode script@FILE`, `-d script=ENCODED`
 *   (`-d @FILE`: the body read from FILE), `-F script=<FILE`/`script=@FILE`
 * - wget: `--post-data=script=ENCODED`, `--post-file=FILE`
 * - HTTPie and xh: `script=CODE`, `script=@FILE`
 */
import type { Field, Res } from './state.js';
import { emit, type K } from './emit.js';
import { remoteArgv } from './remote-words.js';
import { scriptFile } from './shells.js';

/** The HTTP clients read here. */
export const CONSOLE_CLIENTS = /^(curl|wget|wget2|http|https|xh|xhs)$/;
/**
 * A script console's route, on a literal URL or one led by a variable (`$JENKINS_URL/scriptText`:
 * the host is not known, the route is).
 */
const CONSOLE_URL = /^(https?:\/\/[^\s]*|\$\{?\w+\}?[^\s]*)\/(scriptText|script)\/?(\?.*)?$/;

/**
 * A body's `script=` field, URL-decoded, or the `script` string of a JSON object (the form a
 * code client's dict is read as: `requests.post(URL, data={'script': CODE})`); undefined =
 * none or not decodable.
 */
function formField(body: string): string | undefined {
  if (/^\s*\{/.test(body)) {
    try {
      const o: unknown = JSON.parse(body);
      const v = o && typeof o === 'object' ? (o as Record<string, unknown>).script : undefined;
      return typeof v === 'string' ? v : undefined;
    } catch {
      return undefined;
    }
  }
  for (const pair of body.split('&')) {
    const eq = pair.indexOf('=');
    if (eq > 0 && pair.slice(0, eq) === 'script') {
      try {
        return decodeURIComponent(pair.slice(eq + 1).replace(/\+/g, ' '));
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** The script an option's value carries: code, or null when it names the script but cannot be read. */
function scriptOf(opt: string, v: Field, k: K): string | null | undefined {
  if (v.dynamic) return /script/.test(v.text) || opt.startsWith('-d') ? null : undefined;
  const t = v.text;
  const file = (p: string) => scriptFile(p, k) ?? null;
  if (opt === '--data-urlencode') {
    if (t.startsWith('script=')) return t.slice(7);
    if (t.startsWith('script@')) return file(t.slice(7));
    return undefined;
  }
  if (opt === '-F' || opt === '--form') {
    const m = /^script=([<@]?)(.*)$/s.exec(t);
    return m ? (m[1] ? file(m[2]) : m[2]) : undefined;
  }
  if (opt === '--post-file') {
    const body = scriptFile(t, k);
    return body === undefined ? null : formField(body);
  }
  if (t.startsWith('@')) {
    const body = scriptFile(t.slice(1), k);
    return body === undefined ? null : formField(body);
  }
  return formField(t);
}

/** The console URL and script of a client's request; undefined = not a console request. */
function consoleRequest(prog: string, argv: Field[], k: K): { url: string; code: string | null } | undefined {
  const url = argv.find((a, i) => i > 0 && CONSOLE_URL.test(a.text.replace(/^--url=/, '')))?.text;
  if (!url) return undefined;
  let code: string | null | undefined;
  for (let i = 1; i < argv.length && code === undefined; i++) {
    const t = argv[i].text;
    const eq = /^(--[\w-]+)=(.*)$/s.exec(t);
    if (/^(curl|wget2?)$/.test(prog) && eq && /^--(data[\w-]*|form|post-data|post-file)$/.test(eq[1]))
      code = scriptOf(eq[1], { ...argv[i], text: eq[2] }, k);
    else if (/^(-d|--data[\w-]*|-F|--form|--post-data|--post-file)$/.test(t) && argv[i + 1])
      code = scriptOf(t, argv[++i], k);
    else if (!/^(curl|wget2?)$/.test(prog) && /^script(=|:=|=@)/.test(t))
      code = t.startsWith('script=@')
        ? (scriptFile(t.slice(8), k) ?? null)
        : argv[i].dynamic
          ? null
          : t.replace(/^script:?=/, '');
  }
  return code === undefined ? undefined : { url: url.replace(/^--url=/, ''), code };
}

/** `jenkins-cli … groovy =|FILE`, `java -jar jenkins-cli.jar … groovy …`: the script, null = unread. */
function cliScript(argv: Field[], k: K): string | null | undefined {
  const words = argv.map((a) => a.text);
  const cli = /^jenkins-cli$/.test(words[0]) || words.some((w) => /(^|\/)jenkins-cli\.jar$/.test(w));
  const g = words.indexOf('groovy');
  if (!cli || g < 0) return undefined;
  const src = argv[g + 1];
  if (!src || src.text === '=') return k.io.stdin ? (k.io.stdin.text ?? null) : null;
  return src.dynamic ? null : (scriptFile(src.text, k) ?? null);
}

/** Runs a script console request's Groovy as code run on the controller; undefined = not one. */
export function runJenkinsConsole(prog: string, argv: Field[], k: K): Res | undefined {
  const req = CONSOLE_CLIENTS.test(prog) ? consoleRequest(prog, argv, k) : undefined;
  const cli = req ? undefined : cliScript(argv, k);
  if (!req && cli === undefined) return undefined;
  const code = req ? req.code : (cli as string | null);
  const res = emit(argv, k);
  const groovy: Field[] = [
    { text: 'groovy', dynamic: false },
    { text: '-e', dynamic: false },
    // fail closed: a script that cannot be read is unknown code
    code === null ? { text: 'unread script', dynamic: true } : { text: code, dynamic: false },
  ];
  remoteArgv(groovy, `jenkins script console ${req?.url ?? 'cli'}`, k);
  return res;
}
