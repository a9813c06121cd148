/**
 * Load-testing clients that send one request many times: ApacheBench (`ab -p FILE` posts a
 * file, `-u FILE` puts one, `-m METHOD`), hey and oha (`-m METHOD`, `-d BODY`, `-D FILE`,
 * `-H HEADER`, `-a user:pass`). The request is read like curl's: method, URL (the last
 * operand), headers and the body, a file's read through ctx.readFile.
 */
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import { readPayloadFile } from './http-body.js';
import { addHeaderLine, emptyRequest, type HttpRequest } from './http-request.js';

interface LoadTool {
  /** Options that take a value (all others are switches). */
  withValue: Set<string>;
  method: string[];
  body: string[];
  bodyFile: string[];
  /** Options whose file is the body of a request with that method (`ab -p` POST, `-u` PUT). */
  methodFile: Record<string, string>;
  header: string[];
  contentType: string[];
  auth: string[];
}

const opts = (s: string) => new Set(s.split(' '));

const TOOLS: Record<string, LoadTool> = {
  ab: {
    withValue: opts('-n -c -t -s -b -B -p -u -T -v -w -x -y -z -C -H -A -P -X -e -g -m -E -Z -f -l'),
    method: ['-m'],
    body: [],
    bodyFile: [],
    methodFile: { '-p': 'POST', '-u': 'PUT' },
    header: ['-H'],
    contentType: ['-T'],
    auth: ['-A', '-C'],
  },
  hey: {
    withValue: opts('-n -c -q -z -o -m -H -t -A -d -D -T -a -x -host -cpus'),
    method: ['-m'],
    body: ['-d'],
    bodyFile: ['-D'],
    methodFile: {},
    header: ['-H'],
    contentType: ['-T'],
    auth: ['-a'],
  },
  oha: {
    withValue: opts(
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
};

export function isLoadTester(program: string): boolean {
  return Object.hasOwn(TOOLS, program);
}

export function parseLoadTester(cmd: NormalizedCommand, ctx: AnalyzeContext): HttpRequest[] {
  const t = TOOLS[cmd.program];
  const r = emptyRequest(cmd.program);
  let method = '';
  let fileMethod = '';
  const argv = cmd.argv;
  for (let i = 1; i < argv.length; i++) {
    const eq = argv[i].startsWith('--') ? argv[i].indexOf('=') : -1;
    const a = eq > 0 ? argv[i].slice(0, eq) : argv[i];
    if (!a.startsWith('-') || a === '-') {
      r.urls = [a]; // the URL is the last operand
      continue;
    }
    if (!t.withValue.has(a)) continue;
    const v = eq > 0 ? argv[i].slice(eq + 1) : (argv[++i] ?? '');
    if (t.method.includes(a)) method = v.toUpperCase();
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
  r.auth ||= Object.keys(r.headers).some((h) =>
    /^(authorization|proxy-authorization)$|token|api-?key|secret/.test(h),
  );
  return [r];
}
