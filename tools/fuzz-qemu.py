#!/usr/bin/env python3
"""A hostile host in QEMU: boots cells with the debug firmware (the SPMC
checks its invariants after every normal-world call: build/fw-debug.bin)
and /tests/fuzz-run, which starts linux/modules/ffa_fuzz for FUZZ_SECONDS.
  usage: tools/fuzz-qemu.py [--seconds N] [--seed S] [--cells a,b] [--json F] [--test]
Default cells: ours/builtin/protected (first in the JSON),
stock/module/protected, and stock again with avoid= (a cell written
<cell>+avoid=<list> steps around known bugs: emad-offset, frag-handle). Writes build/fuzz-qemu.json (a list of per-cell
objects) and prints one summary line per cell. A boot that dies (a
hypervisor or kernel panic) is reported with the last progress lines of the
console: replay with the same seed and ffa_fuzz.trace=<call index>.
--test: one line "fuzz-qemu: N passed, M failed" for tools/run-tests.sh,
failing on any violation, panic, health failure or a system not working at
the end."""
import argparse
import json
import os
import re
import subprocess
import sys

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = os.path.join(TOP, "build")
# stock a second time stepping around its two known panics (ffa_fuzz avoid=),
# to see what lies past them.
KNOWN_STOCK = "emad-offset,frag-handle"
DEFAULT_CELLS = ("ours/builtin/protected,stock/module/protected,"
                 f"stock/module/protected+avoid={KNOWN_STOCK}")
# What a dead boot leaves on the consoles (EL1/EL2 on the first, EL3 on .secure).
PANIC_NS = re.compile(r"Kernel panic|nVHE hyp panic|hyp panic at|Internal error:|Unable to handle kernel")
PANIC_S = re.compile(r"fatal|exception|abort", re.I)


def boot(cell, seconds, seed, every, log, extra=""):
    variant, ffa, _ = cell.split("/")
    prog = os.path.join(BUILD, "modules", f"{variant}-{ffa}", "fuzz-run")
    # build.sh writes fuzz-run during prepare; the first prepare makes it exist.
    if not os.path.exists(prog):
        subprocess.run([os.path.join(TOP, "tools/cell.sh"), "prepare", "-t", "none", cell],
                       check=True, stdout=subprocess.DEVNULL)
    env = dict(os.environ, FFA_STACK_FW=os.path.join(BUILD, "fw-debug.bin"),
               FFA_STACK_VARS="none", FFA_STACK_NO_TPM="1",
               FFA_STACK_TIMEOUT=str(seconds + 240))
    args = f"ffa_fuzz.seconds={seconds} ffa_fuzz.seed={seed} ffa_fuzz.every={every}{extra}"
    cmd = ["nice", "-n", "10", os.path.join(TOP, "tools/cell.sh"), "boot", "-l", log,
           "-t", "none", "-x", prog, "-a", args, cell]
    return subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          text=True).returncode


def read(path):
    try:
        with open(path, errors="replace") as f:
            return f.read().replace("\0", "")
    except OSError:
        return ""


def parse(cell, seconds, seed, log, rc):
    ns, sec = read(log), read(log + ".secure")
    r = {"cell": cell, "calls": 0, "calls_per_second": 0.0, "seconds": 0.0, "seed": seed,
         "violations": len(re.findall(r"spmc: invariant violation after", sec)),
         "panics": 0, "answers": {}, "health_checks": 0, "health_failures": 0,
         "gained": 0, "system_working_at_end": False, "asked_seconds": seconds,
         "boot_status": rc, "log": os.path.relpath(log, TOP)}
    # The last summary: one boot per log, but a log reused by accident
    # keeps the older boot's lines in front.
    m = ([None] + list(re.finditer(r"ffa-fuzz: summary (.*)", ns)))[-1]
    if m:
        kv = dict(x.split("=", 1) for x in m.group(1).split())
        r["calls"] = int(kv.get("calls", 0))
        r["seconds"] = round(int(kv.get("ms", 0)) / 1000, 1)
        r["health_checks"] = int(kv.get("health_checks", 0))
        r["health_failures"] = int(kv.get("health_failures", 0))
        r["gained"] = int(kv.get("gained", 0))
        r["system_working_at_end"] = kv.get("working") == "1"
    a = ([None] + list(re.finditer(r"ffa-fuzz: answers(.*)", ns)))[-1]
    if a:
        r["answers"] = {k: int(v) for k, v in (x.split("=", 1) for x in a.group(1).split())}
    panic_lines = [x for x in ns.splitlines() if PANIC_NS.search(x)]
    panic_lines += [x for x in sec.splitlines() if PANIC_S.search(x)]
    r["panics"] = 1 if panic_lines else 0
    if not m:
        # The boot died (or hung): where the fuzzer was, to replay it.
        progress = re.findall(r"ffa_fuzz: progress seed \d+ call (\d+) last (\S+)", ns)
        r["calls"] = int(progress[-1][0]) if progress else 0
        r["last_progress"] = [f"call {c} last {w}" for c, w in progress[-3:]]
        r["panic_lines"] = panic_lines[:8]
        if not panic_lines:
            r["panics"] = 1  # no summary and no power-off after the run: the boot died
    if r["seconds"]:
        r["calls_per_second"] = round(r["calls"] / r["seconds"], 1)
    return r


