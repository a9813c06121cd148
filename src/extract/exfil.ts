/**
 * Secret exfiltration: the environment, a secret variable or a credential file sent to
 * another host (in a request's body, URL or a header that carries no credential, through
 * xargs, a socket, ssh, a forge post, mail, a packet payload, a mail or file-transfer
 * library's attachment or upload from code), a credential file committed
 * and pushed or copied into a package that is then published, or the repository pushed to
 * a remote added in the same script, a credential store's repository pushed to a URL
 * (exfil-store-push.ts), a packed folder tree, the repository or a database dump
 * uploaded or sent through a raw socket (exfil-bulk.ts), a secret handed to a pipeline module
 * fetched from the network (exfil-modules.ts). Loopback destinations are fine.
 */
import type { AnalyzeContext, NormalizedCommand } from '../engine/types.js';
import type { DraftFact, Extractor } from './extractor.js';
import { socketSends } from './exfil-code.js';
import { codeFileSends } from './exfil-code-files.js';
import {
  isCredentialPath,
  producedSecret,
  secretVarRefs,
  stdinSecret,
  substitutedSecret,
  type SecretSource,
} from './exfil-sources.js';
import { sinksOf, type Sink } from './exfil-sinks.js';
import { publishedCredential } from './exfil-publish.js';
import { readSecret, writtenSecret } from './exfil-written.js';
import { isLocalHost, parseUrl } from './http-url.js';
import { carriesSecret, isCredentialAbs } from '../normalize/credentials.js';
import { bodyCredential, urlCredential } from './exfil-url-credentials.js';
import { bulkSent } from './exfil-bulk.js';
import { mailForwards } from './exfil-mail.js';
import { moduleSends } from './exfil-modules.js';
import { storePush } from './exfil-store-push.js';

/** How the evidence names what was sent. */
const SENT: Record<SecretSource, string> = {
  env: 'the environment',
  'env-var': 'a secret variable',
  'credential-file': 'a credential file',
  'credential-store': 'a stored credential',
  repository: 'the repository',
  'bulk-data': 'bulk data',
  mailbox: "a mailbox's mail",
};

function fact(source: SecretSource, host: string, sink: string, what: string): DraftFact {
  return { kind: 'exfil', evidence: `${what} → ${sink} ${host || '(unknown host)'}`, source, host, sink };
}

