/* SPDX-License-Identifier: MIT */
/*
 * The EL3 memory map of QEMU virt, built from the platform description
 * (platform.h) and the image's section boundaries. Platform code with no
 * hardware access, so the hosted tests (tests/fw/test_xlat.c) build the
 * very same map and check its attributes.
 */
#ifndef FW_QEMU_VIRT_MEMMAP_H
#define FW_QEMU_VIRT_MEMMAP_H

#include "fw/common/xlat.h"

/* Where the linker put the firmware (page-aligned boundaries). */
struct plat_image {
	uint64_t text_start, text_end;      /* secure RAM: code */
	uint64_t ro_start, ro_end;          /* secure RAM: constants */
	uint64_t rw_start, rw_end;          /* secure RAM: data, bss, stacks, tables */
	uint64_t flash_end;                 /* end of the image in flash bank 0 */
};

/* Tables the QEMU virt map needs, with room for the TPM and big RAM. */
#define PLAT_XLAT_TABLES 16u

/* Everything known before the device tree is read: the image, flash,
 * MMIO, and the NS window holding the DTB and the boot scratch. */
int plat_memmap_boot(struct xlat *x, const struct plat_image *im);
/* The rest of NS RAM [base, base + size) as the device tree gives it. */
int plat_memmap_ns_ram(struct xlat *x, uint64_t base, uint64_t size);

#endif /* FW_QEMU_VIRT_MEMMAP_H */
