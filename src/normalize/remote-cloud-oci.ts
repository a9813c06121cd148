/**
 * Oracle Cloud's run-command API, a remote carrier like ssh: `oci instance-agent command create
 * --target '{"instanceId": …}' --content '{"source": {"sourceType": "TEXT", "text": SCRIPT}}'`
 * (`--content file://P` reads the JSON from a file). The instance's agent runs the script (the
 * machine's OS decides the language: remote-cloud-payload.ts `guessLangs`), walked with
 * `remote: true`; the oci call itself stays a command of its own.
 * fail closed: a content not known here (a variable, a file not readable, JSON that does not
 * parse, a script in Object Storage: `OBJECT_STORAGE_URI` / `OBJECT_STORAGE_TUPLE`) asks.
 */
import type { Field, Res } from './state.js';
import { emit, type K } from './emit.js';
import { optionValue } from './tool-locators.js';
import { guessLangs, runScriptLines, unreadablePayload, valueText } from './remote-cloud-payload.js';

/** The script text of a run command's content JSON; undefined = not readable here. */
function contentScript(json: string): string | undefined {
  try {
    const o = JSON.parse(json) as { source?: { sourceType?: unknown; text?: unknown } };
    const src = o?.source;
    return src && /^TEXT$/i.test(String(src.sourceType ?? 'TEXT')) && typeof src.text === 'string'
      ? src.text
      : undefined;
  } catch {
    return undefined;
  }
}

/** `oci [global opts] instance-agent command create … --content C`; undefined = another oci command. */
function oci(argv: Field[], k: K): Res | undefined {
  const at = argv.findIndex(
    (a, i) =>
      a.text === 'instance-agent' && argv[i + 1]?.text === 'command' && argv[i + 2]?.text === 'create',
  );
  if (at < 0) return undefined;
  const args = argv.slice(at + 3);
  const content = optionValue(args, ['--content']);
  const target = optionValue(args, ['--target'])?.text ?? '';
  const instance = /"instanceId"\s*:\s*"([^"]+)"/.exec(target)?.[1] ?? '';
  const label = `oci instance-agent command create ${instance}`.trim();
  let carried: Res;
  if (!content) {
    // fail closed: the content given some other way (`--from-json`) is not read here
    if (!args.some((a) => /^--from-json(=|$)/.test(a.text))) return undefined;
    carried = unreadablePayload('the content of --from-json', label, k);
  } else {
    const json = valueText(content, k, ['file://']);
    const script = json === undefined ? undefined : contentScript(json);
    if (script === undefined) carried = unreadablePayload(content.text, label, k);
    else {
      carried = {};
      for (const lang of guessLangs(script)) carried = runScriptLines([script], lang, label, k);
    }
  }
  emit(argv, k);
  return carried;
}

/** program → remote handler; undefined = not a command sent to a machine after all. */
export const OCI_REMOTE: Record<string, (argv: Field[], k: K) => Res | undefined> = { oci };
