// SPDX-License-Identifier: MIT
/*
 * Device tree reads and fix-ups for the Linux handoff. The PSCI node follows
 * the devicetree binding for PSCI: the 1.0/0.2 compatibles make Linux use
 * the standard function IDs; the per-function properties serve the oldest
 * "arm,psci" fallback.
 */
#include "fw/common/linux_dt.h"

#include "fw/common/psci.h"
#include "fw/common/util.h"

/* Read `cells` big-endian 32-bit cells (1 or 2) as one number. */
static int read_cells(const uint8_t *p, uint32_t cells, uint64_t *out)
{
	if (cells == 1u)
		*out = load_be32(p);
	else if (cells == 2u)
		*out = load_be64(p);
	else
		return DT_ERR_BADREG;
	return 0;
}

static int write_cells(uint8_t *p, uint32_t cells, uint64_t v)
{
	if (cells == 1u) {
		if (v >> 32)
			return DT_ERR_RANGE;
		store_be32(p, (uint32_t)v);
	} else if (cells == 2u) {
		store_be64(p, v);
	} else {
		return DT_ERR_BADREG;
	}
	return 0;
}

static void root_cells(const struct fdt *f, uint32_t *ac, uint32_t *sc)
{
	int root = fdt_path_offset(f, "/");

	/* The devicetree defaults when a parent does not say. */
	*ac = fdt_getprop_u32(f, root, "#address-cells", 2u);
	*sc = fdt_getprop_u32(f, root, "#size-cells", 1u);
}

static int is_type(const struct fdt *f, int node, const char *type)
{
	uint32_t len;
	const char *t = fdt_getprop(f, node, "device_type", &len);

	return t && len > 0 && t[len - 1] == '\0' && fw_streq(t, type);
}

int dt_read_memory(const struct fdt *f, uint64_t hint, struct dt_mem *out)
{
	uint32_t ac, sc, len;
	int root = fdt_path_offset(f, "/");
	int node;

	if (root < 0)
		return root;
	root_cells(f, &ac, &sc);
	if (ac < 1u || ac > 2u || sc < 1u || sc > 2u)
		return DT_ERR_BADREG;
	for (node = fdt_first_child(f, root); node >= 0; node = fdt_next_sibling(f, node)) {
		const uint8_t *reg;
		uint64_t base, size;

		if (!is_type(f, node, "memory") || !fdt_node_enabled(f, node))
			continue;
		reg = fdt_getprop(f, node, "reg", &len);
		if (!reg || len < 4u * (ac + sc))
			continue;
		read_cells(reg, ac, &base);
		read_cells(reg + 4u * ac, sc, &size);
		if (size == 0 || base + size < base)
			continue;
		if (hint && (hint < base || hint - base >= size))
			continue;
		out->base = base;
		out->size = size;
		return 0;
	}
	return DT_ERR_NOMEM;
}

int dt_read_cpus(const struct fdt *f, struct dt_cpus *out)
{
	int cpus = fdt_path_offset(f, "/cpus");
	uint32_t ac, len;
	int node;

	out->count = 0;
	if (cpus < 0)
		return DT_ERR_NOCPUS;
	ac = fdt_getprop_u32(f, cpus, "#address-cells", 1u);
	for (node = fdt_first_child(f, cpus); node >= 0; node = fdt_next_sibling(f, node)) {
		const uint8_t *reg;
		uint64_t mpidr;

		if (!is_type(f, node, "cpu"))
			continue;
		reg = fdt_getprop(f, node, "reg", &len);
		if (!reg || len < 4u * ac || read_cells(reg, ac, &mpidr))
			return DT_ERR_BADREG;
		if (out->count == DT_MAX_CPUS)
			return DT_ERR_TOOMANYCPUS;
		out->mpidr[out->count++] = mpidr;
	}
	return out->count ? 0 : DT_ERR_NOCPUS;
}

static int set_cell_prop(struct fdt *f, int node, const char *name, uint32_t v)
{
	return fdt_setprop_u32(f, node, name, v);
}

