/*
 * trigger-simd.c: the vector pre-filter of the trigger search (a nibble-table filter on three
 * folded bytes, 32 or 16 positions at a time, 8 to 32 buckets). Every position it flags goes through the exact
 * scalar check (scan_at), so it only has to keep a superset: the masks (built by
 * src/secrets/native-scan.ts) give each kept position a bucket bit in all six tables.
 * AVX-512BW, AVX2 or SSSE3, chosen at run time; other CPUs use the scalar loop. With
 * AVX-512 VBMI, a second filter (run_vbmi) looks four bytes up instead (64-entry tables).
 */
#include "trigger-scan.h"

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>

/* Up to MAX_SETS sets of 8 buckets, 96 bytes each: low and high nibble masks of bytes 0, 1, 2. */
#define MAX_SETS 4

__attribute__((target("avx2"))) static size_t run_avx2(scan_t *c, const uint8_t *m, int sets) {
  const uint8_t *b = c->b;
  size_t n = c->n, i = 0;
  __m256i t[MAX_SETS][6];
  for (int s = 0; s < sets; s++)
    for (int j = 0; j < 6; j++)
      t[s][j] = _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)(m + 96 * s + 16 * j)));
  const __m256i fold = _mm256_set1_epi8(0x20), nib = _mm256_set1_epi8(0x0f), zero = _mm256_setzero_si256();
  for (; i + 34 <= n && !c->overflow; i += 32) {
    __m256i v[3], lo[3], hi[3];
    for (int k = 0; k < 3; k++) {
      v[k] = _mm256_or_si256(_mm256_loadu_si256((const __m256i *)(b + i + k)), fold);
      lo[k] = _mm256_and_si256(v[k], nib);
      hi[k] = _mm256_and_si256(_mm256_srli_epi16(v[k], 4), nib);
    }
    __m256i any = zero;
    for (int s = 0; s < sets; s++) {
      __m256i r = _mm256_and_si256(_mm256_shuffle_epi8(t[s][0], lo[0]), _mm256_shuffle_epi8(t[s][1], hi[0]));
      r = _mm256_and_si256(r, _mm256_shuffle_epi8(t[s][2], lo[1]));
      r = _mm256_and_si256(r, _mm256_shuffle_epi8(t[s][3], hi[1]));
      r = _mm256_and_si256(r, _mm256_shuffle_epi8(t[s][4], lo[2]));
      r = _mm256_and_si256(r, _mm256_shuffle_epi8(t[s][5], hi[2]));
      any = _mm256_or_si256(any, r);
    }
    uint32_t bits = ~(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(any, zero));
    while (bits) {
      scan_at(c, i + (size_t)__builtin_ctz(bits));
      bits &= bits - 1;
    }
  }
  return i;
}

__attribute__((target("avx512f,avx512bw"))) static size_t run_avx512(scan_t *c, const uint8_t *m, int sets) {
  const uint8_t *b = c->b;
  size_t n = c->n, i = 0;
  __m512i t[MAX_SETS][6];
  for (int s = 0; s < sets; s++)
    for (int j = 0; j < 6; j++)
      t[s][j] = _mm512_broadcast_i32x4(_mm_loadu_si128((const __m128i *)(m + 96 * s + 16 * j)));
  const __m512i fold = _mm512_set1_epi8(0x20), nib = _mm512_set1_epi8(0x0f);
  for (; i + 66 <= n && !c->overflow; i += 64) {
    __m512i v[3], lo[3], hi[3];
    for (int k = 0; k < 3; k++) {
      v[k] = _mm512_or_si512(_mm512_loadu_si512((const void *)(b + i + k)), fold);
      lo[k] = _mm512_and_si512(v[k], nib);
      hi[k] = _mm512_and_si512(_mm512_srli_epi16(v[k], 4), nib);
    }
    __m512i any = _mm512_setzero_si512();
    for (int s = 0; s < sets; s++) {
      __m512i r = _mm512_and_si512(_mm512_shuffle_epi8(t[s][0], lo[0]), _mm512_shuffle_epi8(t[s][1], hi[0]));
      r = _mm512_and_si512(r, _mm512_shuffle_epi8(t[s][2], lo[1]));
      r = _mm512_and_si512(r, _mm512_shuffle_epi8(t[s][3], hi[1]));
      r = _mm512_and_si512(r, _mm512_shuffle_epi8(t[s][4], lo[2]));
      r = _mm512_and_si512(r, _mm512_shuffle_epi8(t[s][5], hi[2]));
      any = _mm512_or_si512(any, r);
    }
    uint64_t bits = _mm512_test_epi8_mask(any, any);
    while (bits) {
      scan_at(c, i + (size_t)__builtin_ctzll(bits));
      bits &= bits - 1;
    }
  }
  return i;
}

/* Four bytes looked up (one single-source permute per byte and set: its low six bits after
   | 0x20), 64 positions at a time: a bucket bit set at all four positions keeps the
   position. Bytes 0 and 1 at or above 0x80 start no trigger (all are ASCII): rejected.
   The tables (src/secrets/native-prefix.ts) give an entry the buckets of every byte that
   maps to it, so this keeps a superset. m: sets × 4 positions × 64 entries. */
