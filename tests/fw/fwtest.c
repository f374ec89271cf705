// SPDX-License-Identifier: MIT
#include "tests/fw/fwtest.h"

#include <stdio.h>

static int reg64(struct fdt *f, int node, uint64_t base, uint64_t size)
{
	uint8_t reg[16];

	for (int i = 0; i < 8; i++) {
		reg[i] = (uint8_t)(base >> (56 - 8 * i));
		reg[8 + i] = (uint8_t)(size >> (56 - 8 * i));
	}
	return fdt_setprop(f, node, "reg", reg, sizeof(reg));
}

static int add_cpus(struct fdt *f, unsigned int ncpus, uint32_t addr_cells)
{
	int cpus = fdt_add_subnode(f, fdt_path_offset(f, "/"), "cpus");
	int err, map;

	if (cpus < 0)
		return cpus;
	err = fdt_setprop_u32(f, cpus, "#address-cells", addr_cells);
	err = err ? err : fdt_setprop_u32(f, cpus, "#size-cells", 0);
	if (err)
		return err;
	map = fdt_add_subnode(f, cpus, "cpu-map");
	if (map < 0)
		return map;
	for (unsigned int i = 0; i < ncpus; i++) {
		char name[32];
		int cpu;

		snprintf(name, sizeof(name), "cpu@%u", i);
		cpu = fdt_add_subnode(f, fdt_path_offset(f, "/cpus"), name);
		if (cpu < 0)
			return cpu;
		err = fdt_setprop_string(f, cpu, "device_type", "cpu");
		err = err ? err : fdt_setprop_string(f, cpu, "compatible", "arm,cortex-a57");
		if (!err && addr_cells == 2)
			err = fdt_setprop_u64(f, cpu, "reg", i);
		else if (!err)
			err = fdt_setprop_u32(f, cpu, "reg", i);
		if (err)
			return err;
	}
	return 0;
}

int fwtest_virt_tree(struct fdt *f, void *buf, uint32_t cap, unsigned int ncpus,
		     uint32_t addr_cells)
{
	int err = fdt_create_empty(f, buf, cap);
	int root, n;

	if (err)
		return err;
	root = fdt_path_offset(f, "/");
	err = fdt_setprop_u32(f, root, "#address-cells", 2);
	err = err ? err : fdt_setprop_u32(f, root, "#size-cells", 2);
	err = err ? err : fdt_setprop_string(f, root, "compatible", "linux,dummy-virt");
	if (err)
		return err;
	n = fdt_add_subnode(f, fdt_path_offset(f, "/"), "secram@e000000");
	if (n < 0)
		return n;
	err = fdt_setprop_string(f, n, "device_type", "memory");
	err = err ? err : fdt_setprop_string(f, n, "status", "disabled");
	err = err ? err : reg64(f, n, 0x0E000000, 0x01000000);
	if (err)
		return err;
	n = fdt_add_subnode(f, fdt_path_offset(f, "/"), "memory@40000000");
	if (n < 0)
		return n;
	err = reg64(f, n, 0x40000000, 0x40000000);
	err = err ? err : fdt_setprop_string(f, n, "device_type", "memory");
	err = err ? err : add_cpus(f, ncpus, addr_cells);
	if (err)
		return err;
	n = fdt_add_subnode(f, fdt_path_offset(f, "/"), "chosen");
	if (n < 0)
		return n;
	return fdt_setprop_string(f, n, "bootargs", "console=ttyAMA0");
}
