/**
 * AWS's "run a command on a machine" APIs, remote carriers like ssh:
 * - `aws ssm send-command --document-name AWS-RunShellScript --parameters commands=[…]` (and
 *   `create-association|update-association --name DOC`): each command line runs on every
 *   instance the `--instance-ids` or `--targets` name; `AWS-RunPowerShellScript` lines are
 *   PowerShell. `--parameters` is JSON, shorthand (aws-shorthand.ts) or `file://P`.
 * - `aws ssm start-session --document-name AWS-StartInteractiveCommand --parameters command=…`.
 * - `aws ecs execute-command --command CMD` (in a task's container); `aws ecs run-task|start-task
 *   --overrides '{"containerOverrides":[{"command":[…]}]}'` (a new task runs that argv).
 * The aws command itself stays a command of its own; the carried code is walked with
 * `remote: true`. fail closed: a payload not known here (a file not readable, a variable, a
 * document whose code is fetched or defined elsewhere, `--cli-input-yaml`) is code that cannot
 * be read; `--parameters` for a document not named or not known here are read as shell lines.
 */
import type { Field, Res } from './state.js';
import { lit } from './state.js';
import { emit, type K } from './emit.js';
import { optionValue } from './tool-locators.js';
import { parseParamMap } from './aws-shorthand.js';
import { remoteArgv, remoteWords } from './remote-words.js';
import { runScriptLines, unreadablePayload, valueText, type ScriptLang } from './remote-cloud-payload.js';

/** The AWS CLI's global options that take a value (the service and operation are the first other words). */
const AWS_GLOBAL_VALUE = new Set(
  '--region --profile --output --endpoint-url --query --color --ca-bundle --cli-read-timeout --cli-connect-timeout --cli-binary-format'.split(
    ' ',
  ),
);

/** `aws [global opts] SERVICE OPERATION ARGS…` → [service, operation, ARGS]; undefined = no operation. */
function awsOperation(argv: Field[]): [string, string, Field[]] | undefined {
  const pos: number[] = [];
  for (let i = 1; i < argv.length && pos.length < 2; i++) {
    const t = argv[i].text;
    if (AWS_GLOBAL_VALUE.has(t)) i++;
    else if (!t.startsWith('-')) pos.push(i);
  }
  if (pos.length < 2) return undefined;
  return [argv[pos[0]].text, argv[pos[1]].text, argv.slice(pos[1] + 1)];
}

/**
 * SSM documents whose parameter is a script: the parameter's name and the script's language.
 * Their other parameters (`workingDirectory`, `executionTimeout`) are not code.
 */
const SCRIPT_DOCS: Record<string, { param: string; lang: ScriptLang }> = {
  'AWS-RunShellScript': { param: 'commands', lang: 'sh' },
  'AWS-RunPowerShellScript': { param: 'commands', lang: 'pwsh' },
  'AWS-StartInteractiveCommand': { param: 'command', lang: 'sh' },
  'AWS-StartNonInteractiveCommand': { param: 'command', lang: 'sh' },
};
/** SSM parameters of the script documents that are not code. */
const NOT_CODE = new Set(['workingDirectory', 'executionTimeout']);
/** AWS documents that run code the command does not carry (a script from S3 or GitHub, a playbook, a recipe, another document). */
const FETCHED_CODE =
  /^AWS-(RunRemoteScript|RunAnsiblePlaybook|ApplyAnsiblePlaybooks|ApplyChefRecipes|RunDocument|RunSaltState|ApplyDSCMofs|RunInspecChecks)$/;