__attribute__((target("avx512f,avx512bw,avx512vbmi"))) static size_t run_vbmi(scan_t *c, const uint8_t *m,
                                                                             int sets) {
  const uint8_t *b = c->b;
  size_t n = c->n, i = 0;
  __m512i t[MAX_SETS][4];
  for (int s = 0; s < sets; s++)
    for (int p = 0; p < 4; p++) t[s][p] = _mm512_loadu_si512((const void *)(m + 256 * s + 64 * p));
  const __m512i fold = _mm512_set1_epi8(0x20);
  for (; i + 67 <= n && !c->overflow; i += 64) {
    __m512i v0 = _mm512_loadu_si512((const void *)(b + i)), v1 = _mm512_loadu_si512((const void *)(b + i + 1));
    __m512i v2 = _mm512_loadu_si512((const void *)(b + i + 2)), v3 = _mm512_loadu_si512((const void *)(b + i + 3));
    __mmask64 a0 = ~_mm512_movepi8_mask(v0), a1 = ~_mm512_movepi8_mask(v1);
    v0 = _mm512_or_si512(v0, fold);
    v1 = _mm512_or_si512(v1, fold);
    v2 = _mm512_or_si512(v2, fold);
    v3 = _mm512_or_si512(v3, fold);
    __m512i any = _mm512_setzero_si512();
    for (int s = 0; s < sets; s++) {
      __m512i r = _mm512_and_si512(_mm512_maskz_permutexvar_epi8(a0, v0, t[s][0]),
                                   _mm512_maskz_permutexvar_epi8(a1, v1, t[s][1]));
      r = _mm512_and_si512(r, _mm512_permutexvar_epi8(v2, t[s][2]));
      r = _mm512_and_si512(r, _mm512_permutexvar_epi8(v3, t[s][3]));
      any = _mm512_or_si512(any, r);
    }
    uint64_t bits = _mm512_test_epi8_mask(any, any);
    while (bits) {
      scan_at(c, i + (size_t)__builtin_ctzll(bits));
      bits &= bits - 1;
    }
  }
  return i;
}

__attribute__((target("ssse3"))) static size_t run_ssse3(scan_t *c, const uint8_t *m, int sets) {
  const uint8_t *b = c->b;
  size_t n = c->n, i = 0;
  __m128i t[MAX_SETS][6];
  for (int s = 0; s < sets; s++)
    for (int j = 0; j < 6; j++) t[s][j] = _mm_loadu_si128((const __m128i *)(m + 96 * s + 16 * j));
  const __m128i fold = _mm_set1_epi8(0x20), nib = _mm_set1_epi8(0x0f), zero = _mm_setzero_si128();
  for (; i + 18 <= n && !c->overflow; i += 16) {
    __m128i v[3], lo[3], hi[3];
    for (int k = 0; k < 3; k++) {
      v[k] = _mm_or_si128(_mm_loadu_si128((const __m128i *)(b + i + k)), fold);
      lo[k] = _mm_and_si128(v[k], nib);
      hi[k] = _mm_and_si128(_mm_srli_epi16(v[k], 4), nib);
    }
    __m128i any = zero;
    for (int s = 0; s < sets; s++) {
      __m128i r = _mm_and_si128(_mm_shuffle_epi8(t[s][0], lo[0]), _mm_shuffle_epi8(t[s][1], hi[0]));
      r = _mm_and_si128(r, _mm_shuffle_epi8(t[s][2], lo[1]));
      r = _mm_and_si128(r, _mm_shuffle_epi8(t[s][3], hi[1]));
      r = _mm_and_si128(r, _mm_shuffle_epi8(t[s][4], lo[2]));
      r = _mm_and_si128(r, _mm_shuffle_epi8(t[s][5], hi[2]));
      any = _mm_or_si128(any, r);
    }
    uint32_t bits = ~(uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(any, zero)) & 0xffff;
    while (bits) {
      scan_at(c, i + (size_t)__builtin_ctz(bits));
      bits &= bits - 1;
    }
  }
  return i;
}

static int level = -1; /* 4 avx512vbmi, 3 avx512bw, 2 avx2, 1 ssse3, 0 none */

static int cpu_level(void) {
  if (level < 0) {
    __builtin_cpu_init();
    int avx512 = __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512f");
    level = avx512 && __builtin_cpu_supports("avx512vbmi")                    ? 4
            : avx512                                                            ? 3
            : __builtin_cpu_supports("avx2")                                          ? 2
            : __builtin_cpu_supports("ssse3")                                         ? 1
                                                                                      : 0;
  }
  return level;
}

int scan_vector(scan_t *c, const uint8_t *teddy, size_t len, const uint8_t *prefix, size_t plen, int no_avx2,
                int no_avx512, int no_vbmi) {
  int l = cpu_level();
  int psets = (int)(plen / 256);
  if (l == 4 && (no_vbmi || !prefix || plen % 256 != 0 || psets < 1 || psets > MAX_SETS)) l = 3;
  if (l >= 3 && no_avx512) l = 2;
  if (l == 4) {
    size_t i = run_vbmi(c, prefix, psets);
    if (!c->overflow) scan_scalar(c, i);
    return 1;
  }
  int sets = (int)(len / 96);
  if (l == 0 || len % 96 != 0 || sets < 1 || sets > MAX_SETS) return 0;
  size_t i = l == 3 ? run_avx512(c, teddy, sets) : l == 2 && !no_avx2 ? run_avx2(c, teddy, sets) : run_ssse3(c, teddy, sets);
  if (!c->overflow) scan_scalar(c, i);
  return 1;
}

const char *scan_level(void) {
  int l = cpu_level();
  return l == 4 ? "avx512vbmi" : l == 3 ? "avx512bw" : l == 2 ? "avx2" : l == 1 ? "ssse3" : "scalar";
}
#else
int scan_vector(scan_t *c, const uint8_t *teddy, size_t len, const uint8_t *prefix, size_t plen, int no_avx2,
                int no_avx512, int no_vbmi) {
  (void)c, (void)teddy, (void)len, (void)prefix, (void)plen, (void)no_avx2, (void)no_avx512, (void)no_vbmi;
  return 0;
}
const char *scan_level(void) { return "scalar"; }
#endif
