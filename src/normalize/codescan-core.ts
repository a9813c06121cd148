/**
 * Patterns of the first languages the code scanner read (codescan.ts): Node.js (child_process,
 * execa, shelljs; QuickJS's std and os modules), Ruby (and
 * Crystal, read as Ruby), Perl and PHP: file deletions, commands run, HTTP requests and
 * code evaluated at run time (HTTP client libraries of Node and Ruby: codescan-httplibs.ts). Python, the VM languages, Lua/R/Julia/Go and Erlang have
 * their own pattern modules; Tcl, Scheme, Clojure and AppleScript their own scanners.
 */
import { kwarg, literalOf } from './codelex.js';
import { nodeRequest } from './codescan-net.js';
import type { Helpers, Pattern } from './codescan-langs.js';
import { k6Patterns } from './codescan-k6.js';
import { httpLibraryPatterns } from './codescan-httplibs.js';
import { chainedHttpPatterns } from './codescan-http-chains.js';
import { nodeHttpClientPatterns } from './codescan-http-node.js';
import {
  perlStaticClientPatterns,
  phpStaticClientPatterns,
  rubyStaticClientPatterns,
} from './codescan-http-static.js';
import { nodeGitLibraryPatterns } from './codescan-gitlib.js';
import { nodeForgeRefPatterns } from './codescan-forge-refs.js';
import { rubyGitLibraryPatterns } from './codescan-gitlib-jvm.js';
import { graphqlClientPatterns } from './codescan-graphql-clients.js';
import { kubePatterns } from './codescan-kube.js';
import { jsEnginePatterns } from './codescan-js-engines.js';
import { rubyGraphqlPatterns } from './codescan-graphql-langs.js';

/**
 * The body given to the Ruby request object built at `at` (`req = Net::HTTP::Post.new(uri)`, then
 * `req.body = EXPR` or `req.set_form_data(HASH)`); undefined = none set.
 */
function requestBody(skel: string, at: number): string | undefined {
  const name = /([A-Za-z_]\w*)\s*=\s*$/.exec(skel.slice(0, at))?.[1];
  if (!name) return undefined;
  const set = new RegExp(`\\b${name}\\.(?:body\\s*=(?!=)|set_form_data\\s*\\(?)\\s*`).exec(skel);
  if (!set) return undefined;
  let depth = 0;
  let i = set.index + set[0].length;
  const from = i;
  for (; i < skel.length; i++) {
    const c = skel[i];
    if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c) && --depth < 0) break;
    else if (depth === 0 && (c === '\n' || c === ';')) break;
  }
  const body = skel.slice(from, i).trim();
  // `set_form_data('k' => v, …)`: the pairs of one hash written without its braces
  return set[0].includes('set_form_data') && /=>|:\s/.test(body) && !body.startsWith('{')
    ? `{${body}}`
    : body;
}

