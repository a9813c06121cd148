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
 * - JXA (`osascript -l JavaScript`) through the Objective-C bridge: NSFileManager's
 *   `removeItemAtPathError(P, …)`, `removeItemAtURLError(U, …)` and
 *   `trashItemAtURLResultingItemURLError(U, …)` delete P; a scriptable app's
 *   `.delete(Path(P))` (Finder, System Events) deletes P; `$.system(CMDLINE)` (stdlib) runs
 *   a shell line. The bridge's wrappers around a path (`$(…)`, `Path(…)`,
 *   `$.NSURL.fileURLWithPath(…)`, `.stringByExpandingTildeInPath`) are taken off first.
 */
import { kwarg } from './codelex.js';
import type { Helpers, Pattern } from './codescan-langs.js';

/** JXA's Objective-C bridge wrappers around a path, taken off (`$("/p")` → `"/p"`). */
export function unwrapObjc(expr: string): string {
  let t = expr.trim();
  for (let prev = ''; prev !== t;) {
    prev = t;
    t = t
      .replace(/\.(?:stringByExpandingTildeInPath|stringByStandardizingPath|js)$/, '')
      .replace(
        /^(?:\$|Path|ObjC\.wrap|\$\.NSURL\.fileURLWithPath|\$\.NSString\.stringWithString|\$\.NSString\.alloc\.initWithUTF8String)\s*\(([\s\S]*)\)$/,
        '$1',
      )
      .trim();
  }
  return t;
}

export function jsEnginePatterns(h: Helpers): Pattern[] {
  return [
    {
      re: /\b(?:removeItemAtPathError|removeItemAtURLError|trashItemAtURLResultingItemURLError)\s*\(/g,
      handle: (a, lx, home, m) => h.rm(a.slice(0, 1).map(unwrapObjc), lx, home, m),
    },
    {
      // a scriptable app's delete of a file (`Application("Finder").delete(Path("/p"))`)
      re: /\.delete\s*\(\s*(?=Path\s*\()/g,
      handle: (a, lx, home, m) => h.rm(a.slice(0, 1).map(unwrapObjc), lx, home, m),
    },
    { re: /(?<![\w$])\$\.system\s*\(/g, handle: (a, lx, home) => h.command(a[0], lx, home) },
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
