/**
 * Python package runners (src/normalize/py-tool-runners.ts): `pipx run`, `uvx` and `uv tool
 * run` run a package's command, read as itself; their other subcommands launch nothing.
 */
import { describe, expect, it } from 'vitest';
import { filesContext, normalizeIn } from '../helpers/normalize.js';

const ctx = filesContext({});

/** Each normalized command as `wrappers|argv`. */
const commands = (script: string) =>
  normalizeIn(ctx, script).commands.map((c) => `${c.wrappers.join('>')}|${c.argv.join(' ')}`);

describe('what a Python package runner runs', () => {
  it.each<[string, string]>([
    [
      'pipx run --spec httpie http DELETE https://example.com/x',
      'pipx run|http DELETE https://example.com/x',
    ],
    ['pipx run --python 3.12 black==24.1 .', 'pipx run|black .'],
    ['pipx --verbose run pycowsay moo', 'pipx run|pycowsay moo'],
    ['pipx run -- rm -rf /srv', 'pipx run|rm -rf /srv'],
    ['pipx run ./cleanup.py --all', 'pipx run|python ./cleanup.py --all'],
    ['uvx --from httpie http DELETE https://example.com/x', 'uvx|http DELETE https://example.com/x'],
    ['uvx ruff@0.5 check .', 'uvx|ruff check .'],
    ['uvx -p 3.11 --with rich "httpie[socks]>=3" --version', 'uvx|httpie --version'],
    [
      'uv tool run --from httpie http DELETE https://example.com/x',
      'uv tool run|http DELETE https://example.com/x',
    ],
    ['uv tool x ruff check', 'uv tool x|ruff check'],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));

  it.each<[string, string]>([
    // not a launch: the runner's own management commands
    ['pipx install httpie', '|pipx install httpie'],
    ['pipx list', '|pipx list'],
    ['uv tool install ruff', '|uv tool install ruff'],
    ['uv tool list', '|uv tool list'],
    ['uv run pytest', 'uv run|pytest'],
  ])('%s stays %s', (script, want) => expect(commands(script)).toEqual([want]));
});
