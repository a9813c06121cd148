/**
 * Commands that only preview a destroy, for CLIs no table models: the destroy given as an
 * option of a preview, plan or diff command (`kpt live preview --destroy deploy/prod`,
 * `spacectl stack preview --destroy`, `tool plan --destroy`) shows what would go and changes
 * nothing, as `terraform plan -destroy` (read in cloud-iac.ts) and `pulumi destroy
 * --preview-only` do; so does a destroy told to only show its diff (`kapp delete -a app
 * --diff-run`, `--preview-only`, `--plan-only`). `kpt live destroy` itself stays a destroy.
 */
import type { CloudDraft } from './cloud-argv.js';

/** Subcommands that only show what a change would do. */
const PREVIEW = /^(preview|plan|diff|what-?if)$/;
/** Options that make any command only show what it would do (`kapp delete --diff-run`). */
const PREVIEW_OPTION = /^--(preview-only|diff-run|plan-only|what-?if)(=(true|yes|1))?$/i;

/**
 * True when a generic reading (`d`) of `argv` is the preview of a destroy: a preview option is
 * given, or a preview word is among the first command words and the destroying verb is none
 * of the command's words (it came from an option such as `--destroy`). `tool plan delete ID`,
 * where the plan is the thing deleted, keeps its verb as a word and stays read.
 */
export function previewsDestroy(argv: string[], d: CloudDraft): boolean {
  if (!d.generic) return false;
  if (argv.some((a) => PREVIEW_OPTION.test(a))) return true;
  const pos = argv.slice(1).filter((a) => !a.startsWith('-'));
  return pos.slice(0, 3).some((w) => PREVIEW.test(w)) && !pos.includes(d.verb);
}
