/** pixi and deno tasks of a config this script wrote (src/normalize/task-runners-more.ts). */
import { describe, expect, it } from 'vitest';
import { filesContext, normalizeIn } from '../helpers/normalize.js';

const commands = (script: string) =>
  normalizeIn(filesContext({}), script).commands.map((c) => (c.dynamic ? 'dynamic:' : '') + c.argv.join(' '));

const PIXI = `cat > pixi.toml <<'EOF'
[tasks]
nuke = "rm -rf /opt/conda"
argv = { cmd = ["rm", "-rf", "/srv/x y"], depends-on = ["nuke"] }
[feature.ci.tasks.drop]
cmd = "git push --force origin main"
EOF
`;
const DENO = `cat > deno.jsonc <<'EOF'
{
  // tasks
  "tasks": {
    "wipe": "rm -rf ~/work",
    "deploy": { "command": "git push -f origin main", "dependencies": ["wipe"] },
    "dev": "deno run --watch main.ts",
  }
}
EOF
`;

describe('pixi and deno tasks', () => {
  it.each<[string, string]>([
    [`${PIXI}pixi run nuke`, 'rm -rf /opt/conda'],
    [`${PIXI}pixi run argv`, 'rm -rf /srv/x y'],
    [`${PIXI}pixi run argv`, 'rm -rf /opt/conda'],
    [`${PIXI}pixi r -e ci drop`, 'git push --force origin main'],
    ["cat > pyproject.toml <<'EOF'\n[tool.pixi.tasks]\nz = 'rm -rf /srv'\nEOF\npixi run z", 'rm -rf /srv'],
    ["pixi task add nuke 'rm -rf /opt/conda'", 'rm -rf /opt/conda'],
    [`${DENO}deno task wipe`, 'rm -rf /h/work'],
    [`${DENO}deno task deploy`, 'git push -f origin main'],
    [`${DENO}deno task deploy`, 'rm -rf /h/work'],
    // fail closed: a config not known, or not readable
    ['echo "$X" > pixi.toml; pixi run nuke', 'dynamic:/w/pixi.toml'],
    ["echo '{' > deno.json; deno task x", 'dynamic:/w/deno.json'],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));

  it.each<[string, string[]]>([
    [`${DENO}deno task dev`, ['cat', 'deno task dev', 'deno run --watch main.ts']],
    // the project's own file on disk is not read; a name of no task is a command (dev-envs.ts)
    ['deno task wipe', ['deno task wipe']],
    [`${PIXI}pixi run pytest -q`, ['cat', 'pytest -q']],
  ])('%s', (script, want) => expect(commands(script)).toEqual(want));
});
