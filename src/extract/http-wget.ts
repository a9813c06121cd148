/**
 * wget's (and wget2's, which keeps its options) command line → HttpRequest: `--method`, `--post-data/--post-file`,
 * `--body-data/--body-file`, `--header`, credentials, combined short flags (`-qO-`).
 */
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import { resolveLong } from '../normalize/longopts.js';
import { readPayloadFile } from './http-body.js';
import {
  addHeaderLine,
  appendBody,
  emptyRequest,
  type HttpRequest,
  sendsCredentialHeader,
} from './http-request.js';

/** Short letters that take a value. */
const SHORT_WITH_ARG = new Set('OoaiBtTwQPUlARDXIe'.split(''));
/** Long options that take a value when written without `=`. */
const LONG_WITH_ARG = new Set(
  (
    'method post-data post-file body-data body-file header output-document output-file append-output ' +
    'input-file base tries timeout wait quota directory-prefix user-agent level accept reject domains ' +
    'exclude-directories include-directories execute user password http-user http-password ' +
    'proxy-user proxy-password load-cookies save-cookies referer ca-certificate certificate private-key ' +
    'dns-timeout connect-timeout read-timeout limit-rate bind-address'
  ).split(' '),
);

/** wget's flag options (no value), so a prefix resolves against the whole table. */
const LONG_FLAGS = (
  'quiet verbose no-verbose debug version help background spider continue timestamping no-clobber ' +
  'recursive mirror page-requisites convert-links adjust-extension no-parent no-check-certificate ' +
  'server-response no-cache no-cookies keep-session-cookies ignore-length auth-no-challenge ' +
  'content-disposition content-on-error trust-server-names no-directories force-directories ' +
  'no-host-directories protocol-directories delete-after backups backup-converted no-proxy ' +
  'inet4-only inet6-only retry-connrefused show-progress no-verbose https-only no-hsts ' +
  'save-headers no-http-keep-alive compression no-dns-cache no-glob no-passive-ftp'
).split(' ');
const LONG_TABLE = [...LONG_WITH_ARG, ...LONG_FLAGS];

/** The option a long word names (`--meth` → method), given wget's table. */
function longName(written: string): string {
  const hits = resolveLong(written, LONG_TABLE);
  return hits.length === 1 ? hits[0] : written;
}

export function parseWget(cmd: NormalizedCommand, ctx: AnalyzeContext): HttpRequest[] {
  const r = emptyRequest(cmd.program === 'wget2' ? 'wget2' : 'wget');
  const args = cmd.argv;
  let method = '';
  let endOfOpts = false;
  const onOpt = (name: string, value: string, idx: number) => {
    switch (name) {
      case 'method':
        method = value.toUpperCase();
        break;
      case 'post-data':
      case 'body-data':
        r.dataArgs.push(idx);
        appendBody(r, value, false);
        if (name === 'post-data' && !method) method = 'POST';
        break;
      case 'post-file':
      case 'body-file': {
        r.dataArgs.push(idx);
        const p = readPayloadFile(value, cmd, ctx);
        if (p.file) r.uploads.push(p.file);
        if (p.stdin) r.sendsStdin = true;
        appendBody(r, p.text, p.unknown);
        if (name === 'post-file' && !method) method = 'POST';
        break;
      }
      case 'header':
        addHeaderLine(r, value);
        break;
      case 'user':
      case 'password':
      case 'http-user':
      case 'http-password':
        r.auth = true;
        break;
    }
  };
  for (let i = 1; i < args.length; i++) {
    const a = args[i];
    if (endOfOpts || !a.startsWith('-') || a === '-') {
      r.urls.push(a);
    } else if (a === '--') {
      endOfOpts = true;
    } else if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = longName(eq > 0 ? a.slice(2, eq) : a.slice(2));
      if (eq > 0) onOpt(name, a.slice(eq + 1), i);
      else if (LONG_WITH_ARG.has(name)) {
        onOpt(name, args[i + 1] ?? '', i + 1);
        i++;
      }
    } else {
      for (let j = 1; j < a.length; j++) {
        if (SHORT_WITH_ARG.has(a[j])) {
          if (j + 1 >= a.length) i++;
          break;
        }
      }
    }
  }
  r.method = method || (r.body !== undefined || r.bodyUnknown ? 'POST' : 'GET');
  r.auth ||= sendsCredentialHeader(r);
  return [r];
}
