#!/usr/bin/env python3
"""Boot matrix: kernel variant x FF-A built-in/module x pKVM protected/nvhe.

Boots every cell in QEMU with our firmware, the ffa_test client module and
the /tests/ffa-test program, reads the console, and writes build/matrix.json
and build/matrix.md. Each cell's expected outcome is data in
tests/matrix/expected.json; a cell that differs from it fails (exit 1), and
the last line is "matrix: N passed, M failed" (one per cell).

    tools/matrix.py [--variants stock,upstream,ours] [--cells ours/builtin/protected,...]

Variants default to every linux/patches/<variant> directory.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import time

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = os.path.join(TOP, "build")
TEST_UUID = "5f3a1b7e-9c2d-4e8f-a601-ffa57ac4e500"

# Where the FF-A driver's probe ran, from initcall_debug's "calling" lines:
# the last anchor initcall seen before the driver's "Firmware version" line.
ANCHORS = [
    ("rootfs", r"calling  populate_rootfs\+"),
    ("device", r"calling  kvm_arm_init\+"),
    ("device_sync", r"calling  finalize_pkvm\+"),
    ("late", r"calling  deferred_probe_initcall\+"),
    ("userspace", r"ffa-stack: start"),
]


def sh(cmd, **kw):
    return subprocess.run(cmd, check=True, text=True, stdout=subprocess.PIPE, **kw).stdout


def prepare(variant, ffa):
    kdir = sh([os.path.join(TOP, "tools/build-kernel.sh"), variant, ffa]).strip().splitlines()[-1]
    mods = os.path.join(BUILD, "modules", f"{variant}-{ffa}")
    sh([os.path.join(TOP, "linux/modules/build.sh"), kdir, mods])
    initrd = os.path.join(BUILD, f"initramfs-matrix-{variant}-{ffa}.cpio.gz")
    # FF-A built in: the client drivers are built in too (builtin.list).
    extra = [os.path.join(mods, "ffa-test")]
    if ffa == "module":
        extra.insert(0, os.path.join(mods, "ffa_test.ko"))
    extra += tpm_extras(kdir, mods)
    extra += uefivar_extras(kdir, mods)
    sh([os.path.join(TOP, "tools/mkinitramfs.sh"), kdir, initrd] + extra)
    return kdir, initrd


def tpm_extras(kdir, mods):
    """/tests/tpm-test, and tpm_ffa.ko unless the kernel has it built in
    (builtin.list); build.sh makes both only for kernels with a TPM core."""
    ko, prog = os.path.join(mods, "tpm_ffa.ko"), os.path.join(mods, "tpm-test")
    if not os.path.exists(prog):
        return []
    config = open(os.path.join(kdir, "config"), errors="replace").read()
    builtin = re.search(r"^CONFIG_FFA_STACK_TPM=y", config, re.M) is not None
    return ([] if builtin or not os.path.exists(ko) else [ko]) + [prog]


def uefivar_extras(kdir, mods):
    """/tests/uefivar-test, and uefivar_mm.ko unless built in (builtin.list)."""
    ko, prog = os.path.join(mods, "uefivar_mm.ko"), os.path.join(mods, "uefivar-test")
    if not os.path.exists(prog):
        return []
    config = open(os.path.join(kdir, "config"), errors="replace").read()
    builtin = re.search(r"^CONFIG_FFA_STACK_UEFIVAR=y", config, re.M) is not None
    return ([] if builtin or not os.path.exists(ko) else [ko]) + [prog]


def uefivar_result(text):
    """UEFI variables over FF-A from Linux: efivarfs over the partition, write,
    read, EXIT_BOOT_SERVICE hiding BS-only variables (uefivar-test). True when
    efivarfs came up and no check failed, False on any failure, None when
    the test did not run."""
    if re.search(r"^ffa-stack: check uefivar-\S+ fail", text, re.M):
        return False
    if re.search(r"^ffa-stack: check uefivar-efivarfs ok", text, re.M):
        return True
    return None


def tpm_ima(text):
    """The TPM and IMA column: /dev/tpm0 answered PCR reads through FF-A
    (tpm-test), IMA's first measurement and whether its digest equals the
    boot_aggregate recomputed from PCRs 0-9, and any "TPM-bypass"."""
    m = re.search(r"^ffa-stack: ima first (\S+)", text, re.M)
    first = m.group(1) if m and m.group(1) != "none" else None
    tpm = re.search(r"^ffa-stack: check tpm ok", text, re.M) is not None
    ima = {"first": first,
           "matches_pcrs": re.search(r"^ffa-stack: check ima-boot-aggregate ok", text, re.M) is not None,
           "tpm_bypass": "TPM-bypass" in text}
    return tpm, ima


def probe_level(lines):
    probe = next((i for i, l in enumerate(lines) if "ARM FF-A: Firmware version" in l), None)
    if probe is None:
        return None
    # /init loads ffa-core.ko, then ffa-module.ko whose init probes: the
    # probe line comes between the two "ffa-stack: module" lines.
    if any(l.startswith("ffa-stack: module ffa-core.ko") for l in lines[:probe]):
        return "module"
    level = "early"
    for i in range(probe):
        for name, pat in ANCHORS:
            if re.search(pat, lines[i]):
                level = name
    return level


def rxtx_registrar(secure_log):
    """Which EL made the last RX/TX registration at the SPMC still standing
    at the end of the boot: the firmware logs each RXTX_MAP/UNMAP with the
    EL it came from. 2 = pKVM's proxy, 1 = the kernel directly, None = none."""
    try:
        text = open(secure_log, errors="replace").read()
    except OSError:
        return None
    el = None
    for m in re.finditer(r"ffa: RXTX_(MAP|UNMAP) by EL(\d)", text):
        el = int(m.group(2)) if m.group(1) == "MAP" else None
    return el


