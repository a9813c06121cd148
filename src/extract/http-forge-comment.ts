/**
 * A forge CLI's comment on a pull request or issue, read as the API request it sends, so the
 * rules that judge what a comment says (a bot command such as `atlantis apply`, which makes
 * the bot apply or destroy infrastructure) see the same request whether it is sent by `gh
 * api`, curl or these:
 * - `gh pr comment|issue comment [N|URL|BRANCH] -b|--body TEXT | -F|--body-file FILE` → POST
 *   https://api.github.com/repos/OWNER/REPO/issues/N/comments `{"body": TEXT}` (OWNER/REPO
 *   from `-R|--repo` or the PR URL, else `:owner/:repo`, the checkout's own);
 * - `gh pr review [N] -c|--comment -b TEXT` → POST …/pulls/N/reviews `{"body": TEXT, "event":
 *   "COMMENT"}`;
 * - `glab mr note|comment|issue note [N] -m|--message TEXT` → POST
 *   https://gitlab.com/api/v4/projects/:id/merge_requests/N/notes `{"body": TEXT}`.
 * A body read from a file that cannot be read is unknown (`bodyUnknown`); a comment written in
 * an editor or the browser (`--editor`, `--web`, no body) sends nothing from here.
 */
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import { readPayloadFile } from './http-body.js';
import { emptyRequest, type HttpRequest } from './http-request.js';

/** Options of the comment commands that take a value: which one holds the body or the repository. */
interface CommentSpec {
  /** The command path after the program (`pr comment`). */
  path: string[];
  /** Options whose value is the body text. */
  body: RegExp;
  /** Options whose value is a file (`-` = stdin) holding the body. */
  bodyFile: RegExp;
  /** Options whose value names the repository. */
  repo: RegExp;
  /** Other options that take a value. */
  valued: RegExp;
  /** The API path of the comment for `repo` and `target` (the PR or issue). */
  url(repo: string, target: string): string;
  /** An option that must be present (`gh pr review --comment`); undefined = none. */
  needs?: RegExp;
  /** Extra JSON fields of the request body. */
  extra?: Record<string, string>;
}

const GH_ISSUE = (repo: string, n: string) => `https://api.github.com/repos/${repo}/issues/${n}/comments`;
const GLAB_NOTE = (kind: string) => (repo: string, n: string) =>
  `https://gitlab.com/api/v4/projects/${repo === ':owner/:repo' ? ':id' : encodeURIComponent(repo)}/${kind}/${n}/notes`;

const GH_COMMON = { body: /^(-b|--body)$/, bodyFile: /^(-F|--body-file)$/, repo: /^(-R|--repo)$/ };
const GLAB_COMMON = { body: /^(-m|--message)$/, bodyFile: /^$/, repo: /^(-R|--repo)$/, valued: /^$/ };

const SPECS: Record<string, CommentSpec[]> = {
  gh: [
    { path: ['pr', 'comment'], ...GH_COMMON, valued: /^$/, url: GH_ISSUE },
    { path: ['issue', 'comment'], ...GH_COMMON, valued: /^$/, url: GH_ISSUE },
    {
      path: ['pr', 'review'],
      ...GH_COMMON,
      valued: /^$/,
      needs: /^(-c|--comment)$/,
      extra: { event: 'COMMENT' },
      url: (repo, n) => `https://api.github.com/repos/${repo}/pulls/${n}/reviews`,
    },
  ],
  glab: [
    { path: ['mr', 'note'], ...GLAB_COMMON, url: GLAB_NOTE('merge_requests') },
    { path: ['mr', 'comment'], ...GLAB_COMMON, url: GLAB_NOTE('merge_requests') },
    { path: ['issue', 'note'], ...GLAB_COMMON, url: GLAB_NOTE('issues') },
  ],
};

/** OWNER/REPO and the number of a pull request or issue URL (`https://github.com/o/r/pull/12`). */
const FORGE_URL = /^https?:\/\/[^/]+\/(.+?)\/(?:-\/)?(?:pull|pulls|issues|merge_requests)\/(\d+)/;

/** The request a comment command sends; empty when `cmd` is not one or sends nothing itself. */
export function parseForgeComment(cmd: NormalizedCommand, ctx: AnalyzeContext): HttpRequest[] {
  const specs = Object.hasOwn(SPECS, cmd.program) ? SPECS[cmd.program] : [];
  const args = cmd.argv.slice(1);
  const spec = specs.find((s) => s.path.every((w, i) => args[i] === w));
  if (!spec) return [];
  const r = emptyRequest(cmd.program);
  r.auth = true; // the CLI sends the logged-in user's token
  r.defaultScheme = 'https';
  let body: string | undefined;
  let repo = ':owner/:repo';
  let target = '';
  let needed = !spec.needs;
  for (let i = spec.path.length; i < args.length; i++) {
    const a = args[i];
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const name = eq > 0 ? a.slice(0, eq) : a;
    const takes =
      spec.body.test(name) || spec.bodyFile.test(name) || spec.repo.test(name) || spec.valued.test(name);
    const value = eq > 0 ? a.slice(eq + 1) : takes ? (args[++i] ?? '') : undefined;
    if (spec.needs?.test(name)) needed = true;
    if (spec.body.test(name)) {
      body = value;
      r.dataArgs.push(i + 1);
    } else if (spec.bodyFile.test(name)) {
      const p = readPayloadFile(value ?? '', cmd, ctx);
      if (p.stdin) r.sendsStdin = true;
      if (p.file) r.uploads.push(p.file);
      r.bodyUnknown ||= p.unknown;
      body = p.text;
    } else if (spec.repo.test(name)) repo = value ?? repo;
    else if (!a.startsWith('-') && !target) target = a;
  }
  // an editor or the browser writes the comment: nothing is sent from this command's words
  if (!needed || (body === undefined && !r.bodyUnknown)) return [];
  const url = FORGE_URL.exec(target);
  if (url) [repo, target] = [url[1], url[2]];
  r.method = 'POST';
  r.urls.push(spec.url(repo, encodeURIComponent(target || ':current')));
  r.headers['content-type'] = 'application/json';
  if (body !== undefined) r.body = JSON.stringify({ body, ...spec.extra });
  return [r];
}
