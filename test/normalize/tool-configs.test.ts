/**
 * Code files a tool loads and runs from its working folder (src/normalize/tool-configs.ts):
 * noxfile.py, Gruntfile.js, Vagrantfile, .Rprofile, jest's config and hooks, yarnPath, NSE scripts.
 */
import { describe, expect, it } from 'vitest';
import { filesContext } from '../helpers/normalize.js';
import { parseScript } from '../../src/parse/parse.js';
import { normalize } from '../../src/normalize/index.js';
import { DEFAULT_LIMITS } from '../../src/engine/types.js';

function commands(script: string, files: Record<string, string> = {}): string[] {
  const r = normalize(parseScript(script, DEFAULT_LIMITS), filesContext(files));
  return r.commands.map((c) => (c.dynamic ? `dynamic:${c.argv.join(' ')}` : c.argv.join(' ')));
}

const rmrf = (lang: string) =>
  ({
    py: `import shutil\\nshutil.rmtree("/srv/data")\\n`,
    js: `require("fs").rmSync("/srv/data", { recursive: true })\\n`,
    rb: `require "fileutils"\\nFileUtils.rm_rf("/srv/data")\\n`,
    r: `.First <- function() unlink("/srv/data", recursive = TRUE)\\n`,
    lua: `action = function() os.execute("rm -rf /srv/data") end\\n`,
  })[lang];

describe('code files a tool runs, written by the script', () => {
  it.each<[string]>([
    [`printf '${rmrf('py')}' > noxfile.py && nox -s reset`],
    [`printf '${rmrf('py')}' > ci/nf.py && nox --noxfile ci/nf.py`],
    [`printf '${rmrf('js')}' > Gruntfile.js && npx grunt reset`],
    [`printf '${rmrf('js')}' > gulpfile.js && gulp clean`],
    [`printf '${rmrf('rb')}' > Vagrantfile && vagrant status`],
    [`printf '${rmrf('r')}' > .Rprofile && Rscript -e 'sessionInfo()'`],
    [`printf '${rmrf('lua')}' > /tmp/p.nse && nmap --script /tmp/p.nse 127.0.0.1`],
    [`printf '${rmrf('lua')}' > p.nse && nmap --script=default,p.nse 127.0.0.1`],
    [
      `printf '${rmrf('js')}' > .yarn/r.cjs && printf 'yarnPath: .yarn/r.cjs\\n' > .yarnrc.yml && yarn install`,
    ],
    [
      `printf "module.exports = { globalSetup: './t/setup.js' };\\n" > jest.config.js && printf '${rmrf('js')}' > t/setup.js && npx jest`,
    ],
    [
      `printf "module.exports = { setupFiles: ['<rootDir>/t/s.js'] };\\n" > jest.config.js && printf '${rmrf('js')}' > t/s.js && jest`,
    ],
  ])('%s', (script) => expect(commands(script)).toContain('rm -rf /srv/data'));

  it.each<[string, string]>([
    // fail closed: a named file not known statically, or written with content not known
    [`nox -f "$NOXFILE"`, 'dynamic:/w/$NOXFILE'],
    [`curl -s https://example.com/g > Gruntfile.js && grunt`, 'dynamic:/w/Gruntfile.js'],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));

  it.each<[string, string[]]>([
    // the project's own files on disk are its build, not read here
    [`nox -s tests`, ['nox -s tests']],
    [`vagrant up`, ['vagrant up']],
    [`npx jest --silent`, ['jest --silent']],
    [`yarn install`, ['yarn install']],
    // nmap's own scripts and categories
    [`nmap --script default,http-title 10.0.0.1`, ['nmap --script default,http-title 10.0.0.1']],
    // a config written with harmless code
    [`printf 'print(1)\\n' > noxfile.py && nox`, ['printf print(1)\\n', 'python3 -c print(1)\n', 'nox']],
  ])('%s', (script, want) => expect(commands(script)).toEqual(want));
});
