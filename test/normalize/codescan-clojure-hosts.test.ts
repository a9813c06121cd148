/**
 * The Clojure dialects' host calls (src/normalize/codescan-clojure-hosts.ts): ClojureScript on
 * Node (nbb) and Joker, read as the commands they delete, run or send.
 */
import { describe, expect, it } from 'vitest';
import { filesContext } from '../helpers/normalize.js';
import { parseScript } from '../../src/parse/parse.js';
import { normalize } from '../../src/normalize/index.js';
import { DEFAULT_LIMITS } from '../../src/engine/types.js';

/** Each normalized command after the interpreter as `argv…` (dynamic ones marked), in order. */
function commands(script: string): string[] {
  const r = normalize(parseScript(script, DEFAULT_LIMITS), filesContext({}));
  return r.commands.slice(1).map((c) => (c.dynamic ? `dynamic:${c.argv.join(' ')}` : c.argv.join(' ')));
}

describe('ClojureScript on Node and Joker: what they delete, run or send', () => {
  it.each<[string, string]>([
    [
      `nbb -e '(.rmSync (js/require "fs") "/srv/app/uploads" #js {:recursive true :force true})'`,
      'rm -rf /srv/app/uploads',
    ],
    [`nbb -e '(.rmdirSync (js/require "node:fs") "/srv/a" #js {:recursive true})'`, 'rm -rf /srv/a'],
    [`nbb -e '(def fs (js/require "fs")) (.unlinkSync fs "/etc/hosts")'`, 'rm -rf /etc/hosts'],
    [
      `nbb -e '(ns x (:require ["fs" :as fs])) (fs/rmSync "/srv/www" #js {:recursive true})'`,
      'rm -rf /srv/www',
    ],
    [
      `nbb -e '(ns x (:require ["fs/promises" :as fsp])) (fsp/rm "/srv/p" #js {:recursive true})'`,
      'rm -rf /srv/p',
    ],
    [`nbb -e '(.execSync (js/require "child_process") "rm -rf /opt/releases")'`, 'rm -rf /opt/releases'],
    [
      `nbb -e '(ns x (:require ["child_process" :as cp])) (cp/spawnSync "rm" #js ["-rf" "/srv/s"])'`,
      'rm -rf /srv/s',
    ],
    [
      `nbb -e '(js/fetch "https://api.acme.io/v1/x" #js {:method "DELETE"})'`,
      'curl -X DELETE https://api.acme.io/v1/x',
    ],
    [`joker -e '(joker.os/exec "sh" {:args ["-c" "rm -rf /var/backups/pg"]})'`, 'rm -rf /var/backups/pg'],
    [`joker -e '(joker.os/sh "rm" "-rf" "/var/lib/pg")'`, 'rm -rf /var/lib/pg'],
    [`joker -e '(joker.os/sh-from "/tmp" "rm" "-rf" "/srv/t")'`, 'rm -rf /srv/t'],
    [`joker -e '(ns x (:require [joker.os :as os])) (os/remove-all "/srv/backups")'`, 'rm -rf /srv/backups'],
    [`joker -e '(joker.os/remove "/etc/hosts")'`, 'rm -rf /etc/hosts'],
    [
      `joker -e '(joker.http/send {:method :delete :url "https://api.acme.io/v1/projects/prod"})'`,
      'curl -X DELETE https://api.acme.io/v1/projects/prod',
    ],
    // fail closed: a command or argv built at run time
    [`nbb -e '(.execSync (js/require "child_process") cmd)'`, 'dynamic:cmd'],
    [`joker -e '(joker.os/exec "rm" {:args xs})'`, 'dynamic:"rm" xs'],
  ])('%s', (script, want) => expect(commands(script)).toContain(want));

  it.each<[string]>([
    [`nbb -e '(println (.readFileSync (js/require "fs") "README.md" "utf8"))'`],
    [`nbb -e '(println (+ 1 2))'`],
    [`nbb -e '(js/fetch "https://api.acme.io/v1/status")'`],
    [`joker -e '(println (joker.os/ls "."))'`],
    [`joker -e '(println (slurp "deps.edn"))'`],
    [`joker --lint src/core.joke`],
    [`joker -e '(joker.http/send {:method :get :url "https://api.acme.io/v1/status"})'`],
  ])('%s sends or deletes nothing', (script) =>
    expect(commands(script).filter((c) => !/^curl -X GET /.test(c))).toEqual([]),
  );

  it('a program it only lists is run as listed', () =>
    expect(commands(`joker -e '(joker.os/sh "ls" "-la")'`)).toEqual(['ls -la']));
});
