/** TeX with shell escape, latexmk, rpm macros and groff -U run shell or Lua code (src/normalize/macro-shells.ts). */
import { describe, expect, it } from 'vitest';
import { filesContext, normalizeIn } from '../helpers/normalize.js';

const ctx = filesContext({});
/** Each normalized command as `wrappers|argv…` (dynamic ones marked), in order. */
const commands = (script: string) =>
  normalizeIn(ctx, script).commands.map(
    (c) => `${c.wrappers.join('>')}|${c.dynamic ? 'dynamic:' : ''}${c.argv.join(' ')}`,
  );

describe('document and build tools whose macros run code', () => {
  it.each<[string, string]>([
    [String.raw`pdflatex --shell-escape '\immediate\write18{rm -rf ~}'`, 'pdflatex macro|rm -rf /h'],
    [
      String.raw`xelatex -shell-escape '\documentclass{article}\begin{document}\write18{rm -rf /srv}\end{document}'`,
      'xelatex macro|rm -rf /srv',
    ],
    [
      String.raw`pdflatex -enable-write18 -interaction nonstopmode '\input|"rm -rf /srv" \end'`,
      'pdflatex macro|rm -rf /srv',
    ],
    [
      String.raw`echo '\immediate\write18{rm -rf /srv}' | pdflatex -shell-escape`,
      'pdflatex macro|rm -rf /srv',
    ],
    [
      String.raw`printf '\\write18{rm -rf /srv}\n' > d.tex && pdflatex -shell-escape d`,
      'pdflatex macro|rm -rf /srv',
    ],
    [
      String.raw`lualatex '\directlua{os.execute("rm -rf /srv")}'`,
      'lualatex macro|lua -e os.execute("rm -rf /srv")',
    ],
    [
      String.raw`latexmk -pdf -shell-escape -pdflatex='rm -rf /srv; pdflatex %O %S' doc.tex`,
      'latexmk macro|rm -rf /srv',
    ],
    [`latexmk -e 'system("rm -rf /srv")' doc.tex`, 'latexmk macro|perl -e system("rm -rf /srv")'],
    [`rpm --eval '%(rm -rf /srv)'`, 'rpm macro|rm -rf /srv'],
    [`rpm -E '%{?dist} %(rm -rf /srv)'`, 'rpm macro|rm -rf /srv'],
    [`rpmbuild --define '_topdir %(rm -rf /srv)' -bb x.spec`, 'rpmbuild macro|rm -rf /srv'],
    [`rpm --eval '%{lua: os.execute("rm -rf /srv")}'`, 'rpm macro|lua -e  os.execute("rm -rf /srv")'],
    [
      `rpm --eval '%(rm -rf %{buildroot})'`,
      // another macro inside the command is a value not known here
      'rpm macro|dynamic:rm -rf $(rpm_macro)',
    ],
    [`printf '.sy rm -rf /srv\\n' | groff -U -Tascii`, 'groff macro|rm -rf /srv'],
    [`printf '.pi rm -rf /srv\\n' | nroff -UTutf8`, 'nroff macro|rm -rf /srv'],
    // fail closed: text not known statically, or a TeX macro inside the command
    [`cat "$DOC" | pdflatex -shell-escape`, 'pdflatex|dynamic:'],
    [`rpm --eval "$EXPR"`, 'rpm|dynamic:$EXPR'],
    [String.raw`pdflatex -shell-escape '\write18{rm -rf \jobname}'`, String.raw`pdflatex|dynamic:\write18`],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));

  it.each<[string]>([
    // no shell escape: \write18 is refused (restricted mode), a project document, groff without -U
    [String.raw`pdflatex '\immediate\write18{rm -rf ~}'`],
    [String.raw`pdflatex -no-shell-escape -shell-escape -no-shell-escape '\write18{rm -rf ~}'`],
    ['pdflatex -interaction=nonstopmode main.tex'],
    ['latexmk -pdf -shell-escape main.tex'],
    [`rpm --eval '%{_libdir}'`],
    [`rpm -q --qf '%{VERSION}' bash`],
    [`printf '.sy rm -rf /srv\\n' | groff -Tascii`],
    ['groff -man -Tascii docs/tool.1'],
    [`cat "$DOC" | pdflatex`],
  ])('%s runs nothing', (script) =>
    expect(commands(script).filter((c) => !c.startsWith('|') && !c.startsWith('printf|'))).toEqual([]),
  );
});
