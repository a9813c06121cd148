/** Values of Swift expressions (src/normalize/swift-values.ts), read through the Swift reader's deletions and processes. */
import { describe, expect, it } from 'vitest';
import { scanCode } from '../../src/normalize/codescan.js';

/** The target of the code's one `removeItem`, `<…>` when not known. */
const removed = (code: string) =>
  scanCode(code, 'swift', '/h').map((e) =>
    e.kind === 'rm' ? (e.target.dynamic ? `<${e.target.text}>` : e.target.text) : e.kind,
  );

describe('Swift paths', () => {
  it.each<[string, string]>([
    ['"/srv/a"', '/srv/a'],
    ['URL(fileURLWithPath: "/srv/a", isDirectory: true)', '/srv/a'],
    ['URL(string: "file:///srv/a")!.path', '/srv/a'],
    ['URL(fileURLWithPath: "/srv").appendingPathComponent("a").appendingPathComponent("b")', '/srv/a/b'],
    ['URL(filePath: "/srv").appending(component: "a")', '/srv/a'],
    ['NSHomeDirectory()', '/h'],
    ['NSHomeDirectory() + "/.ssh"', '/h/.ssh'],
    ['FileManager.default.homeDirectoryForCurrentUser.path', '/h'],
    ['URL.homeDirectory.appending(path: "Library")', '/h/Library'],
    ['ProcessInfo.processInfo.environment["HOME"] ?? "/root"', '/h'],
    ['String(cString: getenv("HOME"))', '/h'],
    ['("~/.kube" as NSString).expandingTildeInPath', '/h/.kube'],
    ['NSString(string: "~").expandingTildeInPath', '/h'],
    ['NSTemporaryDirectory() + "scratch"', '/tmp/scratch'],
    ['FileManager.default.temporaryDirectory.appendingPathComponent("x")', '/tmp/x'],
    ['FileManager.default.currentDirectoryPath', '.'],
    // not known statically
    ['ProcessInfo.processInfo.environment["TARGET"]!', '<ProcessInfo.processInfo.environment["TARGET"]>'],
    ['readLine()!', '<readLine()>'],
    ['"/srv/\\(name)"', '</srv/\\(name)>'],
  ])('%s', (expr, want) => {
    expect(removed(`try FileManager.default.removeItem(atPath: ${expr})`)).toEqual([want]);
  });

  it('follows a path through the variables that hold it', () => {
    expect(
      removed(
        'let base = NSHomeDirectory()\nlet dir = base + "/Projects"\nlet u = URL(fileURLWithPath: dir)\ntry fm.removeItem(at: u)',
      ),
    ).toEqual(['/h/Projects']);
  });
});

describe('Swift process arguments', () => {
  const argv = (code: string) =>
    scanCode(code, 'swift', '/h').map((e) =>
      e.kind === 'exec' ? e.argv.map((f) => (f.dynamic ? `<${f.text}>` : f.text)).join(' ') : e.kind,
    );
  it.each<[string, string]>([
    [
      'let a = ["-rf", "/srv"]\nlet p = Process()\np.launchPath = "/bin/rm"\np.arguments = a',
      '/bin/rm -rf /srv',
    ],
    [
      'let p = Process()\np.executableURL = URL(fileURLWithPath: "/bin/ls")\np.arguments = [dir]',
      '/bin/ls <dir>',
    ],
    [
      'let p = Process()\np.executableURL = URL(fileURLWithPath: "/bin/ls")\np.arguments = args',
      '/bin/ls <args>',
    ],
  ])('%s', (code, want) => expect(argv(code)).toEqual([want]));
});
