/**
 * Tool-version managers and project runners (src/normalize/tool-envs.ts): the command they
 * run is read as itself; their other subcommands and task names run nothing read here.
 */
import { describe, expect, it } from 'vitest';
import { filesContext, normalizeIn } from '../helpers/normalize.js';

const ctx = filesContext({});

/** Each normalized command as `wrappers|argv`. */
const commands = (script: string) =>
  normalizeIn(ctx, script).commands.map((c) => `${c.wrappers.join('>')}|${c.argv.join(' ')}`);

describe('what a tool environment runs', () => {
  it.each<[string, string]>([
    ["mise x node@20 -- node -e 'process.exit(0)'", 'mise x|node -e process.exit(0)'],
    ['mise exec python@3.12 -- rm -rf /srv', 'mise exec|rm -rf /srv'],
    ["mise x -c 'rm -rf /srv'", 'mise x -c|rm -rf /srv'],
    ['mise x node@20 node -v', 'mise x|node -v'],
    ['rtx x python@3.11 -- rm -rf /srv', 'rtx x|rm -rf /srv'],
    ['asdf exec rm -rf /srv', 'asdf exec|rm -rf /srv'],
    ['uv run --with requests -- rm -rf /srv', 'uv run|rm -rf /srv'],
    ['uv run --python 3.12 python -c "print(1)"', 'uv run|python -c print(1)'],
    ['uv run -m pytest -x', 'uv run|python -m pytest -x'],
    ['uv run del.py', 'uv run|python del.py'],
    ['poetry -C api run rm -rf /srv', 'poetry run|rm -rf /srv'],
    ['pdm run -p sub rm -rf /srv', 'pdm run|rm -rf /srv'],
    ['pipenv run python manage.py flush', 'pipenv run|python manage.py flush'],
    ['hatch -e test run pytest', 'hatch run|pytest'],
    ['rye run rm -rf /srv', 'rye run|rm -rf /srv'],
    ['bundle exec rake db:drop', 'bundle exec|rake db:drop'],
    ['stack exec -- rm -rf /srv', 'stack exec|rm -rf /srv'],
    ['stack --resolver lts-22.0 runghc --package text -- Main.hs', 'stack runghc|runghc Main.hs'],
    ['stack runhaskell Setup.hs build', 'stack runhaskell|runhaskell Setup.hs build'],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));

  it.each<[string, string]>([
    // not a launch: the manager itself, or the project's task
    ['mise run build', '|mise run build'],
    ['mise install node@20', '|mise install node@20'],
    ['asdf install', '|asdf install'],
    ['uv sync', '|uv sync'],
    ['uv pip install requests', '|uv pip install requests'],
    ['poetry install', '|poetry install'],
    ['pdm run test', 'pdm run|test'],
    ['bundle install', '|bundle install'],
    ['stack build', '|stack build'],
  ])('%s stays %s', (script, want) => expect(commands(script)).toEqual([want]));
});
