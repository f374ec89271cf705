#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Turns benchmark measurements into build/bench.json, build/bench.md and a
plot of memory-sharing cost against pages (gnuplot, SVG).

  report.py --host <callgrind dir> <host.json>   parse ffa-bench's dumps
  report.py --qemu <variant> <qemu.json> <mode>=<console log>...
                                                  collect the QEMU boots'
                                                  "ffa-stack: bench" lines
  report.py --fw <console log> <aarch64.json>     the firmware's own figures
                                                  (bench/run-fw.sh)
  report.py <bench dir> <build dir>               write the report from
                                                  <bench dir>/host.json and
                                                  every qemu-*.json there
"""
import glob
import json
import math
import os
import re
import subprocess
import sys

MEM_PHASES = ["share", "retrieve", "relinquish", "reclaim"]
LAYOUTS = {
    "contig": "one constituent of N pages",
    "scatter": "N one-page constituents with gaps, ascending",
    "scatter_rev": "N one-page constituents with gaps, descending",
    "scatter_shuf": "N one-page constituents with gaps, shuffled",
}
LABEL = re.compile(r"^desc: Trigger: Client Request: ffa-bench (\S+) (\S+) (\d+) (\d+)$")


def write_json(out, res, what):
    with open(out, "w") as f:
        json.dump(res, f, indent=2)
    print(f"report: {what} -> {out}")


def read_dump(path):
    """(op, phase, reps, windows, instructions) of one callgrind dump, or None."""
    label = summary = None
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            m = LABEL.match(line.rstrip("\n"))
            if m:
                label = m.groups()
            elif line.startswith("summary:"):
                summary = int(line.split()[1])
            if label and summary is not None:
                break
    if not label or summary is None:
        return None
    op, phase, reps, windows = label
    return op, phase, int(reps), int(windows), summary


def parse_host(cgdir, out):
    rows = [r for r in map(read_dump, glob.glob(os.path.join(cgdir, "cg.out.*"))) if r]
    if not rows:
        sys.exit(f"report: no ffa-bench dumps in {cgdir}: did ffa-bench --measure run under callgrind?")
    null = [r for r in rows if r[0] == "null"]
    # What one bracket costs by itself (the client requests' own instructions).
    window = null[0][4] / null[0][3] if null else 0.0
    calls, mem, live = {}, {}, {}
    for op, phase, reps, windows, ir in rows:
        if op == "null":
            continue
        per_call = (ir - window * windows) / reps
        m = re.match(r"^mem_(\w+)_(\d+)$", op)
        lv = re.match(r"^live(\d+)_(\d+)$", op)
        if lv:
            live.setdefault(int(lv.group(2)), {})[(int(lv.group(1)), phase)] = round(per_call)
        elif m:
            layout, pages = m.group(1), int(m.group(2))
            mem.setdefault((layout, pages), {})[phase] = round(per_call)
        else:
            calls.setdefault(op, {})[phase] = round(per_call)
    mem_rows = []
    for (layout, pages), ph in sorted(mem.items(), key=lambda kv: (list(LAYOUTS).index(kv[0][0]), kv[0][1])):
        row = {"layout": layout, "pages": pages,
               "constituents": 1 if layout == "contig" else pages}
        row.update({p: ph.get(p) for p in MEM_PHASES + ["hyp_retrieve"]})
        row["total"] = sum(ph.get(p, 0) for p in MEM_PHASES)
        row["per_page"] = round(row["total"] / pages, 1)
        mem_rows.append(row)
    # T live transactions: the one-page operations and a 256-range share.
    live_rows = []
    for t, ph in sorted(live.items()):
        row = {"live": t}
        row.update({p: ph.get((1, p)) for p in MEM_PHASES})
        row["share_256_ranges"] = ph.get((256, "share"))
        live_rows.append(row)
    config = {}
    try:
        for line in open(os.path.join(cgdir, "labels.txt"), encoding="utf-8"):
            if line.startswith("ffa-bench config "):
                config = dict(kv.split("=", 1) for kv in line.split()[2:])
    except OSError:
        pass
    vg = subprocess.run(["valgrind", "--version"], capture_output=True, text=True).stdout.strip()
    locks = {"spinlock": "test-and-set spinlocks", "pthread-mutex": "pthread mutexes"}.get(
        config.get("locks"), "unknown locks")
    res = {
        "tool": vg + " --tool=callgrind (instructions, exact)",
        "machine": os.uname().machine,
        "build": f"gcc -O2, no sanitizers; host/sim platform ({locks} as the SPMC locks; "
                 f"{config.get('slots', '?')} transaction slots, {config.get('pool', '?')}-entry range pool)",
        "locks": config.get("locks"),
        "slots": int(config["slots"]) if "slots" in config else None,
        "unit": "instructions executed by the SPMC core per call",
        "bracket_overhead": window,
        "calls": calls,
        "mem": mem_rows,
        "live": live_rows,
    }
    write_json(out, res, f"{len(rows)} measurements")


BENCH_LINE = re.compile(r"^ffa-stack: bench (\S+) n=(\d+) min=(\d+) mean=(\d+) max=(\d+)$")


def parse_qemu(variant, out, logs):
    res = {"variant": variant, "qemu": "-icount shift=0", "unit": "CNTVCT_EL0 ticks", "modes": {}}
    for arg in logs:
        mode, _, path = arg.partition("=")
        m = {"log": path, "stats": {}, "notes": []}
        try:
            lines = open(path, encoding="utf-8", errors="replace").read().splitlines()
        except OSError as e:
            m["error"] = f"no console log ({e})"
            res["modes"][mode] = m
            continue
        for line in lines:
            b = BENCH_LINE.match(line)
            if b:
                op, n, mn, mean, mx = b.groups()
                m["stats"][op] = {"n": int(n), "min": int(mn), "mean": int(mean), "max": int(mx)}
            elif line.startswith("ffa-stack: bench ok "):
                for kv in line.split()[3:]:
                    k, _, v = kv.partition("=")
                    if k == "cntfrq":
                        res["cntfrq"] = int(v)
                    elif k == "ffa":
                        m["ffa_version"] = v
            elif line.startswith("ffa-stack: bench ") and not line.startswith("ffa-stack: bench done"):
                m["notes"].append(line[len("ffa-stack: bench "):])
        if not m["stats"]:
            m["error"] = "no bench figures in the console log (boot failed or ffa_test did not bind)"
        res["modes"][mode] = m
    n, p = (res["modes"].get(k, {}).get("stats", {}) for k in ("nvhe", "protected"))
    res["ratio_protected_over_nvhe"] = {
        op: {"min": round(p[op]["min"] / n[op]["min"], 3), "mean": round(p[op]["mean"] / n[op]["mean"], 3)}
        for op in n if op in p and n[op]["min"] and n[op]["mean"]}
    with open(out, "w") as f:
        json.dump(res, f, indent=2)
    print(f"report: QEMU figures of {', '.join(res['modes'])} -> {out}")


FW_LINE = re.compile(r"^ffa-stack: fwbench (\S+) n=(\d+) ticks=(\d+)\s*$")


def parse_fw(log, out):
    """Per-call guest instructions from bench/fw_bench.c's console lines."""
    freq, raw, done = None, {}, None
    for line in open(log, encoding="utf-8", errors="replace"):
        line = line.strip()
        m = FW_LINE.match(line)
        if m:
            raw[m.group(1)] = (int(m.group(2)), int(m.group(3)))
        elif line.startswith("ffa-stack: fwbench cntfrq="):
            freq = int(line.split("=", 1)[1])
        elif line.startswith("ffa-stack: fwbench done"):
            done = line.endswith("ok")
    if not freq or not raw or not done:
        sys.exit(f"report: no complete fwbench run in {log} (done={done}): see the log")
    per = 1e9 / freq  # -icount shift=0: one instruction per ns
    ins = {k: t * per / n for k, (n, t) in raw.items()}
    null = ins["null"]
    pair = ins.get("timer_pair", 0.0)
    calls = {k: {"call": round(ins[k] - null), "with_trap": round(ins[k])}
             for k in ("version", "direct_req_echo") if k in ins}
    mem = {}
    for k, name in (("mem_share_1", "share"), ("mem_reclaim_1", "reclaim")):
        if k in ins:
            mem[name] = round(ins[k] - pair - null)
            mem[name + "_with_trap"] = round(ins[k] - pair)
    res = {
        "tool": "QEMU TCG -icount shift=0 (1 guest instruction = 1 ns), CNTVCT_EL0 around N calls from EL2",
        "build": "the firmware itself (build/fw.bin: gcc -O2 freestanding, EL3 translation and caches on)",
        "unit": "aarch64 instructions per call; call = with_trap less a null SMC (SMCCC_VERSION: trap, "
                "EL3 dispatch, the caller's loop)",
        "cntfrq": freq,
        "instructions_per_tick": per,
        "null_smc": round(null),
        "calls": calls,
        "mem": mem,
        "log": log,
    }
    write_json(out, res, f"aarch64 figures ({', '.join(calls)}, {', '.join(mem)})")


