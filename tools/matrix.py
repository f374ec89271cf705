#!/usr/bin/env python3
"""Boot matrix: kernel variant x FF-A built-in/module x pKVM protected/nvhe.

Boots every cell in QEMU with our firmware, the ffa_test client module and
the /tests/ffa-test program, reads the console, and writes build/matrix.json
and build/matrix.md. Each cell's expected outcome is data in
tests/matrix/expected.json; a cell that differs from it fails (exit 1), and
the last line is "matrix: N passed, M failed" (one per cell).

    tools/matrix.py [--variants stock,ours,...] [--cells ours/builtin/protected,...]

The cells are the keys of the expectations file: "variant/ffa/mode", or
"variant/ffa/mode@firmware" on a peer secure world (tfa-optee, tfa-el3spmc:
tools/peer-fw.sh), "variant/ffa/mode+name" for another boot of that kernel whose expectation
names a firmware fault to inject ("fault", fw/qemu-virt/fault.h, given to
QEMU as a fw_cfg file) and/or extra kernel arguments ("kernel_args"). --variants and
--cells select among them; a name that matches no cell is an error.
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


# Checks that report a hazard: true is the failure.
BAD_WHEN_TRUE = {"host_rxtx_unpinned_at_end"}


def sh(cmd, **kw):
    return subprocess.run(cmd, check=True, text=True, stdout=subprocess.PIPE, **kw).stdout


def prepare(variant, ffa):
    """Kernel, client modules and programs, initramfs: tools/cell.sh, the one
    way every boot of the project prepares a cell."""
    out = sh([os.path.join(TOP, "tools/cell.sh"), "prepare", f"{variant}/{ffa}/protected"])
    kdir, initrd = out.strip().splitlines()[-2:]
    return kdir, initrd


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


def host_rxtx_unpinned(secure_log, mode):
    """True when boot ended with the normal world's RX/TX registered at the
    SPMC by the kernel itself (EL1) while pKVM protects memory: pages the
    hypervisor never pinned, which the host could give to a guest while the
    SPMC still writes into them. A registration by EL2 is the proxy's own
    buffers (it pins the host's behind them); none standing is safe too.
    None without pKVM (nvhe: nothing to bypass)."""
    if mode != "protected":
        return None
    return rxtx_registrar(secure_log) == 1


def stress_result(text):
    m = re.search(r"ffa_test: stress: (\d+) calls on (\d+) CPUs, (\d+) after pKVM finalised, "
                  r"(\d+) failed", text)
    if not m:
        return None
    calls, cpus, after, failed = (int(g) for g in m.groups())
    return {"calls": calls, "cpus": cpus, "after_pkvm": after, "failed": failed}


OPTEE_UUID = "486178e0-e7f8-11e3-bc5e-0002a5d5c51b"
# Firmware of the matrix: ours, and the peers tools/peer-fw.sh builds
# (tools/cell.sh knows how to boot each).
FIRMWARES = ("ffa-stack", "tfa-optee", "tfa-el3spmc")
# What only our firmware can show: its test, TPM and variable partitions,
# and its log of who registered RX/TX from which EL.
OURS_ONLY = ("partitions_found", "client_bound", "direct_msg", "direct_msg2",
             "share_lend_reclaim", "partinfo_now", "uefivar", "share_host_rx_refused",
             "isolation", "emad_offset_refused", "host_rxtx_unpinned_at_end",
             "usable_at_device_initcall", "smp_stress", "real_tpm2", "real_efivar",
             "store_unreachable_from_ns")


def optee_bound(text):
    """Linux's OP-TEE driver over FF-A: OP-TEE's partition enumerated and
    /dev/tee0 there (the driver exchanged its API version and capabilities
    by direct messages). None where there is no OP-TEE (our firmware)."""
    if not re.search(rf"^ffa-stack: ffa-device .* uuid={OPTEE_UUID}", text, re.M):
        return None
    return re.search(r"^ffa-stack: tee0 present", text, re.M) is not None


def optee_share_reclaim(text):
    """/tests/optee-test: 1, 16 and 256 pages shared with OP-TEE through its
    driver and reclaimed, with no reclaim error logged and the same pages
    accepted for a second share (so the hypervisor gave them back). None
    where the program found no /dev/tee0."""
    results = re.findall(r"^ffa-stack: check optee-share-(\d+) (ok|fail)", text, re.M)
    if not results:
        return None
    return sorted(int(n) for n, r in results if r == "ok") == [1, 16, 256]


def evaluate(text, log, rc, mode, ffa, firmware):
    checks, via_proxy, level, errors, stress = evaluate_ours(text, log, rc, mode, ffa)
    checks["optee_bound"] = optee_bound(text)
    checks["optee_share_reclaim"] = optee_share_reclaim(text)
    if firmware != "ffa-stack":
        for name in OURS_ONLY:
            checks[name] = None
        via_proxy, stress = None, None
    return checks, via_proxy, level, errors, stress


def evaluate_ours(text, log, rc, mode, ffa):
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
        # A MEM_SHARE whose endpoint descriptor offset points past the
        # fragment (fix-review.md): refused with INVALID_PARAMETERS.
        "emad_offset_refused": check3("emad-offset"),
        "host_rxtx_unpinned_at_end": host_rxtx_unpinned(log + ".secure", mode),
        # Debian's own clients over our services (linux/clients/real-clients):
        # tpm2-tools with a verified quote, efivar/efibootmgr/mokutil.
        "real_tpm2": check3("real-tpm2"),
        "real_efivar": check3("real-efivar"),
        # The normal world overwrites flash bank 1 (the store's old place)
        # and writes secure flash bank 0 (its new one): every variable reads
        # back unchanged (linux/tests/ffa-test-store.c).
        "store_unreachable_from_ns": check3("store-unreachable-from-ns"),
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


def fault_safe(text, secure_log, mode, want_line):
    """A fault cell ended safe: boot finished, no host RX/TX registered at
    the SPMC behind pKVM, and the kernel said what failed in exactly one
    line matching @want_line (from the expectations)."""
    lines = [l for l in text.splitlines() if re.search(want_line, l)]
    return (re.search(r"^ffa-stack: done", text, re.M) is not None and
            host_rxtx_unpinned(secure_log, mode) is False and len(lines) == 1)


def run_cell(key, want, prepared):
    base, _, suffix = key.partition("+")
    base, _, firmware = base.partition("@")
    firmware = firmware or "ffa-stack"
    variant, ffa, mode = base.split("/")
    fault = want.get("fault")
    if (variant, ffa) not in prepared:
        prepared[(variant, ffa)] = prepare(variant, ffa)
    kdir, initrd = prepared[(variant, ffa)]
    name = f"{variant}-{ffa}-{mode}" + (f"-{suffix}" if suffix else "")
    if firmware != "ffa-stack":
        name = f"{firmware}-{name}"
    log = os.path.join(BUILD, "matrix", f"{name}.log")
    os.makedirs(os.path.dirname(log), exist_ok=True)
    start = time.time()
    # initcall_debug's "calling" lines are KERN_DEBUG: loglevel=8 shows them.
    args = "initcall_debug loglevel=8" + (" ffa_test.stress=1" if ffa == "builtin" else "")
    args += " " + want.get("kernel_args", "")
    # The peer firmware image and the fault, as tools/cell.sh boots them.
    env = dict(os.environ)
    cell_env = [os.path.join(TOP, "tools/cell.sh"), "env"] + (["-f", fault] if fault else [])
    for setting in sh(cell_env + [key.partition("+")[0]]).splitlines():
        name_, _, value = setting.partition("=")
        env[name_] = value
    rc = subprocess.run([os.path.join(TOP, "tools/qemu-boot.sh"), "-l", log,
                         "-a", args, kdir, initrd, mode], env=env).returncode
    text = open(log, errors="replace").read()
    checks, via_proxy, level, errors, stress = evaluate(text, log, rc, mode, ffa, firmware)
    tpm, ima = tpm_ima(text)
    cell = {
        "variant": variant, "ffa": ffa, "mode": mode, "firmware": firmware,
        "fault": fault,
        "kernel_args": want.get("kernel_args"),
        "checks": checks,
        "all_checks_pass": all(v is not (name in BAD_WHEN_TRUE) for name, v in checks.items()),
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
    if fault:
        cell["fault_end_state_safe"] = fault_safe(text, log + ".secure", mode,
                                                  want["kernel_line"])
    diffs = []
    for check_name, value in want.get("checks", {}).items():
        if checks.get(check_name) != value:
            diffs.append(f"{check_name}: got {checks.get(check_name)}, expected {value}")
    for field in ("rxtx_via_proxy", "probe_initcall", "fault_end_state_safe"):
        if field in want and cell.get(field) != want[field]:
            diffs.append(f"{field}: got {cell.get(field)}, expected {want[field]}")
    cell["matches_expectation"] = not diffs
    cell["differences"] = diffs
    return cell


def fmt(v):
    return {True: "yes", False: "**no**", None: "n/a"}.get(v, str(v))


def write_reports(cells):
    with open(os.path.join(BUILD, "matrix.json"), "w") as f:
        json.dump({"cells": cells}, f, indent=2)
    out = []
    for firmware in FIRMWARES:
        here = [c for c in cells if c["firmware"] == firmware]
        if here:
            out += [f"### firmware {firmware}", ""] + table(here) + [""]
    with open(os.path.join(BUILD, "matrix.md"), "w") as f:
        f.write("\n".join(out) + "\n")
    return "\n".join(out)


def table(cells):
    names = list(cells[0]["checks"])
    hdr = ["cell"] + names + ["tpm/ima", "rxtx via proxy", "probe at", "as expected"]
    out = ["| " + " | ".join(hdr) + " |", "|" + "---|" * len(hdr)]
    for c in cells:
        cell_name = f"{c['variant']}/{c['ffa']}/{c['mode']}"
        if c["fault"]:
            cell_name += f" + fault {c['fault']} (end state safe: {fmt(c['fault_end_state_safe'])})"
        if c["kernel_args"]:
            cell_name += f" + `{c['kernel_args']}`"
        row = [cell_name] + [fmt(c["checks"][n]) for n in names]
        ima = c["ima"]
        row += [f"{fmt(c['tpm'])} / {ima['first'] or 'none'}"
                f"{' = PCRs' if ima['matches_pcrs'] else ''}{' (TPM-bypass)' if ima['tpm_bypass'] else ''}"]
        row += [fmt(c["rxtx_via_proxy"]), c["probe_initcall"] or "never",
                "yes" if c["matches_expectation"] else "**NO**: " + "; ".join(c["differences"])]
        out.append("| " + " | ".join(row) + " |")
    return out


def select_cells(expected, variants, wanted):
    """The expectation keys to boot, in file order; exits on a name that
    selects nothing, so a typo can never pass as an empty run."""
    keys = [k for k in expected if not k.startswith("_")]
    known_variants = {k.split("/")[0] for k in keys}
    for k in keys:
        fw = k.partition("+")[0].partition("@")[2]
        if fw and fw not in FIRMWARES:
            sys.exit(f"matrix: cell '{k}' names firmware '{fw}' (known: {', '.join(FIRMWARES)})")
    for v in variants:
        if v not in known_variants:
            sys.exit(f"matrix: no cells for variant '{v}' in tests/matrix/expected.json "
                     f"(known: {', '.join(sorted(known_variants))})")
    for c in wanted:
        if c not in keys:
            sys.exit(f"matrix: no cell '{c}' in tests/matrix/expected.json "
                     f"(cells look like ours/builtin/protected or ours/builtin/protected+version-2.0)")
    return [k for k in keys if (not variants or k.split("/")[0] in variants)
            and (not wanted or k in wanted)]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--variants", default="")
    ap.add_argument("--cells", default="")
    args = ap.parse_args()
    expected = json.load(open(os.path.join(TOP, "tests/matrix/expected.json")))
    keys = select_cells(expected, [v for v in args.variants.split(",") if v],
                        [c for c in args.cells.split(",") if c])
    cells, prepared, failed_prep = [], {}, []
    for key in keys:
        try:
            cell = run_cell(key, expected[key], prepared)
        except subprocess.CalledProcessError as e:
            # The cell could not even be prepared (a kernel, the peer
            # firmware): a failed cell, with the tool's own words above.
            cell = {"key": key, "seconds": 0, "matches_expectation": False,
                    "differences": [f"could not prepare: {os.path.basename(e.cmd[0])} exited {e.returncode}"]}
            print(f"matrix: {key}: FAILED: {cell['differences'][0]}", flush=True)
            failed_prep.append(cell)
            continue
        verdict = "as expected" if cell["matches_expectation"] else "UNEXPECTED: " + "; ".join(cell["differences"])
        print(f"matrix: {key}: {verdict} ({cell['seconds']}s)", flush=True)
        cells.append(cell)
    print(write_reports(cells))
    bad = sum(not c["matches_expectation"] for c in cells) + len(failed_prep)
    print(f"matrix: {len(cells) + len(failed_prep) - bad} passed, {bad} failed")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
