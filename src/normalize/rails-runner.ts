/**
 * Ruby run inside a Rails application, usually its production one: `rails runner CODE`,
 * `rails runner FILE` (`r`), `rails console` (`c`) fed a script on stdin, the same through
 * GitLab's `gitlab-rails` and `bin/rails`. The code is read as Ruby (what it deletes or runs)
 * and kept on the command, so the ORM and SDK readers see the application calls it makes.
 * Other rails commands (server, generate, db:*) run no code given here: not read.
 */
import type { CodeArgs } from './interpreter-args.js';
import { absPath, type Field } from './state.js';
import type { K } from './emit.js';

/** The programs that start a Rails application's code. */
export const RAILS = /^(rails|gitlab-rails)$/;

/** Options of `rails runner` and `rails console` whose next word is their value. */
const VALUE = /^(-e|--environment)$/;

/** A runner's operand that names a script file rather than code (`script/x.rb`, `/tmp/x.rb`). */
const FILE_LIKE = /^[\w./~-]+\.rb$|^[\w.~-]*\/[\w./-]+$/;

/** Where the code is for `rails runner|console …`; undefined = another rails command (none read here). */
export function railsArgs(prog: string, argv: Field[]): CodeArgs | undefined {
  const sub = argv[1]?.text ?? '';
  const runner = /^(runner|r)$/.test(sub);
  if (!runner && !/^(console|c)$/.test(sub)) return undefined;
  for (let i = 2; i < argv.length; i++) {
    const t = argv[i].text;
    if (/^(-h|--help)$/.test(t)) return { label: `${prog} ${sub}`, none: true };
    if (VALUE.test(t)) i++;
    else if (t.startsWith('-') && t !== '-') continue;
    else if (!runner) break;
    // the runner runs a file that exists, else evaluates its operand as Ruby
    else if (FILE_LIKE.test(t) && !argv[i].dynamic) return { file: argv[i], label: `${prog} runner ${t}` };
    else return { code: argv[i], label: `${prog} runner` };
  }
  // the console reads its script from stdin; a runner without an operand runs nothing
  return runner ? { label: `${prog} runner`, none: true } : { label: `${prog} console` };
}

/** True for `rails runner …` / `rails console` of an application: read as the Ruby it runs (findCode). */
export function isRailsCode(prog: string, argv: Field[], k: K): boolean {
  if (!RAILS.test(prog) || !railsArgs(prog, argv)) return false;
  // a `bin/rails` this script wrote is its own script (scripts.ts), not the application's
  return !(argv[0].text.includes('/') && k.scope.written.has(absPath(k.scope.cwd, argv[0].text)));
}