export const extractExfil: Extractor = (cmd, ctx, all) => {
  const out: DraftFact[] = [];
  for (const s of sinksOf(cmd, ctx)) {
    if (s.local) continue;
    const piped = s.sendsStdin ? stdinSecret(cmd, ctx) : '';
    if (piped) out.push(fact(piped, s.host, s.sink, SENT[piped]));
    // A redirect to /dev/tcp sends what the command itself prints.
    if (s.sink === 'dev-tcp') {
      const own = producedSecret(cmd, ctx);
      if (own) out.push(fact(own, s.host, s.sink, own === 'env' ? SENT.env : 'secret output'));
    }
    // (an upload already placed on the host is not placed again through a container's mounts)
    const cred = s.files.find((f) =>
      s.hostFiles ? isCredentialAbs(f, ctx.home) : isCredentialPath(f.replace(/^[^=]*=[@<]?/, ''), cmd, ctx),
    );
    if (cred) out.push(fact('credential-file', s.host, s.sink, 'a credential file'));
    // a file the script filled with secret material first (exfil-written.ts)
    const stdinFile = s.sendsStdin && cmd.stdin?.kind === 'file' ? [cmd.stdin.path ?? ''] : [];
    const written = cred
      ? ''
      : [...s.files, ...stdinFile].map((f) => writtenSecret(f, cmd, ctx, all)).find(Boolean);
    if (written) out.push(fact(written, s.host, s.sink, `${SENT[written]} (written to a file first)`));
    const dynamicData = s.dataArgs.filter((i) => cmd.dynamicArgs.includes(i)).map((i) => cmd.argv[i] ?? '');
    // (the service's own credential where its API reads it in the body is not: exfil-url-credentials.ts)
    const vars = dynamicData.flatMap((w) => secretVarRefs(w).filter((v) => !bodyCredential(w, s.url, v)));
    if (vars.length) out.push(fact('env-var', s.host, s.sink, `$${vars[0]}`));
    // A secret variable spliced into the URL itself (`?k=$GITHUB_TOKEN`) leaves in logs and
    // to whoever owns the host; credentials belong in an auth header.
    // (the app token of the service the request is for, where its API reads it, is not: exfil-url-credentials.ts)
    const urlVars = secretVarRefs(s.url).filter((v) => !urlCredential(s.url, v));
    if (urlVars.length) out.push(fact('env-var', s.host, s.sink, `$${urlVars[0]} in the URL`));
    // Secret material folded into the command (`-d "$(cat .env)"`, `?k=$(base64 .env)`,
    // `dig $(… .env …).host`): the normalizer kept its provenance as the mark.
    // A secret in a header is a credential used for its purpose, not sent as data.
    const sent = [...s.dataArgs.map((i) => cmd.argv[i] ?? ''), s.url];
    // (stdin already read as the command it comes from is not counted twice)
    if (sent.some((a) => carriesSecret(a)) || (s.sendsStdin && !piped && carriesSecret(cmd.stdin?.text)))
      out.push(fact('credential-file', s.host, s.sink, 'secret material from a file'));
    const sub = [...dynamicData, s.url].map((w) => substitutedSecret(w, cmd, ctx)).find(Boolean);
    if (sub) out.push(fact(sub, s.host, s.sink, SENT[sub]));
    // a variable `read` took from secret material (`… | while read c; do dig "$c.h"; done`)
    const readVar = readSecret([...dynamicData, s.url], cmd, ctx, all);
    if (readVar) out.push(fact(readVar, s.host, s.sink, `${SENT[readVar]} (through read)`));
    out.push(...headerSecrets(s, cmd, ctx));
    // a folder tree, the repository or a dump piped or uploaded to an open sink (exfil-bulk.ts)
    const bulk = bulkSent(s, cmd, ctx, all);
    if (bulk) out.push(fact('bulk-data', s.host, s.sink, bulk));
    // xargs turns its input into words of the command: a secret piped into it lands where
    // its placeholder is (`… | xargs -I{} curl "https://h/?v={}"`). In a header it is a
    // credential used for its purpose, so only the body and the URL count.
    if (cmd.wrappers.includes('xargs')) {
      const src = stdinSecret(cmd, ctx);
      const urlAt = cmd.argv.indexOf(s.url);
      const placed = cmd.dynamicArgs.some((i) => s.dataArgs.includes(i) || (i === urlAt && s.url !== ''));
      if (src && placed) out.push(fact(src, s.host, s.sink, `${SENT[src]} (through xargs)`));
    }
  }
  for (const send of socketSends(cmd, ctx))
    out.push(
      send.sent === 'env'
        ? fact('env', send.host, 'socket', SENT.env)
        : send.sent === 'file'
          ? fact('credential-file', send.host, 'socket', `a credential file (${send.file})`)
          : fact('env-var', send.host, 'socket', `$${send.sent}`),
    );
  // a credential file attached to mail or uploaded by a library (exfil-code-files.ts)
  for (const send of codeFileSends(cmd, ctx))
    out.push(fact('credential-file', send.host, send.sink, `a credential file (${send.file})`));
  // a secret handed to a module fetched from the network (exfil-modules.ts)
  for (const m of moduleSends(cmd)) out.push(fact(m.source, m.host, m.sink, `${SENT[m.source]} (${m.what})`));
  // a mailbox's mail forwarded to another address from now on (exfil-mail.ts)
  for (const m of mailForwards(cmd.program, cmd.argv.slice(1)))
    out.push(fact('mailbox', m.host, 'mail-forward', `${SENT.mailbox} (${m.how} ${m.to})`));
  out.push(...repositoryPush(cmd, ctx, all), ...committedCredential(cmd, ctx, all));
  // a credential store's repository pushed to a URL named on the spot (exfil-store-push.ts)
  const store = storePush(cmd, ctx);
  if (store)
    out.push(fact('credential-file', store.host, 'git-push', `a credential store pushed (${store.store})`));
  const published = publishedCredential(cmd, ctx, all);
  if (published)
    out.push(
      fact('credential-file', published.host, 'publish', `a credential file packed (${published.file})`),
    );
  return out;
};

/**
 * Headers that carry a credential to the service it is for: their name says so
 * (`Authorization`, `X-Api-Key`, `PRIVATE-TOKEN`, `Cookie`), or names the variable's vendor
 * (`X-Honeycomb-Team: $HONEYCOMB_API_KEY`).
 */
const CREDENTIAL_HEADER = /auth|token|key|secret|cookie|session|signature|passw|cred|bearer|jwt|api|otp/i;
function credentialHeader(name: string, secretVar: string): boolean {
  const vendor = /^([A-Za-z]{3,})_/.exec(secretVar)?.[1].toLowerCase();
  return CREDENTIAL_HEADER.test(name) || (vendor !== undefined && name.toLowerCase().includes(vendor));
}

/**
 * A secret put in a header that carries no credential (`-H "X-Debug: $STRIPE_SECRET_KEY"`,
 * `User-Agent: $(cat .env)`): it is data sent to that host, not authentication.
 */