/** `--cli-input-json` read as an object; undefined = not given; null = not readable. */
function cliInput(args: Field[], k: K): Record<string, unknown> | null | undefined {
  const v = optionValue(args, ['--cli-input-json']);
  if (!v) return undefined;
  const text = valueText(v, k, ['file://', 'fileb://']);
  try {
    const json: unknown = text === undefined ? null : JSON.parse(text);
    return json && typeof json === 'object' ? (json as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * What the evidence names for a payload not readable: the option, or the file it names;
 * never the value itself (a whole script, a URL with a password).
 */
const payloadName = (given: Field | undefined, opt: string) =>
  given && !given.dynamic && /^fileb?:\/\/[^\s]*$/.test(given.text) ? given.text : opt;

/** `aws ssm send-command|create-association|update-association|start-session` with a script document. */
function ssm(op: string, args: Field[], k: K): Res | undefined {
  const docOpt = op === 'send-command' || op === 'start-session' ? '--document-name' : '--name';
  const label =
    `aws ssm ${op} ${optionValue(args, ['--instance-ids', '--targets', '--target', '--association-id'])?.text ?? ''}`.trim();
  // fail closed: YAML input is not read here
  if (optionValue(args, ['--cli-input-yaml']))
    return unreadablePayload('the input of --cli-input-yaml', label, k);
  const input = cliInput(args, k);
  if (input === null) return unreadablePayload('--cli-input-json', label, k);
  const docField = optionValue(args, [docOpt]);
  const docName = docField?.text ?? String(input?.DocumentName ?? input?.Name ?? '');
  const given = optionValue(args, ['--parameters']);
  const hasParams = given !== undefined || input?.Parameters !== undefined;
  // a document named by a variable, or given only as an ARN to another account: not known
  if (docField?.dynamic) return unreadablePayload(`the document of ${docOpt}`, label, k);
  const doc = docName.replace(/^arn:[^/]*\//, '');
  const known = Object.hasOwn(SCRIPT_DOCS, doc) ? SCRIPT_DOCS[doc] : undefined;
  // start-session without a command document is an interactive shell or a port forward;
  // AWS's other documents (patching, packages, inventory) carry no code of the command's.
  const custom = doc !== '' && !/^(AWS|Amazon)[-.]/.test(doc);
  if (!known && op !== 'start-session' && op !== 'update-association' && (custom || FETCHED_CODE.test(doc)))
    return unreadablePayload(`the code of SSM document ${doc}`, label, k);
  // fail closed: parameters for a document not named (update-association keeps its current
  // one) or not known here: every value is read as a shell line
  if (!known && !(hasParams && (doc === '' || custom))) return undefined;
  const text = given
    ? valueText(given, k, ['file://', 'fileb://'])
    : input?.Parameters !== undefined
      ? JSON.stringify(input.Parameters)
      : '{}';
  const params = text === undefined ? undefined : parseParamMap(text);
  if (!params) return unreadablePayload(payloadName(given, 'the value of --parameters'), label, k);
  const lines: string[] = [];
  for (const [key, values] of params) {
    if (!known || key === known.param) lines.push(...values);
    // a key the document does not take is code too: `FOO=1 rm …` split off by the shorthand
    else if (!NOT_CODE.has(key)) lines.push(`${key}=${values.join(',')}`);
  }
  if (!lines.length) return undefined;
  return runScriptLines(lines, known?.lang ?? 'sh', label, k);
}

/** `aws ecs execute-command --command CMD`, `aws ecs run-task|start-task --overrides JSON`. */
function ecs(op: string, args: Field[], k: K): Res | undefined {
  const label = `aws ecs ${op} ${optionValue(args, ['--task', '--task-definition'])?.text ?? ''}`.trim();
  if (op === 'execute-command') {
    const cmd = optionValue(args, ['--command']);
    if (!cmd) return undefined;
    return remoteWords([cmd], label, k);
  }
  if (op !== 'run-task' && op !== 'start-task') return undefined;
  const given = optionValue(args, ['--overrides']);
  if (!given) return undefined;
  const text = valueText(given, k, ['file://', 'fileb://']);
  let overrides: { containerOverrides?: { command?: unknown }[] } | undefined;
  try {
    overrides = text === undefined ? undefined : JSON.parse(text);
  } catch {
    overrides = undefined;
  }
  // fail closed: overrides not readable as JSON may carry a command
  if (!overrides || typeof overrides !== 'object') return unreadablePayload(given.text, label, k);
  let res: Res | undefined;
  for (const c of overrides.containerOverrides ?? []) {
    const cmd = c?.command;
    if (Array.isArray(cmd) && cmd.length && cmd.every((w) => typeof w === 'string'))
      res = remoteArgv(
        cmd.map((w: string) => lit(w)),
        label,
        k,
      );
  }
  return res ?? {};
}

/** `aws …`: a command carried to instances or containers; undefined = none (an ordinary aws call). */
function aws(argv: Field[], k: K): Res | undefined {
  const op = awsOperation(argv);
  if (!op) return undefined;
  const [service, verb, args] = op;
  const carried =
    service === 'ssm' && /^(send-command|start-session|create-association|update-association)$/.test(verb)
      ? ssm(verb, args, k)
      : service === 'ecs'
        ? ecs(verb, args, k)
        : undefined;
  // the aws call itself stays a command of its own (its other options are judged as before)
  if (carried) emit(argv, k);
  return carried;
}

/** program → remote handler; undefined = not a command sent to a machine after all. */
export const AWS_REMOTE: Record<string, (argv: Field[], k: K) => Res | undefined> = { aws };
