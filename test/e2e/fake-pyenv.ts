/**
 * A faithful small copy of a pyenv install for tests on machines without pyenv: the shim is
 * pyenv's own template; the manager is a dispatcher and subcommand scripts written the way
 * pyenv writes them (bash, `$(…)` substitutions, `command -v`, hooks, `exec "$path" "$@"`),
 * so that, like the real one, each of its scripts alone is not statically decidable.
 * The selected version's `python3` is the system's python3.
 */
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const shim = (root: string) => `#!/usr/bin/env bash
set -e
[ -n "$PYENV_DEBUG" ] && set -x

program="\${0##*/}"

export PYENV_ROOT="${root}"
SHIM_PATH=\${0%/*}
if [[ $SHIM_PATH != "${root}/shims" ]]; then
  export _PYENV_SHIM_PATH="$SHIM_PATH"
fi
exec "${root}/libexec/pyenv" exec "$program" "$@"
`;

const LIBEXEC: Record<string, string> = {
  pyenv: `#!/usr/bin/env bash
set -e
[ -n "$PYENV_DEBUG" ] && set -x
libexec_path="$(cd "\${BASH_SOURCE%/*}" && pwd)"
export PATH="\${libexec_path}:$PATH"
command="$1"
command_path="$(command -v "pyenv-$command" || true)"
if [ -z "$command_path" ]; then echo "pyenv: no such command '$command'" >&2; exit 1; fi
shift 1
exec "$command_path" "$@"
`,
  'pyenv-exec': `#!/usr/bin/env bash
set -e
PYENV_VERSION="$(pyenv-version-name)"
PYENV_COMMAND="$1"
PYENV_COMMAND_PATH="$(pyenv-which "$PYENV_COMMAND")"
PYENV_BIN_PATH="\${PYENV_COMMAND_PATH%/*}"
export PYENV_VERSION
scripts=(\`pyenv-hooks exec\`)
for script in "\${scripts[@]}"; do source "$script"; done
shift 1
export PATH="\${PYENV_BIN_PATH}:\${PATH}"
exec "$PYENV_COMMAND_PATH" "$@"
`,
  'pyenv-version-name': `#!/usr/bin/env bash
set -e
if [ -z "$PYENV_VERSION" ]; then PYENV_VERSION="$(cat "$PYENV_ROOT/version")"; fi
echo "$PYENV_VERSION"
`,
  'pyenv-which': `#!/usr/bin/env bash
set -e
version="$(pyenv-version-name)"
path="$PYENV_ROOT/versions/$version/bin/$1"
[ -x "$path" ] || { echo "pyenv: $1: command not found" >&2; exit 127; }
echo "$path"
`,
  'pyenv-hooks': `#!/usr/bin/env bash
set -e
for dir in $PYENV_HOOK_PATH; do for f in "$dir/$1"/*.bash; do [ -e "$f" ] && echo "$f"; done; done
true
`,
};

/** The console script pip installs as `bin/pip` (its entry point), run by the version's python3. */
const pipScript = (root: string) => `#!${root}/versions/3.0-test/bin/python3
# -*- coding: utf-8 -*-
import re
import sys
from pip._internal.cli.main import main
if __name__ == '__main__':
    sys.argv[0] = re.sub(r'(-script\\.pyw|\\.exe)?$', '', sys.argv[0])
    sys.exit(main())
`;

/**
 * Installs the copy under `root` (e.g. `$HOME/.pyenv`); returns its shims folder.
 * `o.pip`: also the `pip` and `python3.0` shims and programs (pip = the python's own pip module).
 */
export function installFakePyenv(
  root: string,
  python = '/usr/bin/python3',
  o: { pip?: boolean } = {},
): string {
  for (const d of ['shims', 'libexec', 'versions/3.0-test/bin'])
    mkdirSync(path.join(root, d), { recursive: true });
  writeFileSync(path.join(root, 'version'), '3.0-test\n');
  const bin = path.join(root, 'versions/3.0-test/bin');
  symlinkSync(python, path.join(bin, 'python3'));
  for (const [name, text] of Object.entries(LIBEXEC)) {
    writeFileSync(path.join(root, 'libexec', name), text);
    chmodSync(path.join(root, 'libexec', name), 0o755);
  }
  const tools = ['python3'];
  if (o.pip) {
    symlinkSync(python, path.join(bin, 'python3.0'));
    writeFileSync(path.join(bin, 'pip'), pipScript(root));
    chmodSync(path.join(bin, 'pip'), 0o755);
    tools.push('python3.0', 'pip');
  }
  for (const t of tools) {
    const s = path.join(root, 'shims', t);
    writeFileSync(s, shim(root));
    chmodSync(s, 0o755);
  }
  return path.join(root, 'shims');
}
