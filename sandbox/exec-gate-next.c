/*
 * agentfw-exec-gate, the broker's "NEXT" records: the one exec that carries out a request
 * the broker has just allowed, decided here without a round trip.
 *
 * When the supervisor allows a gate client's request (the shim about to exec the real
 * program), it first writes on the helper's persistent connection, before it answers the
 * client:
 *
 *   NEXT <owner pid> <until> <dev> <ino> <ctime s> <ctime ns> <sha256 hex>
 *
 * owner: the client's pid (as this helper sees pids); until: expiry in ms of CLOCK_MONOTONIC
 * (the supervisor's clock too: records are read only when an exec comes, not on arrival);
 * dev/ino/ctime: the file it will run,
 * as the supervisor stat'ed it; sha256: of basename(argv[0]) NUL argv[1] NUL … argv[n] NUL.
 * The first exec by the owner or a child of it (the MASK relay forks the program) takes the
 * record, whatever its outcome: it is allowed at once when the process still runs the gate
 * client (--client: its own exec of the program, not a child it had before), argv hashes the
 * same and the file it runs is the same (dev, inode, ctime); otherwise the broker is asked as
 * without a record.
 * A record past its expiry, or pushed out of a full table, is dropped (fail closed: a lost
 * record costs the round trip, never an unchecked exec).
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "exec-gate.h"

/* ---------- SHA-256 (FIPS 180-4) ---------- */
static const uint32_t K[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

#define ROR(x, n) (((x) >> (n)) | ((x) << (32 - (n))))

static void block(eg_sha256 *s, const unsigned char *p) {
  uint32_t w[64], a, b, c, d, e, f, g, h;
  for (int i = 0; i < 16; i++)
    w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 | (uint32_t)p[4 * i + 2] << 8 | p[4 * i + 3];
  for (int i = 16; i < 64; i++) {
    uint32_t s0 = ROR(w[i - 15], 7) ^ ROR(w[i - 15], 18) ^ (w[i - 15] >> 3);
    uint32_t s1 = ROR(w[i - 2], 17) ^ ROR(w[i - 2], 19) ^ (w[i - 2] >> 10);
    w[i] = w[i - 16] + s0 + w[i - 7] + s1;
  }
  a = s->h[0], b = s->h[1], c = s->h[2], d = s->h[3], e = s->h[4], f = s->h[5], g = s->h[6], h = s->h[7];
  for (int i = 0; i < 64; i++) {
    uint32_t t1 = h + (ROR(e, 6) ^ ROR(e, 11) ^ ROR(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i];
    uint32_t t2 = (ROR(a, 2) ^ ROR(a, 13) ^ ROR(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
    h = g, g = f, f = e, e = d + t1, d = c, c = b, b = a, a = t1 + t2;
  }
  s->h[0] += a, s->h[1] += b, s->h[2] += c, s->h[3] += d, s->h[4] += e, s->h[5] += f, s->h[6] += g, s->h[7] += h;
}

void eg_sha256_init(eg_sha256 *s) {
  static const uint32_t H0[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  memcpy(s->h, H0, sizeof H0);
  s->n = 0;
  s->fill = 0;
}

void eg_sha256_update(eg_sha256 *s, const void *data, size_t n) {
  const unsigned char *p = data;
  s->n += n;
  while (n) {
    size_t k = 64 - s->fill < n ? 64 - s->fill : n;
    memcpy(s->buf + s->fill, p, k);
    s->fill += k, p += k, n -= k;
    if (s->fill == 64) {
      block(s, s->buf);
      s->fill = 0;
    }
  }
}

void eg_sha256_final(eg_sha256 *s, unsigned char out[32]) {
  uint64_t bits = (uint64_t)s->n * 8;
  unsigned char pad = 0x80, zero = 0, len[8];
  eg_sha256_update(s, &pad, 1);
  while (s->fill != 56) eg_sha256_update(s, &zero, 1);
  for (int i = 0; i < 8; i++) len[i] = (unsigned char)(bits >> (56 - 8 * i));
  eg_sha256_update(s, len, 8);
  for (int i = 0; i < 8; i++) {
    out[4 * i] = (unsigned char)(s->h[i] >> 24), out[4 * i + 1] = (unsigned char)(s->h[i] >> 16);
    out[4 * i + 2] = (unsigned char)(s->h[i] >> 8), out[4 * i + 3] = (unsigned char)s->h[i];
  }
}

/* ---------- the records ---------- */
static eg_next g_next[EG_MAX_NEXT];
static int g_nnext;

long long eg_mono_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

int eg_hexval(char c) {
  return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* One decimal field (digits only) followed by a space or the end. */
static int num(const char **p, const char *end, unsigned long long *v) {
  const char *q = *p;
  unsigned long long x = 0;
  if (q >= end || *q < '0' || *q > '9') return -1;
  for (; q < end && *q >= '0' && *q <= '9'; q++) {
    if (x > (~0ULL - 9) / 10) return -1;
    x = x * 10 + (unsigned long long)(*q - '0');
  }
  if (q < end && *q != ' ') return -1;
  *v = x;
  *p = q < end ? q + 1 : q;
  return 0;
}

int eg_next_add(const char *line, size_t n) {
  const char *p = line + 5, *end = line + n; /* after "NEXT " */
  unsigned long long owner, until, dev, ino, cs, cns;
  if (n < 5 || memcmp(line, "NEXT ", 5) || num(&p, end, &owner) || num(&p, end, &until) || num(&p, end, &dev) ||
      num(&p, end, &ino) || num(&p, end, &cs) || num(&p, end, &cns))
    return -1;
  long long now = eg_mono_ms();
  /* fail closed: a record meant to last more than 10 minutes is not one the broker makes */
  if (end - p != 64 || !owner || owner > 0x7fffffff || until > (unsigned long long)now + 600000 ||
      cns >= 1000000000ULL)
    return -1;
  eg_next r;
  memset(&r, 0, sizeof r);
  for (int i = 0; i < 32; i++) {
    int hi = eg_hexval(p[2 * i]), lo = eg_hexval(p[2 * i + 1]);
    if (hi < 0 || lo < 0) return -1;
    r.digest[i] = (unsigned char)(hi << 4 | lo);
  }
  r.owner = (pid_t)owner, r.until = (long long)until;
  r.dev = dev, r.ino = ino, r.ctime_s = (long long)cs, r.ctime_ns = (long long)cns;
  /* fail closed: a full table forgets its oldest record (that exec then asks the broker). */
  if (g_nnext == EG_MAX_NEXT) memmove(g_next, g_next + 1, sizeof g_next[0] * (size_t)--g_nnext);
  g_next[g_nnext++] = r;
  return 0;
}

void eg_next_clear(void) { g_nnext = 0; }

int eg_next_pending(void) {
  long long now = eg_mono_ms();
  int k = 0;
  for (int i = 0; i < g_nnext; i++)
    if (g_next[i].until > now) g_next[k++] = g_next[i];
  return g_nnext = k;
}

int eg_next_take(pid_t pid, pid_t ppid, eg_next *out) {
  long long now = eg_mono_ms();
  for (int i = 0; i < g_nnext; i++) {
    if (g_next[i].owner != pid && g_next[i].owner != ppid) continue;
    *out = g_next[i];
    memmove(g_next + i, g_next + i + 1, sizeof g_next[0] * (size_t)(g_nnext - i - 1));
    g_nnext--;
    return out->until > now; /* used up either way; an expired one allows nothing */
  }
  return 0;
}
