#!/usr/bin/env python3
"""The same raw FF-A calls (linux/modules/ffa_diff) against our SPMC, TF-A's
SPMD with OP-TEE as S-EL1 SPMC (tfa-optee) and TF-A's EL3 SPMC (tfa-el3spmc),
side by side with what the specification requires (tests/spmc-diff/spec.json):
build/spmc-diff.md and build/spmc-diff.json.

Each firmware boots the stock FF-A-module kernel in nvhe with an initramfs
that holds the prober and no FF-A driver, so the prober is the normal world's
only FF-A caller and nothing stands between it and the SPMC.

Exit status 1 when the prober did not run everywhere or when our SPMC gives
an answer the specification does not allow (the peers' answers are reported,
never judged): the table is a test of ours against the spec and the others.
  usage: tools/spmc-diff.py [--firmware a,b]
"""
import json
import os
import re
import subprocess
import sys

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = os.path.join(TOP, "build")
FIRMWARES = ("ffa-stack", "tfa-optee", "tfa-el3spmc")
CELL = "stock/module/nvhe"
LINE = re.compile(r"ffa-diff: (\S+) (.+?)\s*$", re.M)


def sh(args, env=None):
    return subprocess.run(args, check=True, capture_output=True, text=True, env=env).stdout


def prepare():
    """The kernel and the prober's initramfs (shared by every firmware)."""
    variant, ffa, _ = CELL.split("/")
    kdir = sh([os.path.join(TOP, "tools/build-kernel.sh"), variant, ffa]).splitlines()[-1]
    mods = os.path.join(BUILD, "modules", f"{variant}-{ffa}")
    subprocess.run([os.path.join(TOP, "linux/modules/build.sh"), kdir, mods], check=True,
                   stdout=sys.stderr)
    initrd = os.path.join(BUILD, "initramfs-spmc-diff.cpio.gz")
    env = dict(os.environ, FFA_STACK_NO_FFA_DRIVER="1")
    subprocess.run([os.path.join(TOP, "tools/mkinitramfs.sh"), kdir, initrd,
                    os.path.join(mods, "ffa_diff.ko")], check=True, env=env, stdout=sys.stderr)
    return kdir, initrd


def probe(firmware, kdir, initrd):
    """The prober's answers on one firmware, in order, or None if it did not run."""
    env = dict(os.environ, FFA_STACK_NO_TPM="1")
    for setting in sh([os.path.join(TOP, "tools/cell.sh"), "env", f"{CELL}@{firmware}"]).splitlines():
        name, _, value = setting.partition("=")
        env[name] = value
    log = os.path.join(BUILD, "spmc-diff", f"{firmware}.log")
    os.makedirs(os.path.dirname(log), exist_ok=True)
    rc = subprocess.run([os.path.join(TOP, "tools/qemu-boot.sh"), "-l", log, "-a", "loglevel=8",
                         kdir, initrd, "nvhe"], env=env).returncode
    text = open(log, errors="replace").read() if os.path.exists(log) else ""
    answers = dict(LINE.findall(text))
    if rc != 0 or "done" not in answers:
        print(f"spmc-diff: {firmware}: the prober did not finish (QEMU exit {rc}); see {log}",
              file=sys.stderr)
        return None
    del answers["done"]
    return answers


def allowed(answer, spec):
    return spec is None or any(answer == s or answer.startswith(s + " ") for s in spec)


def report(spec, results):
    fws = list(results)
    rows, wrong_ours = [], []
    md = ["# FF-A answers of three SPMCs, side by side", "",
          "The same raw calls from the normal world (linux/modules/ffa_diff, no FF-A driver, no",
          "pKVM) on each firmware. *spec* is what DEN0077 allows (tests/spmc-diff/spec.json;",
          "`any` where the answer is the implementation's choice). A cell in **bold** differs",
          "from our SPMC; a ✗ is outside the specification.", "",
          "| probe | spec | " + " | ".join(fws) + " | why |",
          "|---|---|" + "---|" * len(fws) + "---|"]
    differ = 0
    for name, rule in spec.items():
        if name.startswith("_"):
            continue
        ours = results.get("ffa-stack", {}).get(name)
        cells = []
        for fw in fws:
            a = results[fw].get(name, "(no answer)")
            ok = allowed(a, rule["spec"])
            if fw == "ffa-stack" and not ok:
                wrong_ours.append(f"{name}: ours answers {a}, the spec allows {rule['spec']}")
            text = a + ("" if ok else " ✗")
            if fw != "ffa-stack" and ours is not None and a != ours:
                text = f"**{text}**"
            cells.append(text)
        if len(set(results[fw].get(name) for fw in fws)) > 1:
            differ += 1
        spec_text = " or ".join(rule["spec"]) if rule["spec"] else "any"
        md.append(f"| {name} | {spec_text} | " + " | ".join(cells) + f" | {rule['why']} |")
        rows.append({"probe": name, "spec": rule["spec"], "why": rule["why"],
                     **{fw: results[fw].get(name) for fw in fws}})
    md += ["", f"{differ} of {len(rows)} probes are answered differently by the firmwares;"
           f" our SPMC is outside the specification in {len(wrong_ours)}."]
    with open(os.path.join(BUILD, "spmc-diff.md"), "w") as f:
        f.write("\n".join(md) + "\n")
    with open(os.path.join(BUILD, "spmc-diff.json"), "w") as f:
        json.dump({"firmwares": fws, "probes": rows, "differ": differ,
                   "ours_outside_spec": wrong_ours}, f, indent=2)
    return differ, wrong_ours


def main():
    fws = FIRMWARES
    if len(sys.argv) == 3 and sys.argv[1] == "--firmware":
        fws = tuple(sys.argv[2].split(","))
        unknown = [f for f in fws if f not in FIRMWARES]
        if unknown:
            sys.exit(f"spmc-diff: no firmware {', '.join(unknown)} (one of {', '.join(FIRMWARES)})")
    elif len(sys.argv) != 1:
        sys.exit(__doc__.split("usage: ")[1])
    spec = json.load(open(os.path.join(TOP, "tests/spmc-diff/spec.json")))
    kdir, initrd = prepare()
    results, missing = {}, []
    for fw in fws:
        r = probe(fw, kdir, initrd)
        if r is None:
            missing.append(fw)
        else:
            results[fw] = r
    if not results:
        print("spmc-diff: no firmware answered: 0 passed, 1 failed")
        return 1
    differ, wrong = report(spec, results)
    for w in wrong:
        print(f"spmc-diff: ours outside the spec: {w}")
    print(f"spmc-diff: build/spmc-diff.md: {len(results)} firmwares, {differ} probes answered"
          f" differently, ours outside the spec in {len(wrong)}")
    # The test: each probe the spec decides is one check of our SPMC (a
    # refusal the spec requires is a negative one); a firmware that did not
    # answer is a failure of the run.
    judged = [n for n, r in spec.items() if not n.startswith("_") and r["spec"]]
    negative = [n for n in judged if all(a.startswith("ERROR") for a in spec[n]["spec"])]
    ours = "ffa-stack" in results
    passed = len(judged) - len(wrong) if ours else 0
    failed = len(wrong) + len(missing)
    print(f"spmc-diff: {passed} passed, {failed} failed, {len(negative) if ours else 0} negative")
    return 1 if missing or wrong else 0


if __name__ == "__main__":
    sys.exit(main())