def stress_result(text):
    m = re.search(r"ffa_test: stress: (\d+) calls on (\d+) CPUs, (\d+) after pKVM finalised, "
                  r"(\d+) failed", text)
    if not m:
        return None
    calls, cpus, after, failed = (int(g) for g in m.groups())
    return {"calls": calls, "cpus": cpus, "after_pkvm": after, "failed": failed}


def evaluate(log, rc, mode, ffa="module"):
    text = open(log, errors="replace").read()
    lines = text.splitlines()

    def has(pat):
        return re.search(pat, text, re.M) is not None

    def check(name):
        return has(rf"^ffa-stack: check {re.escape(name)} ok")

    def check3(name):  # ok -> True, skip or absent -> None, fail -> False
        if has(rf"^ffa-stack: check {re.escape(name)} fail"):
            return False
        return True if check(name) else None

    # 6.12 says "Notification setup failed -95" (pr_info) whenever the SPMC
    # offers no notification interrupts; our firmware implements none, so
    # that line reports a missing optional feature, not a failed call.
    ffa_errors = [l.strip() for l in lines
                  if re.search(r"ARM FF-A: .*(fail|error|Error|not supported)", l)
                  and "Notification setup failed -95" not in l]
    hyp = (r"Protected [hn]VHE mode initialized successfully" if mode == "protected"
           else r"Hyp nVHE mode initialized successfully")
    checks = {
        "boot": rc == 0 and has(r"^ffa-stack: done"),
        "hyp_initialised": has(hyp),
        "ffa_probed": has(r"ARM FF-A: Firmware version 1\.\d+ found"),
        "partitions_found": has(rf"^ffa-stack: ffa-device .* uuid={TEST_UUID}"),
        "client_bound": check("ffa_test-bound"),
        "direct_msg": check("echo-100"),
        # 6.12's driver negotiates FF-A 1.1 and offers DIRECT_REQ2 only from
        # 1.2 on: the client reports skip, and the check does not apply.
        "direct_msg2": check3("echo2-100"),
        "share_lend_reclaim": all(check(c) for c in ("share-1", "share-16", "share-256", "lend-16")),
        "no_ffa_errors": not ffa_errors,
        # PARTITION_INFO_GET at the end of boot, not just what the bus
        # enumerated early on.
        "partinfo_now": check3("partinfo"),
        "uefivar": uefivar_result(text),
        "share_host_rx_refused": check3("share-host-rx"),
        # pKVM refuses foreign pages, double shares, bad descriptors, renegotiation.
        "isolation": check3("isolation"),
    }
    # A built-in client's FF-A call at device_initcall, right after KVM
    # initialised (kvm_arm_init runs earlier in the same level).
    if ffa == "builtin":
        checks["usable_at_device_initcall"] = has(r"ffa_test: device_initcall echo ok")
    else:
        checks["usable_at_device_initcall"] = None
    stress = stress_result(text) if ffa == "builtin" else None
    if stress is None:
        checks["smp_stress"] = None if ffa == "module" else False
    else:
        # Calls on every CPU and none failed; under pKVM, calls both before
        # and after it finalised, so the run spans the installation.
        spans = stress["after_pkvm"] > 0 and stress["calls"] > stress["after_pkvm"]
        checks["smp_stress"] = (stress["failed"] == 0 and stress["cpus"] >= 4 and
                                (spans or mode != "protected"))
    via_proxy = None
    if mode == "protected":
        el = rxtx_registrar(log + ".secure")
        via_proxy = None if el is None else el == 2
    return checks, via_proxy, probe_level(lines), ffa_errors, stress


