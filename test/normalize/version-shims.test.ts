import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  isInstalledPath,
  managerRoot,
  scriptFileOf,
  unwrapBuildWrapper,
  unwrapShim,
} from '../../src/normalize/version-shims.js';

const PYENV = `#!/usr/bin/env bash
set -e
[ -n "$PYENV_DEBUG" ] && set -x

program="\${0##*/}"

export PYENV_ROOT="/root/.pyenv"
SHIM_PATH=\${0%/*}
if [[ $SHIM_PATH != "/root/.pyenv/shims" ]]; then
  export _PYENV_SHIM_PATH="$SHIM_PATH"
fi
exec "/root/.pyenv/libexec/pyenv" exec "$program" "$@"
`;
const RBENV = `#!/usr/bin/env bash
set -e
[ -n "$RBENV_DEBUG" ] && set -x

program="\${0##*/}"

export RBENV_ROOT="/home/u/.rbenv"
exec "/home/u/.rbenv/libexec/rbenv" exec "$program" "$@"
`;
const ASDF = `#!/usr/bin/env bash
# asdf-plugin: nodejs 18.17.0
exec /home/u/.asdf/bin/asdf exec "node" "$@" # asdf_allow: ' asdf '
`;
const NIX = `#! /nix/store/abc-bash-5.2/bin/bash -e
export PATH='/nix/store/x-coreutils/bin'\${PATH:+':'}$PATH
export LOCALE_ARCHIVE='/nix/store/y-glibc-locales/lib/locale/locale-archive'
exec -a "$0" "/nix/store/zzz-terraform-1.6/bin/.terraform-wrapped"  "$@"
`;
const BREW = `#!/bin/bash
JAVA_HOME="/home/linuxbrew/.linuxbrew/opt/openjdk/libexec" exec "/home/linuxbrew/.linuxbrew/Cellar/gradle/8.5/libexec/bin/gradle"  "$@"
`;
const BREW2 = `#!/bin/bash
export JAVA_HOME="/home/linuxbrew/.linuxbrew/opt/openjdk/libexec"
exec "/home/linuxbrew/.linuxbrew/Cellar/gradle/8.5/libexec/bin/gradle" "$@"
`;

describe('unwrapShim', () => {
  it.each<[string, string, string, string[], string[] | undefined]>([
    ['pyenv shim', PYENV, '/root/.pyenv/shims/python3', ['-c', 'print(1)'], ['python3', '-c', 'print(1)']],
    ['pyenv shim, other name', PYENV, '/root/.pyenv/shims/pip', ['--version'], ['pip', '--version']],
    ['rbenv shim', RBENV, '/home/u/.rbenv/shims/bundle', ['exec', 'rake'], ['bundle', 'exec', 'rake']],
    ['asdf shim', ASDF, '/home/u/.asdf/shims/node', ['-e', '1'], ['node', '-e', '1']],
    [
      'nix makeWrapper',
      NIX,
      '/nix/store/zzz-terraform-1.6/bin/terraform',
      ['destroy'],
      ['terraform', 'destroy'],
    ],
    ['brew exec wrapper', BREW2, '/home/linuxbrew/.linuxbrew/bin/gradle', ['build'], ['gradle', 'build']],
    // Not shims: anything that does more than exec with "$@" is analysed as a script.
    ['a command before exec', PYENV.replace('set -e', 'rm -rf ~'), '/x/python3', [], undefined],
    [
      'command substitution',
      PYENV.replace('program="${0##*/}"', 'program="$(cat /tmp/p)"'),
      '/x/p',
      [],
      undefined,
    ],
    ['exec of a variable', 'p=/bin/rm\nexec "$p" "$@"\n', '/x/p', [], undefined],
    ['exec of a relative path', 'exec ./tool "$@"\n', '/x/p', [], undefined],
    ['no "$@"', 'exec /usr/bin/rm -rf /\n', '/x/p', [], undefined],
    ['a pipe after exec', 'exec /usr/bin/python3 "$@" | sh\n', '/x/p', [], undefined],
    ['env prefix on exec line', BREW, '/x/gradle', ['build'], undefined],
    ['a loop', 'for i in 1; do :; done\nexec /usr/bin/x "$@"\n', '/x/p', [], undefined],
    ['no exec', 'echo hi\n', '/x/p', [], undefined],
    [
      'self name through something else than exec',
      'p="${0##*/}"\nexec /root/.x/bin/rm -rf "$p" "$@"\n',
      '/x/p',
      [],
      undefined,
    ],
    [
      'a manager outside installed places',
      PYENV.replaceAll('/root/.pyenv', '/work/ws/.pyenv'),
      '/x/python3',
      ['-V'],
      undefined,
    ],
  ])('%s', (_n, script, file, args, want) => {
    const installed = (p: string) => ['/root', '/home/u'].some((h) => isInstalledPath(p, h, '/work/ws'));
    expect(unwrapShim(script, file, args, installed)?.argv).toEqual(want);
  });
});

