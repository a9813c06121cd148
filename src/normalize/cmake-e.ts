/**
 * CMake's command mode, `cmake -E COMMAND ARGS`: portable file and process operations that
 * build scripts use in place of the shell's. Each is read as the shell command it performs,
 * so the file-system and other extractors judge it as themselves: `rm [-rRf] PATH…`,
 * `remove [-f] FILE…` and `remove_directory DIR…` delete (`rm`, `rm -rf`), `rename` moves,
 * `copy`/`copy_directory`/`copy_if_different` copy (onto what the last operand names),
 * `create_symlink`/`create_hardlink` link, `tar` is tar, and `env [NAME=VALUE…] CMD`,
 * `chdir DIR CMD` and `time CMD` run CMD. Other commands (`echo`, `cat`, `sha256sum`,
 * `compare_files`, `make_directory`, `touch` …) change nothing the extractors judge and stay
 * `cmake` itself.
 */
import { lit, type Field } from './state.js';
import type { Peel, Peeler } from './wrappers.js';

/** The `-E` command and its arguments as the shell command it performs; undefined = none. */
function asShell(cmd: string, args: Field[]): Peel | undefined {
  const label = `cmake -E ${cmd}`;
  switch (cmd) {
    case 'rm':
      return { label, argv: [lit('rm'), ...args] };
    case 'remove':
      return { label, argv: [lit('rm'), ...args] };
    case 'remove_directory':
      return { label, argv: [lit('rm'), lit('-rf'), lit('--'), ...args] };
    case 'rename':
      return { label, argv: [lit('mv'), lit('-f'), ...args] };
    case 'copy':
    case 'copy_if_different':
      return { label, argv: [lit('cp'), lit('-f'), ...args.filter((a) => a.text !== '-t')] };
    case 'copy_directory':
    case 'copy_directory_if_different':
      return { label, argv: [lit('cp'), lit('-rf'), ...args] };
    case 'create_symlink':
      return { label, argv: [lit('ln'), lit('-sf'), ...args] };
    case 'create_hardlink':
      return { label, argv: [lit('ln'), lit('-f'), ...args] };
    case 'tar':
      return { label, argv: [lit('tar'), ...args] };
    case 'time':
      return { label, argv: args };
    case 'chdir':
      return { label, argv: args.slice(1), ...(args[0] ? { cwd: args[0] } : {}) };
    case 'env': {
      const env: [string, Field][] = [];
      let i = 0;
      for (; i < args.length; i++) {
        const t = args[i].text;
        if (t === '--') {
          i++;
          break;
        }
        // `--unset=NAME`, `--modify OP`: they only take variables away or change them.
        if (t === '--modify') i++;
        else if (t.startsWith('--')) continue;
        else {
          const m = /^([A-Za-z_]\w*)=([\s\S]*)$/.exec(t);
          if (!m) break;
          env.push([m[1], { text: m[2], dynamic: args[i].dynamic }]);
        }
      }
      return { label, argv: args.slice(i), env };
    }
    default:
      return undefined;
  }
}

/** `cmake -E COMMAND …` (see the header); any other cmake invocation is not peeled. */
export const cmakeCommandMode: Peeler = (args) => {
  if (args[0]?.text !== '-E' || args[0].dynamic) return undefined;
  const cmd = args[1];
  if (!cmd) return undefined;
  // fail closed: a command word not known statically may be any of them, `rm` included.
  if (cmd.dynamic) return { label: 'cmake -E', argv: [{ text: cmd.text, dynamic: true }, ...args.slice(2)] };
  return asShell(cmd.text, args.slice(2));
};