def md_side_by_side(h, a):
    one = next((m for m in h["mem"] if m["layout"] == "contig" and m["pages"] == 1), {})
    rows = [("FFA_VERSION", h["calls"].get("version", {}).get("call"), a["calls"].get("version", {})),
            ("DIRECT_REQ_64 echo", h["calls"].get("direct_req_echo", {}).get("call"),
             a["calls"].get("direct_req_echo", {})),
            ("MEM_SHARE, one page", one.get("share"),
             {"call": a["mem"].get("share"), "with_trap": a["mem"].get("share_with_trap")}),
            ("MEM_RECLAIM, one page", one.get("reclaim"),
             {"call": a["mem"].get("reclaim"), "with_trap": a["mem"].get("reclaim_with_trap")})]
    lines = ["## Hosted and aarch64 side by side", "",
             f"aarch64: {a['tool']}; {a['build']}. A null SMC (trap, EL3 dispatch, loop) costs "
             f"{a['null_smc']} instructions and is taken off.", "",
             "| call | hosted x86-64 (SPMC core) | aarch64 (SPMC, firmware build) | aarch64 with the trap |",
             "| --- | ---: | ---: | ---: |"]
    for name, hv, av in rows:
        lines.append(f"| {name} | {hv if hv is not None else '-'} | {av.get('call', '-')} | {av.get('with_trap', '-')} |")
    return lines + [""]


