#!/usr/bin/env python3
"""A stand-in for cursor-agent's sandboxed terminal (Linux), for the nested-sandbox test.

From cursor's public docs: the agent runs each terminal command through the user's shell,
and on Linux its sandbox confines the command with Landlock (writes only in the workspace
and temp dirs) and a seccomp filter, applied in the child before the shell starts. This
stand-in does the same with real syscalls: fork; in the child PR_SET_NO_NEW_PRIVS, a
Landlock ruleset (write access handled; allowed under the workspace, /tmp and /dev), a
seccomp filter refusing ptrace, then exec of `$SHELL -c CMD`. It prints one JSON line per
command: {"cmd", "code", "landlock", "seccomp"}.
Usage: cursor-standin.py WORKSPACE CMD...
"""
import ctypes, json, os, platform, struct, sys

libc = ctypes.CDLL(None, use_errno=True)
NR = {'x86_64': (444, 445, 446, 101), 'aarch64': (444, 445, 446, 117)}[platform.machine()]
ARCH = {'x86_64': 0xC000003E, 'aarch64': 0xC00000B7}[platform.machine()]
# LANDLOCK_ACCESS_FS_*: WRITE_FILE 1<<1, REMOVE_DIR 1<<4, REMOVE_FILE 1<<5, MAKE_CHAR..MAKE_SYM 1<<6..1<<12
WRITE = (1 << 1) | (1 << 4) | (1 << 5) | sum(1 << b for b in range(6, 13))
O_PATH = 0o10000000


def landlock(allowed):
    attr = struct.pack('QQQ', WRITE, 0, 0)
    fd = libc.syscall(NR[0], ctypes.c_char_p(attr), len(attr), 0)
    if fd < 0:
        return 'unavailable'
    for d in allowed:
        pfd = os.open(d, O_PATH | os.O_CLOEXEC)
        rule = struct.pack('=Qi', WRITE, pfd)  # landlock_path_beneath_attr (packed)
        libc.syscall(NR[1], fd, 1, ctypes.c_char_p(rule), 0)
        os.close(pfd)
    if libc.syscall(NR[2], fd, 0) != 0:
        return 'failed'
    return 'ok'


def seccomp():
    ins = lambda code, jt, jf, k: struct.pack('HBBI', code, jt, jf, k)
    prog = b''.join([
        ins(0x20, 0, 0, 4), ins(0x15, 1, 0, ARCH), ins(0x06, 0, 0, 0x7FFF0000),  # other arch: allow
        ins(0x20, 0, 0, 0), ins(0x15, 0, 1, NR[3]), ins(0x06, 0, 0, 0x00050000 | 1),  # ptrace: EPERM
        ins(0x06, 0, 0, 0x7FFF0000),
    ])
    buf = ctypes.create_string_buffer(prog)
    fprog = struct.pack('HxxxxxxQ', len(prog) // 8, ctypes.addressof(buf))
    return 'ok' if libc.prctl(22, 2, ctypes.c_char_p(fprog), 0, 0) == 0 else 'failed'


ws = os.path.realpath(sys.argv[1])
shell = os.environ.get('SHELL') or '/bin/sh'
for cmd in sys.argv[2:]:
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        libc.prctl(38, 1, 0, 0, 0)  # PR_SET_NO_NEW_PRIVS
        status = {'landlock': landlock([ws, '/tmp', '/dev']), 'seccomp': seccomp()}
        os.write(w, json.dumps(status).encode())
        os.close(w)
        os.execv(shell, [shell, '-c', cmd])
    os.close(w)
    status = json.loads(os.read(r, 4096) or b'{}')
    _, st = os.waitpid(pid, 0)
    print(json.dumps({'cmd': cmd[:40], 'code': os.waitstatus_to_exitcode(st), **status}), flush=True)
