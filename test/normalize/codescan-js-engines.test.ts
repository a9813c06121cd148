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