def md_live(h):
    if not h.get("live"):
        return []
    lines = ["### Live transactions", "",
             f"One-page share/retrieve/relinquish/reclaim and a 256-range share with T other "
             f"transactions live ({h.get('slots', '?')}-slot build; the live ones are one page "
             "each, apart from the measured pages).", "",
             "| T live | share | retrieve | relinquish | reclaim | 256-range share |",
             "| ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in h["live"]:
        lines.append(f"| {r['live']} | {r['share']} | {r['retrieve']} | {r['relinquish']} | "
                     f"{r['reclaim']} | {r['share_256_ranges']} |")
    z, t = h["live"][0], h["live"][-1]
    ratio = ", ".join(f"{k} {t[k] / z[k]:.2f}x" for k in MEM_PHASES + ["share_256_ranges"] if z.get(k))
    return lines + ["", f"At T = {t['live']} against T = {z['live']}: {ratio}.", ""]


def scaling(mem):
    """Per layout: per-page cost at 16/256/4096, marginal cost, exponent, verdict."""
    out = {}
    for layout in LAYOUTS:
        cost = {r["pages"]: r["total"] for r in mem if r["layout"] == layout}
        if not all(n in cost for n in (16, 256, 4096)):
            continue
        # Marginal cost per extra page over each decade: equal for linear
        # growth, rising for superlinear, whatever the fixed cost.
        m1 = (cost[256] - cost[16]) / 240
        m2 = (cost[4096] - cost[256]) / 3840
        k = math.log(cost[4096] / cost[16]) / math.log(4096 / 16)
        if k <= 1.0 + 1e-9 and m2 <= m1 * 1.05 + 1:
            verdict = "linear or better"
        elif m2 <= m1 * 1.05 + 1:
            verdict = "linear"
        else:
            verdict = "superlinear"
        out[layout] = {
            "per_page": {str(n): round(cost[n] / n, 1) for n in (16, 256, 4096)},
            "marginal_16_256": round(m1, 1),
            "marginal_256_4096": round(m2, 1),
            "exponent_16_4096": round(k, 3),
            "verdict": verdict,
        }
    return out


CALL_NAMES = [
    ("version", "call", "FFA_VERSION"),
    ("partition_info_get", "call", "FFA_PARTITION_INFO_GET (all, via RX)"),
    ("partition_info_get", "rx_release", "FFA_RX_RELEASE after it"),
    ("partition_info_get_regs", "call", "FFA_PARTITION_INFO_GET_REGS"),
    ("direct_req_echo", "call", "FFA_MSG_SEND_DIRECT_REQ_64 echo"),
    ("direct_req32_echo", "call", "FFA_MSG_SEND_DIRECT_REQ_32 echo"),
    ("direct_req2_echo", "call", "FFA_MSG_SEND_DIRECT_REQ2 echo"),
]


def md_host(h, sc):
    lines = ["## Hosted SPMC core: instructions per call", "",
             f"{h['tool']}; {h['machine']}; {h['build']}. Only the SPMC's side is",
             "counted (client encoding excluded); each figure is the count over all",
             f"repetitions divided by them, less {h['bracket_overhead']:.0f} instructions per measured bracket.", "",
             "| call | instructions |", "| --- | ---: |"]
    for op, phase, name in CALL_NAMES:
        v = h["calls"].get(op, {}).get(phase)
        if v is not None:
            lines.append(f"| {name} | {v} |")
    lines += ["", "### MEM_SHARE + partition RETRIEVE + RELINQUISH + MEM_RECLAIM", "",
              "1 page of RX/TX (4 KiB): descriptors past it travel in FRAG_TX fragments.", "",
              "| layout | pages | constituents | share | retrieve | relinquish | reclaim | total | per page | hyp retrieve |",
              "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in h["mem"]:
        lines.append(f"| {r['layout']} | {r['pages']} | {r['constituents']} | " +
                     " | ".join(str(r[p]) for p in MEM_PHASES) +
                     f" | {r['total']} | {r['per_page']} | {r.get('hyp_retrieve', '-')} |")
    lines += ["", "total = share + retrieve + relinquish + reclaim. hyp retrieve (not in the",
              "total) is what pKVM's proxy adds on the SPMC's side before forwarding a",
              "reclaim: FFA_MEM_RETRIEVE_REQ for the handle, FRAG_RX for the rest of the",
              "descriptor and an RX_RELEASE per fragment.", "", "Layouts: " + "; ".join(f"`{k}` = {v}" for k, v in LAYOUTS.items()) + ".", "",
              "### Scaling", "",
              "| layout | per page @16 | @256 | @4096 | marginal 16→256 | marginal 256→4096 | exponent | verdict |",
              "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |"]
    for layout, s in sc.items():
        pp = s["per_page"]
        lines.append(f"| {layout} | {pp['16']} | {pp['256']} | {pp['4096']} | {s['marginal_16_256']} | "
                     f"{s['marginal_256_4096']} | {s['exponent_16_4096']} | {s['verdict']} |")
    lines += ["", "Exponent: log(cost@4096 / cost@16) / log(256); 1 is linear, below 1 means a",
              "fixed cost still dominates. Marginal: extra instructions per extra page.", ""]
    return lines


def md_qemu(q):
    freq = q.get("cntfrq")
    lines = [f"## QEMU {q.get('variant', '?')} (TCG, -icount shift=0): CNTVCT_EL0 ticks seen by Linux", "",
             f"Kernel measured: **{q.get('variant', '?')}** (variant/FF-A; ffa_test's `bench` "
             "debugfs file, linux/modules/ffa_test/ffa_test_bench.c). "
             f"Counter frequency {freq if freq else '?'} Hz; with shift=0 each guest instruction is 1 ns "
             "of virtual time, so ticks follow the instruction count and repeat run to run"
             + (f" (one tick is about {1e9 / freq:.0f} guest instructions, all levels: EL1 driver, "
                "EL2 proxy, EL3 firmware and SPMC)." if freq else "."), ""]
    modes = q.get("modes", {})
    stats = {k: m.get("stats", {}) for k, m in modes.items()}
    ops = []
    for st in stats.values():
        ops += [op for op in st if op not in ops]
    if not ops:
        return lines + ["No QEMU figures: " + "; ".join(f"{k}: {m.get('error', '?')}" for k, m in modes.items()), ""]
    lines += ["| operation | nvhe (direct) min | protected (pKVM proxy) min | protected / nvhe | nvhe mean | protected mean |",
              "| --- | ---: | ---: | ---: | ---: | ---: |"]
    for op in ops:
        n, p = stats.get("nvhe", {}).get(op), stats.get("protected", {}).get(op)
        ratio = f"{p['min'] / n['min']:.2f}" if n and p and n["min"] else "-"
        lines.append(f"| {op} | {n['min'] if n else '-'} | {p['min'] if p else '-'} | {ratio} | "
                     f"{n['mean'] if n else '-'} | {p['mean'] if p else '-'} |")
    lines += ["", "Ticks per operation: the fastest (min) and the mean over the repetitions of",
              "one boot; min is the figure without an interrupt landing inside the call.",
              "`contig` shares N pages as one constituent, `scatter` as N one-page",
              "constituents. protected / nvhe is the proxy's overhead: pKVM checking and",
              "updating the ownership of every page it forwards, on top of the same SPMC work.",
              "nvhe figures and the echo repeat to the tick from boot to boot; pKVM's cost for",
              "a share also depends on where the pages land in the host's stage 2 (a block",
              "mapping to split or not), so protected shares of many pages vary by up to",
              "about 15% between boots.", ""]
    for mode, m in modes.items():
        for note in m.get("notes", []):
            lines.append(f"- {mode}: {note}")
        if m.get("error"):
            lines.append(f"- {mode}: {m['error']}")
    return lines + [""]


def plot(h, build):
    data = os.path.join(build, "bench-mem.dat")
    svg = os.path.join(build, "bench-mem.svg")
    png = os.path.join(build, "bench-mem.png")
    with open(data, "w") as f:
        for layout in LAYOUTS:
            rows = [r for r in h["mem"] if r["layout"] == layout]
            if not rows:
                continue
            f.write(f'"{layout}"\n')
            for r in rows:
                f.write(f"{r['pages']} {r['total']} {r['share']}\n")
            f.write("\n\n")
    blocks = [l for l in LAYOUTS if any(r["layout"] == l for r in h["mem"])]
    series = ", ".join(f"'{data}' index {i} using 1:2 with linespoints title '{l}'"
                       for i, l in enumerate(blocks))
    ref = [r for r in h["mem"] if r["layout"] == "scatter" and r["pages"] == 256]
    if ref:
        # Where linear growth through the 256-page scattered point would be.
        series += f", x * {ref[0]['total'] / 256.0} with lines dashtype 2 title 'linear (through scatter@256)'"
    live = os.path.join(build, "bench-live.dat")
    with open(live, "w") as f:
        for r in h.get("live", []):
            # T = 0 at 0.5 on the log axis.
            f.write(f"{r['live'] or 0.5} {r['share']} {r['retrieve']} {r['relinquish']} "
                    f"{r['reclaim']} {r['share_256_ranges']}\n")
    live_plot = ", ".join(f"'{live}' using 1:{c} with linespoints title '{t}'" for c, t in
                          ((2, "share 1 page"), (3, "retrieve"), (4, "relinquish"), (5, "reclaim"),
                           (6, "share 256 ranges")))
    panels = f"""set multiplot layout 1,2
set title 'MEM_SHARE + RETRIEVE + RELINQUISH + MEM_RECLAIM vs pages'
set xlabel 'pages shared'
set ylabel 'instructions (callgrind)'
set logscale xy
set key top left
set grid
set xrange [0.8:5000]
plot {series}
set title 'per call vs live transactions (T = 0 drawn at 0.5)'
set xlabel 'live transactions'
set xrange [0.4:1500]
set key bottom right
plot {live_plot}
unset multiplot
"""
    script = f"""set terminal svg size 1400,560 dynamic font 'sans,12' noenhanced
set output '{svg}'
{panels}
set terminal pngcairo size 1400,560 font 'sans,10' noenhanced
set output '{png}'
{panels}
"""
    try:
        subprocess.run(["gnuplot"], input=script, text=True, check=True)
    except (OSError, subprocess.CalledProcessError) as e:
        print(f"report: gnuplot failed ({e}): install it with tools/setup.sh bench", file=sys.stderr)
        return None
    return svg


def report(benchdir, build):
    with open(os.path.join(benchdir, "host.json")) as f:
        h = json.load(f)
    qs = []
    # One file per kernel measured (bench/run-qemu.sh), newest first.
    for qpath in sorted(glob.glob(os.path.join(benchdir, "qemu-*.json")), key=os.path.getmtime, reverse=True):
        with open(qpath) as f:
            qs.append(json.load(f))
    sc = scaling(h["mem"])
    svg = plot(h, build)
    # "host" is what the acceptance check reads; "hosted" stays for older readers.
    res = {"host": h, "hosted": h, "scaling": sc, "qemu": qs, "plot": svg}
    apath = os.path.join(benchdir, "aarch64.json")
    a = None
    if os.path.exists(apath):
        with open(apath) as f:
            a = json.load(f)
        res["aarch64"] = a
    with open(os.path.join(build, "bench.json"), "w") as f:
        json.dump(res, f, indent=2)
    lines = ["# ffa-stack benchmarks", "", "Generated by `make bench` (bench/). Figures, not assertions.", ""]
    lines += md_host(h, sc)
    lines += md_live(h)
    if a:
        lines += md_side_by_side(h, a)
    else:
        lines += ["## aarch64", "", "Not measured (make bench-fw).", ""]
    if svg:
        lines += [f"![cost versus pages]({os.path.basename(svg)})", ""]
    for q in qs:
        lines += md_qemu(q)
    if not qs:
        lines += ["## QEMU", "", "Not run (BENCH_QEMU=0).", ""]
    with open(os.path.join(build, "bench.md"), "w") as f:
        f.write("\n".join(lines))
    print("\n".join(lines))
    print(f"report: wrote {build}/bench.json, {build}/bench.md" + (f", {svg}" if svg else ""))


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "--host":
        parse_host(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 4 and sys.argv[1] == "--fw":
        parse_fw(sys.argv[2], sys.argv[3])
    elif len(sys.argv) >= 5 and sys.argv[1] == "--qemu":
        parse_qemu(sys.argv[2], sys.argv[3], sys.argv[4:])
    elif len(sys.argv) == 3:
        report(sys.argv[1], sys.argv[2])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
