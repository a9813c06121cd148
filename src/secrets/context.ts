/**
 * Secrets recognised by context: a key name that says "secret" (`*_TOKEN`, `*_SECRET`,
 * `*_KEY`, `*PASSWORD*`, `*_PASS`, `*_PWD`, `AUTH`, `CREDENTIALS`…) in env files, shell,
 * JSON, YAML, TOML, INI and command-line flags, plus `Authorization:` headers, `Bearer x`
 * and `curl -u user:pass`; context-flags.ts adds the single-dash and program-keyed password
 * options (`-pw X`, `sqsh -P X`, `gs-netcat -s X`). This is what catches an opaque token such as a UUID.
 */
import { FLAG_CONTEXTS } from './context-flags.js';
import type { SecretPattern } from './formats.js';
import { ahead, alt, behind, cls, lit, opt, seq, type Node } from './pattern.js';

const NAME_CHAR = '[A-Za-z0-9_.-]';

/** The part of a key name that marks it secret. */
const SECRET_SUFFIX: Node = alt(
  seq(
    behind('(?<![A-Za-z0-9])'),
    lit(
      'TOKEN',
      'TOKENS',
      'token',
      'tokens',
      'SECRET',
      'SECRETS',
      'secret',
      'secrets',
      'PASS',
      'pass',
      'PWD',
      'pwd',
    ),
  ),
  seq(
    behind('(?<![A-Za-z0-9])'),
    lit('AUTH', 'auth', 'CREDENTIALS', 'CREDENTIAL', 'credentials', 'credential', 'APIKEY', 'apikey'),
  ),
  seq(
    behind('(?<![A-Z])'),
    lit('Token', 'Tokens', 'Secret', 'Pass', 'Pwd', 'Auth', 'Credentials', 'Credential', 'Apikey', 'ApiKey'),
  ),
  seq(behind('(?<=[A-Za-z0-9][_.-])'), lit('KEY', 'key', 'Key')),
  seq(behind('(?<=[a-z0-9])'), lit('Key')),
  // *PASSWORD* anywhere in the name
  seq(
    lit(
      'PASSWORD',
      'Password',
      'password',
      'PASSWD',
      'Passwd',
      'passwd',
      'PASSPHRASE',
      'Passphrase',
      'passphrase',
    ),
    cls('[A-Za-z0-9_]', 0, 24),
  ),
);

/** A key name of `chars` ending in a secret marker; must not start inside a word or after `$`. */
const keyName = (chars: string): Node =>
  seq(behind('(?<![A-Za-z0-9_.$-])'), cls(chars, 0, 60, true), SECRET_SUFFIX);

/** A whole key name ending in a secret marker. */
const NAME: Node = keyName(NAME_CHAR);
/**
 * A shell or environment variable name (letters, digits, `_`): the `NAME=value` style only.
 * A dotted or dashed name before `=` is code (`b.getToken=function(){return …` in minified
 * JavaScript), never an assignment a shell or an env file makes; a properties file's
 * `db.password=…` ends its line and is the `code` style's.
 */
const ENV_NAME: Node = keyName('[A-Za-z0-9_]');

/** `NAME=`, `NAME :=`, `"name" =>`, `"name": `, `name: ` */
const SEP: Node = seq(
  cls('["\']', 0, 1),
  cls('[ \\t]', 0, 8),
  alt(lit(':=', '=>', '=', ':')),
  cls('[ \\t]', 0, 8),
);

/**
 * What follows a key name that SEP or SHELL_SEP can come after (the name ends where the run
 * of NAME_CHAR ends, as neither starts with one): the scanner's cheap filter. `$`: the
 * input may end there (a separator still to come in the next chunk).
 */
const SEP_AHEAD = `["']?[ \\t]{0,8}(?:[=:]|$)`;

/**
 * SEP_AHEAD for the shell/env style: its name (ENV_NAME, inside the run of NAME_CHAR) is
 * followed by `=` or `:=` right away, so the run ends there. As a family of its own it is
 * tried only where that holds, not at every `name: type` of code.
 */
const ENV_SEP_AHEAD = `[:]?(?:[=]|$)`;

/** Shell/env style: `NAME=value` with nothing around `=`. */
const SHELL_SEP: Node = seq(lit('=', ':='));
/** Unquoted value in env/shell style: up to whitespace, a quote or a shell operator. */
const SHELL_VALUE = '[^\\s\'"`;,&|<>]';
/** Unquoted value in YAML/code style: also stops at brackets, so `key: fn(x)` is not taken for a value. */
const CODE_VALUE = '[^\\s\'"`;,&|<>()[\\]{}]';

