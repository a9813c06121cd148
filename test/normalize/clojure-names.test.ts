/** Clojure's pre-pass and name resolution (src/normalize/clojure-names.ts). */
import { describe, expect, it } from 'vitest';
import { ClojureNames, clojureToScheme, show } from '../../src/normalize/clojure-names.js';
import { readForms } from '../../src/normalize/sexp-reader.js';

describe('Clojure as Scheme-shaped text', () => {
  it.each<[string, string]>([
    ['{:a 1, :b [2 3]}', '(hash-map :a 1 (vector 2 3))'.replace('1 (', '1  :b (')],
    ['#{1 2}', '(hash-set 1 2)'],
    ['(f #_(g) "a}b" \\{)', '(f #;(g) "a}b" "{")'],
    ['@(deref-me) ; comment', ' (deref-me) \n'],
  ])('%s', (src, want) => expect(clojureToScheme(src).replace(/\s+/g, ' ')).toBe(want.replace(/\s+/g, ' ')));
});

describe('what names stand for', () => {
  const names = (src: string) =>
    new ClojureNames(readForms(clojureToScheme(src)), (fn) => /^babashka\.fs\/delete/.test(fn));
  const sym = (v: string) => ({ t: 'sym' as const, v });
  it.each<[string, string, string]>([
    ["(require '[babashka.fs :as f])", 'f/delete-tree', 'babashka.fs/delete-tree'],
    ['(ns x (:require [babashka.http-client :as h]))', 'h/delete', 'babashka.http-client/delete'],
    ["(require '[babashka.fs :refer [delete-tree]])", 'delete-tree', 'babashka.fs/delete-tree'],
    ["(require '[babashka.fs :refer :all])", 'delete-tree', 'babashka.fs/delete-tree'],
    ["(require '[babashka.fs :refer :all])", 'str', 'clojure.core/str'],
    ['(def nuke fs/delete-tree)', 'nuke', 'babashka.fs/delete-tree'],
    ['', 'io/delete-file', 'clojure.java.io/delete-file'],
    ['', 'println', 'clojure.core/println'],
  ])('%s: %s', (src, name, want) => expect(names(src).fnName(sym(name))).toBe(want));

  it.each<[string, string, string]>([
    ['(let [d "/srv"] d)', 'd', '"/srv"'],
    ['(defn f [d] d)', 'd', 'd'],
    ['(def d "a") (def d "b")', 'd', 'd'],
    ['(doseq [d ["/a"]] d)', 'd', 'd'],
  ])('%s: %s', (src, name, want) => expect(show(names(src).resolve(sym(name))!)).toBe(want));
});
