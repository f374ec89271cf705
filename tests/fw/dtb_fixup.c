// SPDX-License-Identifier: MIT
/*
 * fw-dtb-fixup IN OUT: applies the firmware's device tree edits (PSCI node
 * and enable-method, initrd range, default bootargs, one reserved-memory
 * carveout) to a DTB file, with the firmware's 1 MiB budget, so that
 * tests/fw/dtc-check.sh can check QEMU's real tree through dtc.
 */
#include <stdio.h>
#include <stdlib.h>

#include "fw/common/linux_dt.h"

#define BUDGET (1u << 20)

static int fail(const char *what, int err)
{
	fprintf(stderr, "fw-dtb-fixup: %s: %s\n", what, dt_strerror(err));
	return 1;
}

int main(int argc, char **argv)
{
	static unsigned char buf[BUDGET];
	struct fdt f;
	size_t n;
	FILE *in, *out;
	int err;

	if (argc != 3) {
		fprintf(stderr, "usage: fw-dtb-fixup IN.dtb OUT.dtb\n");
		return 2;
	}
	in = fopen(argv[1], "rb");
	if (!in) {
		perror(argv[1]);
		return 1;
	}
	n = fread(buf, 1, sizeof(buf), in);
	fclose(in);
	err = fdt_open(&f, buf, (uint32_t)n, BUDGET);
	if (err)
		return fail("open", err);
	if ((err = dt_add_psci(&f)))
		return fail("psci", err);
	if ((err = dt_set_initrd(&f, 0x48000000, 0x48123456)))
		return fail("initrd", err);
	if ((err = dt_set_bootargs_default(&f, "console=ttyAMA0 from-fw-cfg")))
		return fail("bootargs", err);
	if ((err = dt_add_reserved(&f, "ffa-test", 0x7f000000, 0x200000)))
		return fail("reserved", err);
	if ((err = fdt_check(&f)))
		return fail("check", err);
	out = fopen(argv[2], "wb");
	if (!out || fwrite(buf, 1, fdt_totalsize(&f), out) != fdt_totalsize(&f)) {
		perror(argv[2]);
		return 1;
	}
	return fclose(out) ? 1 : 0;
}
