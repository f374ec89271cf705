/* SPDX-License-Identifier: MIT */
/* Helpers shared by the firmware unit tests (tests/fw/). */
#ifndef TESTS_FW_FWTEST_H
#define TESTS_FW_FWTEST_H

#include <stdint.h>

#include "fw/common/fdt.h"

/*
 * A tree shaped like QEMU virt's (secure=on): root cells 2/2, an enabled
 * /memory@40000000 (1 GiB), a disabled /secram@e000000 memory node, /cpus
 * (#address-cells = addr_cells) with `ncpus` cpu@N nodes and a cpu-map,
 * and /chosen with bootargs. Written with the editor under test into buf;
 * returns 0 or an fdt error.
 */
int fwtest_virt_tree(struct fdt *f, void *buf, uint32_t cap, unsigned int ncpus,
		     uint32_t addr_cells);

#endif /* TESTS_FW_FWTEST_H */
