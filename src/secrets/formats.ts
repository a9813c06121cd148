/**
 * Known secret formats, recognised by their shape alone. Each entry is one format; the
 * value part is what gets replaced. Formats here complement the recommended secretlint
 * preset (which the workspace scan also runs) and cover what it misses: Stripe keys,
 * GCP API keys, AWS key ids, connection strings with passwords, and more.
 */
import { ahead, alt, behind, cls, lit, seq, type Node } from './pattern.js';

/** One secret format or key-name context. */
export interface SecretPattern {
  /** Stable id; also the NAME in `agentfw:masked:NAME` unless the context names the value. */
  id: string;
  /** Human name, for the recall table and docs. */
  title: string;
  /** `format`: the value's shape identifies it; `context`: a key name or header says it is a secret. */
  kind: 'format' | 'context';
  /** Nodes before the value that stay visible (boundaries, key names, `scheme://user:`). Empty = none. */
  lead: Node[];
  /** The secret itself: replaced by the placeholder. */
  value: Node[];
  /** Nodes after the value that stay visible (closing quote, `@host`, boundaries). Empty = none. */
  tail: Node[];
  /**
   * How a matched value is vetted: `strict` rejects placeholders, references and code
   * expressions (`${VAR}`, `changeme`, `config.apiKey`); `opaque` is `strict` and also needs a
   * random-looking value (a digit, or mixed case); `filler` only rejects runs like
   * `sk_live_xxxxxxxx`. Empty/absent = `filler`.
   */
  vet?: 'strict' | 'opaque' | 'filler';
  /**
   * Literals (matched case-insensitively) that every match contains; the scanner only
   * tries the pattern where one occurs. Empty = the first literal of `value`.
   */
  trigger?: string[];
  /**
   * Character class the match may extend *backwards* over from the trigger (a key name
   * before `TOKEN`, a scheme before `://`). Empty = the match starts at the trigger.
   */
  back?: string;
  /**
   * With `back`: a regex the text right after the run of `back` characters around the
   * trigger must match (e.g. a separator after a key name). A cheap filter; the pattern
   * itself still decides. Empty = no filter.
   */
  follow?: string;
  /**
   * A cheap filter for a lead that looks back for a program's name: no match starts where
   * none of `programs` stands earlier on the same command, the look back ending `at` chars
   * after the match's start (see program-before.ts, which answers as that regex does). The
   * pattern itself still decides. Absent = no filter.
   */
  before?: { programs: readonly string[]; at: number };
  /**
   * Mask under the pattern id rather than the key name in the lead (a lead that starts at a
   * program's name, not at the option). Absent = the key name for contexts, the id for formats.
   */
  nameIsId?: boolean;
}

const AN = '[A-Za-z0-9]';
const B64URL = '[A-Za-z0-9_-]';
const START = behind('(?<![A-Za-z0-9_])');
const END = ahead('(?![A-Za-z0-9])');
const ENDW = ahead('(?![A-Za-z0-9_-])');

const fmt = (
  id: string,
  title: string,
  value: Node[],
  lead: Node[] = [START],
  tail: Node[] = [],
): SecretPattern => ({
  id,
  title,
  kind: 'format',
  lead,
  value,
  tail,
});

/** PEM private key body: base64, headers (`Proc-Type: 4,ENCRYPTED`), JSON `\n` escapes. */
const PEM_BODY = '[A-Za-z0-9+/=\\s\\\\:,.-]';
const PEM_END = '-----END[A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----';

