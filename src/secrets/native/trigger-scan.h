/* trigger-scan.h: shared state of the trigger search (trigger-scan.c, trigger-simd.c). */
#ifndef AGENTFW_TRIGGER_SCAN_H
#define AGENTFW_TRIGGER_SCAN_H
#include <stddef.h>
#include <stdint.h>

typedef struct {
  const uint8_t *b;
  size_t n;
  const uint16_t *pair;
  const uint8_t *third;
  size_t nt;
  const int32_t *prog;
  size_t np;
  const uint8_t *tab;
  size_t ntab;
  int32_t *out;
  size_t cap, count;
  int final, overflow;
  /* The last forward run of a family's back class: from run_from, the bytes up to run_end
     are in the class at tab + run_tab (and run_end is not, or is the end); -1 = none. A
     trigger inside that run ends its run there too, so a long run of key-name bytes full
     of triggers is scanned once, not once per trigger. */
  int32_t run_tab;
  size_t run_from, run_end;
  /* set by scan_validate */
  const int32_t *lists, *ents, *lits, *fams, *conds, *steps;
  int32_t nlists;
} scan_t;

int scan_validate(scan_t *c);
void scan_visit(scan_t *c, size_t t, unsigned k);

/* The exact pair and third-byte filter of candidates(), then the entries of position t. */
static inline void scan_at(scan_t *c, size_t t) {
  unsigned k = c->pair[(unsigned)c->b[t] << 8 | c->b[t + 1]];
  if (k == 0) return;
  if (t + 2 < c->n) {
    size_t i = (size_t)(k - 1) * 256 + c->b[t + 2];
    if (i < c->nt && c->third[i] == 0) return;
  }
  scan_visit(c, t, k);
}
void scan_scalar(scan_t *c, size_t from);
/* The vector pre-filter over all positions; returns 0 when this CPU has no vector path.
   prefix (plen bytes, 256 per set of 8 buckets; NULL = none): the byte tables of the
   AVX-512 VBMI path (src/secrets/native-prefix.ts), used unless no_vbmi. */
int scan_vector(scan_t *c, const uint8_t *teddy, size_t len, const uint8_t *prefix, size_t plen, int no_avx2,
                int no_avx512, int no_vbmi);
/* "avx512vbmi", "avx512bw", "avx2", "ssse3" or "scalar": the fastest path scan_vector has here. */
const char *scan_level(void);
#endif
