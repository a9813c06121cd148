/**
 * AWS Tools for PowerShell: each cmdlet is one AWS API call, named `Verb-PREFIXNoun` from the
 * operation (`Remove-EC2Snapshot` = DeleteSnapshot, `Request-KMSKeyDeletion` =
 * ScheduleKeyDeletion, `Grant-EC2SecurityGroupIngress` = AuthorizeSecurityGroupIngress) with
 * the request's members as parameters (`-SnapshotId`, `-EnableTerminationProtection $false`).
 * Such a cmdlet also runs as the aws CLI call it makes (`aws ec2 delete-snapshot --snapshot-id
 * …`), so the aws readers judge it as they judge that call. Read-only verbs (Get, Find, Test, …)
 * and `-WhatIf` are not translated. Pure.
 */
import { emit, type K } from './emit.js';
import { hashtable, lex } from './pwsh-lex.js';
import { lit, type Field } from './state.js';

/** Module prefix → aws CLI service. */
const SERVICES: Record<string, string> = {
  EC2: 'ec2',
  S3: 's3api',
  RDS: 'rds',
  KMS: 'kms',
  CT: 'cloudtrail',
  GD: 'guardduty',
  CFN: 'cloudformation',
  IAM: 'iam',
  LM: 'lambda',
  DDB: 'dynamodb',
  SQS: 'sqs',
  SNS: 'sns',
  CWL: 'logs',
  CW: 'cloudwatch',
  CWE: 'events',
  EVB: 'events',
  CFG: 'configservice',
  SEC: 'secretsmanager',
  SSM: 'ssm',
  ECR: 'ecr',
  ECS: 'ecs',
  EKS: 'eks',
  R53: 'route53',
  BAK: 'backup',
  EFS: 'efs',
  ELB: 'elb',
  ELB2: 'elbv2',
  AS: 'autoscaling',
  SHUB: 'securityhub',
  WAF2: 'wafv2',
  KIN: 'kinesis',
  KINF: 'firehose',
  RS: 'redshift',
  EC: 'elasticache',
  ORG: 'organizations',
  ACM: 'acm',
  CF: 'cloudfront',
  SFN: 'stepfunctions',
  GLUE: 'glue',
  EMR: 'emr',
  DLM: 'dlm',
  FSX: 'fsx',
  INS2: 'inspector2',
  MAC2: 'macie2',
  CGIP: 'cognito-idp',
  AG: 'apigateway',
  AG2: 'apigatewayv2',
  EB: 'elasticbeanstalk',
  DS: 'ds',
  IAMAA: 'accessanalyzer',
  OS: 'opensearch',
  ES: 'es',
  DOC: 'docdb',
  NPT: 'neptune',
  CB: 'codebuild',
  CC: 'codecommit',
  CP: 'codepipeline',
  CD: 'deploy',
  ATH: 'athena',
  LS: 'lightsail',
  MQ: 'mq',
  SES: 'ses',
  SES2: 'sesv2',
  WKS: 'workspaces',
  SG: 'storagegateway',
  DC: 'directconnect',
  TFR: 'transfer',
  S3C: 's3control',
};

/** PowerShell verb → the API verb it stands for; a verb absent here is not translated (reads: Get, Find, Test …). */
const VERBS: Record<string, string> = {
  remove: 'delete',
  stop: 'stop',
  start: 'start',
  restart: 'reboot',
  grant: 'authorize',
  revoke: 'revoke',
  unregister: 'deregister',
  register: 'register',
  disable: 'disable',
  enable: 'enable',
  update: 'update',
  edit: 'modify',
  reset: 'reset',
  clear: 'purge',
  write: 'put',
  set: 'set',
  new: 'create',
  dismount: 'detach',
  restore: 'restore',
  copy: 'copy',
  publish: 'publish',
  invoke: 'invoke',
  send: 'send',
  request: 'request',
  add: 'add',
  cancel: 'cancel',
  import: 'import',
  suspend: 'suspend',
  resume: 'resume',
};

/** Operations whose API name differs from the verb and noun (service noun → op). */
const OPS: Record<string, string> = {
  'ec2 delete-instance': 'terminate-instances',
  'ec2 stop-instance': 'stop-instances',
  'ec2 start-instance': 'start-instances',
  'ec2 reboot-instance': 'reboot-instances',
  'ec2 delete-tag': 'delete-tags',
  'ec2 create-tag': 'create-tags',
  's3api delete-object': 'delete-objects',
};

/** PowerShell's common parameters and AWS Tools' own: not part of the request (`-Select` takes a value). */
const DROPPED = /^(force|passthru|whatif|confirm|verbose|debug|noautoiteration|asjob|deletebucketcontent)$/i;
const DROPPED_VALUE =
  /^(select|credential|accesskey|secretkey|sessiontoken|profilelocation|networkcredential)$/i;
/** AWS Tools' names for the CLI's global options, and members it names otherwise (`-BucketName`: S3's `--bucket`). */
const RENAMED: Record<string, string> = {
  region: 'region',
  profilename: 'profile',
  endpointurl: 'endpoint-url',
  bucketname: 'bucket',
};
/** Members AWS Tools names in the singular (`-IpPermission`) where the CLI has the plural. */
const PLURAL = new Set([
  'ip-permission',
  'pending-window-in-day',
  'owner-id',
  'group-name',
  'tag',
  'parameter',
]);

/** `SecurityGroupIngress` → `security-group-ingress`, `DBInstance` → `db-instance`. */
export function kebab(s: string): string {
  return s
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase();
}

