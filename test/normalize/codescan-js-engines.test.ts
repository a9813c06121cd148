/** JavaScript engines outside Node: GJS/CJS, Rhino, Nashorn, jrunscript (src/normalize/codescan-js-engines.ts). */
import { describe, expect, it } from 'vitest';
import { filesContext, normalizeIn } from '../helpers/normalize.js';

const ctx = filesContext({});
const commands = (script: string) =>
  normalizeIn(ctx, script).commands.map(
    (c) => `${c.wrappers.join('>')}|${c.dynamic ? 'dynamic:' : ''}${c.argv.join(' ')}`,
  );

describe('what the code of other JavaScript engines runs', () => {
  it.each<[string, string]>([
    [`gjs -c "imports.gi.GLib.spawn_command_line_sync('rm -rf /srv/a')"`, 'gjs -c|rm -rf /srv/a'],
    [`cjs -c "imports.gi.GLib.spawn_command_line_async('rm -rf /srv/a')"`, 'cjs -c|rm -rf /srv/a'],
    [`gjs -c 'GLib.spawn_sync(null, ["rm","-rf","/etc/nginx"], null, 0, null)'`, 'gjs -c|rm -rf /etc/nginx'],
    [`gjs -c 'Gio.Subprocess.new(["rm","-rf","/srv/b"], 0)'`, 'gjs -c|rm -rf /srv/b'],
    [`gjs -c 'new Gio.Subprocess({argv: ["rm","-rf","/srv/c"]})'`, 'gjs -c|rm -rf /srv/c'],
    [
      `gjs --command="imports.gi.GLib.spawn_command_line_sync('rm -rf ' + imports.gi.GLib.get_home_dir() + '/Documents')"`,
      // a command line built at run time stays dynamic (asks), its home read as home
      'gjs -c|dynamic:rm -rf /h/Documents',
    ],
    [`rhino -e 'runCommand("rm", "-rf", "/srv/d")'`, 'rhino -e|rm -rf /srv/d'],
    [`jjs -scripting -e '$EXEC("rm -rf /srv/e")'`, 'jjs -e|rm -rf /srv/e'],
    [`jrunscript -e 'exec("rm -rf /srv/f")'`, 'jrunscript -e|rm -rf /srv/f'],
    [`d8 -e 'exec("rm -rf /srv/g")'`, 'd8 -e|rm -rf /srv/g'],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));

  it.each<[string, string[]]>([
    [`jrunscript -e 'print(1)'`, ['|jrunscript -e print(1)']],
    [`gjs -c 'print(imports.gi.GLib.get_home_dir())'`, ['|gjs -c print(imports.gi.GLib.get_home_dir())']],
    [`jjs -version`, ['|jjs -version']],
  ])('%s runs nothing else', (script, want) => expect(commands(script)).toEqual(want));
});

describe('what JXA code deletes and runs (osascript -l JavaScript)', () => {
  const jxa = (code: string) => `osascript -l JavaScript -e '${code}'`;
  /** The deletes and commands the code leads to, as `program target…`. */
  const effects = (script: string) =>
    normalizeIn(ctx, script)
      .commands.filter((c) => c.wrappers.length > 0)
      .map((c) => `${c.dynamic ? 'dynamic:' : ''}${c.argv.join(' ')}`);

  it.each<[string, string]>([
    [
      jxa(
        'ObjC.import("Foundation"); $.NSFileManager.defaultManager.removeItemAtPathError($("/Users/dev/Documents"), null)',
      ),
      '/Users/dev/Documents',
    ],
    [jxa('$.NSFileManager.defaultManager.removeItemAtPathError("/srv/a", null)'), '/srv/a'],
    [
      jxa('$.NSFileManager.defaultManager.removeItemAtURLError($.NSURL.fileURLWithPath("/srv/b"), null)'),
      '/srv/b',
    ],
    [jxa('Application("Finder").delete(Path("/Users/dev/Projects"))'), '/Users/dev/Projects'],
    [jxa('ObjC.import("stdlib"); $.system("rm -rf /srv/c")'), 'rm -rf /srv/c'],
    [
      jxa(
        'var a = Application.currentApplication(); a.includeStandardAdditions = true; a.doShellScript("rm -rf /srv/d")',
      ),
      'rm -rf /srv/d',
    ],
  ])('%s', (script, want) => expect(effects(script).join(' | ')).toContain(want));

  it.each<string>([
    jxa('Application("Finder").name()'),
    jxa('ObjC.import("Foundation"); $.NSFileManager.defaultManager.fileExistsAtPath("/Users/dev/Documents")'),
    jxa('var items = Application("Finder").selection(); items.length'),
  ])('%s deletes and runs nothing', (script) => expect(effects(script)).toEqual([]));
});