export const FORMATS: SecretPattern[] = [
  fmt(
    'private-key',
    'PEM private key block',
    [
      lit('-----BEGIN '),
      cls('[A-Z0-9 ]', 0, 40),
      lit('PRIVATE KEY-----', 'PRIVATE KEY BLOCK-----'),
      // Lazily up to the END line, or to the first character that cannot be in a key body
      // (a truncated `head id_rsa` is still masked).
      {
        raw: `${PEM_BODY}{0,16384}?(?:${PEM_END}|(?!${PEM_BODY}))`,
        partial: `${PEM_BODY}{0,16384}$`,
        max: 16384,
      },
    ],
    [],
    [],
  ),
  fmt(
    'aws-access-key-id',
    'AWS access key id (AKIA/ASIA…)',
    [
      lit('AKIA', 'ASIA', 'AGPA', 'AIDA', 'AROA', 'AIPA', 'ANPA', 'ANVA', 'ABIA', 'ACCA'),
      cls('[A-Z0-9]', 16, 16),
    ],
    [behind('(?<![A-Za-z0-9])')],
    [END],
  ),
  fmt('github-token', 'GitHub token (ghp_/gho_/ghs_/ghu_/ghr_)', [
    lit('ghp_', 'gho_', 'ghs_', 'ghu_', 'ghr_'),
    cls(AN, 36, 255),
  ]),
  fmt('github-pat', 'GitHub fine-grained token (github_pat_)', [
    lit('github_pat_'),
    cls('[A-Za-z0-9_]', 22, 255),
  ]),
  fmt('gitlab-token', 'GitLab token (glpat-…)', [
    lit('glpat-', 'gldt-', 'glrt-', 'glptt-', 'glcbt-', 'glsoat-', 'glffct-', 'glimt-', 'glagent-', 'gloas-'),
    cls(B64URL, 20, 255),
  ]),
  fmt('slack-token', 'Slack token (xoxb-/xoxp-/…)', [
    lit('xoxa-', 'xoxb-', 'xoxp-', 'xoxr-', 'xoxs-', 'xoxe-', 'xoxe.xoxp-', 'xapp-'),
    cls('[A-Za-z0-9-]', 10, 255),
  ]),
  fmt(
    'slack-webhook',
    'Slack webhook URL',
    [
      lit('https://hooks.slack.com/'),
      lit('services/', 'workflows/', 'triggers/'),
      cls('[A-Za-z0-9/_-]', 20, 200),
    ],
    [],
  ),
  fmt('stripe-key', 'Stripe secret/restricted key (sk_live_/rk_live_/sk_test_)', [
    lit('sk_live_', 'sk_test_', 'rk_live_', 'rk_test_', 'whsec_'),
    cls(AN, 16, 255),
  ]),
  fmt('anthropic-key', 'Anthropic API key (sk-ant-)', [lit('sk-ant-'), cls(B64URL, 20, 255)]),
  {
    ...fmt('openai-key', 'OpenAI API key (sk-proj-/sk-…)', [
      alt(
        seq(lit('sk-proj-', 'sk-svcacct-', 'sk-admin-', 'sk-None-'), cls(B64URL, 20, 255)),
        seq(lit('sk-'), cls(AN, 32, 255)),
      ),
    ]),
    trigger: ['sk-'],
  },
  fmt('npm-token', 'npm access token (npm_)', [lit('npm_'), cls(AN, 36, 36)], [START], [END]),
  fmt('gcp-api-key', 'Google/GCP API key (AIza…)', [lit('AIza'), cls(B64URL, 35, 35)], [START], [ENDW]),
  fmt('gcp-oauth-secret', 'Google OAuth client secret (GOCSPX-)', [lit('GOCSPX-'), cls(B64URL, 20, 64)]),
  fmt('jwt', 'JSON Web Token', [
    lit('eyJ'),
    cls(B64URL, 5, 4096),
    lit('.eyJ'),
    cls(B64URL, 5, 8192),
    lit('.'),
    cls(B64URL, 0, 2048),
  ]),
  fmt('sendgrid-key', 'SendGrid API key (SG.)', [
    lit('SG.'),
    cls(B64URL, 22, 22),
    lit('.'),
    cls(B64URL, 43, 43),
  ]),
  fmt(
    'twilio-key',
    'Twilio API key (SK…)',
    [lit('SK'), cls('[0-9a-f]', 32, 32)],
    [behind('(?<![A-Za-z0-9])')],
    [END],
  ),
  fmt('mailgun-key', 'Mailgun API key (key-…)', [lit('key-'), cls('[0-9a-f]', 32, 32)], [START], [END]),
  fmt('huggingface-token', 'Hugging Face token (hf_)', [lit('hf_'), cls(AN, 30, 60)]),
  fmt('digitalocean-token', 'DigitalOcean token (dop_v1_)', [
    lit('dop_v1_', 'doo_v1_', 'dor_v1_'),
    cls('[a-f0-9]', 64, 64),
  ]),
  fmt('shopify-token', 'Shopify token (shpat_)', [
    lit('shpat_', 'shpca_', 'shppa_', 'shpss_'),
    cls('[a-fA-F0-9]', 32, 32),
  ]),
  fmt('pypi-token', 'PyPI upload token (pypi-)', [lit('pypi-AgEIcHlwaS5vcmc'), cls(B64URL, 30, 255)]),
  fmt('dockerhub-token', 'Docker Hub token (dckr_pat_)', [lit('dckr_pat_'), cls(B64URL, 20, 100)]),
  fmt('linear-key', 'Linear API key (lin_api_)', [lit('lin_api_'), cls(AN, 32, 64)]),
  fmt('vault-token', 'HashiCorp Vault token (hvs.)', [lit('hvs.', 'hvb.'), cls(B64URL, 24, 255)]),
  fmt('databricks-token', 'Databricks token (dapi)', [lit('dapi'), cls('[a-f0-9]', 32, 32)], [START], [END]),
  fmt('supabase-token', 'Supabase access token (sbp_)', [lit('sbp_'), cls('[a-f0-9]', 40, 40)]),
  fmt('age-secret-key', 'age secret key', [lit('AGE-SECRET-KEY-1'), cls('[0-9A-Z]', 58, 58)]),
  fmt('postman-key', 'Postman API key (PMAK-)', [
    lit('PMAK-'),
    cls('[a-f0-9]', 24, 24),
    lit('-'),
    cls('[a-f0-9]', 34, 34),
  ]),
  fmt('grafana-token', 'Grafana service account token (glsa_)', [
    lit('glsa_'),
    cls(AN, 32, 32),
    lit('_'),
    cls('[a-f0-9]', 8, 8),
  ]),
  fmt('newrelic-key', 'New Relic user key (NRAK-)', [lit('NRAK-'), cls('[A-Z0-9]', 27, 27)]),
  fmt('atlassian-token', 'Atlassian API token (ATATT)', [lit('ATATT3'), cls('[A-Za-z0-9_=-]', 100, 300)]),
  // scheme://user:PASSWORD@host — connection strings and Basic auth in URLs. Only the
  // password is replaced; scheme, user and host stay readable.
  {
    id: 'url-password',
    title: 'password in a URL (postgres://, mysql://, mongodb+srv://, redis://, https://user:pass@)',
    kind: 'format',
    lead: [
      behind('(?<![A-Za-z0-9+.-])'),
      cls('[A-Za-z]', 1, 1),
      cls('[A-Za-z0-9+.-]', 1, 24),
      lit('://'),
      cls('[^\\s:/?#@\'"`<>]', 0, 128),
      lit(':'),
    ],
    value: [cls('[^\\s/?#@\'"`<>]', 1, 256)],
    tail: [lit('@'), cls('[A-Za-z0-9[]', 1, 1)],
    vet: 'strict',
    trigger: ['://'],
    back: '[A-Za-z0-9+.-]',
  },
  // netrc / .git-credentials style: `machine h login u password VALUE` (one line or many).
  {
    id: 'netrc-password',
    title: 'netrc password (machine … login … password VALUE)',
    kind: 'context',
    // at a line's start (multi-line netrc) or after `login USER` (one-line netrc), not in prose
    lead: [
      behind('(?<=(?:^|\\n)[ \\t]{0,16}|\\blogin[ \\t]{1,8}\\S{1,256}[ \\t]{1,8})'),
      lit('password', 'passwd'),
      cls('[ \\t]', 1, 8),
    ],
    value: [cls('[^\\s\'"`]', 1, 512)],
    tail: [ahead('(?=\\s|$)')],
    vet: 'strict',
    trigger: ['password', 'passwd'],
  },
];