/** The service and noun of a cmdlet noun (`EC2Snapshot` → ec2, Snapshot); undefined = no AWS prefix. */
export function awsNoun(noun: string): { service: string; rest: string } | undefined {
  const prefix = Object.keys(SERVICES)
    .filter((p) => noun.startsWith(p) && /^[A-Z]/.test(noun.slice(p.length)))
    .sort((a, b) => b.length - a.length)[0];
  return prefix ? { service: SERVICES[prefix], rest: noun.slice(prefix.length) } : undefined;
}

/** The CLI operation of a verb and noun (`Request` + `KeyDeletion` → `schedule-key-deletion`). */
function operation(verb: string, service: string, rest: string): string | undefined {
  const v = verb.toLowerCase();
  const api = VERBS[v];
  if (!api) return undefined;
  const noun = kebab(rest);
  if (v === 'request' && /-?deletion$/.test(noun)) return `schedule-${noun}`;
  // IAM attaches and detaches managed policies with Register-/Unregister-
  if (service === 'iam' && /policy$/.test(noun) && (v === 'register' || v === 'unregister'))
    return `${v === 'register' ? 'attach' : 'detach'}-${noun}`;
  // S3's Put operations are Set-/Add- cmdlets (`Add-S3PublicAccessBlock` = PutPublicAccessBlock)
  if (service === 's3api' && (v === 'set' || v === 'add')) return `put-${noun}`;
  const op = `${api}-${noun}`;
  return OPS[`${service} ${op}`] ?? op;
}

/**
 * A hashtable value (`@{IpProtocol='tcp'; FromPort=22; IpRanges='0.0.0.0/0'}`) in the CLI's
 * shorthand (`IpProtocol=tcp,FromPort=22,IpRanges=[{CidrIp=0.0.0.0/0}]`); undefined = not a literal.
 */
function shorthand(raw: string): Field | undefined {
  const entries = hashtable(raw);
  if (!entries) return undefined;
  const text = entries
    .map(({ key, value }) => {
      // `@('a','b')` or `'a','b'`: a list
      const list = value.raw.replace(/^@\(([\s\S]*)\)$/, '$1');
      const items = (lex(list)[0]?.[0] ?? [value])
        .flatMap((w) => w.text.split(','))
        .map((t) => t.trim())
        .filter(Boolean);
      if (/^ipranges$/i.test(key)) return `${key}=[${items.map((c) => `{CidrIp=${c}}`).join(',')}]`;
      if (/^ipv6ranges$/i.test(key)) return `${key}=[${items.map((c) => `{CidrIpv6=${c}}`).join(',')}]`;
      return `${key}=${items.length > 1 ? `[${items.join(',')}]` : (items[0] ?? value.text)}`;
    })
    .join(',');
  return { text, dynamic: entries.some((e) => e.value.dynamic) };
}

/** The aws CLI argv of an AWS Tools cmdlet; undefined = not one, or one that only reads. */
export function awsArgv(argv: Field[]): Field[] | undefined {
  const m = /^([A-Za-z]+)-([A-Z][A-Za-z0-9]+)$/.exec(argv[0]?.text ?? '');
  const noun = m ? awsNoun(m[2]) : undefined;
  const op = m && noun ? operation(m[1], noun.service, noun.rest) : undefined;
  if (!m || !noun || !op) return undefined;
  if (argv.some((a) => /^-whatif(:\$?true)?$/i.test(a.text))) return undefined;
  const out: Field[] = [lit('aws'), lit(noun.service), lit(op)];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    const p = /^-([A-Za-z][A-Za-z0-9_]*)(?::(.*))?$/s.exec(a.text);
    // `-Name:$false` read by bash is one word of a shell variable: PowerShell's literal
    const literal = p?.[2] !== undefined && /^\$(true|false)$/i.test(p[2]);
    if (!p || (a.dynamic && !literal)) {
      out.push(a);
      continue;
    }
    const next = argv[i + 1];
    const attached = p[2] !== undefined ? { text: p[2], dynamic: a.dynamic && !literal } : undefined;
    const takes = attached ?? (next && !/^-[A-Za-z]/.test(next.text) ? next : undefined);
    if (!attached && takes) i++;
    if (DROPPED.test(p[1]) || DROPPED_VALUE.test(p[1])) continue;
    // a nested member flattened (`-VersioningConfig_Status Suspended`): one structure, in shorthand
    const nested = /^([A-Za-z0-9]+)_(\w+)$/.exec(p[1]);
    if (nested) {
      const head = `--${kebab(nested[1]).replace(/-config$/, '-configuration')}`;
      const entry = `${nested[2].replace(/_/g, '.')}=${(takes?.text ?? 'true').replace(/^\$/, '')}`;
      const at = out.findIndex((f) => f.text === head);
      if (at < 0) out.push(lit(head), { text: entry, dynamic: !!takes?.dynamic && !literal });
      else out[at + 1] = { ...out[at + 1], text: `${out[at + 1].text},${entry}` };
      continue;
    }
    let name = RENAMED[p[1].toLowerCase()] ?? kebab(p[1]);
    if (PLURAL.has(name)) name += 's';
    if (!takes || /^\$true$/i.test(takes.text)) out.push(lit(`--${name}`));
    else if (/^\$false$/i.test(takes.text)) out.push(lit(`--no-${name}`));
    else {
      const short = takes.text.startsWith('@{') ? shorthand(takes.text) : undefined;
      out.push(lit(`--${name}`), short ?? takes);
    }
  }
  return out;
}

/** Emits the aws CLI call an AWS Tools cmdlet makes (the cmdlet itself is emitted by the caller). */
export function runAwsCmdlet(argv: Field[], k: K): void {
  const aws = awsArgv(argv);
  if (!aws) return;
  emit(aws, { ...k, frame: { ...k.frame, wrappers: [...k.frame.wrappers, argv[0].text] } });
}
