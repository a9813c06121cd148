/** CERN ROOT's and Cling's C++ interpreter (src/normalize/root-cling.ts): what its code runs and deletes. */
import { describe, expect, it } from 'vitest';
import { rootArgs, scanRoot } from '../../src/normalize/root-cling.js';
import { filesContext, normalizeIn } from '../helpers/normalize.js';
import { lit } from '../../src/normalize/state.js';

const MACROS: Record<string, string> = {
  '/w/clean.C': 'void clean() { gSystem->Exec("rm -rf /data/run2024"); }',
  '/w/analysis.C': 'void analysis() { TFile f("out.root", "READ"); f.ls(); }',
};

const effects = (code: string) =>
  scanRoot(code, '/h', (f) => MACROS[`/w/${f}`]).map((e) =>
    e.kind === 'rm'
      ? `rm ${e.target.dynamic ? '<dynamic>' : e.target.text}`
      : e.kind === 'shell'
        ? `sh ${e.script.text}`
        : e.kind === 'exec'
          ? `exec ${e.argv.map((a) => a.text).join(' ')}`
          : e.kind,
  );

describe('ROOT code', () => {
  it.each<[string, string[]]>([
    ['gSystem->Exec("rm -rf /data/run2024")', ['sh rm -rf /data/run2024']],
    ['TSystem::Exec("rm -rf /srv/data");', ['sh rm -rf /srv/data']],
    ['gSystem->GetFromPipe("dropdb prod")', ['sh dropdb prod']],
    ['gSystem->Unlink("/etc/passwd")', ['rm /etc/passwd']],
    ['gSystem->Rename("/data/a.root", "/data/b.root")', ['exec mv /data/a.root /data/b.root']],
    ['system("rm -rf ~/analysis");', ['sh rm -rf ~/analysis']],
    ['.! rm -rf /data/run2024', ['sh rm -rf /data/run2024']],
    ['gROOT->ProcessLine(".! rm -rf /data")', ['sh rm -rf /data']],
    ['gROOT->ProcessLine("gSystem->Exec(\\"rm -rf /d\\")")', ['sh rm -rf /d']],
    ['.x clean.C', ['sh rm -rf /data/run2024']],
    ['TFile f("/data/run2024/events.root", "RECREATE");', ['exec truncate -s 0 /data/run2024/events.root']],
    ['auto f = TFile::Open("/data/a.root","recreate");', ['exec truncate -s 0 /data/a.root']],
    ['new TFile(path, "RECREATE")', ['dynamic']],
    ['TFile f("/data/a.root", "READ");', []],
    // fail closed: a command or a line built at run time
    ['gSystem->Exec(cmd)', ['dynamic']],
    ['gROOT->ProcessLine(line)', ['dynamic']],
    // reads and prints run nothing
    ['gSystem->Exec("ls")', ['sh ls']],
    ['std::cout << gROOT->GetVersion() << std::endl;', []],
    ['.x analysis.C', []],
    ['.L missing.C', []],
  ])('%s', (code, want) => expect(effects(code)).toEqual(want));

  it.each<[string[], string]>([
    [['root', '-l', '-b', '-q', '-e', 'x'], 'code'],
    [['root', '-b', '-q', 'macro.C+'], 'files'],
    [['root', '-q', 'macro.C(1,"a")'], 'files'],
    [['root', '-l', 'data.root'], 'none'],
    [['root', '--version'], 'none'],
    [['root', '-l', '-b'], 'stdin'],
  ])('%j: %s', (argv, want) => {
    const found = rootArgs(argv.map((a) => lit(a)));
    expect(found.code.length ? 'code' : found.files.length ? 'files' : found.none ? 'none' : 'stdin').toBe(
      want,
    );
  });

  const ctx = filesContext(MACROS);
  it.each<[string, string[]]>([
    [`root -l -b -q -e 'gSystem->Exec("rm -rf /data/run2024")'`, ['root -e|rm -rf /data/run2024']],
    ['root -l -b -q clean.C', ['root -e|rm -rf /data/run2024']],
    [`echo '.! rm -rf /srv' | cling`, ['root -e|rm -rf /srv']],
    ['root -l -b -q analysis.C', []],
    ['root -l -b -q unknown.C', []],
  ])('%s', (script, want) =>
    expect(
      normalizeIn(ctx, script)
        .commands.filter((c) => c.wrappers.length)
        .map((c) => `${c.wrappers.join('>')}|${c.argv.join(' ')}`),
    ).toEqual(want),
  );
});