/** Words (case-insensitive) every key-name match contains. */
const NAME_TRIGGERS = ['token', 'secret', 'pass', 'pwd', 'key', 'auth', 'credential'];

function keyed(style: 'dq' | 'sq' | 'env' | 'code'): SecretPattern {
  const q = style === 'dq' ? '"' : "'";
  const quoted = style === 'dq' || style === 'sq';
  const value =
    style === 'env'
      ? [cls(SHELL_VALUE, 1, 512)]
      : style === 'code'
        ? [cls(CODE_VALUE, 1, 512)]
        : [cls(style === 'dq' ? '[^"\\n]' : "[^'\\n]", 1, 512)];
  return {
    id: `named-${style}`,
    title: 'value of a secret-named key (NAME=…, "name": "…", name: …)',
    kind: 'context',
    lead: quoted ? [NAME, SEP, lit(q)] : style === 'env' ? [ENV_NAME, SHELL_SEP] : [NAME, SEP],
    value,
    // An unquoted `name: value` / `name = value` counts only when the value ends the line
    // (YAML, INI, TOML, properties): in code, `token: keyword,` or `key = fn(x)` is an expression.
    // While more may follow, the end of the buffer is not the end of the line (`mid`): blanks
    // there leave the match undecided (`partial`), so a stream holds the value back.
    tail: quoted
      ? [lit(q)]
      : style === 'code'
        ? [
            ahead('(?=[ \\t]*(?:[\\r\\n#]|$))', {
              partial: '(?=[ \\t]*$)',
              mid: '(?=[ \\t]*[\\r\\n#])',
            }),
          ]
        : [],
    vet: 'strict',
    trigger: NAME_TRIGGERS,
    back: NAME_CHAR,
    follow: style === 'env' ? ENV_SEP_AHEAD : SEP_AHEAD,
  };
}

export const CONTEXTS: SecretPattern[] = [
  {
    id: 'authorization',
    title: 'Authorization header (Bearer/Basic/token …)',
    kind: 'context',
    lead: [
      behind('(?<![A-Za-z0-9_-])'),
      lit('Authorization', 'authorization', 'AUTHORIZATION', 'Proxy-Authorization', 'proxy-authorization'),
      cls('["\']', 0, 1),
      cls('[ \\t]', 0, 4),
      lit(':', '='),
      cls('[ \\t]', 0, 4),
      opt(
        seq(
          lit(
            'Bearer',
            'bearer',
            'BEARER',
            'Basic',
            'basic',
            'Token',
            'token',
            'Bot',
            'Key',
            'SSWS',
            'Splunk',
            'OAuth',
            'Negotiate',
          ),
          cls('[ \\t]', 1, 4),
        ),
      ),
    ],
    value: [cls('[^\\s\'"`,;]', 4, 4096)],
    tail: [],
    vet: 'strict',
    trigger: ['auth'],
    back: NAME_CHAR,
    follow: SEP_AHEAD,
  },
  keyed('dq'),
  keyed('sq'),
  keyed('env'),
  keyed('code'),
  {
    id: 'flag',
    title: 'secret command-line flag (--token X, --api-key=X, --password X)',
    kind: 'context',
    lead: [
      behind('(?<![A-Za-z0-9_-])'),
      lit('--'),
      cls(NAME_CHAR, 0, 40, true),
      SECRET_SUFFIX,
      cls('[ \\t]', 1, 4),
    ],
    value: [cls(SHELL_VALUE, 1, 512)],
    tail: [],
    vet: 'strict',
    trigger: NAME_TRIGGERS,
    back: NAME_CHAR,
    follow: '[ \\t]',
  },
  {
    id: 'bearer',
    title: 'Bearer token',
    kind: 'context',
    lead: [behind('(?<![A-Za-z0-9_])'), lit('Bearer', 'bearer', 'BEARER'), cls('[ \\t]', 1, 4)],
    value: [cls('[A-Za-z0-9._~+/=-]', 8, 4096)],
    tail: [],
    vet: 'opaque',
    trigger: ['bearer'],
  },
  {
    id: 'basic-auth',
    title: 'curl -u user:password',
    kind: 'context',
    lead: [
      behind('(?<=[\\s"\'])'),
      lit('-u', '--user'),
      cls('[ \\t=]', 1, 4),
      cls('[^\\s:\'"]', 1, 128),
      lit(':'),
    ],
    value: [cls('[^\\s\'"]', 1, 256)],
    tail: [],
    vet: 'strict',
    trigger: ['-u'],
  },
  // single-dash and program-keyed password options, impacket's user:password@target
  ...FLAG_CONTEXTS,
];
