/**
 * Scripts Compute Engine runs on its machines, set through metadata: `gcloud compute instances
 * add-metadata VM --metadata startup-script=…` (at the machine's next boot), `instances create`,
 * `instance-templates create` (every machine made from it) and `project-info add-metadata`
 * (every machine of the project), with `--metadata K=V,…` or `--metadata-from-file K=FILE,…`.
 * The script keys: `startup-script`, `shutdown-script` (shell) and their `windows-*-ps1`
 * (PowerShell); the `*-url` ones and `windows-*-cmd|bat` are code not read here (fail closed).
 * The gcloud call itself stays a command of its own; the script is walked with `remote: true`.
 */
import type { Field, Res } from './state.js';
import { absPath } from './state.js';
import { emit, type K } from './emit.js';
import { readFileText } from './producers.js';
import { runScriptLines, unreadablePayload, type ScriptLang } from './remote-cloud-payload.js';

/** Metadata keys whose value is a script a machine runs, and its language. */
const SCRIPT_KEYS: Record<string, ScriptLang> = {
  'startup-script': 'sh',
  'shutdown-script': 'sh',
  'windows-startup-script-ps1': 'pwsh',
  'windows-shutdown-script-ps1': 'pwsh',
  'sysprep-specialize-script-ps1': 'pwsh',
};
/** Metadata keys of scripts not read here: fetched from a URL, or cmd.exe batch files. */
const UNREAD_KEYS =
  /^((windows-)?(startup|shutdown)-script-url|sysprep-specialize-script-url|windows-(startup|shutdown)-script-(cmd|bat)|sysprep-specialize-script-(cmd|bat))$/;

/**
 * gcloud's `K=V,K2=V2` (or `^D^K=V DK2=V2` with another delimiter): key → value. A piece with
 * no `=` belongs to the value before it (a script with a comma), so no text is lost.
 */
export function gcloudDict(text: string): Map<string, string> {
  let s = text;
  let delim = ',';
  const alt = /^\^([^^]+)\^/.exec(s);
  if (alt) {
    delim = alt[1];
    s = s.slice(alt[0].length);
  }
  const out = new Map<string, string>();
  let last: string | undefined;
  for (const piece of s.split(delim)) {
    const eq = piece.indexOf('=');
    const key = eq > 0 ? piece.slice(0, eq) : '';
    if (/^[\w.-]+$/.test(key)) {
      last = key;
      out.set(key, piece.slice(eq + 1));
    } else if (last !== undefined) out.set(last, `${out.get(last)}${delim}${piece}`);
  }
  return out;
}

/** The values of every `--NAME V` and `--NAME=V` in `args`. */
function values(args: Field[], name: string): Field[] {
  const out: Field[] = [];
  args.forEach((a, i) => {
    if (a.text === name && args[i + 1]) out.push(args[i + 1]);
    else if (a.text.startsWith(`${name}=`)) out.push({ ...a, text: a.text.slice(name.length + 1) });
  });
  return out;
}

/** The gcloud commands that set an instance's or the project's metadata. */
const SETS_METADATA =
  /\bcompute (instances (add-metadata|create|create-with-container)|instance-templates create|project-info add-metadata)\b/;

/** `gcloud [alpha|beta] compute … --metadata startup-script=…`; undefined = no script set. */
export function gcloudMetadata(argv: Field[], k: K): Res | undefined {
  const words = argv.map((a) => a.text).join(' ');
  if (!SETS_METADATA.test(words)) return undefined;
  const args = argv.slice(1);
  const at = args.findIndex((a) => /^(add-metadata|create|create-with-container)$/.test(a.text));
  const target = args[at + 1] && !args[at + 1].text.startsWith('-') ? args[at + 1].text : 'the project';
  const label = `gcloud compute metadata ${target}`;
  const scripts: [ScriptLang, string][] = [];
  let res: Res | undefined;
  for (const [opt, fromFile] of [
    ['--metadata', false],
    ['--metadata-from-file', true],
  ] as const) {
    for (const v of values(args, opt)) {
      // fail closed: metadata from a variable may hold a script
      if (v.dynamic) {
        unreadablePayload(v.text, label, k);
        return emit(argv, k);
      }
      for (const [key, value] of gcloudDict(v.text)) {
        if (UNREAD_KEYS.test(key)) res = unreadablePayload(key, label, k);
        const lang = Object.hasOwn(SCRIPT_KEYS, key) ? SCRIPT_KEYS[key] : undefined;
        if (!lang) continue;
        const text = fromFile ? readFileText(absPath(k.scope.cwd, value), k) : value;
        if (text === undefined) res = unreadablePayload(key, label, k);
        else scripts.push([lang, text]);
      }
    }
  }
  for (const [lang, text] of scripts) res = runScriptLines([text], lang, label, k);
  if (res) emit(argv, k);
  return res;
}
