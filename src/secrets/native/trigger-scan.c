/*
 * trigger-scan.c: the pattern scanner's trigger search (src/secrets/native-scan.ts builds its
 * tables), part of the addon built from trigger-finder.c.
 *
 * triggers(bytes, pairIndex, third, teddy, prog, tab, out, flags[, prefix]) -> count of triples
 *   bytes      Uint8Array: the text, one byte per char (latin1; the caller makes sure no
 *              char of its string is above 0xff)
 *   pairIndex  Uint16Array(65536) and third Uint8Array(lists * 256): as for candidates()
 *   teddy      Uint8Array(96 * sets, 1-4 sets of 8 buckets): nibble masks (low, high) of the folded (| 0x20) bytes 0, 1, 2
 *              of every position candidates() keeps; a bucket bit set in all six is
 *              necessary for a position to be kept (a vector pre-filter)
 *   prog       Int32Array: the pair lists' entries, literals, families and their conditions
 *              (layout below); tab Uint8Array: the literals' bytes and 256-byte class tables
 *   out        Int32Array: (t, entry, start) per family entry whose literal starts at t and
 *              passes the family's back/follow filter and start condition, in the order the
 *              JS scan visits them
 *   flags      bit 0: the input is final; bit 1: no vector code (the scalar reference);
 *              bit 2: no AVX2 (nor AVX-512); bit 3: no AVX-512; bit 4: no AVX-512 VBMI
 *   prefix     Uint8Array(256 * sets, 1-4 sets of 8 buckets), optional: byte tables of the
 *              first four bytes of every literal (src/secrets/native-prefix.ts), the
 *              pre-filter of CPUs with AVX-512 VBMI (the teddy masks otherwise)
 * Returns -1 on bad arguments or tables, -2 when `out` is too small (the caller grows it).
 *
 * prog: [2, lists, entries, lits, fams, conds, steps], then lists + 1 entry bounds, then per
 * entry (fam, litFirst, litEnd), per literal (tabOff, len) of lower-case bytes, per family
 * (backTab, followFirst, condFirst, condEnd; -1 = none / no follow / no condition), per
 * follow step (tabOff, min, max, flags): the family's follow regex as classes repeated
 * min..max times, matched greedily (the classes are pairwise disjoint, so greedy is exact);
 * flags bit 0 = the last step, bit 1 = the end of the input also satisfies it (`(?:[…]|$)`),
 * per condition (tabOff, len, nextTab): the text at the family's start begins with these
 * exact bytes (case-sensitive) and, when nextTab is not -1 and the text goes on, the byte
 * after them is in that class. A family passes when one of its conditions holds or the
 * text ends before it could be decided.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "trigger-scan.h"

#define MAX_BACK 200

static int valid_tab(const scan_t *c, int32_t off, int32_t len) {
  return off >= 0 && len >= 0 && (size_t)off + (size_t)len <= c->ntab;
}

/* Checks every offset and index of the program once per call; 0 = usable. */
int scan_validate(scan_t *c) {
  const int32_t *p = c->prog;
  if (c->np < 7 || p[0] != 2) return -1;
  int32_t L = p[1], E = p[2], T = p[3], F = p[4], C = p[5], S = p[6];
  if (L < 0 || E < 0 || T < 0 || F < 0 || C < 0 || S < 0) return -1;
  size_t need = 7 + (size_t)L + 1 + 3 * (size_t)E + 2 * (size_t)T + 4 * (size_t)F + 3 * (size_t)C + 4 * (size_t)S;
  if (c->np != need || (size_t)L * 256 != c->nt) return -1;
  c->lists = p + 7;
  c->ents = c->lists + L + 1;
  c->lits = c->ents + 3 * E;
  c->fams = c->lits + 2 * T;
  c->conds = c->fams + 4 * F;
  c->steps = c->conds + 3 * C;
  for (int32_t i = 0; i < S; i++) {
    const int32_t *k = c->steps + 4 * i;
    if (!valid_tab(c, k[0], 256) || k[1] < 0 || k[2] < k[1] || k[2] < 1 || (k[3] & ~3)) return -1;
    if ((k[3] & 1) == 0 && i == S - 1) return -1; /* a follow must end */
  }
  c->nlists = L;
  for (int32_t i = 0; i <= L; i++)
    if (c->lists[i] < 0 || c->lists[i] > E || (i > 0 && c->lists[i] < c->lists[i - 1])) return -1;
  for (int32_t i = 0; i < E; i++) {
    const int32_t *e = c->ents + 3 * i;
    if (e[0] < 0 || e[0] >= F || e[1] < 0 || e[2] < e[1] || e[2] > T) return -1;
  }
  for (int32_t i = 0; i < T; i++)
    if (!valid_tab(c, c->lits[2 * i], c->lits[2 * i + 1]) || c->lits[2 * i + 1] < 1) return -1;
  for (int32_t i = 0; i < F; i++) {
    const int32_t *f = c->fams + 4 * i;
    if ((f[0] != -1 && !valid_tab(c, f[0], 256)) || f[1] < -1 || f[1] >= S) return -1;
    if (f[2] != -1 && (f[2] < 0 || f[3] < f[2] || f[3] > C)) return -1;
  }
  for (int32_t i = 0; i < C; i++) {
    const int32_t *k = c->conds + 3 * i;
    if (!valid_tab(c, k[0], k[1]) || (k[2] != -1 && !valid_tab(c, k[2], 256))) return -1;
  }
  return 0;
}

