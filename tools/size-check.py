#!/usr/bin/env python3
"""The tree's size rules, as a test: no source file over 800 lines and no C
function over 80 (docs/engineering.md). A function is counted from its
opening brace at column 0 to the closing one, as the project's C is
written; kernel patches (linux/patches) are Linux's code and not counted.
Prints the offenders and "size: N passed, M failed"."""
import re
import subprocess
import sys

MAX_FILE, MAX_FUNC = 800, 80
SOURCES = ("*.c", "*.h", "*.S", "*.py", "*.sh")


def functions(path):
    """(name, first line, body lines) of each top-level brace block that
    follows a line with a call-like name (a function definition)."""
    lines = open(path, errors="replace").read().split("\n")
    depth, start, name = 0, None, None
    for i, line in enumerate(lines):
        code = re.sub(r'"(\\.|[^"\\])*"|\'(\\.|[^\'\\])*\'|//.*', '""', line)
        if depth == 0 and code.startswith("{") and i > 0:
            j = i - 1
            while j >= 0 and not re.search(r"\w+\s*\(", lines[j]):
                j -= 1
            m = re.search(r"(\w+)\s*\(", lines[j]) if j >= 0 else None
            start, name = i, m.group(1) if m else "?"
        depth += code.count("{") - code.count("}")
        if depth == 0 and start is not None and "}" in code:
            yield name, start + 1, i - start - 1
            start = None


def main():
    files = subprocess.run(["git", "ls-files", *SOURCES], capture_output=True, text=True,
                           check=True).stdout.split()
    files = [f for f in files if not f.startswith("linux/patches/")]
    passed = failed = 0
    for f in files:
        n = open(f, errors="replace").read().count("\n")
        if n > MAX_FILE:
            print(f"size: {f} has {n} lines (at most {MAX_FILE}): split it")
            failed += 1
        else:
            passed += 1
        if not f.endswith(".c"):
            continue
        for name, line, body in functions(f):
            if body > MAX_FUNC:
                print(f"size: {f}:{line} {name}() has {body} lines (at most {MAX_FUNC}): split it")
                failed += 1
            else:
                passed += 1
    print(f"size: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
