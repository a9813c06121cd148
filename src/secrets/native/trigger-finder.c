/*
 * trigger-finder.c: the position filter of the pattern scanner (src/secrets/detect.ts) as a
 * Node-API addon, built by scripts/build-shim.mjs into build/agentfw-triggers.node.
 *
 * candidates(bytes, pairIndex, third, pairBits, out) -> count
 *   bytes      Uint8Array: the text being scanned, one byte per char (latin1)
 *   pairIndex  Uint16Array(65536): (b0 << 8 | b1) -> 1 + index of the pair list, 0 = none
 *   third      Uint8Array(lists * 256): (index * 256 + b2) -> 1 when a trigger of that list
 *              may go on with b2
 *   pairBits   Uint8Array(8192): bit k (byte k >> 3, bit k & 7) set iff pairIndex[k] != 0
 *   out        Int32Array with room for bytes.length entries
 * Writes, in increasing order, every t < length - 1 whose first two bytes start a pair list
 * and whose third byte (when there is one) may follow; returns how many. Exactly the
 * positions the scanner's JS loop keeps; everything after (the literal check, families,
 * vetting, holds) stays in JS. Returns -1 on bad arguments (the caller then scans in JS).
 *
 * triggers(...) (trigger-scan.c) goes further: the literal, back/follow and start checks of
 * each family, with a vector pre-filter (trigger-simd.c). simd() names the vector path.
 */
#include <stddef.h>
#include <stdint.h>
#include <node_api.h>
#include "trigger-scan.h"

static int typed(napi_env env, napi_value v, napi_typedarray_type want, void **data, size_t *len) {
  bool is = false;
  if (napi_is_typedarray(env, v, &is) != napi_ok || !is) return -1;
  napi_typedarray_type type;
  napi_value ab;
  size_t off;
  if (napi_get_typedarray_info(env, v, &type, len, data, &ab, &off) != napi_ok || type != want) return -1;
  return 0;
}

static napi_value candidates(napi_env env, napi_callback_info info) {
  size_t argc = 5;
  napi_value argv[5], res;
  int32_t count = -1;
  void *pb, *pp, *pt, *pf, *po;
  size_t n, np, nt, nf, no;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc < 5 ||
      typed(env, argv[0], napi_uint8_array, &pb, &n) || typed(env, argv[1], napi_uint16_array, &pp, &np) ||
      typed(env, argv[2], napi_uint8_array, &pt, &nt) || typed(env, argv[3], napi_uint8_array, &pf, &nf) ||
      typed(env, argv[4], napi_int32_array, &po, &no) || np != 65536 || nf != 8192 || no < n || n > INT32_MAX) {
    napi_create_int32(env, -1, &res);
    return res;
  }
  const uint8_t *b = pb;
  const uint16_t *pair = pp;
  const uint8_t *third = pt;
  const uint8_t *bits = pf;
  int32_t *out = po;
  /* Two passes without data-dependent branches (a branch per byte mispredicts on text and
   * costs more than the look-ups): first every position whose pair is in the bitmap (8 KiB,
   * stays in L1), then of those the ones whose third byte may follow. */
  size_t c1 = 0;
  for (size_t t = 0; t + 1 < n; t++) {
    unsigned k = (unsigned)b[t] << 8 | b[t + 1];
    out[c1] = (int32_t)t;
    c1 += (bits[k >> 3] >> (k & 7)) & 1;
  }
  count = 0;
  for (size_t j = 0; j < c1; j++) {
    size_t t = (size_t)out[j];
    unsigned k = pair[(unsigned)b[t] << 8 | b[t + 1]];
    /* As in JS: no third byte yet keeps the position; an index past the table reads
     * `undefined` there, which is not 0, and keeps it too. */
    size_t i = (size_t)(k - 1) * 256 + (t + 2 < n ? b[t + 2] : 0);
    out[count] = (int32_t)t;
    count += t + 2 >= n || i >= nt || third[i] != 0;
  }
  napi_create_int32(env, count, &res);
  return res;
}

static napi_value triggers(napi_env env, napi_callback_info info) {
  size_t argc = 9;
  napi_value argv[9], res;
  void *pb, *pp, *pt, *pm, *pg, *pa, *po, *px = NULL;
  size_t nm, no, nx = 0;
  int32_t flags = 0;
  scan_t c = {0};
  int32_t count = -1;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc < 8 ||
      typed(env, argv[0], napi_uint8_array, &pb, &c.n) || typed(env, argv[1], napi_uint16_array, &pp, &nm) ||
      nm != 65536 || typed(env, argv[2], napi_uint8_array, &pt, &c.nt) ||
      typed(env, argv[3], napi_uint8_array, &pm, &nm) || nm % 96 != 0 ||
      typed(env, argv[4], napi_int32_array, &pg, &c.np) || typed(env, argv[5], napi_uint8_array, &pa, &c.ntab) ||
      typed(env, argv[6], napi_int32_array, &po, &no) || napi_get_value_int32(env, argv[7], &flags) != napi_ok ||
      c.n > INT32_MAX)
    goto done;
  c.b = pb;
  c.pair = pp;
  c.third = pt;
  c.prog = pg;
  c.tab = pa;
  c.out = po;
  c.cap = no;
  c.final = flags & 1;
  c.run_tab = -1;
  if (scan_validate(&c) != 0) goto done;
  /* The VBMI path's tables (optional ninth argument); anything else there = that path unused. */
  if (argc < 9 || typed(env, argv[8], napi_uint8_array, &px, &nx) || nx % 256 != 0) px = NULL, nx = 0;
  if ((flags & 2) || !scan_vector(&c, pm, nm, px, nx, flags & 4, flags & 12, flags & 28)) scan_scalar(&c, 0);
  count = c.overflow ? -2 : (int32_t)c.count;
done:
  napi_create_int32(env, count, &res);
  return res;
}

static napi_value simd(napi_env env, napi_callback_info info) {
  napi_value res;
  (void)info;
  napi_create_string_utf8(env, scan_level(), NAPI_AUTO_LENGTH, &res);
  return res;
}

NAPI_MODULE_INIT() {
  napi_value fn;
  if (napi_create_function(env, "candidates", NAPI_AUTO_LENGTH, candidates, NULL, &fn) != napi_ok) return NULL;
  if (napi_set_named_property(env, exports, "candidates", fn) != napi_ok) return NULL;
  if (napi_create_function(env, "triggers", NAPI_AUTO_LENGTH, triggers, NULL, &fn) != napi_ok) return NULL;
  if (napi_set_named_property(env, exports, "triggers", fn) != napi_ok) return NULL;
  if (napi_create_function(env, "simd", NAPI_AUTO_LENGTH, simd, NULL, &fn) != napi_ok) return NULL;
  if (napi_set_named_property(env, exports, "simd", fn) != napi_ok) return NULL;
  return exports;
}
