#!/usr/bin/env python3
"""Kernel style gate: scripts/checkpatch.pl --strict from Debian's
linux-source-6.12 over every patch in linux/patches/*/ and every source file
of the out-of-tree modules in linux/modules/*/.

No finding is allowed. Cover letters (0000-*.patch) are not patches and are
skipped.

Prints one line per file and "checkpatch: N passed, M failed".
"""
import glob
import os
import re
import subprocess
import sys
import tarfile

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TARBALL = "/usr/src/linux-source-6.12.tar.xz"
NEEDED = ("scripts/checkpatch.pl", "scripts/spelling.txt", "scripts/const_structs.checkpatch")


def checkpatch_dir():
    ver = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "linux-source-6.12"],
                         text=True, capture_output=True).stdout.strip() or "unknown"
    cache = os.path.join(os.environ.get("FFA_STACK_CACHE", os.path.expanduser("~/.cache/ffa-stack")),
                         "checkpatch", ver)
    if all(os.path.exists(os.path.join(cache, n)) for n in NEEDED):
        return cache
    if not os.path.exists(TARBALL):
        sys.exit(f"checkpatch: {TARBALL} missing: run tools/setup.sh kernel")
    os.makedirs(cache, exist_ok=True)
    with tarfile.open(TARBALL) as tar:
        for member in tar:
            parts = member.name.split("/", 1)
            if len(parts) == 2 and parts[1] in NEEDED:
                member.name = parts[1]
                tar.extract(member, cache)
    missing = [n for n in NEEDED if not os.path.exists(os.path.join(cache, n))]
    if missing:
        sys.exit(f"checkpatch: {', '.join(missing)} not in {TARBALL}")
    return cache


def findings(output):
    """Blocks of checkpatch output, each (type, text)."""
    blocks, cur = [], None
    for line in output.splitlines():
        m = re.match(r"^(ERROR|WARNING|CHECK):(\w+): ", line)
        if m:
            cur = [m.group(2), line]
            blocks.append(cur)
        elif cur is not None and line.strip():
            cur.append(line)
        else:
            cur = None
    return [(b[0], "\n".join(b[1:])) for b in blocks]


def main():
    cp = os.path.join(checkpatch_dir(), "scripts/checkpatch.pl")
    # Cover letters (0000-*) carry no diff for checkpatch to read.
    targets = sorted(p for p in glob.glob(os.path.join(TOP, "linux/patches/*/*.patch"))
                     if not os.path.basename(p).startswith("0000-"))
    sources = sorted(glob.glob(os.path.join(TOP, "linux/modules/*/*.[ch]")))
    passed = failed = 0
    for path in targets + sources:
        args = ["perl", cp, "--strict", "--no-tree", "--show-types", "--no-summary", "--quiet"]
        if path in sources:
            args.append("-f")
        out = subprocess.run(args + [path], text=True, capture_output=True).stdout
        bad = findings(out)
        rel = os.path.relpath(path, TOP)
        if bad:
            failed += 1
            print(f"   FAIL {rel}")
            for _, text in bad:
                print("        " + text.replace("\n", "\n        "))
        else:
            passed += 1
            print(f"   ok   {rel}")
    print(f"checkpatch: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