export function corePatterns(h: Helpers): Record<'node' | 'ruby' | 'perl' | 'php', Pattern[]> {
  const libs = httpLibraryPatterns(h);
  const chains = chainedHttpPatterns(h);
  return {
    node: [
      {
        re: /\b(?:rmSync|rmdirSync|unlinkSync|rm|rmdir|unlink|remove|removeSync|emptyDirSync|rimraf(?:\.sync)?|deleteSync|file\.delete)\s*\(/g,
        // shelljs's `shell.rm('-rf', dir)`: its leading options are not the target
        handle: (a, lx, home, m) =>
          h.rm(
            a.filter((x) => !/^-/.test(literalOf(x, lx)?.value ?? '')),
            lx,
            home,
            m,
          ),
      },
      {
        // execa's `execa(file, [args…])` / `execaSync`, `execaNode(script)`; its
        // `execaCommand('cmd args')` splits one string into a command
        re: /\b(?:execa|execaSync|execaCommand|execaCommandSync)\s*\(/g,
        handle: (a, lx, home) => h.command(a[0], lx, home, a.slice(1)),
      },
      {
        // child_process; JXA's `app.doShellScript(…)` (`osascript -l JavaScript`); QuickJS's
        // `os.exec([argv…])` and `std.popen(CMD, mode)`
        re: /\b(?:execSync|exec|execFileSync|execFile|spawnSync|spawn|fork|doShellScript|popen)\s*\(/g,
        handle: (a, lx, home) => h.command(a[0], lx, home, a.slice(1)),
      },
      {
        // Deno: `new Deno.Command(PROG, {args: […]})`, the older `Deno.run({cmd: [argv…]})`
        re: /\bDeno\.(Command|run)\s*\(/g,
        handle: (a, lx, home, m) => {
          if (m[1] === 'run') return h.command(kwarg(a, 'cmd') ?? a[0], lx, home);
          const args = kwarg(a.slice(1), 'args') ?? '[]';
          // fail closed: arguments built at run time (`args: xs`) stay one word, dynamic unless known
          return h.command(a[0], lx, home, [/^\s*\[[\s\S]*\]\s*$/.test(args) ? args : `[${args}]`]);
        },
      },
      { re: /\bfetch\s*\(/g, handle: (a, lx, home) => h.http(undefined, a, lx, home, 'node') },
      {
        // not k6's http module (k6Patterns: the same names, other arguments)
        re: /(?<!\bk6\.)\b(https?|http2)\.(request|get)\s*\(/g,
        handle: (a, lx, home, m) => nodeRequest(a, lx, home, m, h.valueOf),
      },
      {
        // `axios.post(url, data, config)`: the second argument is the body, an object literal too
        re: /\baxios\.(delete|post|put|patch|get|head)\s*\(/g,
        handle: (a, lx, home, m) =>
          h.http(
            m[1],
            /^(post|put|patch)$/.test(m[1]) && a[1] !== undefined ? [a[0], `data=${a[1]}`] : a,
            lx,
            home,
            'node',
          ),
      },
      {
        re: /\baxios\s*\(/g,
        handle: (a, lx, home) => h.http(undefined, [kwarg(a, 'url') ?? '', ...a], lx, home, 'node'),
      },
      {
        // QuickJS: `std.evalScript(CODE)`
        re: /(?<![\w.])(?:eval|Function|new\s+Function)\s*\(|\bvm\.run\w*\s*\(|\bstd\.evalScript\s*\(/g,
        handle: (a, lx) => h.code(a[0], lx),
      },
      {
        re: /\brequire\s*\((?!\s*\u0001)|\bimport\s*\((?!\s*\u0001)|\bprocess\.binding\b|\[\s*\u0001\d+\u0002\s*\+/g,
        handle: (_a, _lx, _h, m) => [{ kind: 'dynamic', text: m[0] }],
      },
      ...k6Patterns(h),
      ...libs.node,
      ...chains.node,
      ...nodeHttpClientPatterns(h),
      ...nodeGitLibraryPatterns(h),
      ...nodeForgeRefPatterns(),
      ...graphqlClientPatterns(h),
      ...kubePatterns(h).node,
      ...jsEnginePatterns(h), // GJS, Rhino, Nashorn
    ],
    ruby: [
      {
        re: /\b(?:FileUtils\.(?:rm_rf|rm_r|rm|rm_f|remove_dir|remove_entry|remove_entry_secure|rmdir|remove)|File\.(?:delete|unlink)|Dir\.(?:delete|rmdir|unlink))\s*\(?/g,
        handle: h.rm,
      },
      {
        // a whole name, not a hash key (`execute: http`, `exec: true`)
        re: /(?<![\w.])(?:system|exec|spawn|IO\.popen|Open3\.\w+|Kernel\.system)(?![\w?!]|\s*:(?!:))\s*\(?/g,
        handle: (a, lx, home) => h.command(a[0], lx, home),
      },
      {
        re: /\bNet::HTTP\.(post|post_form|get|get_response)\s*\(/g,
        handle: (a, lx, home, m) => h.http(m[1].replace(/_.*/, ''), a, lx, home, 'ruby'),
      },
      // Crystal's HTTP::Client and the http gem: `HTTP::Client.delete(url, headers: …)`, `HTTP.post(url, body: …)`
      {
        re: /(?<![\w:])HTTP(?:::Client)?\.(delete|post|put|patch|get)\s*\(/g,
        handle: (a, lx, home, m) => h.http(m[1], a, lx, home, 'ruby'),
      },
      {
        // the body set on the request object afterwards: `req.body = {query: …}.to_json`
        re: /\bNet::HTTP::(Delete|Post|Put|Patch)\.new\s*\(/g,
        handle: (a, lx, home, m) => {
          const body = requestBody(lx.skel, m.index);
          return h.http(m[1], body === undefined ? a : [a[0] ?? '', `body: ${body}`], lx, home, 'ruby');
        },
      },
      {
        re: /(?<![\w.])(?:eval|instance_eval|class_eval|send|public_send|const_get)(?![\w?!]|\s*:(?!:))\s*\(?/g,
        handle: (a, lx) => h.code(a[0], lx),
      },
      ...libs.ruby,
      ...chains.ruby,
      ...rubyStaticClientPatterns(h),
      ...rubyGitLibraryPatterns(h),
      ...rubyGraphqlPatterns(h),
    ],
    perl: [
      {
        re: /\b(?:unlink|rmdir|rmtree|remove_tree|File::Path::rmtree|File::Path::remove_tree)\s*\(?/g,
        handle: h.rm,
      },
      // `system LIST` with more than one element runs the argv itself, without a shell
      {
        re: /(?<![\w$@%])(?:system|exec)\s*\(?/g,
        handle: (a, lx, home) => h.command(a.length > 1 ? `[${a.join(',')}]` : a[0], lx, home),
      },
      // HTTP::Tiny, LWP::UserAgent, Mojo::UserAgent, Furl, WWW::Mechanize: `->delete(URL)`, `->post(URL, …)`, `->request('DELETE', URL)`
      {
        re: /->\s*(delete|put|patch|post|get|head)\s*\(/g,
        handle: (a, lx, home, m) =>
          /HTTP::Tiny|LWP|Mojo::UserAgent|HTTP::Request|\bFurl\b|WWW::Mechanize/.test(lx.skel)
            ? h.http(m[1], a, lx, home, 'perl')
            : [],
      },
      // AnyEvent::HTTP: `http_request DELETE => URL, …` (the method a bareword or a string)
      {
        re: /(?<![\w$@%>])(?:AnyEvent::HTTP::)?http_request\s*\(?/g,
        handle: (a, lx, home) => {
          const [verb, url, ...rest] = a.flatMap((x) => x.split(/\s*=>\s*/));
          const method = /^\s*[A-Za-z]+\s*$/.test(verb ?? '')
            ? verb.trim()
            : literalOf(verb ?? '', lx)?.value;
          return h.http(method ?? 'DYNAMIC', [url ?? '', ...rest], lx, home, 'perl');
        },
      },
      {
        re: /->\s*request\s*\(/g,
        handle: (a, lx, home) =>
          /HTTP::Tiny/.test(lx.skel)
            ? h.http(literalOf(a[0] ?? '', lx)?.value ?? 'DYNAMIC', a.slice(1), lx, home, 'perl')
            : [],
      },
      { re: /(?<![\w$@%])eval\s*(?!\{)\(?/g, handle: (a, lx) => h.code(a[0], lx) },
      ...perlStaticClientPatterns(h),
    ],
    php: [
      { re: /\b(?:unlink|rmdir)\s*\(/g, handle: h.rm },
      // Laravel's File facade (`artisan tinker`): File::delete(P), File::deleteDirectory(P), File::cleanDirectory(P)
      { re: /\bFile::(?:delete|deleteDirectory|deleteDirectories|cleanDirectory)\s*\(/g, handle: h.rm },
      // Laravel's Process facade: Process::run(CMD), Process::path(D)->run(CMD)
      {
        re: /\bProcess::(?:[\s\S]{0,80}?->\s*)?(?:run|start)\s*\(/g,
        handle: (a, lx, home) => h.command(a[0], lx, home),
      },
      {
        // PHP's functions, not a method of that name (PDO's and SQLite3's `$db->exec(SQL)` run SQL)
        re: /(?<!->\s*|::\s*)\b(?:system|exec|shell_exec|passthru|popen|proc_open)\s*\(/g,
        handle: (a, lx, home) => h.command(a[0], lx, home),
      },
      { re: /\b(?:eval|assert|create_function)\s*\(/g, handle: (a, lx) => h.code(a[0], lx) },
      ...phpStaticClientPatterns(h),
    ],
  };
}
