/**
 * Load-testing clients that send one request many times, and text browsers that post one:
 * ApacheBench (`ab -p FILE` posts a file, `-u FILE` puts one, `-m METHOD`), hey and oha
 * (`-m METHOD`, `-d BODY`, `-D FILE`, `-H HEADER`, `-a user:pass`), bombardier (`-m`, `-b`,
 * `-f FILE`, `-H`), w3m (`-post FILE`, `-header`) and lynx (`-post_data`: the body from
 * stdin). The request is read like curl's: method, URL (the last operand), headers and the
 * body, a file's read through ctx.readFile (or as the script wrote it). Go-style
 * `-flag=value` is read as `-flag value`. h2load (`-d FILE` posts the file) is read the same
 * way; the web fuzzers ffuf, wfuzz and feroxbuster (one request per wordlist entry) too; vegeta, wrk and siege are read in http-vegeta.ts, http-wrk.ts and http-siege.ts.
 */
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import { readPayloadFile, readStdin } from './http-body.js';
import { addHeaderLine, emptyRequest, type HttpRequest, sendsCredentialHeader } from './http-request.js';
import { parseVegeta } from './http-vegeta.js';
import { parseWrk } from './http-wrk.js';
import { parseSiege } from './http-siege.js';
import { wordSet } from './word-set.js';

interface LoadTool {
  /** Options that take a value (all others are switches). */
  withValue: Set<string>;
  method: string[];
  body: string[];
  bodyFile: string[];
  /** Options whose file is the body of a request with that method (`ab -p` POST, `-u` PUT). */
  methodFile: Record<string, string>;
  /** Switches that send standard input as the body of a POST (lynx `-post_data`); empty = none. */
  stdinPost?: string[];
  header: string[];
  contentType: string[];
  auth: string[];
  /** Options whose value is the URL (ffuf `-u`); empty = the URL is the last operand. */
  url?: string[];
}

const TOOLS: Record<string, LoadTool> = {
  ab: {
    withValue: wordSet('-n -c -t -s -b -B -p -u -T -v -w -x -y -z -C -H -A -P -X -e -g -m -E -Z -f -l'),
    method: ['-m'],
    body: [],
    bodyFile: [],
    methodFile: { '-p': 'POST', '-u': 'PUT' },
    header: ['-H'],
    contentType: ['-T'],
    auth: ['-A', '-C'],
  },
  hey: {
    withValue: wordSet('-n -c -q -z -o -m -H -t -A -d -D -T -a -x -host -cpus'),
    method: ['-m'],
    body: ['-d'],
    bodyFile: ['-D'],
    methodFile: {},
    header: ['-H'],
    contentType: ['-T'],
    auth: ['-a'],
  },
  oha: {
    withValue: wordSet(
      '-n -c -z -q -m --method -H --header -t --timeout -A --accept -d --body -D --body-file -T --content-type -a --basic-auth -x --http-version --connect-to --host -o --output-format -p --burst-delay --burst-rate',
    ),
    method: ['-m', '--method'],
    body: ['-d', '--body'],
    bodyFile: ['-D', '--body-file'],
    methodFile: {},
    header: ['-H', '--header'],
    contentType: ['-T', '--content-type'],
    auth: ['-a', '--basic-auth'],
  },
  bombardier: {
    withValue: wordSet(
      '-c --connections -n --requests -d --duration -r --rate -t --timeout -m --method -b --body -f --body-file -H --header --cert --key -o --format -p --print',
    ),
    method: ['-m', '--method'],
    body: ['-b', '--body'],
    bodyFile: ['-f', '--body-file'],
    methodFile: {},
    header: ['-H', '--header'],
    contentType: [],
    auth: [],
  },
  w3m: {
    withValue: wordSet('-post -header -o -T -I -O -t -l -cols -ppc -ppl -config -bookmark -debug -request'),
    method: [],
    body: [],
    bodyFile: [],
    methodFile: { '-post': 'POST' },
    header: ['-header'],
    contentType: ['-T'],
    auth: [],
  },
  // nghttp2's HTTP/2 benchmark: `-d FILE` posts the file's content
  h2load: {
    withValue: wordSet(
      '-n --requests -c --clients -t --threads -m --max-concurrent-streams -w --window-bits -W --connection-window-bits -H --header -i --input-file -d --data -r --rate --rate-period -D --duration --warm-up-time -T --connection-active-timeout -N --connection-inactivity-timeout --timing-script-file -B --base-uri --npn-list --alpn-list --header-table-size --encoder-header-table-size --log-file --connect-to --rps --groups --sni --ciphers --tls13-ciphers --max-frame-size',
    ),
    method: [],
    body: [],
    bodyFile: [],
    methodFile: { '-d': 'POST', '--data': 'POST' },
    header: ['-H', '--header'],
    contentType: [],
    auth: [],
  },
  // Web fuzzers send one request per word of their wordlists (FUZZ in the URL or body): each
  // with the method and body given. ffuf (`-X`, `-d`, `-u URL`), wfuzz (`-X`, `-d`, the URL
  // operand), feroxbuster (`-m`/`--methods`, `--data`, `-u`/`--url`).
  ffuf: {
    withValue: wordSet(
      '-u -w -X -d -H -b -x -e -D -t -p -o -of -od -mc -ms -mw -ml -mr -mt -fc -fs -fw -fl -fr -ft -rate -maxtime -maxtime-job -mode -request -request-proto -input-cmd -input-num -input-shell -timeout -recursion-depth -recursion-strategy -replay-proxy -cc -ck -config -scraperfile -scrapers -acc -ach -acs -mmode -fmode -debug-log -sni -enc',
    ),
    method: ['-X'],
    body: ['-d'],
    bodyFile: [],
    methodFile: {},
    header: ['-H'],
    contentType: [],
    auth: [],
    url: ['-u'],
  },
  wfuzz: {
    withValue: wordSet(
      '-X -d -H -b -w -z -p -t -s -R -D -e -o -f -m -V -u --hc --hl --hw --hh --sc --sl --sw --sh --ss --hs --field --filter --prefilter --zP --zD --zE --slice --basic --ntlm --digest --recipe --dump-recipe --script --script-args',
    ),
    method: ['-X'],
    body: ['-d'],
    bodyFile: [],
    methodFile: {},
    header: ['-H'],
    contentType: [],
    auth: ['--basic', '--ntlm', '--digest'],
    url: ['-u'],
  },
  feroxbuster: {
    withValue: wordSet(
      '-u --url -m --methods --data -H --headers -b --cookies -w --wordlist -t --threads -d --depth -x --extensions -s --status-codes -C --filter-status -S --filter-size -W --filter-words -N --filter-lines -X --filter-regex -T --timeout -L --scan-limit --rate-limit --time-limit -o --output -a --user-agent -p --proxy -P --replay-proxy -R --replay-codes --resume-from --parallel --dont-scan --query -Q --protocol --client-cert --client-key --server-certs --scan-dir-listings',
    ),
    method: ['-m', '--methods'],
    body: ['--data'],
    bodyFile: [],
    methodFile: {},
    header: ['-H', '--headers'],
    contentType: [],
    auth: [],
    url: ['-u', '--url'],
  },
  lynx: {
    withValue: wordSet('-auth -pauth -cfg -lss -cmd_log -cmd_script -display -editor -homepage -useragent'),
    method: [],
    body: [],
    bodyFile: [],
    methodFile: {},
    header: [],
    contentType: [],
    auth: ['-auth'],
    stdinPost: ['-post_data'],
  },
};

