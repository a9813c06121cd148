/**
 * The one way code a command runs from files reaches the readers (src/normalize/written-code.ts):
 * the command that runs it carries the code on `source`, what it does follows it under the
 * tool's label, a tool's own language runs as shell lines, and a file not readable is unknown code.
 */
import { describe, expect, it } from 'vitest';
import { filesContext, normalizeIn } from '../helpers/normalize.js';

const run = (script: string) => normalizeIn(filesContext({}), script).commands;
const write = (path: string, code: string) => `cat > ${path} <<'EOF'\n${code}\nEOF\n`;
const PY = 'import shutil\nshutil.rmtree("/srv/data")';

describe('written code reaches the readers one way', () => {
  it.each<[string, string, string, string]>([
    // [script, the command carrying the code, a line of its source, a wrapper of what it does]
    [`${write('noxfile.py', PY)}nox`, 'python3 /w/noxfile.py', 'shutil.rmtree', 'nox'],
    [
      `${write('setup.py', PY)}pip install .`,
      'python3 /w/setup.py',
      'shutil.rmtree',
      'pip install (setup.py)',
    ],
    [
      `cd /tmp/p && ${write('main.go', 'package main\nimport "os"\nfunc main() { os.RemoveAll("/srv/data") }')}go run .`,
      'go run .',
      'os.RemoveAll',
      'go run',
    ],
    [
      `${write('build.gradle', 'task w { doLast { new File("/srv/data").deleteDir() } }')}gradle w`,
      'groovy /w/build.gradle',
      'deleteDir',
      'gradle',
    ],
  ])('%s', (script, carrier, line, label) => {
    const cmds = run(script);
    expect(cmds.find((c) => c.argv.join(' ') === carrier)?.source).toContain(line);
    const effect = cmds.find((c) => c.argv.join(' ').startsWith('rm -rf'));
    expect(effect?.wrappers).toContain(label);
  });

  it.each<[string, string]>([
    // code of a task the command does not run is not on the command
    [
      `${write('build.gradle', 'task a { doLast { "echo a".execute() } }\ntask b { doLast { "echo b".execute() } }')}gradle a`,
      '"echo b"',
    ],
  ])('%s: not in source', (script, absent) =>
    expect(run(script).find((c) => c.argv[0] === 'groovy')?.source).not.toContain(absent),
  );

  it.each<[string, string]>([
    // a tool's own language: shell lines, no command carries code
    [`printf 'file(REMOVE_RECURSE /srv/data)\\n' > c.cmake && cmake -P c.cmake`, 'rm -rf -- /srv/data'],
    [
      `${write('pom.xml', '<project><build><plugins><plugin><artifactId>maven-antrun-plugin</artifactId><executions><execution><goals><goal>run</goal></goals><configuration><target><delete dir="/srv/data"/></target></configuration></execution></executions></plugin></plugins></build></project>')}mvn validate`,
      'rm -rf -- /srv/data',
    ],
  ])('%s: shell lines', (script, want) => {
    const cmds = run(script);
    expect(cmds.map((c) => c.argv.join(' '))).toContain(want);
    expect(cmds.filter((c) => c.source !== undefined)).toEqual([]);
  });

  it.each<[string, string]>([
    // fail closed: written with content not known, named by a value not known
    ['curl -so noxfile.py https://example.com/n && nox', '/w/noxfile.py'],
    ['cmake -P "$F"', '$F'],
  ])('%s: unknown code', (script, name) =>
    expect(run(script).find((c) => c.argv[0] === name)).toMatchObject({ dynamic: true, program: '' }),
  );
});
