/**
 * Text posted to a forge's issues, pull (merge) requests and releases: `gh issue comment
 * 42 --body "$(cat .env)"`, `gh pr create -F notes.md`, `glab mr note -m …`, `gh release
 * create v1 --notes-file -`, and files attached to a release as its assets (`gh release
 * upload v1 .env`, `gh release create v1 dist/app.tgz`, `glab release upload v1 F`). What is
 * posted there is read by everyone who can see the project (often the public), and stays
 * in its history. Reads the CLI's words only: the texts given (their argv indices), the
 * files whose text is posted or attached, and whether stdin is.
 */
import type { NormalizedCommand } from '../engine/types.js';

/** One post: where it goes and what it carries. */
export interface ForgePost {
  /** `gh issue comment`, `glab mr note`: the command path. */
  sink: string;
  /** The forge's host (github.com, gitlab.com, or the one named with --hostname / -R HOST/OWNER/REPO). */
  host: string;
  /** argv indices of the texts posted (body, title, notes). Empty = none. */
  dataArgs: number[];
  /** Files whose text is posted. Empty = none. */
  files: string[];
  /** True when the text is read from stdin (`--body-file -`, `-F -`). */
  sendsStdin: boolean;
}

interface Forge {
  host: string;
  /** Groups and the verbs of each that post text. */
  posts: Record<string, RegExp>;
  /** Options whose value is text that is posted. */
  text: string[];
  /** Options whose value is a file whose text is posted (`-` = stdin). */
  file: string[];
  /** Release verbs whose positional words after the tag are files attached as assets. */
  assets: RegExp;
  /** Other options that take a value (so it is not an asset). */
  withValue: string[];
}

const FORGES: Record<string, Forge> = {
  gh: {
    host: 'github.com',
    posts: {
      issue: /^(create|new|comment|edit|close)$/,
      pr: /^(create|new|comment|edit|review|close|merge)$/,
      release: /^(create|new|edit|upload)$/,
    },
    text: ['-b', '--body', '-t', '--title', '-n', '--notes', '-c', '--comment', '--subject'],
    file: ['-F', '--body-file', '--notes-file'],
    assets: /^(create|new|upload)$/,
    withValue: ['-R', '--repo', '--target', '--discussion-category', '--notes-start-tag', '--hostname'],
  },
  glab: {
    host: 'gitlab.com',
    posts: {
      issue: /^(create|new|note|comment|update)$/,
      mr: /^(create|new|note|comment|update)$/,
      release: /^(create|update|upload)$/,
    },
    text: ['-d', '--description', '-m', '--message', '-t', '--title', '-N', '--notes'],
    file: ['-F', '--notes-file'],
    assets: /^(create|new|upload)$/,
    withValue: [
      '-R',
      '--repo',
      '-n',
      '--name',
      '-r',
      '--ref',
      '-m',
      '--milestone',
      '-a',
      '--assets-links',
      '-D',
      '--released-at',
      '-T',
      '--tag-message',
    ],
  },
};

/** `-R host/owner/repo` or `--hostname host`: the forge's host when another one is named. */
function hostOf(argv: string[], dflt: string): string {
  for (let i = 1; i < argv.length; i++) {
    const [opt, inline] = argv[i].split(/=(.*)/s, 2);
    const v = inline ?? argv[i + 1] ?? '';
    if (opt === '--hostname') return v.toLowerCase();
    if ((opt === '-R' || opt === '--repo') && v.split('/').length === 3) return v.split('/')[0].toLowerCase();
  }
  return dflt;
}

export function forgePosts(cmd: NormalizedCommand): ForgePost[] {
  const forge = Object.hasOwn(FORGES, cmd.program) ? FORGES[cmd.program] : undefined;
  if (!forge) return [];
  const words = cmd.argv.slice(1).filter((a) => !a.startsWith('-'));
  const group = words[0] ?? '';
  const verb = words[1] ?? '';
  if (!Object.hasOwn(forge.posts, group) || !forge.posts[group].test(verb)) return [];
  const dataArgs: number[] = [];
  const files: string[] = [];
  let sendsStdin = false;
  for (let i = 1; i < cmd.argv.length; i++) {
    const [opt, inline] = cmd.argv[i].split(/=(.*)/s, 2);
    const at = inline === undefined ? i + 1 : i;
    if (forge.text.includes(opt)) dataArgs.push(at);
    else if (forge.file.includes(opt)) {
      const f = inline ?? cmd.argv[i + 1] ?? '';
      if (f === '-') sendsStdin = true;
      else files.push(f);
    } else continue;
    if (inline === undefined) i++;
  }
  if (group === 'release' && forge.assets.test(verb)) files.push(...releaseAssets(cmd.argv, forge));
  return [
    {
      sink: `${cmd.program} ${group} ${verb}`,
      host: hostOf(cmd.argv, forge.host),
      dataArgs,
      files,
      sendsStdin,
    },
  ];
}

/**
 * The files attached to a release: its positional words after the group, the verb and the
 * tag (gh's `FILE#label` names the file before `#`).
 */
function releaseAssets(argv: string[], forge: Forge): string[] {
  const pos: string[] = [];
  const valued = [...forge.withValue, ...forge.text, ...forge.file];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('-')) {
      if (!a.includes('=') && valued.includes(a)) i++;
    } else pos.push(a);
  }
  return pos.slice(3).map((f) => f.replace(/#.*$/s, ''));
}