def run_cell(variant, ffa, mode, expected):
    kdir, initrd = prepare(variant, ffa)
    log = os.path.join(BUILD, "matrix", f"{variant}-{ffa}-{mode}.log")
    os.makedirs(os.path.dirname(log), exist_ok=True)
    start = time.time()
    # initcall_debug's "calling" lines are KERN_DEBUG: loglevel=8 shows them.
    args = "initcall_debug loglevel=8" + (" ffa_test.stress=1" if ffa == "builtin" else "")
    rc = subprocess.run([os.path.join(TOP, "tools/qemu-boot.sh"), "-t", "300", "-l", log,
                         "-a", args, kdir, initrd, mode]).returncode
    checks, via_proxy, level, errors, stress = evaluate(log, rc, mode, ffa)
    tpm, ima = tpm_ima(open(log, errors="replace").read())
    cell = {
        "variant": variant, "ffa": ffa, "mode": mode,
        "checks": checks,
        "all_checks_pass": all(v is not False for v in checks.values()),
        "rxtx_via_proxy": via_proxy,
        "probe_initcall": level,
        "ffa_errors": errors,
        "stress": stress,
        "tpm": tpm,
        "ima": ima,
        "qemu_exit": rc,
        "seconds": round(time.time() - start, 1),
        "log": os.path.relpath(log, TOP),
    }
    key = f"{variant}/{ffa}/{mode}"
    want = expected.get(key)
    diffs = []
    if want is None:
        diffs.append("no expectation recorded")
    else:
        for name, value in want.get("checks", {}).items():
            if checks.get(name) != value:
                diffs.append(f"{name}: got {checks.get(name)}, expected {value}")
        for field in ("rxtx_via_proxy", "probe_initcall"):
            if field in want and cell[field] != want[field]:
                diffs.append(f"{field}: got {cell[field]}, expected {want[field]}")
    cell["matches_expectation"] = not diffs
    cell["differences"] = diffs
    return cell


def fmt(v):
    return {True: "yes", False: "**no**", None: "n/a"}.get(v, str(v))


def write_reports(cells):
    with open(os.path.join(BUILD, "matrix.json"), "w") as f:
        json.dump({"cells": cells}, f, indent=2)
    names = list(cells[0]["checks"]) if cells else []
    hdr = ["cell"] + names + ["tpm/ima", "rxtx via proxy", "probe at", "as expected"]
    out = ["| " + " | ".join(hdr) + " |", "|" + "---|" * len(hdr)]
    for c in cells:
        row = [f"{c['variant']}/{c['ffa']}/{c['mode']}"] + [fmt(c["checks"][n]) for n in names]
        ima = c["ima"]
        row += [f"{fmt(c['tpm'])} / {ima['first'] or 'none'}"
                f"{' = PCRs' if ima['matches_pcrs'] else ''}{' (TPM-bypass)' if ima['tpm_bypass'] else ''}"]
        row += [fmt(c["rxtx_via_proxy"]), c["probe_initcall"] or "never",
                "yes" if c["matches_expectation"] else "**NO**: " + "; ".join(c["differences"])]
        out.append("| " + " | ".join(row) + " |")
    with open(os.path.join(BUILD, "matrix.md"), "w") as f:
        f.write("\n".join(out) + "\n")
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    known = [v for v in ("stock", "upstream", "ours")
             if os.path.isdir(os.path.join(TOP, "linux/patches", v))]
    ap.add_argument("--variants", default=",".join(known))
    ap.add_argument("--cells", default="")
    args = ap.parse_args()
    expected = json.load(open(os.path.join(TOP, "tests/matrix/expected.json")))
    wanted = [c for c in args.cells.split(",") if c]
    cells = []
    for variant in args.variants.split(","):
        for ffa in ("builtin", "module"):
            for mode in ("protected", "nvhe"):
                key = f"{variant}/{ffa}/{mode}"
                if wanted and key not in wanted:
                    continue
                cell = run_cell(variant, ffa, mode, expected)
                verdict = "as expected" if cell["matches_expectation"] else "UNEXPECTED: " + "; ".join(cell["differences"])
                print(f"matrix: {key}: {verdict} ({cell['seconds']}s)", flush=True)
                cells.append(cell)
    print(write_reports(cells))
    bad = sum(not c["matches_expectation"] for c in cells)
    print(f"matrix: {len(cells) - bad} passed, {bad} failed")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