/* The lower-case literal at t, ASCII case-insensitively (as the JS litAt). */
static int lit_at(const scan_t *c, size_t t, const uint8_t *lit, size_t len) {
  if (t + len > c->n) return 0;
  for (size_t j = 0; j < len; j++) {
    unsigned x = c->b[t + j];
    if (x >= 65 && x <= 90) x |= 32;
    if (x != lit[j]) return 0;
  }
  return 1;
}

/* The follow steps from `first` at p (as the regex would match there). */
static int follow_ok(const scan_t *c, int32_t first, size_t p) {
  for (int32_t i = first;; i++) {
    const int32_t *k = c->steps + 4 * i;
    const uint8_t *cls = c->tab + k[0];
    int32_t cnt = 0;
    while (cnt < k[2] && p < c->n && cls[c->b[p]]) p++, cnt++;
    if (cnt < k[1] && !((k[3] & 2) && p == c->n)) return 0;
    if (k[3] & 1) return 1;
  }
}

/* A family's start condition at `start` (see the header). */
static int cond_ok(const scan_t *c, const int32_t *fam, size_t start) {
  if (fam[2] == -1) return 1;
  size_t avail = c->n - start;
  for (int32_t i = fam[2]; i < fam[3]; i++) {
    const int32_t *k = c->conds + 3 * i;
    size_t len = (size_t)k[1];
    size_t m = len < avail ? len : avail;
    if (memcmp(c->b + start, c->tab + k[0], m) != 0) continue;
    if (len >= avail) return 1; /* undecided: the text ends within or right after */
    if (k[2] != -1 && !c->tab[k[2] + c->b[start + len]]) continue;
    return 1;
  }
  return 0;
}

/* Every family entry of position t (whose pair and third byte were checked). */
void scan_visit(scan_t *c, size_t t, unsigned k) {
  if ((int32_t)k > c->nlists) return; /* cannot happen with a valid pairIndex: keep JS semantics */
  for (int32_t e = c->lists[k - 1]; e < c->lists[k]; e++) {
    const int32_t *ent = c->ents + 3 * e;
    int hit = 0;
    for (int32_t l = ent[1]; l < ent[2] && !hit; l++)
      hit = lit_at(c, t, c->tab + c->lits[2 * l], (size_t)c->lits[2 * l + 1]);
    if (!hit) continue;
    const int32_t *fam = c->fams + 4 * ent[0];
    size_t start = t;
    if (fam[0] != -1) {
      const uint8_t *back = c->tab + fam[0];
      /* The follow filter first: it does not depend on the start, and most triggers in
         code (a key name inside an identifier) fail it, so their back-extension is skipped. */
      if (fam[1] != -1) {
        size_t end;
        if (c->run_tab == fam[0] && t >= c->run_from && t <= c->run_end)
          end = c->run_end;
        else {
          end = t;
          while (end < c->n && back[c->b[end]]) end++;
          c->run_tab = fam[0];
          c->run_from = t;
          c->run_end = end;
        }
        if ((end < c->n || c->final) && !follow_ok(c, fam[1], end)) continue;
      }
      size_t lim = t > MAX_BACK ? t - MAX_BACK : 0;
      while (start > lim && back[c->b[start - 1]]) start--;
    }
    if (!cond_ok(c, fam, start)) continue;
    if (c->count + 3 > c->cap) {
      c->overflow = 1;
      return;
    }
    c->out[c->count++] = (int32_t)t;
    c->out[c->count++] = e;
    c->out[c->count++] = (int32_t)start;
  }
}

/* Positions [from, n - 1) one by one: the reference, and the tail of the vector loops. */
void scan_scalar(scan_t *c, size_t from) {
  for (size_t t = from; t + 1 < c->n && !c->overflow; t++) scan_at(c, t);
}
