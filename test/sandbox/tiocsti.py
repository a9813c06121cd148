# Types one byte into its own controlling terminal with TIOCSTI (in a new pty) and prints
# tiocsti-ok, or tiocsti-<errno> when refused. For test/sandbox/tiocsti.test.ts.
import os, pty, fcntl, termios, sys
pid, fd = pty.fork()
if pid == 0:
    try:
        fcntl.ioctl(0, termios.TIOCSTI, b'Z')
        os.write(1, b'tiocsti-ok\n')
    except OSError as e:
        os.write(1, ('tiocsti-' + str(e.errno) + '\n').encode())
    os._exit(0)
out = b''
while True:
    try:
        d = os.read(fd, 1024)
    except OSError:
        break
    if not d: break
    out += d
os.waitpid(pid, 0)
print(out.decode().strip())
