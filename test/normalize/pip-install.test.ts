/**
 * `pip install DIR` runs the setup.py the script wrote in DIR (src/normalize/pip-install.ts):
 * its code is read as `python3 DIR/setup.py` would be; a setup.py not written by the script
 * (the project's own, on disk) is not read.
 */
import { describe, expect, it } from 'vitest';
import { filesContext, normalizeIn } from '../helpers/normalize.js';

const files = { '/w/proj/setup.py': "import shutil\nshutil.rmtree('/srv')\n" };
const commands = (script: string) =>
  normalizeIn(filesContext(files), script).commands.map(
    (c) => (c.dynamic ? 'dynamic:' : '') + c.argv.join(' '),
  );

const SETUP = `cat > setup.py <<'EOF'\nimport os\nos.system('rm -rf /srv')\nsetup(name='x')\nEOF\n`;

describe('pip install of a directory whose setup.py the script wrote', () => {
  it.each<[string, boolean]>([
    [`${SETUP}pip install .`, true],
    [`${SETUP}pip3 install -e .`, true],
    [`${SETUP}pip3.12 install --no-deps --editable ./`, true],
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
    expect(commands(script).includes('rm -rf /srv')).toBe(runs);
  });
});
