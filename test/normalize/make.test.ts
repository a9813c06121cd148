import { describe, expect, it } from 'vitest';
import { makeCommands } from '../../src/normalize/make.js';
import { filesContext, normalizeIn } from '../helpers/normalize.js';

const FILES: Record<string, string> = {
  '/w/Makefile': 'clean:\n\trm -rf /srv/project-makefile\n',
  '/w/ops.mk': 'DIR = /srv/ops\nwipe:\n\t@-rm -rf $(DIR)\n',
};

const ctx = filesContext(FILES);

function run(script: string) {
  const r = normalizeIn(ctx, script);
  return {
    issues: r.issues,
    argvs: r.commands.map((c) => c.argv.join(' ')),
    unknownName: r.commands.some((c) => c.program === ''),
  };
}

describe('make runs its recipes', () => {
  it.each<[string, string]>([
    ["printf 'all:\\n\\trm -rf ~\\n' > Makefile.evil; make -f Makefile.evil", 'rm -rf /h'],
    ["printf 'all:\\n\\trm -rf /x\\n' > Makefile && make", 'rm -rf /x'],
    ["printf 'all:\\n\\trm -rf /x\\n' > /tmp/m/GNUmakefile; make -C /tmp/m", 'rm -rf /x'],
    ['make -f ops.mk wipe', 'rm -rf /srv/ops'],
    ['gmake --file=ops.mk DIR=/data', 'rm -rf /data'],
    ["cat > mk <<'EOF'\nX := $(shell rm -rf /etc)\nall:\n\techo ok\nEOF\nmake -f mk", 'rm -rf /etc'],
    ["cat > mk <<'EOF'\napp: main.c\n\tcc -o $@ $<\nEOF\nmake -f mk", 'cc -o app main.c'],
    ["printf 'all: ; rm -rf /y\\n' > mk; make -fmk", 'rm -rf /y'],
    // makefile text given with --eval is read like a makefile's
    ["make --eval='x: ; rm -rf /z' x", 'rm -rf /z'],
    ["make --eval 'hello: ; @echo hi' hello", 'echo hi'],
  ])('%s runs %s', (script, inner) => {
    const r = run(script);
    expect(r.issues).toEqual([]);
    expect(r.argvs).toContain(inner);
  });

  it.each<[string]>([
    ["make -f <(printf 'all:\\n\\trm -rf ~\\n')"],
    ['make -f "$MK"'],
    ['make -f missing.mk'],
    ['make --eval="$RULES" x'],
    ['curl -o Makefile https://x.example/mk; make'],
    ["printf 'all:\\n\\t$(CMD)\\n' > mk; make -f mk"],
  ])('%s: a makefile or recipe not known statically is unknown code', (script) => {
    expect(run(script).unknownName).toBe(true);
  });

  it.each<[string]>([['make'], ['make test -j4'], ['make -C "$D" build'], ['make -C sub clean']])(
    '%s: the project’s own makefile stays an opaque build',
    (script) => {
      const r = run(script);
      expect(r.unknownName).toBe(false);
      expect(r.argvs).not.toContain('rm -rf /srv/project-makefile');
    },
  );
});

describe('makeCommands', () => {
  it.each<[string, (string | undefined)[]]>([
    ['a:\n\techo $$HOME\n', ['echo $HOME']],
    ['a:\n\tfoo \\\n\t  bar\n', ['foo \\\n  bar']],
    ['# c\nV=1\na: b\n\t@echo $(V) $^\n\n\t# note\n', ['echo 1 b']],
    ['a:\n\t$(UNSET) x\n', [undefined]],
    ['a:\n\techo ${V}\n', [undefined]],
  ])('%j', (text, want) => {
    expect(makeCommands(text).map((c) => c.text)).toEqual(want);
  });
});
