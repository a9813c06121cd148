/*
 * agentfw-flock.node: flock(2) for the audit log's lock (src/audit/lock.ts).
 *
 *   flock(fd, op) → 0, or the errno (EWOULDBLOCK when LOCK_NB and another holds it)
 *   LOCK_EX, LOCK_NB, LOCK_UN: the platform's values
 *
 * Node has no flock. The lock it replaces, a `<log>.lock` file created with O_EXCL and
 * unlinked after each record, is two directory changes per record: ≈ 0.12 ms each time on
 * ext4 beside the log's fsyncs, twice per audited command. A flock is a few µs, and the
 * kernel drops it when its holder dies (no stale lock to take over).
 *
 * Built with plain `cc` by scripts/build-shim.mjs. Optional: without it lock.ts takes the
 * lock file as before.
 */
#include <errno.h>
#include <node_api.h>
#include <sys/file.h>

static napi_value do_flock(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2], res;
  int32_t fd = -1, op = 0, rc = EINVAL;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) == napi_ok && argc == 2 &&
      napi_get_value_int32(env, argv[0], &fd) == napi_ok && napi_get_value_int32(env, argv[1], &op) == napi_ok &&
      fd >= 0 && (op & ~(LOCK_EX | LOCK_NB | LOCK_UN)) == 0) {
    do rc = flock(fd, op) == 0 ? 0 : errno;
    while (rc == EINTR);
  }
  napi_create_int32(env, rc, &res);
  return res;
}

static int put_int(napi_env env, napi_value exports, const char *name, int32_t v) {
  napi_value n;
  return napi_create_int32(env, v, &n) == napi_ok && napi_set_named_property(env, exports, name, n) == napi_ok;
}

NAPI_MODULE_INIT() {
  napi_value fn;
  if (napi_create_function(env, "flock", NAPI_AUTO_LENGTH, do_flock, NULL, &fn) != napi_ok) return NULL;
  if (napi_set_named_property(env, exports, "flock", fn) != napi_ok) return NULL;
  if (!put_int(env, exports, "LOCK_EX", LOCK_EX) || !put_int(env, exports, "LOCK_NB", LOCK_NB) ||
      !put_int(env, exports, "LOCK_UN", LOCK_UN) || !put_int(env, exports, "EWOULDBLOCK", EWOULDBLOCK))
    return NULL;
  return exports;
}
