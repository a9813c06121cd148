/**
 * Azure's "run a command on a machine" APIs, remote carriers like ssh:
 * - `az vm|vmss run-command invoke --command-id RunShellScript|RunPowerShellScript --scripts
 *   L1 L2…` (each word a line of one script; `@FILE` reads a file);
 * - `az vm|vmss|connectedmachine run-command create|update --script S` (`@FILE`; the machine's
 *   OS decides the language: remote-cloud-payload.ts `guessLangs`), `--script-uri U`;
 * - PowerShell's `Invoke-AzVMRunCommand|Invoke-AzVmssVMRunCommand -CommandId ID -ScriptString S`
 *   (or `-ScriptPath FILE`) and `Set-AzVMRunCommand -SourceScript S` (`-SourceScriptUri U`).
 * - `az aks command invoke --command C`, `az container exec --exec-command C`, `az containerapp
 *   exec --command C`: one command line in a cluster's pod or a container.
 * The az call itself stays a command of its own; the script is walked with `remote: true`.
 * fail closed: a script not known here (a file not readable, a variable, a URL) asks.
 */
import type { Field, Res } from './state.js';
import { absPath } from './state.js';
import { emit, type K } from './emit.js';
import { optionValue } from './tool-locators.js';
import { readFileText } from './producers.js';
import { remoteWords } from './remote-words.js';
import {
  guessLangs,
  optionWords,
  runScriptLines,
  unreadablePayload,
  valueText,
  type ScriptLang,
} from './remote-cloud-payload.js';

/** The language of a run-command `--command-id`; undefined = a built-in action that runs no script of the command's. */
function commandIdLang(id: string | undefined): ScriptLang | undefined {
  if (/^RunShellScript$/i.test(id ?? '')) return 'sh';
  if (/^RunPowerShellScript$/i.test(id ?? '')) return 'pwsh';
  return undefined;
}

/** Every language in `langs`, each walking `text`. */
function runAs(langs: ScriptLang[], lines: string[], label: string, k: K): Res {
  let res: Res = {};
  for (const lang of langs) res = runScriptLines(lines, lang, label, k);
  return res;
}

/** `az … run-command invoke|create|update …` (after `run-command`: the verb and its options). */
function azRunCommand(target: string, verb: string, args: Field[], k: K): Res | undefined {
  const machine =
    (optionValue(args, ['--vm-name', '--vmss-name', '--machine-name']) ?? optionValue(args, ['-n', '--name']))
      ?.text ?? '';
  const label = `az ${target} run-command ${verb} ${machine}`.trim();
  const id = optionValue(args, ['--command-id']);
  const lang = id && !id.dynamic ? commandIdLang(id.text) : undefined;
  // the evidence names the option, not the URL (a SAS token, a password)
  const uri = optionValue(args, ['--script-uri']);
  if (uri) return unreadablePayload('the script of --script-uri', label, k);
  const words = verb === 'invoke' ? optionWords(args, '--scripts') : optionWords(args, '--script');
  if (!words.length) return undefined;
  const lines: string[] = [];
  for (const w of words) {
    const text = valueText(w, k, ['@']);
    if (text === undefined) return unreadablePayload(w.text, label, k);
    lines.push(text);
  }
  // a built-in action (`IPConfig`) runs no script; fail closed: scripts given with a
  // command id not known here (a variable, a name not read here) are read as the machine's
  if (verb === 'invoke' && !lang && !id) return undefined;
  return runAs(lang ? [lang] : guessLangs(lines.join('\n')), lines, label, k);
}

/**
 * az commands that run one command line elsewhere: `aks command invoke --command C` (a pod with
 * the cluster's credentials), `container exec --exec-command C` (a container instance),
 * `containerapp exec --command C` (a container app's replica). Group words → the option.
 */
const AZ_EXEC: [string[], string][] = [
  [['aks', 'command', 'invoke'], '--command'],
  [['container', 'exec'], '--exec-command'],
  [['containerapp', 'exec'], '--command'],
];

/** `az [global opts] vm|vmss|connectedmachine run-command VERB …`, AZ_EXEC; undefined = another az command. */
function az(argv: Field[], k: K): Res | undefined {
  for (const [group, opt] of AZ_EXEC) {
    const g = argv.findIndex((_, i) => group.every((w, j) => argv[i + j]?.text === w));
    const cmd = g > 0 ? optionValue(argv.slice(g + group.length), [opt]) : undefined;
    if (!cmd) continue;
    const name = optionValue(argv.slice(g + group.length), ['-n', '--name'])?.text ?? '';
    const carried = remoteWords([cmd], `az ${group.join(' ')} ${name}`.trim(), k);
    emit(argv, k);
    return carried;
  }
  const at = argv.findIndex((a, i) => a.text === 'run-command' && i > 1);
  const target = argv[at - 1]?.text;
  const verb = argv[at + 1]?.text ?? '';
  if (at < 0 || !/^(vm|vmss|connectedmachine)$/.test(target ?? '') || !/^(invoke|create|update)$/.test(verb))
    return undefined;
  const carried = azRunCommand(target!, verb, argv.slice(at + 2), k);
  if (carried) emit(argv, k);
  return carried;
}

/** The value of a PowerShell parameter (`-Name V`, `-Name:V`; case-insensitive); undefined = not given. */
function psParam(args: Field[], name: string): Field | undefined {
  const lower = name.toLowerCase();
  for (let i = 0; i < args.length; i++) {
    const t = args[i].text.toLowerCase();
    if (t === lower) return args[i + 1];
    if (t.startsWith(`${lower}:`)) return { ...args[i], text: args[i].text.slice(name.length + 1) };
  }
  return undefined;
}

/** `Invoke-AzVMRunCommand …`, `Invoke-AzVmssVMRunCommand …`, `Set-AzVMRunCommand …`. */
function azPwsh(argv: Field[], k: K): Res | undefined {
  const args = argv.slice(1);
  const name = argv[0].text;
  const vm = psParam(args, '-VMName') ?? psParam(args, '-VMScaleSetName') ?? psParam(args, '-Name');
  const label = `${name} ${vm?.text ?? ''}`.trim();
  const uri = psParam(args, '-SourceScriptUri');
  if (uri) return unreadablePayload('the script of -SourceScriptUri', label, k);
  const inline = psParam(args, '-ScriptString') ?? psParam(args, '-SourceScript');
  const path = psParam(args, '-ScriptPath');
  let text: string | undefined;
  if (inline) text = inline.dynamic ? undefined : inline.text;
  else if (path) text = path.dynamic ? undefined : readFileText(absPath(k.scope.cwd, path.text), k);
  else return undefined;
  if (text === undefined) return unreadablePayload((inline ?? path)!.text, label, k);
  // fail closed: a script given with a command id not known here is read as the machine's
  const given = psParam(args, '-CommandId');
  const lang = given && !given.dynamic ? commandIdLang(given.text) : undefined;
  const carried = runAs(lang ? [lang] : guessLangs(text), [text], label, k);
  emit(argv, k);
  return carried;
}

/** program → remote handler; undefined = not a command sent to a machine after all. */
export const AZ_REMOTE: Record<string, (argv: Field[], k: K) => Res | undefined> = {
  az,
  // PowerShell's names are case-insensitive: remote.ts looks a Verb-Noun name up in lower case
  'invoke-azvmruncommand': azPwsh,
  'invoke-azvmssvmruncommand': azPwsh,
  'set-azvmruncommand': azPwsh,
};
