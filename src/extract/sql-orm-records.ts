/**
 * Records destroyed through a Ruby application's own models, from code run inside it (`rails
 * runner`, `gitlab-rails console`, a Ruby script the script wrote): `Project.find_by_full_path
 * ('a/b').destroy!`, a record found into a variable and destroyed (`p = User.find(3)` then
 * `p.destroy`), each record of a query (`.each(&:destroy)`, `.find_each { |r| r.destroy! }`,
 * `where(…).destroy_all`), and the service objects and jobs named for deleting
 * (`Projects::DestroyService.new(project, user).execute`, `ProjectDestroyWorker.perform_async(id)`).
 *
 * `destroy` is the application's delete action, not a row's DELETE: it runs the model's
 * callbacks, so the records its associations own (`dependent: :destroy`) and what the
 * application keeps beside them (repositories, uploads) go with it, as when its API's DELETE
 * is called. Each becomes a DELETE of a RECORD (where: the records are selected). A bare
 * `.delete` of a record (no callbacks) is the row's DELETE with its filter: sql-orm.ts's.
 * Reads the code text ormCode found. Pure.
 */
import type { FrameworkOp } from './sql-frameworks.js';

/** Programs whose code is Ruby (a Rails runner or console, the interpreter). */
const RUBY = /^(rails|gitlab-rails|ruby[\d.]*|irb|jruby)$/;

/** A call chain's links after a receiver: `.find_by(name: 'x')`, `&.first`, `.where(…)`. */
const LINKS = String.raw`(?:\s*&?\.\s*\w+[!?]?(?:\((?:[^()]|\([^()]*\))*\))?)*?`;
/** The destroying call at a chain's end (`destroy`, `destroy!`, paranoia's `really_destroy!`). */
const DESTROY = String.raw`\s*&?\.\s*(?:really_destroy!|destroy!?)(?![\w?!])`;

/** A model's chain ending in destroy: `Project.find(7).destroy!`, `Ci::Pipeline.last&.destroy`. */
const MODEL_DESTROY = new RegExp(String.raw`\b((?:[A-Z]\w*::)*[A-Z]\w*)(${LINKS})${DESTROY}`, 'g');
/** A name's destroy (`project.destroy!`, `@group.destroy`). */
const NAME_DESTROY = new RegExp(String.raw`(?<![\w.:])(@?[a-z_]\w*)${DESTROY}`, 'g');
/** Every record of a query destroyed: `.each(&:destroy)`, `.map(&:destroy!)`, `.destroy_all` after a filter. */
const EACH_DESTROY = /&:(?:really_destroy!|destroy!?)(?![\w?!])|\.\s*destroy_all\b/g;
/** Service objects and jobs named for deleting, run: `Projects::DestroyService.new(…).execute`, `…Worker.perform_async(…)`. */
const SERVICE =
  /\b((?:[A-Z]\w*::)*\w*(?:Destroy|Delete|Purge|Wipe)\w*(?:Service|Worker|Job))\s*\.\s*(new\b|perform_async|perform_later|perform_now|perform_inline|perform_in|perform_at|call|execute)/g;

/** A name bound to a model's record: assigned from a constant's chain, or a block's parameter. */
function isRecordName(code: string, name: string): boolean {
  const n = name.replace(/^@/, '@?');
  return (
    new RegExp(String.raw`(?:^|[\s;(])${n}\s*=(?![=~>])\s*(?:[A-Z]\w*::)*[A-Z]\w*\s*&?\.`, 'm').test(code) ||
    new RegExp(String.raw`\|\s*(?:\w+\s*,\s*)*${n}\s*(?:,[^|]*)?\|`).test(code)
  );
}

/** The records destroyed by `code`, run by `program` (evidence names it). */
export function recordDestroys(code: string, program: string): FrameworkOp[] {
  if (!RUBY.test(program.split('/').pop() ?? '')) return [];
  const out: FrameworkOp[] = [];
  const op = (name: string, evidence: string): FrameworkOp => ({
    tool: 'orm',
    statement: 'DELETE',
    object: 'RECORD',
    name,
    where: true,
    target: '',
    evidence: `${program}: ${evidence.replace(/\s+/g, ' ').trim().slice(0, 120)}`,
  });
  for (const m of code.matchAll(MODEL_DESTROY)) {
    // a filtered destroy_all is read below; a chain with no link is a class method (`Model.destroy(id)`)
    if (m[2].trim() !== '' || /^\s*\(/.test(code.slice((m.index ?? 0) + m[0].length)))
      out.push(op(m[1], m[0]));
  }
  for (const m of code.matchAll(NAME_DESTROY)) if (isRecordName(code, m[1])) out.push(op('', m[0]));
  for (const m of code.matchAll(EACH_DESTROY)) {
    const start = Math.max(code.lastIndexOf('\n', m.index), 0);
    const end = code.indexOf('\n', m.index);
    const stmt = code.slice(start, m.index);
    // an unfiltered destroy_all is every row's DELETE (sql-orm.ts); here the records a query selects
    if (
      m[0].startsWith('&:') ||
      /\.\s*(where|find_by|joins|includes|merge|not|limit|for_\w+|by_\w+)\b/.test(stmt)
    )
      out.push(op('', code.slice(start, end < 0 ? code.length : end)));
  }
  for (const m of code.matchAll(SERVICE)) {
    const end = code.indexOf('\n', m.index);
    const line = code.slice(m.index, end < 0 ? code.length : end);
    // `X.new(…)` only builds the service: it runs when executed or called
    if (m[2] !== 'new' || /\.\s*(execute|call|perform\w*)\b/.test(line)) out.push(op(m[1], m[0]));
  }
  return out;
}
