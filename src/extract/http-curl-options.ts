/**
 * curl's option grammar: which short letters and long names take a value, splitting argv
 * into options and URLs (combined short flags, `--name=value`, `--`), and reading `-K`
 * config files (`option = value`, `option value`, quoted values).
 */

/** Short option letter → long name, for the options whose meaning matters here. */
const SHORT: Record<string, string> = {
  d: 'data',
  F: 'form',
  H: 'header',
  X: 'request',
  u: 'user',
  T: 'upload-file',
  G: 'get',
  I: 'head',
  K: 'config',
  o: 'output',
  n: 'netrc',
  b: 'cookie',
  e: 'referer',
  A: 'user-agent',
  ':': 'next',
};
/** Short letters that take a value. */
const SHORT_WITH_ARG = new Set('AbcCdDeEFHKmoPQrTuUwxXyYzt'.split(''));
/** Long options that take a value (curl's list, the ones an agent plausibly writes). */
const LONG_WITH_ARG = new Set(
  (
    'data data-ascii data-binary data-raw data-urlencode json form form-string header proxy-header request url ' +
    'user proxy-user oauth2-bearer config output upload-file cookie cookie-jar referer user-agent max-time ' +
    'connect-timeout retry retry-delay retry-max-time proxy cacert capath cert key cert-type key-type pass ' +
    'write-out range resolve connect-to interface limit-rate max-filesize dump-header trace trace-ascii stderr ' +
    'output-dir aws-sigv4 ciphers continue-at local-port max-redirs netrc-file noproxy preproxy quote ' +
    'request-target socks4 socks4a socks5 socks5-hostname telnet-option time-cond unix-socket ' +
    'abstract-unix-socket expect100-timeout crlfile dns-servers keepalive-time login-options mail-from ' +
    'mail-rcpt mail-auth pinnedpubkey proto proto-redir proto-default pubkey service-name tls-max tlsuser ' +
    'tlspassword variable url-query rate ip-tos happy-eyeballs-timeout-ms hostpubmd5 hostpubsha256 ' +
    'sasl-authzid etag-save etag-compare create-file-mode ftp-port proxy-cacert proxy-cert proxy-key'
  ).split(' '),
);

export interface Opt {
  name: string;
  value?: string;
  /** argv index the value came from; -1 for config-file lines. */
  idx: number;
  /** True for `--expand-NAME`: `{{variable}}` references in the value are replaced first. */
  expand?: boolean;
}

/** Splits curl arguments into options (long names) and positionals (URLs). */
export function tokenizeCurl(args: string[], indices: number[]): { opts: Opt[]; urls: Opt[] } {
  const opts: Opt[] = [];
  const urls: Opt[] = [];
  let endOfOpts = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const idx = indices[i] ?? -1;
    if (endOfOpts || !a.startsWith('-') || a === '-') {
      urls.push({ name: 'url', value: a, idx });
    } else if (a === '--') {
      endOfOpts = true;
    } else if (a.startsWith('--expand-') && LONG_WITH_ARG.has(a.slice(9).split('=')[0].toLowerCase())) {
      // curl 8: any option taking a value may be spelled `--expand-NAME`.
      const eq = a.indexOf('=');
      const name = (eq > 0 ? a.slice(9, eq) : a.slice(9)).toLowerCase();
      if (eq > 0) opts.push({ name, value: a.slice(eq + 1), idx, expand: true });
      else {
        opts.push({ name, value: args[i + 1], idx: indices[i + 1] ?? -1, expand: true });
        i++;
      }
    } else if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = (eq > 0 && LONG_WITH_ARG.has(a.slice(2, eq)) ? a.slice(2, eq) : a.slice(2)).toLowerCase();
      if (eq > 0 && LONG_WITH_ARG.has(a.slice(2, eq))) opts.push({ name, value: a.slice(eq + 1), idx });
      else if (LONG_WITH_ARG.has(name)) {
        opts.push({ name, value: args[i + 1], idx: indices[i + 1] ?? -1 });
        i++;
      } else opts.push({ name, idx });
    } else {
      for (let j = 1; j < a.length; j++) {
        const c = a[j];
        const name = SHORT[c] ?? `-${c}`;
        if (SHORT_WITH_ARG.has(c)) {
          const rest = a.slice(j + 1);
          if (rest) opts.push({ name, value: rest, idx });
          else {
            opts.push({ name, value: args[i + 1], idx: indices[i + 1] ?? -1 });
            i++;
          }
          break;
        }
        opts.push({ name, idx });
      }
    }
  }
  return { opts, urls };
}

/** Parses a curl config file (`-K`): `option = value`, `option value`, `--option value`, quoted values. */
export function parseCurlConfig(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const m = /^(-{0,2}[A-Za-z0-9:-]+)\s*[=:]?\s*(.*)$/.exec(line);
    if (!m) continue;
    const key = m[1].replace(/^-+/, '');
    out.push(key.length === 1 ? `-${key}` : `--${key}`);
    const rest = m[2];
    if (!rest) continue;
    if (rest.startsWith('"')) {
      let v = '';
      for (let i = 1; i < rest.length && rest[i] !== '"'; i++) {
        if (rest[i] === '\\' && i + 1 < rest.length) {
          const n = rest[++i];
          v += n === 'n' ? '\n' : n === 't' ? '\t' : n === 'r' ? '\r' : n;
        } else v += rest[i];
      }
      out.push(v);
    } else out.push(rest.split(/\s+/)[0]);
  }
  return out;
}
