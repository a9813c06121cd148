/**
 * Clojure code (src/normalize/codescan-clojure.ts) run by babashka and the Clojure CLI: what it
 * deletes, runs or sends becomes the command the extractors read; what cannot be read stays
 * dynamic; what does neither leaves only the interpreter.
 */
import { describe, expect, it } from 'vitest';
import { filesContext } from '../helpers/normalize.js';
import { parseScript } from '../../src/parse/parse.js';
import { normalize } from '../../src/normalize/index.js';
import { DEFAULT_LIMITS } from '../../src/engine/types.js';

/** Each normalized command as `argv…` (dynamic ones marked), in order. */
function commands(script: string): string[] {
  const r = normalize(parseScript(script, DEFAULT_LIMITS), filesContext({}));
  return r.commands.map((c) => (c.dynamic ? `dynamic:${c.argv.join(' ')}` : c.argv.join(' ')));
}

describe('what Clojure code deletes, runs or sends', () => {
  it.each<[string, string]>([
    [`bb -e '(babashka.fs/delete-tree (System/getProperty "user.home"))'`, 'rm -rf /h'],
    [`bb -e '(require (quote [babashka.fs :as f])) (f/delete-tree "/srv/data")'`, 'rm -rf /srv/data'],
    [
      `bb -e "(require '[babashka.fs :refer [delete-tree home]]) (delete-tree (str (home) \\"/src\\"))"`,
      'rm -rf /h/src',
    ],
    [
      `bb -e '(fs/delete-if-exists (fs/path (System/getenv "HOME") ".ssh" "id_ed25519"))'`,
      'rm -rf /h/.ssh/id_ed25519',
    ],
    [`bb -e '(clojure.java.io/delete-file "/etc/hosts")'`, 'rm -rf /etc/hosts'],
    [`bb -e '(.delete (java.io.File. "/etc/hosts"))'`, 'rm -rf /etc/hosts'],
    [`bb -e '(def d "/srv/x") (babashka.fs/delete-tree d)'`, 'rm -rf /srv/x'],
    [`bb -e '(let [d "/srv/y"] (babashka.fs/delete-tree d))'`, 'rm -rf /srv/y'],
    [`bb -e '(run! babashka.fs/delete-tree ["/srv/a" "/srv/b"])'`, 'rm -rf /srv/b'],
    [
      `bb -e "(require '[clojure.java.shell :refer [sh]]) (sh \\"rm\\" \\"-rf\\" \\"/srv\\" :dir \\"/\\")"`,
      'rm -rf /srv',
    ],
    [`bb -e '(babashka.process/shell {:dir "/tmp"} "rm -rf /srv")'`, 'rm -rf /srv'],
    [`bb -e '(require (quote [babashka.process :as p])) (p/process ["rm" "-rf" "/srv"])'`, 'rm -rf /srv'],
    [`bb -e '(.exec (Runtime/getRuntime) "rm -rf /srv")'`, 'rm -rf /srv'],
    [`bb -e '(load-string "(babashka.fs/delete-tree \\"/srv\\")")'`, 'rm -rf /srv'],
    [`bb -e '(eval (read-string "(babashka.fs/delete-tree \\"/srv\\")"))'`, 'rm -rf /srv'],
    [`bb '(babashka.fs/delete-tree "/srv")'`, 'rm -rf /srv'],
    [`echo '(babashka.fs/delete-tree "/srv")' | bb`, 'rm -rf /srv'],
    [`printf '(babashka.fs/delete-tree "/srv")' > x.clj; bb x.clj`, 'rm -rf /srv'],
    [`printf '(babashka.fs/delete-tree "/srv")' > x.clj; bb -f x.clj`, 'rm -rf /srv'],
    [`clojure -M -e '(clojure.java.io/delete-file "/etc/hosts")'`, 'rm -rf /etc/hosts'],
    [`clj -Sdeps '{:deps {}}' -M -e '(clojure.java.io/delete-file "/etc/hosts")'`, 'rm -rf /etc/hosts'],
    [
      `bb -e '(require (quote [babashka.http-client :as http])) (http/delete "https://api.example.com/v1/projects/p" {:headers {"Authorization" (str "Bearer " (System/getenv "TOKEN"))}})'`,
      'curl -X DELETE https://api.example.com/v1/projects/p -H Authorization: Bearer $TOKEN',
    ],
    [
      `bb -e '(require (quote [clj-http.client :as c])) (c/request {:method :delete :url "https://api.example.com/v1/db"})'`,
      'curl -X DELETE https://api.example.com/v1/db',
    ],
    [
      `bb -e '(org.httpkit.client/post "https://api.example.com/graphql" {:body (cheshire.core/generate-string {:query "mutation { deleteProject(id: 1) }"})})'`,
      'curl -X POST https://api.example.com/graphql -d {"query":"mutation { deleteProject(id: 1) }"}',
    ],
    [
      `bb -e '(babashka.http-client/post "https://api.example.com/graphql" {:body (slurp "q.json")})'`,
      'curl -X POST https://api.example.com/graphql --data-binary @q.json',
    ],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));

  it.each<[string, string]>([
    // not known statically: dynamic (asked)
    [`bb -e '(babashka.fs/delete-tree (first *command-line-args*))'`, 'dynamic:rm -rf'],
    [`bb -e '(defn nuke [d] (babashka.fs/delete-tree d)) (nuke "x")'`, 'dynamic:rm -rf'],
    [`bb -e '(load-string (slurp *in*))'`, 'dynamic:'],
    [`bb -e '(clojure.java.shell/sh (read-line))'`, 'dynamic:'],
    [`bb -e '(map babashka.fs/delete-tree *command-line-args*)'`, 'dynamic:'],
    [`bb -e '(def f babashka.fs/delete-tree) (f (read-line))'`, 'dynamic:rm -rf'],
    [`bb -e '(babashka.http-client/post "https://api.example.com/x" {:body (read-line)})'`, 'dynamic:curl'],
  ])('%s stays unknown', (script, want) =>
    expect(commands(script).some((c) => c.startsWith(want))).toBe(true),
  );

  it.each<[string, string]>([
    // reads, prints and project code: only the interpreter
    [`bb -e '(println (+ 1 2))'`, 'bb -e (println (+ 1 2))'],
    [
      `bb -e '(require (quote [babashka.fs :as fs])) (doseq [f (fs/glob "." "**.clj")] (println (str f)))'`,
      'bb',
    ],
    [
      `bb -e '(require (quote [babashka.http-client :as http])) (http/get "https://api.github.com/zen")'`,
      'bb',
    ],
    [`bb test`, 'bb test'],
    [`bb -m acme.main --port 8080`, 'bb -m acme.main --port 8080'],
    [`bb script/build.clj`, 'bb script/build.clj'],
    [`clojure -X:deps tree`, 'clojure -X:deps tree'],
    [`clj -M -m acme.core`, 'clj -M -m acme.core'],
    [`clojure -M:test`, 'clojure -M:test'],
  ])('%s stays the interpreter', (script, first) => {
    const cmds = commands(script);
    expect(cmds[0].startsWith(first)).toBe(true);
    expect(cmds.some((c) => /^(dynamic:|rm |curl -X (DELETE|POST))/.test(c))).toBe(false);
  });
});
