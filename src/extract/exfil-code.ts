/**
 * Raw sockets opened by inline interpreter code (`python3 -c`, `node -e`, `ruby -e`,
 * `perl -e`, `php -r`, code on stdin): code that connects to another host
 * (`socket.create_connection(('203.0.113.5', 9000))`, `net.connect(9000, 'h')`,
 * `TCPSocket.new('h', 9000)`, `IO::Socket::INET->new(PeerAddr => 'h:9000')`,
 * `fsockopen('h', 9000)`), sends on it, and reads a secret-looking environment variable
 * (`os.environ['RAILWAY_TOKEN']`, `process.env.GITHUB_TOKEN`, `ENV['API_KEY']`), cloud
 * credentials through an SDK (`boto3.Session().get_credentials()`), or the
 * whole environment (`str(os.environ)`, `JSON.stringify(process.env)`). Which value a
 * send carries is not followed through the code's variables: reading the secret and
 * sending on a socket to another host in the same code is the behaviour read. HTTP calls
 * in inline code are read by the normalizer (they become curl-like commands).
 */
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import { isCredentialPath, isSecretName } from './exfil-sources.js';
import { isLocalHost } from './http-url.js';
import { peelRunner } from './sql-frameworks.js';
import { codeOf } from './sql-orm.js';
import { callsCredentialSdk } from '../normalize/codescan-sdk-credentials.js';

/** Interpreters whose arguments or stdin are code. */
const INTERPRETER = /^(python[\d.]*|node|nodejs|deno|bun|ruby|perl|php[\d.]*)$/;

/** Longest code read (chars); longer code is not read here. */
const MAX_CODE = 256 * 1024;

/**
 * A call that opens a raw connection (not a database or HTTP client's `connect(…)`): Python's
 * `create_connection(…)` and `.connect((host, port))`, Node's `net|tls.connect(…)` or a
 * connect with the port first, Ruby's `TCPSocket.new`, Perl's `IO::Socket::INET->new`,
 * PHP's `fsockopen` / `stream_socket_client`. The host is the first string literal after it.
 */
const CONNECT = new RegExp(
  [
    String.raw`\bcreate_connection\s*\(`,
    String.raw`\.connect(?:_ex)?\s*\(\s*\(`,
    String.raw`\b(?:net|tls)\.(?:connect|createConnection)\s*\(`,
    String.raw`\.(?:connect|createConnection)\s*\(\s*\d`,
    String.raw`\b(?:TCPSocket|UDPSocket|SSLSocket)\.(?:new|open)\b`,
    String.raw`\bIO::Socket::(?:INET6?|IP|SSL)->new\b`,
    String.raw`\b(?:fsockopen|stream_socket_client)\s*\(`,
  ].join('|'),
  'g',
);

/** A send on a socket or stream (Ruby and Perl calls need no parentheses). */
const SEND = /\.(?:send|sendall|sendto|write|puts|print|syswrite|end)\b|\bfwrite\s*\(|\bprint\s*\{?\s*\$\w+/;

/** One read of an environment variable by name, in any of the languages; group 1 or 2 = the name. */
const ENV_READ =
  /(?:os\.environ\s*(?:\[|\.get\s*\()|os\.getenv\s*\(|process\.env\s*\[|ENV(?:\.fetch\s*\(|\[)|\$_ENV\s*\[|getenv\s*\()\s*['"]([A-Za-z_]\w*)['"]|(?:process\.env\.|\$ENV\{)([A-Za-z_]\w*)/g;

/** The whole environment turned into data. */
const WHOLE_ENV =
  /\b(?:str|dict|repr|json\.dumps)\s*\(\s*os\.environ\s*\)|JSON\.stringify\s*\(\s*process\.env\s*\)|ENV\.to_h\b|%ENV\b/;

export interface SocketSend {
  /** Destination host; '' when the code computes it. */
  host: string;
  /** `env` = the whole environment; `file` = a credential file; otherwise the secret variable's name. */
  sent: string;
  /** The credential file read, as written in the code; '' unless `sent` is `file`. */
  file: string;
}

/** A call that reads a file, in any of the languages. */
const FILE_READ =
  /\bopen\b|\bread(?:File|FileSync|TextFile)\b|\bread_(?:text|bytes)\b|\bFile\.(?:read|open|binread)\b|\bIO\.read\b|\bfile_get_contents\b|\bfopen\b|\bcreateReadStream\b|\bslurp\b|\bBun\.file\b/;

/** A string literal's leading home directory as the languages write it (`$ENV{HOME}`, `${os.homedir()}`, `#{Dir.home}`). */
const HOME_PREFIX =
  /^(?:~|\$HOME|\$\{HOME\}|\$ENV\{HOME\}|\$\{process\.env\.HOME\}|\$\{os\.homedir\(\)\}|#\{Dir\.home\}|#\{ENV\[['"]HOME['"]\]\})(?=\/|$)/;

/**
 * The first string literal that names a credential file: as written, after a home prefix, or
 * joined to the home directory the code computes (`os.environ['HOME'] + '/.netrc'`,
 * `path.join(os.homedir(), '.npmrc')`); '' = none.
 */
export function credentialLiteral(code: string, cmd: NormalizedCommand, ctx: AnalyzeContext): string {
  for (const m of code.matchAll(/(['"`])([^'"`\n]{1,200})\1/g)) {
    const lit = m[2].replace(HOME_PREFIX, '~');
    const joined = '~/' + lit.replace(/^\//, '');
    if (isCredentialPath(lit, cmd, ctx) || (/^\/?\./.test(lit) && isCredentialPath(joined, cmd, ctx)))
      return m[2];
  }
  return '';
}

/** The host named by a connect call at `at` (`('h', 9000)`, `(9000, 'h')`, `'tcp://h:9000'`); '' = not literal. */
function hostAt(code: string, at: number): string {
  const m =
    /^[\s(,\d{]*(?:(?:host|hostname|PeerAddr|PeerHost)['"]?\s*(?::|=>|=)\s*)?(['"])([^'"\s]{1,253})\1/.exec(
      code.slice(at, at + 200),
    );
  if (!m) return '';
  return m[2]
    .replace(/^[a-z]+:\/\//, '')
    .replace(/:\d+$/, '')
    .toLowerCase();
}

/** Secret environment or a credential file sent on a raw socket to another host by `cmd`'s inline code; empty = none. */
export function socketSends(cmd: NormalizedCommand, ctx: AnalyzeContext): SocketSend[] {
  const argv = peelRunner(cmd.argv);
  if (!INTERPRETER.test((argv[0] ?? '').split('/').pop() ?? '')) return [];
  const code = codeOf({ ...cmd, argv });
  if (code.length > MAX_CODE || !SEND.test(code)) return [];
  const hosts = [...code.matchAll(CONNECT)].map((m) => hostAt(code, (m.index ?? 0) + m[0].length));
  const remote = hosts.filter((h) => !h || !isLocalHost(h));
  if (!remote.length) return [];
  const names = [...code.matchAll(ENV_READ)].map((m) => m[1] ?? m[2]).filter(isSecretName);
  const sent = WHOLE_ENV.test(code) ? 'env' : names[0];
  if (sent) return remote.map((host) => ({ host, sent, file: '' }));
  // cloud credentials an SDK gives (`boto3.Session().get_credentials()`) are the credential files' content
  const file = callsCredentialSdk(code)
    ? 'cloud SDK credentials'
    : FILE_READ.test(code)
      ? credentialLiteral(code, cmd, ctx)
      : '';
  return file ? remote.map((host) => ({ host, sent: 'file', file })) : [];
}