def line(r):
    ans = " ".join(f"{k}={v}" for k, v in sorted(r["answers"].items()))
    av = f" (avoiding {','.join(r['avoid'])})" if r.get("avoid") else ""
    s = (f"fuzz-qemu: {r['cell']}{av}: {r['calls']} calls in {r['seconds']} s "
         f"({r['calls_per_second']}/s), seed {r['seed']}, violations {r['violations']}, "
         f"panics {r['panics']}, health {r['health_checks'] - r['health_failures']}/"
         f"{r['health_checks']}, gained {r['gained']}, working at end "
         f"{'yes' if r['system_working_at_end'] else 'no'} [{ans}]")
    if r.get("last_progress") is not None:
        s += (f"\n  boot died: last progress {r['last_progress']}, {r.get('panic_lines')}; replay: "
              f"ffa_fuzz.seed={r['seed']} ffa_fuzz.trace=<call after the last progress>")
    return s


def good(r):
    return (r["violations"] == 0 and r["panics"] == 0 and r["health_failures"] == 0
            and r["gained"] == 0 and r["system_working_at_end"] and r["calls"] > 0)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seconds", type=int, default=int(os.environ.get("FUZZ_SECONDS", 60)))
    ap.add_argument("--seed", type=int, default=int(os.environ.get("FUZZ_SEED", 1)))
    ap.add_argument("--every", type=int, default=1000)
    ap.add_argument("--cells", default=DEFAULT_CELLS)
    ap.add_argument("--json", default=os.path.join(BUILD, "fuzz-qemu.json"))
    ap.add_argument("--test", action="store_true")
    ap.add_argument("--trace", type=int, help="print every call from this index on (replay)")
    ap.add_argument("--avoid", default="", help="known bugs the fuzzer steps around: emad-offset")
    o = ap.parse_args()
    if o.seconds <= 0:
        sys.exit("fuzz-qemu: --seconds must be positive")
    subprocess.run(["make", "-s", "-C", TOP, "fw-debug"], check=True, stdout=subprocess.DEVNULL)
    # 0 violations means something only if the firmware checks at all.
    with open(os.path.join(BUILD, "fw-debug.bin"), "rb") as f:
        if b"invariant violation after" not in f.read():
            sys.exit("fuzz-qemu: build/fw-debug.bin does not check the SPMC invariants: make fw-debug")
    os.makedirs(os.path.join(BUILD, "fuzz-qemu"), exist_ok=True)
    results = []
    for item in re.findall(r"[^,+]+(?:\+avoid=[a-z-]+(?:,[a-z-]+(?![^,]*/))*)?", o.cells):
        cell, _, avoid = item.partition("+avoid=")
        avoid = avoid or o.avoid
        # One log per kind of run, so a test run never writes over a long one.
        log = os.path.join(BUILD, "fuzz-qemu", cell.replace("/", "-") +
                           ("-avoid" if avoid else "") + ("-test" if o.test else "") + ".log")
        extra = "" if o.trace is None else f" ffa_fuzz.trace={o.trace}"
        extra += f" ffa_fuzz.avoid={avoid}" if avoid else ""
        rc = boot(cell, o.seconds, o.seed, o.every, log, extra)
        r = parse(cell, o.seconds, o.seed, log, rc)
        r["avoid"] = avoid.split(",") if avoid else []
        results.append(r)
        print(line(r), flush=True)
    if not o.test:
        with open(o.json, "w") as f:
            json.dump(results, f, indent=1)
    ok = sum(good(r) for r in results)
    if o.test:
        for r in results:
            print(f"  {'ok' if good(r) else 'FAIL'} {r['cell']} seed {r['seed']}")
        print(f"fuzz-qemu: {ok} passed, {len(results) - ok} failed")
    return 0 if ok == len(results) or not o.test else 1


if __name__ == "__main__":
    sys.exit(main())