function headerSecrets(s: Sink, cmd: NormalizedCommand, ctx: AnalyzeContext): DraftFact[] {
  const out: DraftFact[] = [];
  for (const [name, value] of Object.entries(s.headers)) {
    const vars = secretVarRefs(value).filter((v) => !credentialHeader(name, v));
    if (vars.length) out.push(fact('env-var', s.host, s.sink, `$${vars[0]} in the ${name} header`));
    if (credentialHeader(name, '')) continue;
    if (carriesSecret(value))
      out.push(fact('credential-file', s.host, s.sink, `secret material in the ${name} header`));
    const sub = substitutedSecret(value, cmd, ctx);
    if (sub) out.push(fact(sub, s.host, s.sink, `${SENT[sub]} in the ${name} header`));
  }
  return out;
}

/** Positionals of a git command after its global options (`-C dir`, `-c k=v`). */
function gitWords(cmd: NormalizedCommand): string[] {
  const words: string[] = [];
  for (let i = 1; i < cmd.argv.length; i++) {
    const a = cmd.argv[i];
    if (!words.length && (a === '-C' || a === '-c' || a === '--git-dir' || a === '--work-tree')) i++;
    else words.push(a);
  }
  return words;
}

/** `git push X` where X was added by `git remote add X URL` earlier in this script, or a URL with --all/--mirror. */
function repositoryPush(cmd: NormalizedCommand, _ctx: AnalyzeContext, all: NormalizedCommand[]): DraftFact[] {
  if (cmd.program !== 'git') return [];
  const w = gitWords(cmd);
  if (w[0] !== 'push') return [];
  const args = w.slice(1);
  const positional = args.filter((a) => !a.startsWith('-'));
  const remote = positional[0] ?? '';
  if (!remote) return [];
  const added = new Map<string, string>();
  for (const c of all) {
    if (c === cmd) break;
    if (c.program !== 'git') continue;
    const cw = gitWords(c);
    if (cw[0] === 'remote' && (cw[1] === 'add' || cw[1] === 'set-url')) {
      const rest = cw.slice(2).filter((a) => !a.startsWith('-'));
      if (rest.length >= 2) added.set(rest[0], rest[1]);
    }
  }
  const wholeRepo = args.some((a) => ['--all', '--mirror', '--tags'].includes(a));
  const url =
    added.get(remote) ?? (/^[a-z]+:\/\/|^[^/@\s]+@[^:\s]+:/.test(remote) && wholeRepo ? remote : undefined);
  if (url === undefined) return [];
  const host = hostOfGitUrl(url);
  if (host && isLocalHost(host)) return [];
  return [fact('repository', host, 'git-push', `the repository (${wholeRepo ? 'all refs' : 'pushed refs'})`)];
}

/**
 * `git push` after `git add [-f] .env` (or another credential file) earlier in the script,
 * or after `chezmoi add FILE` (chezmoi's repository, pushed by `chezmoi git -- push`, peeled
 * to git): the file goes to the remote with the commit, and stays in its history.
 */
function committedCredential(
  cmd: NormalizedCommand,
  ctx: AnalyzeContext,
  all: NormalizedCommand[],
): DraftFact[] {
  if (cmd.program !== 'git' || gitWords(cmd)[0] !== 'push') return [];
  for (const c of all) {
    if (c === cmd) break;
    // `chezmoi add|re-add FILE`: the file is copied into the dotfiles repository (unless encrypted)
    const chezmoiAdd =
      c.program === 'chezmoi' && /^(add|re-add)$/.test(gitWords(c)[0] ?? '') && !c.argv.includes('--encrypt');
    if (c.program !== 'git' && !chezmoiAdd) continue;
    const [sub, ...rest] = gitWords(c);
    if (!chezmoiAdd && sub !== 'add' && sub !== 'stage') continue;
    const file = rest.find((a) => !a.startsWith('-') && isCredentialPath(a, c, ctx));
    if (file) {
      const remote =
        gitWords(cmd)
          .slice(1)
          .find((a) => !a.startsWith('-')) ?? '';
      const host = /[:/]/.test(remote) ? hostOfGitUrl(remote) : '';
      if (host && isLocalHost(host)) return [];
      return [fact('credential-file', host, 'git-push', `a credential file committed (${file})`)];
    }
  }
  return [];
}

function hostOfGitUrl(url: string): string {
  const scp = /^(?:[^@/\s]+@)?([^:/\s]+):(?!\/\/)/.exec(url);
  if (scp && !/^[a-z]+:\/\//i.test(url)) return scp[1].toLowerCase();
  return /^file:|^\//.test(url) ? 'localhost' : parseUrl(url).host;
}