/** Of the methods given (repeated options, or a comma list), the first that changes state; else the last. */
function strictestMethod(before: string, v: string): string {
  const all = [...before.split(','), ...v.split(/[,\s]+/)].filter((x) => x !== '');
  return all.find((x) => !/^(GET|HEAD|OPTIONS)$/.test(x)) ?? all.at(-1) ?? '';
}

export function isLoadTester(program: string): boolean {
  return (
    Object.hasOwn(TOOLS, program) ||
    program === 'vegeta' ||
    program === 'wrk' ||
    program === 'wrk2' ||
    program === 'siege'
  );
}

export function parseLoadTester(cmd: NormalizedCommand, ctx: AnalyzeContext): HttpRequest[] {
  if (cmd.program === 'vegeta') return parseVegeta(cmd, ctx);
  if (cmd.program === 'wrk' || cmd.program === 'wrk2') return parseWrk(cmd, ctx);
  if (cmd.program === 'siege') return parseSiege(cmd, ctx);
  const t = Object.hasOwn(TOOLS, cmd.program) ? TOOLS[cmd.program] : undefined;
  if (!t) return [];
  const r = emptyRequest(cmd.program);
  let method = '';
  let fileMethod = '';
  /** The URL was given by an option (ffuf `-u`): operands are not it. */
  let urlOption = false;
  const argv = cmd.argv;
  for (let i = 1; i < argv.length; i++) {
    const eq = argv[i].startsWith('-') ? argv[i].indexOf('=') : -1;
    const a = eq > 0 && t.withValue.has(argv[i].slice(0, eq)) ? argv[i].slice(0, eq) : argv[i];
    if (!a.startsWith('-') || a === '-') {
      if (!urlOption) r.urls = [a]; // the URL is the last operand
      continue;
    }
    if (t.stdinPost?.includes(a)) {
      const p = readStdin(cmd, ctx);
      r.sendsStdin = true;
      r.body = p.text;
      r.bodyUnknown ||= p.unknown;
      fileMethod = 'POST';
      continue;
    }
    if (!t.withValue.has(a)) continue;
    const v = a !== argv[i] ? argv[i].slice(eq + 1) : (argv[++i] ?? '');
    if (t.url?.includes(a)) {
      r.urls = [v];
      urlOption = true;
    }
    // a method list (`feroxbuster -m GET,DELETE`): the strictest is the one that matters
    else if (t.method.includes(a)) method = strictestMethod(method, v.toUpperCase());
    else if (t.header.includes(a)) addHeaderLine(r, v);
    else if (t.contentType.includes(a)) r.headers['content-type'] = v;
    else if (t.auth.includes(a)) r.auth = true;
    else if (t.body.includes(a)) {
      r.body = v;
      r.dataArgs.push(i);
    } else if (t.bodyFile.includes(a) || Object.hasOwn(t.methodFile, a)) {
      // fail closed: a body file that cannot be read is an unknown body (readPayloadFile)
      const p = readPayloadFile(v, cmd, ctx);
      if (p.file) r.uploads.push(p.file);
      r.body = p.text;
      r.bodyUnknown ||= p.unknown;
      if (Object.hasOwn(t.methodFile, a)) fileMethod = t.methodFile[a];
    }
  }
  r.method = method || fileMethod || (r.body !== undefined || r.bodyUnknown ? 'POST' : 'GET');
  r.auth ||= sendsCredentialHeader(r);
  return [r];
}
