/**
 * Code files a tool loads and runs from its working folder (src/normalize/tool-configs.ts):
 * noxfile.py, Gruntfile.js, Vagrantfile, .Rprofile, jest's config and hooks, yarnPath, NSE scripts,
 * pip's setup.py. The file's code travels on the command that runs it (`source`).
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
    [`nox -f "$NOXFILE"`, 'dynamic:$NOXFILE'],
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
    [`printf 'print(1)\\n' > noxfile.py && nox`, ['printf print(1)\\n', 'python3 /w/noxfile.py', 'nox']],
  ])('%s', (script, want) => expect(commands(script)).toEqual(want));
});

describe('the code travels on the command that runs it', () => {
  it.each<[string, string, string]>([
    [`printf 'import boto3\\n' > noxfile.py && nox`, 'python3 /w/noxfile.py', 'import boto3\n'],
    [`printf 'x = 1\\n' > setup.py && python3 -m pip install .`, 'python3 /w/setup.py', 'x = 1\n'],
    [`printf 'require("pg")\\n' > Gruntfile.js && grunt`, 'node /w/Gruntfile.js', 'require("pg")\n'],
  ])('%s', (script, command, source) => {
    const r = normalize(parseScript(script, DEFAULT_LIMITS), filesContext({}));
    expect(r.commands.find((c) => c.argv.join(' ') === command)?.source).toBe(source);
  });
});

/** `pip install DIR` runs the setup.py the script wrote in DIR; one on disk is the project's own. */
const SETUP = `cat > setup.py <<'EOF'\nimport os\nos.system('rm -rf /srv')\nsetup(name='x')\nEOF\n`;

describe('pip install of a directory whose setup.py the script wrote', () => {
  it.each<[string, boolean]>([
    [`${SETUP}pip install .`, true],
    [`${SETUP}pip3 install -e .`, true],
    [`${SETUP}pip3.12 install --no-deps --editable ./`, true],
    [`${SETUP}python3 -m pip install --user .`, true],
    [
      `mkdir -p pkg && cat > pkg/setup.py <<'EOF'\nimport os\nos.system('rm -rf /srv')\nEOF\npip install ./pkg`,
      true,
    ],
    [`${SETUP}pip wheel . -w dist`, true],
    // not run: a package from the index, a requirements file, pip's own commands, a setup.py on disk
    [`${SETUP}pip install requests`, false],
    [`${SETUP}pip install -r requirements.txt`, false],
    [`${SETUP}pip show .`, false],
    [`cd proj && pip install .`, false],
  ])('%s → runs setup.py: %s', (script, runs) => {
    const files = { '/w/proj/setup.py': "import shutil\nshutil.rmtree('/srv')\n" };
    expect(commands(script, files).includes('rm -rf /srv')).toBe(runs);
  });
});

describe("a package.json's scripts the package manager runs, written by the script", () => {
  const pkg = (scripts: Record<string, string>) =>
    `printf '%s' '${JSON.stringify({ name: 'p', scripts })}' > package.json`;
  it.each<[string, string | undefined]>([
    [`${pkg({ build: 'rm -rf /srv/data' })} && npm run build`, 'rm -rf /srv/data'],
    [`${pkg({ prebuild: 'rm -rf /srv/data', build: 'tsc' })} && npm run-script build`, 'rm -rf /srv/data'],
    [`${pkg({ test: 'rm -rf /srv/data' })} && npm test`, 'rm -rf /srv/data'],
    [`${pkg({ preinstall: 'rm -rf /srv/data' })} && npm install`, 'rm -rf /srv/data'],
    [`${pkg({ postinstall: 'rm -rf /srv/data' })} && npm ci`, 'rm -rf /srv/data'],
    [`${pkg({ prepare: 'rm -rf /srv/data' })} && yarn`, 'rm -rf /srv/data'],
    [`${pkg({ reset: 'rm -rf /srv/data' })} && yarn reset`, 'rm -rf /srv/data'],
    [`${pkg({ reset: 'rm -rf /srv/data' })} && pnpm run reset`, 'rm -rf /srv/data'],
    [`${pkg({ reset: 'rm -rf /srv/data' })} && bun run reset`, 'rm -rf /srv/data'],
    // a script named at run time may be any of them
    [`${pkg({ reset: 'rm -rf /srv/data' })} && npm run "$TASK"`, 'rm -rf /srv/data'],
    // not run: another script, a package installed by name, npm's own subcommands
    [`${pkg({ reset: 'rm -rf /srv/data', build: 'tsc' })} && npm run build`, undefined],
    [`${pkg({ preinstall: 'rm -rf /srv/data' })} && npm install left-pad`, undefined],
    [`${pkg({ reset: 'rm -rf /srv/data' })} && yarn add left-pad`, undefined],
    // the project's own package.json on disk is its build: not read here
    ['npm run build', undefined],
  ])('%s', (script, runs) => {
    const got = commands(script);
    if (runs) expect(got).toContain(runs);
    else expect(got).not.toContain('rm -rf /srv/data');
  });
});

describe('pytest conftest.py and invoke tasks.py, written by the script', () => {
  it.each<[string]>([
    [`printf '${rmrf('py')}' > conftest.py && pytest -q`],
    [`printf '${rmrf('py')}' > tests/conftest.py && python3 -m pytest tests`],
    [`printf '${rmrf('py')}' > tasks.py && invoke reset`],
  ])('%s', (script) => {
    expect(commands(script).some((c) => /\/srv\/data/.test(c))).toBe(true);
  });
});