describe('isInstalledPath / managerRoot', () => {
  it.each<[string, boolean, string | undefined]>([
    ['/root/.pyenv/libexec/pyenv', true, '/root/.pyenv'],
    ['/root/.asdf/bin/asdf', true, '/root/.asdf'],
    ['/usr/local/bin/x', true, undefined],
    ['/opt/rbenv/libexec/rbenv', true, '/opt/rbenv'],
    ['/root/bin/tool', false, undefined],
    ['/root/.local/bin/x', true, undefined],
    ['/work/ws/.pyenv/libexec/pyenv', false, undefined],
    ['/tmp/x/libexec/pyenv', false, undefined],
  ])('%s', (p, installed, root) => {
    expect(isInstalledPath(p, '/root', '/work/ws')).toBe(installed);
    expect(managerRoot(p, '/root', '/work/ws')).toBe(root);
  });
});

describe('scriptFileOf', () => {
  it.each<[string[], { file: string; args: string[] } | undefined]>([
    [['bash', '/s/python3', '-c', 'x'], { file: '/s/python3', args: ['-c', 'x'] }],
    [['bash', '-e', '/s/t', 'a'], { file: '/s/t', args: ['a'] }],
    [['bash', '-o', 'pipefail', '/s/t'], { file: '/s/t', args: [] }],
    [['bash', '-c', 'rm x', 'a'], undefined],
    [['bash', '-ec', 'rm x'], undefined],
    [['bash'], undefined],
  ])('%j', (argv, want) => {
    expect(scriptFileOf(argv)).toEqual(want);
  });
});

describe('build wrappers (./gradlew, ./mvnw) by what they run', () => {
  const GRADLEW = readFileSync(new URL('../fixtures/wrappers/gradlew', import.meta.url), 'utf8');
  const MVNW = `#!/bin/sh
MAVEN_PROJECTBASEDIR=\${MAVEN_BASEDIR:-"$BASE_DIR"}
WRAPPER_LAUNCHER=org.apache.maven.wrapper.MavenWrapperMain
if [ -z "$JAVACMD" ]; then
  JAVACMD="$JAVA_HOME/bin/java"
fi
exec "$JAVACMD" \\
  $MAVEN_OPTS \\
  -classpath "$MAVEN_PROJECTBASEDIR/.mvn/wrapper/maven-wrapper.jar" \\
  "-Dmaven.multiModuleProjectDirectory=\${MAVEN_PROJECTBASEDIR}" \\
  \${WRAPPER_LAUNCHER} $MAVEN_CONFIG "$@"
`;
  // Maven's script-only wrapper: no jar; it reads the distribution URL and execs that Maven.
  const MVNW_ONLY_SCRIPT = readFileSync(
    new URL('../fixtures/wrappers/mvnw-only-script', import.meta.url),
    'utf8',
  );
  it.each<[string, string, string[], string[] | undefined]>([
    ['gradlew with tasks', GRADLEW, ['publish', '--info'], ['gradle', 'publish', '--info']],
    ['gradlew with no args', GRADLEW, [], ['gradle']],
    [
      "an installed Gradle's start script (SDKMAN! candidate)",
      GRADLEW.replace('org.gradle.wrapper.GradleWrapperMain', 'org.gradle.launcher.GradleMain').replace(
        'CLASSPATH=$APP_HOME/gradle/wrapper/gradle-wrapper.jar',
        'CLASSPATH=$APP_HOME/lib/gradle-launcher-8.5.jar',
      ),
      ['build'],
      ['gradle', 'build'],
    ],
    [
      'mvnw (classic launcher, exec over continued lines)',
      MVNW,
      ['clean', 'install'],
      ['mvn', 'clean', 'install'],
    ],
    [
      'mvnw (classic launcher) on one line',
      MVNW.replace(/\\\n\s*/g, ''),
      ['clean', 'install'],
      ['mvn', 'clean', 'install'],
    ],
    [
      'mvnw whose JAVACMD is the java found with backquotes',
      MVNW.replace('JAVACMD="$JAVA_HOME/bin/java"', 'JAVACMD="`\\\\unset -f command; \\\\command -v java`"'),
      ['verify'],
      ['mvn', 'verify'],
    ],
    [
      'mvnw whose backquoted JAVACMD runs another program',
      MVNW.replace('JAVACMD="$JAVA_HOME/bin/java"', 'JAVACMD="`command -v python3`"'),
      ['verify'],
      undefined,
    ],
    [
      'mvnw whose continued exec runs something else',
      MVNW.replace('exec "$JAVACMD" \\', 'exec /bin/rm -rf \\'),
      ['verify'],
      undefined,
    ],
    ["Maven's script-only mvnw (no jar)", MVNW_ONLY_SCRIPT, ['deploy'], ['mvn', 'deploy']],
    ['gradlew with an extra command at the end', GRADLEW + 'rm -rf "$HOME"\n', ['build'], undefined],
    [
      'gradlew whose exec runs something else',
      GRADLEW.replace('exec "$JAVACMD" "$@"', 'exec /bin/rm -rf "$@"'),
      ['build'],
      undefined,
    ],
    [
      'a plain script mentioning the wrapper class',
      'echo org.gradle.wrapper.GradleWrapperMain\nexec "$JAVACMD" "$@"\n',
      [],
      undefined,
    ],
    ['a pyenv shim is not a build wrapper', PYENV, ['x'], undefined],
    [
      'gradlew whose JAVACMD is another program',
      GRADLEW.replace('JAVACMD=java', 'JAVACMD=/tmp/evil'),
      ['build'],
      undefined,
    ],
  ])('%s', (_n, script, args, want) => {
    expect(unwrapBuildWrapper(script, args)?.argv).toEqual(want);
  });
});
