/**
 * HTTP clients whose command line is a set of option roles, read from a table of their
 * spellings: nghttp (the HTTP/2 client: `-d FILE` posts the file, `-H ':method: DELETE'` sets
 * the method through the pseudo-header) and xidel (`--method`, `--post`/`-d` data, `--header`).
 * Reads the command's words and, for a body read from a file or stdin, the file through
 * ctx.readFile.
 */
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import { readPayloadFile } from './http-body.js';
import {
  addHeaderLine,
  appendBody,
  emptyRequest,
  type HttpRequest,
  sendsCredentialHeader,
} from './http-request.js';

/** What each option spelling of one client does. Every list empty = the client has no such option. */
interface ClientTable {
  /** Options whose value is the method. */
  method: string[];
  /** Options whose value is a `Name: value` header line (a `:method` pseudo-header sets the method). */
  header: string[];
  /** Options whose value is the body text (`@FILE` reads a file when `atFile`). */
  data: string[];
  /** Options whose value is a file sent as the body (`-` = stdin). */
  dataFile: string[];
  /** Every other option that takes a value, so its value is not read as a URL. */
  withValue: string[];
  /** True when a data value written `@FILE` names a file to send. */
  atFile: boolean;
  /** Which positional words are URLs (others are files or inline documents). */
  isUrl: (word: string) => boolean;
}

const ANY_WORD = () => true;
/** A URL with a scheme (`https://h/p`): xidel reads any other word as a file or a document. */
const SCHEME_URL = (w: string) => /^https?:\/\//i.test(w);

const TABLES: Record<string, ClientTable> = {
  nghttp: {
    method: [],
    header: ['-H', '--header', '--trailer'],
    data: [],
    dataFile: ['-d', '--data'],
    withValue: [
      '-t',
      '--timeout',
      '-w',
      '--window-bits',
      '-W',
      '--connection-window-bits',
      '-m',
      '--multiply',
      '-p',
      '--weight',
      '-M',
      '--peer-max-concurrent-streams',
      '-c',
      '--header-table-size',
      '--encoder-header-table-size',
      '-b',
      '--padding',
      '-r',
      '--har',
      '--cert',
      '--key',
      '--max-concurrent-streams',
    ],
    atFile: false,
    isUrl: ANY_WORD,
  },
  xidel: {
    method: ['--method'],
    header: ['-H', '--header'],
    data: ['-d', '--post', '--data'],
    dataFile: [],
    withValue: [
      '-e',
      '--extract',
      '-f',
      '--follow',
      '--xpath',
      '--xquery',
      '--css',
      '--xpath2',
      '--xquery1',
      '--xpath3',
      '--xquery3',
      '--extract-kind',
      '--extract-file',
      '--follow-file',
      '--follow-level',
      '--follow-kind',
      '--follow-exclude',
      '--follow-include',
      '--download',
      '--output-format',
      '--output-encoding',
      '--output-separator',
      '--output-header',
      '--output-footer',
      '--input-format',
      '--user-agent',
      '--proxy',
      '--wait',
      '--error-handling',
      '--variable',
      '--xmlns',
      '--module',
      '--json-mode',
      '--default-variable-name',
      '--template-file',
      '--template-action',
      '--stdin-encoding',
      '--form',
      '-F',
      '--color',
      '--compatibility',
    ],
    atFile: true,
    isUrl: SCHEME_URL,
  },
};

export function isTableClient(program: string): boolean {
  return Object.hasOwn(TABLES, program);
}

/** `-dFILE` / `--data=FILE` / `-d FILE`: the option and its value, and how many words it took. */
function split(argv: string[], i: number, t: ClientTable): [string, string | undefined, number] {
  const a = argv[i];
  const all = [...t.method, ...t.header, ...t.data, ...t.dataFile, ...t.withValue];
  if (a.startsWith('--')) {
    const [opt, inline] = a.split(/=(.*)/s, 2);
    if (inline !== undefined) return [opt, inline, 1];
    return all.includes(opt) ? [opt, argv[i + 1] ?? '', 2] : [opt, undefined, 1];
  }
  const short = a.slice(0, 2);
  if (!all.includes(short)) return [a, undefined, 1];
  return a.length > 2 ? [short, a.slice(2).replace(/^=/, ''), 1] : [short, argv[i + 1] ?? '', 2];
}

export function parseTableClient(cmd: NormalizedCommand, ctx: AnalyzeContext): HttpRequest[] {
  const t = TABLES[cmd.program];
  const r = emptyRequest(cmd.program);
  const argv = cmd.argv;
  let method = '';
  const sendFile = (name: string) => {
    const p = readPayloadFile(name, cmd, ctx);
    if (p.file) r.uploads.push(p.file);
    if (p.stdin) r.sendsStdin = true;
    appendBody(r, p.text, p.unknown);
  };
  for (let i = 1; i < argv.length;) {
    const a = argv[i];
    if (!a.startsWith('-') || a === '-') {
      if (t.isUrl(a)) r.urls.push(a);
      i++;
      continue;
    }
    const [opt, value, took] = split(argv, i, t);
    const at = took === 2 ? i + 1 : i;
    i += took;
    if (value === undefined) continue;
    if (t.method.includes(opt)) method = value.toUpperCase();
    else if (t.header.includes(opt)) {
      addHeaderLine(r, value);
      // HTTP/2's pseudo-header `:method: DELETE` is the method itself.
      const m = /^\s*:method\s*:\s*(\S+)/i.exec(value);
      if (m) method = m[1].toUpperCase();
    } else if (t.dataFile.includes(opt)) {
      r.dataArgs.push(at);
      sendFile(value);
    } else if (t.data.includes(opt)) {
      r.dataArgs.push(at);
      if (t.atFile && value.startsWith('@')) sendFile(value.slice(1));
      else appendBody(r, value, false);
    }
  }
  r.method = method || (r.body !== undefined || r.bodyUnknown ? 'POST' : 'GET');
  r.auth ||= sendsCredentialHeader(r);
  return [r];
}
