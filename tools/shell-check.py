#!/usr/bin/env python3
"""The interactive system, checked as a user would use it: boots a cell with
`tools/cell.sh boot -i` (what `make run` does) on a pseudo-terminal, waits for
the shell's prompt, types commands, reads their output, then types
`poweroff` and expects QEMU to exit 0.

    tools/shell-check.py [cell]        (default ours/builtin/protected)

Ends with "shell-<cell>: N passed, M failed".
"""
import os
import pty
import re
import select
import subprocess
import sys
import time

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROMPT = b"ffa-stack# "
TIMEOUT = int(os.environ.get("FFA_STACK_TIMEOUT", "300"))


class Console:
    def __init__(self, cmd):
        self.master, slave = pty.openpty()
        self.proc = subprocess.Popen(cmd, stdin=slave, stdout=slave, stderr=slave,
                                     close_fds=True, start_new_session=True)
        os.close(slave)
        self.seen = b""
        self.pos = 0

    def expect(self, pattern, seconds):
        """Read until @pattern (a bytes regex) appears in what came after the
        previous match; the text up to its end, or None on timeout or EOF."""
        end = time.time() + seconds
        while time.time() < end:
            m = re.search(pattern, self.seen[self.pos:], re.S)
            if m:
                text = self.seen[self.pos:self.pos + m.end()]
                self.pos += m.end()
                return text
            r, _, _ = select.select([self.master], [], [], 0.5)
            if r:
                try:
                    chunk = os.read(self.master, 4096)
                except OSError:
                    chunk = b""
                if not chunk:
                    return None
                self.seen += chunk
        return None

    def type(self, line):
        os.write(self.master, line.encode() + b"\r")


def main():
    cell = sys.argv[1] if len(sys.argv) > 1 else "ours/builtin/protected"
    name = "shell-" + cell.replace("/", "-")
    log = os.path.join(TOP, "build", "boot", name + ".log")
    os.makedirs(os.path.dirname(log), exist_ok=True)
    # Build everything first, outside the pty, so the boot timing is the boot's.
    prep = subprocess.run([os.path.join(TOP, "tools/cell.sh"), "prepare", cell],
                          stdout=subprocess.DEVNULL)
    results = []

    def check(what, ok):
        results.append(ok)
        print(f"   {'ok  ' if ok else 'FAIL'} {what}", flush=True)

    check(f"cell {cell} prepared", prep.returncode == 0)
    if prep.returncode != 0:
        print(f"{name}: {sum(results)} passed, {len(results) - sum(results)} failed")
        return 1
    con = Console([os.path.join(TOP, "tools/cell.sh"), "boot", "-i", "-l", log, cell])
    got = con.expect(re.escape(PROMPT), TIMEOUT)
    check("the shell's prompt appears on the console", got is not None)
    if got is not None:
        con.type("echo shell-says-$((6 * 7)); uname -m")
        out = con.expect(rb"shell-says-42\r*\n\s*aarch64", 30)
        check("a typed command runs in an arm64 busybox (echo, uname -m)", out is not None)
        con.type("ls /sys/bus/arm_ffa/devices | wc -l; ls /dev/tpm0")
        out = con.expect(rb"\n\s*([0-9]+)\r*\n", 30)
        m = re.search(rb"\n\s*([0-9]+)\r*\n", out) if out else None
        n = int(m.group(1)) if m else 0
        check(f"FF-A partition devices visible from the shell ({n})", n >= 1)
        out = con.expect(rb"/dev/tpm0|No such file", 30)
        check("/dev/tpm0 is there", out is not None and b"/dev/tpm0" in out and b"No such" not in out)
        con.type("poweroff")
    try:
        rc = con.proc.wait(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(con.proc.pid, 9)
        rc = None
    check(f"poweroff ends QEMU cleanly (exit {rc})", rc == 0)
    with open(log + ".console", "wb") as f:
        f.write(con.seen)
    passed = sum(results)
    print(f"{name}: {passed} passed, {len(results) - passed} failed")
    return 0 if passed == len(results) else 1


if __name__ == "__main__":
    sys.exit(main())
