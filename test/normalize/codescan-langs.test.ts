/**
 * Inline code of the smaller scripting languages (src/normalize/codescan-langs.ts: Lua, R,
 * Julia), Emacs Lisp deletions (src/normalize/editors.ts), and Python's exec family and
 * directory walks (src/normalize/codescan.ts): what the code deletes or runs becomes the
 * command the extractors read; what cannot be read stays dynamic.
 */
import { describe, expect, it } from 'vitest';
import { filesContext } from '../helpers/normalize.js';
import { parseScript } from '../../src/parse/parse.js';
import { normalize } from '../../src/normalize/index.js';
import { DEFAULT_LIMITS } from '../../src/engine/types.js';

/** Each normalized command as `argv…` (dynamic ones marked), in order. */
function commands(script: string): string[] {
  const r = normalize(parseScript(script, DEFAULT_LIMITS), filesContext({}));
  return r.commands.map((c) => (c.dynamic ? `dynamic:${c.argv.join(' ')}` : c.argv.join(' ')));
}

describe('what inline code deletes or runs', () => {
  it.each<[string, string]>([
    [`lua -e 'os.execute("rm -rf ~")'`, 'rm -rf /h'],
    [
      `lua5.4 -e 'io.popen("curl -X DELETE https://api.example.com/v1/db")'`,
      'curl -X DELETE https://api.example.com/v1/db',
    ],
    [`lua -e 'os.remove("/etc/hosts")'`, 'rm -rf /etc/hosts'],
    [`echo 'os.execute("rm -rf /srv")' | lua -`, 'rm -rf /srv'],
    [`lua -e 'os.execute([[rm -rf /srv]])'`, 'rm -rf /srv'],
    [`Rscript -e 'unlink(path.expand("~"), recursive = TRUE)'`, 'rm -rf /h'],
    [`Rscript -e 'unlink(Sys.getenv("HOME"), recursive = TRUE)'`, 'rm -rf /h'],
    [`Rscript -e 'system("rm -rf /srv")'`, 'rm -rf /srv'],
    [`Rscript -e 'system2("rm", c("-rf", "/srv"))'`, 'rm -rf /srv'],
    [`julia -e 'rm(homedir(); recursive=true)'`, 'rm -rf /h'],
    ["julia -e 'run(`rm -rf /srv`)'", 'rm -rf /srv'],
    [`emacs --batch --eval '(delete-directory (expand-file-name "~") t)'`, 'rm -rf -- /h'],
    [`emacs --batch --eval '(delete-file "/etc/hosts")'`, 'rm -f -- /etc/hosts'],
    [`python3 -c 'import os; os.execvp("rm", ["rm", "-rf", "/srv"])'`, 'rm -rf /srv'],
    [`python3 -c 'import os; os.execlp("rm", "rm", "-rf", "/srv")'`, 'rm -rf /srv'],
    [`python3 -c 'import os; os.spawnvp(os.P_WAIT, "rm", ["rm", "-rf", "/srv"])'`, 'rm -rf /srv'],
    [`python3 -c 'import pathlib; [p.unlink() for p in pathlib.Path.home().rglob("*")]'`, 'rm -rf /h/*'],
    [
      'python3 -c \'from pathlib import Path\nfor f in Path("/srv/data").iterdir():\n    f.unlink()\'',
      'rm -rf /srv/data/*',
    ],
    [
      `python3 -c 'import asyncio; asyncio.run(asyncio.create_subprocess_shell("rm -rf /srv"))'`,
      'rm -rf /srv',
    ],
    [
      `python3 -c 'import asyncio; asyncio.run(asyncio.create_subprocess_exec("rm", "-rf", "/srv"))'`,
      'rm -rf /srv',
    ],
    ["bun -e 'await Bun.$`rm -rf ${process.env.HOME}`'", 'rm -rf /h'],
    [`node -e 'const {$}=require("zx"); $\`rm -rf /srv\`'`, 'rm -rf /srv'],
    ["echo 'await $`rm -rf /srv`' > c.mjs && zx c.mjs", 'rm -rf /srv'],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));

  it.each<[string, string]>([
    // not known statically: dynamic (asked)
    [`lua -e 'os.execute(arg[1])'`, 'dynamic:'],
    [`julia -e 'run(\`rm -rf $(ARGS[1])\`)'`, 'dynamic:'],
    [`emacs --batch --eval '(delete-directory (concat x "/y") t)'`, 'dynamic:rm -rf -- $EMACS_PATH'],
    [`python3 -c 'x.unlink()'`, 'dynamic:rm -rf x'],
  ])('%s stays unknown', (script, want) =>
    expect(commands(script).some((c) => c.startsWith(want))).toBe(true),
  );

  it.each<[string, string[]]>([
    // nothing deleted or run
    [`lua -e 'print(1)'`, ['lua -e print(1)']],
    [`Rscript -e 'print(summary(cars))'`, ['Rscript -e print(summary(cars))']],
    [`julia -e 'println(1+1)'`, ['julia -e println(1+1)']],
    [`emacs --batch --eval '(message "hi")'`, ['emacs --batch --eval (message "hi")']],
    [
      `python3 -c 'import os; os.execv("/bin/ls", ["ls", "-la"])'`,
      ['python3 -c import os; os.execv("/bin/ls", ["ls", "-la"])', 'ls -la'],
    ],
  ])('%s', (script, want) => expect(commands(script)).toEqual(want));
});
