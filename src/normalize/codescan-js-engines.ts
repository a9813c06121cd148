/**
 * JavaScript engines other than Node's, read with Node's patterns (codescan-core.ts) plus the
 * calls of their own that run commands:
 * - GJS and CJS (GNOME's and Cinnamon's JavaScript, `gjs -c CODE`): GLib's
 *   `spawn_command_line_sync(CMDLINE)` / `_async`, `spawn_sync(cwd, argv, …)` / `spawn_async…`,
 *   Gio's `Subprocess.new(argv, flags)`, `new Gio.Subprocess({argv})` and a launcher's
 *   `spawnv(argv)`; GLib's `unlink`/`remove` are read by Node's delete pattern.
 * - Rhino's shell: `runCommand(PROG, ARG…)` (a trailing options object is not an argument).
 * - Nashorn's scripting mode (`jjs -scripting`): `$EXEC(CMDLINE)`. jrunscript's `exec(CMDLINE)`
 *   and Java's `Runtime.getRuntime().exec(…)` are read by Node's `exec(` pattern.
 */
import { kwarg } from './codelex.js';
import type { Helpers, Pattern } from './codescan-langs.js';

export function jsEnginePatterns(h: Helpers): Pattern[] {
  return [
    {
      re: /\bspawn_command_line_(?:sync|async)\s*\(/g,
      handle: (a, lx, home) => h.command(a[0], lx, home),
    },
    {
      // the argv is the second argument, after the working directory
      re: /\bspawn_(?:sync|async|async_with_pipes|async_with_fds|async_with_pipes_and_fds)\s*\(/g,
      handle: (a, lx, home) => h.command(a[1], lx, home),
    },
    {
      re: /\bSubprocess\.new\s*\(|\.spawnv\s*\(/g,
      handle: (a, lx, home) => h.command(a[0], lx, home),
    },
    {
      re: /\bnew\s+(?:Gio\.)?Subprocess\s*\(/g,
      handle: (a, lx, home) => h.command(kwarg(a, 'argv') ?? a[0], lx, home),
    },
    {
      re: /(?<![\w.$])runCommand\s*\(/g,
      handle: (a, lx, home) => {
        const words = a.filter((x, i) => i === 0 || !/^\s*\{/.test(x));
        return words.length ? h.command(`[${words.join(',')}]`, lx, home) : [];
      },
    },
    { re: /\$EXEC\s*\(/g, handle: (a, lx, home) => h.command(a[0], lx, home) },
  ];
}