int dt_add_psci(struct fdt *f)
{
	static const char compat[] = "arm,psci-1.0\0arm,psci-0.2\0arm,psci";
	int root = fdt_path_offset(f, "/");
	int node, cpus, err;

	if (root < 0)
		return root;
	node = fdt_find_or_add_subnode(f, root, "psci");
	if (node < 0)
		return node;
	err = fdt_setprop(f, node, "compatible", compat, sizeof(compat));
	err = err ? err : fdt_setprop_string(f, node, "method", "smc");
	err = err ? err : set_cell_prop(f, node, "cpu_suspend", PSCI_CPU_SUSPEND_64);
	err = err ? err : set_cell_prop(f, node, "cpu_off", PSCI_CPU_OFF);
	err = err ? err : set_cell_prop(f, node, "cpu_on", PSCI_CPU_ON_64);
	err = err ? err : set_cell_prop(f, node, "migrate", PSCI_MIGRATE_64);
	if (err)
		return err;
	cpus = fdt_path_offset(f, "/cpus");
	if (cpus < 0)
		return DT_ERR_NOCPUS;
	/* Each edit only moves what follows the edited cpu node, so walking on
	 * from the node just edited stays valid. */
	for (node = fdt_first_child(f, cpus); node >= 0; node = fdt_next_sibling(f, node)) {
		if (!is_type(f, node, "cpu"))
			continue;
		err = fdt_setprop_string(f, node, "enable-method", "psci");
		if (err)
			return err;
	}
	return node == FDT_ERR_NOTFOUND ? 0 : node;
}

static int chosen(struct fdt *f)
{
	int root = fdt_path_offset(f, "/");

	return root < 0 ? root : fdt_find_or_add_subnode(f, root, "chosen");
}

int dt_set_initrd(struct fdt *f, uint64_t start, uint64_t end)
{
	int node = chosen(f);
	int err;

	if (node < 0)
		return node;
	if (end < start)
		return FDT_ERR_BADARG;
	err = fdt_setprop_u64(f, node, "linux,initrd-start", start);
	if (err)
		return err;
	/* An edit inside /chosen leaves the /chosen handle itself valid. */
	return fdt_setprop_u64(f, node, "linux,initrd-end", end);
}

int dt_set_bootargs_default(struct fdt *f, const char *args)
{
	int node = chosen(f);
	uint32_t len;
	const char *cur;

	if (node < 0)
		return node;
	cur = fdt_getprop(f, node, "bootargs", &len);
	if (cur && len > 1u)
		return 0;
	return fdt_setprop_string(f, node, "bootargs", args);
}

static int reserved_root(struct fdt *f, uint32_t *ac, uint32_t *sc)
{
	int root = fdt_path_offset(f, "/");
	int node, err;
	uint8_t empty[1];

	if (root < 0)
		return root;
	root_cells(f, ac, sc);
	node = fdt_subnode(f, root, "reserved-memory");
	if (node >= 0) {
		*ac = fdt_getprop_u32(f, node, "#address-cells", *ac);
		*sc = fdt_getprop_u32(f, node, "#size-cells", *sc);
		return node;
	}
	if (node != FDT_ERR_NOTFOUND)
		return node;
	node = fdt_add_subnode(f, root, "reserved-memory");
	if (node < 0)
		return node;
	err = fdt_setprop_u32(f, node, "#address-cells", *ac);
	err = err ? err : fdt_setprop_u32(f, node, "#size-cells", *sc);
	/* Empty ranges: children use the parent's address space 1:1. */
	err = err ? err : fdt_setprop(f, node, "ranges", empty, 0);
	return err ? err : node;
}

int dt_add_reserved(struct fdt *f, const char *name, uint64_t base, uint64_t size)
{
	uint32_t ac, sc;
	uint8_t reg[16];
	char full[FDT_MAX_NAME];
	int parent, node, err;
	size_t n;

	if (!name || size == 0 || base + size < base)
		return FDT_ERR_BADARG;
	n = fw_format(full, sizeof(full), "%s@%lx", name, (unsigned long)base);
	if (n + 1u >= sizeof(full))
		return FDT_ERR_BADARG;
	parent = reserved_root(f, &ac, &sc);
	if (parent < 0)
		return parent;
	if (ac < 1u || ac > 2u || sc < 1u || sc > 2u)
		return DT_ERR_BADREG;
	err = write_cells(reg, ac, base);
	err = err ? err : write_cells(reg + 4u * ac, sc, size);
	if (err)
		return err;
	node = fdt_add_subnode(f, parent, full);
	if (node < 0)
		return node;
	err = fdt_setprop(f, node, "reg", reg, 4u * (ac + sc));
	return err ? err : fdt_setprop(f, node, "no-map", reg, 0);
}

const char *dt_strerror(int err)
{
	switch (err) {
	case DT_ERR_NOMEM:
		return "no usable memory node";
	case DT_ERR_NOCPUS:
		return "no cpu nodes";
	case DT_ERR_TOOMANYCPUS:
		return "too many cpu nodes";
	case DT_ERR_BADREG:
		return "bad reg or cell count";
	case DT_ERR_RANGE:
		return "value does not fit the cells";
	default:
		return fdt_strerror(err);
	}
}
