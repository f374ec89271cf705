// SPDX-License-Identifier: MIT
/* Device tree reads and boot fix-ups (fw/common/linux_dt.c). */
#include <stdint.h>
#include <string.h>

#include "fw/common/linux_dt.h"
#include "fw/common/psci.h"
#include "fw/common/util.h"
#include "tests/fw/fwtest.h"
#include "tests/harness/check.h"

#define CAP 16384u

static uint8_t buf[CAP];
static struct fdt f;

static void setup(void)
{
	memset(buf, 0, sizeof(buf));
	if (fwtest_virt_tree(&f, buf, CAP, 4, 1))
		f.buf = NULL;
}

TEST(dt_memory_skips_disabled_secure_ram)
{
	struct dt_mem m;

	setup();
	CHECK_EQ(dt_read_memory(&f, 0, &m), 0);
	CHECK_EQ(m.base, 0x40000000);
	CHECK_EQ(m.size, 0x40000000);
	CHECK_EQ(dt_read_memory(&f, 0x40200000, &m), 0);
	CHECK_EQ(m.base, 0x40000000);
}

TEST(dt_cpus_read_with_one_or_two_cells)
{
	struct dt_cpus c;

	setup();
	CHECK_EQ(dt_read_cpus(&f, &c), 0);
	CHECK_EQ(c.count, 4);
	CHECK_EQ(c.mpidr[3], 3);
	CHECK_EQ(fwtest_virt_tree(&f, buf, CAP, 2, 2), 0);
	CHECK_EQ(dt_read_cpus(&f, &c), 0);
	CHECK_EQ(c.count, 2);
	CHECK_EQ(c.mpidr[1], 1);
}

TEST(dt_psci_node_and_enable_method)
{
	static const char compat[] = "arm,psci-1.0\0arm,psci-0.2\0arm,psci";
	uint32_t len;
	const char *p;
	int psci, cpu, n = 0;

	setup();
	CHECK_EQ(dt_add_psci(&f), 0);
	CHECK_EQ(fdt_check(&f), 0);
	psci = fdt_path_offset(&f, "/psci");
	CHECK(psci >= 0);
	p = fdt_getprop(&f, psci, "compatible", &len);
	CHECK(p && len == sizeof(compat) && memcmp(p, compat, len) == 0);
	p = fdt_getprop(&f, psci, "method", &len);
	CHECK(p && strcmp(p, "smc") == 0);
	CHECK_EQ(fdt_getprop_u32(&f, psci, "cpu_on", 0), PSCI_CPU_ON_64);
	for (cpu = fdt_first_child(&f, fdt_path_offset(&f, "/cpus")); cpu >= 0;
	     cpu = fdt_next_sibling(&f, cpu)) {
		p = fdt_getprop(&f, cpu, "enable-method", &len);
		if (strcmp(fdt_node_name(&f, cpu), "cpu-map") == 0) {
			CHECK(p == NULL);
			continue;
		}
		CHECK(p && strcmp(p, "psci") == 0);
		n++;
	}
	CHECK_EQ(n, 4);
}

TEST(dt_psci_twice_changes_nothing)
{
	uint32_t used;

	setup();
	CHECK_EQ(dt_add_psci(&f), 0);
	used = fdt_used_size(&f);
	CHECK_EQ(dt_add_psci(&f), 0);
	CHECK_EQ(fdt_used_size(&f), used);
}

TEST(dt_initrd_properties_are_64_bit)
{
	uint32_t len;
	const uint8_t *p;
	int chosen;

	setup();
	CHECK_EQ(dt_set_initrd(&f, 0x40800000, 0x40951c8f), 0);
	chosen = fdt_path_offset(&f, "/chosen");
	p = fdt_getprop(&f, chosen, "linux,initrd-start", &len);
	CHECK(p && len == 8 && load_be64(p) == 0x40800000);
	p = fdt_getprop(&f, chosen, "linux,initrd-end", &len);
	CHECK(p && len == 8 && load_be64(p) == 0x40951c8f);
}

TEST(dt_initrd_creates_chosen_when_absent)
{
	setup();
	fdt_create_empty(&f, buf, CAP);
	CHECK_EQ(dt_set_initrd(&f, 1, 2), 0);
	CHECK(fdt_getprop(&f, fdt_path_offset(&f, "/chosen"), "linux,initrd-end", NULL) != NULL);
}

TEST(dt_bootargs_default_keeps_existing_ones)
{
	uint32_t len;
	const char *p;

	setup();
	CHECK_EQ(dt_set_bootargs_default(&f, "from-fw-cfg"), 0);
	p = fdt_getprop(&f, fdt_path_offset(&f, "/chosen"), "bootargs", &len);
	CHECK(p && strcmp(p, "console=ttyAMA0") == 0);
	fdt_setprop_string(&f, fdt_path_offset(&f, "/chosen"), "bootargs", "");
	CHECK_EQ(dt_set_bootargs_default(&f, "from-fw-cfg"), 0);
	p = fdt_getprop(&f, fdt_path_offset(&f, "/chosen"), "bootargs", &len);
	CHECK(p && strcmp(p, "from-fw-cfg") == 0);
}

TEST(dt_reserved_memory_node_no_map)
{
	uint32_t len;
	const uint8_t *reg;
	int rm, n;

	setup();
	CHECK_EQ(dt_add_reserved(&f, "ffa-buf", 0x7f000000, 0x200000), 0);
	CHECK_EQ(dt_add_reserved(&f, "ffa-buf", 0x7f400000, 0x1000), 0);
	CHECK_EQ(fdt_check(&f), 0);
	rm = fdt_path_offset(&f, "/reserved-memory");
	CHECK(rm >= 0);
	CHECK_EQ(fdt_getprop_u32(&f, rm, "#address-cells", 0), 2);
	CHECK_EQ(fdt_getprop_u32(&f, rm, "#size-cells", 0), 2);
	CHECK(fdt_getprop(&f, rm, "ranges", &len) != NULL && len == 0);
	n = fdt_path_offset(&f, "/reserved-memory/ffa-buf@7f000000");
	CHECK(n >= 0);
	reg = fdt_getprop(&f, n, "reg", &len);
	CHECK(reg && len == 16 && load_be64(reg) == 0x7f000000 && load_be64(reg + 8) == 0x200000);
	CHECK(fdt_getprop(&f, n, "no-map", &len) != NULL && len == 0);
	CHECK(fdt_path_offset(&f, "/reserved-memory/ffa-buf@7f400000") >= 0);
}

TEST(dt_reserved_memory_follows_one_cell_root)
{
	uint32_t len;
	const uint8_t *reg;

	setup();
	fdt_create_empty(&f, buf, CAP);
	fdt_setprop_u32(&f, fdt_path_offset(&f, "/"), "#address-cells", 1);
	fdt_setprop_u32(&f, fdt_path_offset(&f, "/"), "#size-cells", 1);
	CHECK_EQ(dt_add_reserved(&f, "c", 0x1000, 0x2000), 0);
	reg = fdt_getprop(&f, fdt_path_offset(&f, "/reserved-memory/c@1000"), "reg", &len);
	CHECK(reg && len == 8 && load_be32(reg) == 0x1000 && load_be32(reg + 4) == 0x2000);
}

TEST_NEG(dt_no_enabled_memory_node)
{
	struct dt_mem m;

	setup();
	fdt_setprop_string(&f, fdt_path_offset(&f, "/memory"), "status", "disabled");
	CHECK_EQ(dt_read_memory(&f, 0, &m), DT_ERR_NOMEM);
	setup();
	/* RAM exists, but not where the kernel must go. */
	CHECK_EQ(dt_read_memory(&f, 0x80000000, &m), DT_ERR_NOMEM);
}

TEST_NEG(dt_memory_reg_too_short_or_wrapping)
{
	uint8_t reg[16];
	struct dt_mem m;

	setup();
	fdt_setprop(&f, fdt_path_offset(&f, "/memory"), "reg", reg, 12);
	CHECK_EQ(dt_read_memory(&f, 0, &m), DT_ERR_NOMEM);
	store_be64(reg, 0xFFFFFFFFFFFFF000ull);
	store_be64(reg + 8, 0x2000);
	fdt_setprop(&f, fdt_path_offset(&f, "/memory"), "reg", reg, 16);
	CHECK_EQ(dt_read_memory(&f, 0, &m), DT_ERR_NOMEM);
}

TEST_NEG(dt_missing_or_bad_cpus)
{
	struct dt_cpus c;
	uint8_t two[2] = { 0, 1 };

	setup();
	fdt_create_empty(&f, buf, CAP);
	CHECK_EQ(dt_read_cpus(&f, &c), DT_ERR_NOCPUS);
	CHECK_EQ(dt_add_psci(&f), DT_ERR_NOCPUS);
	setup();
	fdt_setprop(&f, fdt_path_offset(&f, "/cpus/cpu@1"), "reg", two, sizeof(two));
	CHECK_EQ(dt_read_cpus(&f, &c), DT_ERR_BADREG);
}

TEST_NEG(dt_reserved_value_must_fit_cells)
{
	setup();
	fdt_create_empty(&f, buf, CAP);
	fdt_setprop_u32(&f, fdt_path_offset(&f, "/"), "#address-cells", 1);
	fdt_setprop_u32(&f, fdt_path_offset(&f, "/"), "#size-cells", 1);
	CHECK_EQ(dt_add_reserved(&f, "c", 0x100000000ull, 0x1000), DT_ERR_RANGE);
	CHECK_EQ(fdt_path_offset(&f, "/reserved-memory/c@100000000"), FDT_ERR_NOTFOUND);
}

TEST_NEG(dt_reserved_empty_or_wrapping_range)
{
	setup();
	CHECK_EQ(dt_add_reserved(&f, "c", 0x1000, 0), FDT_ERR_BADARG);
	CHECK_EQ(dt_add_reserved(&f, "c", ~0ull - 10, 0x1000), FDT_ERR_BADARG);
	CHECK_EQ(dt_add_reserved(&f, NULL, 0x1000, 0x1000), FDT_ERR_BADARG);
	CHECK_EQ(dt_add_reserved(&f, "c", 0x1000, 0x1000), 0);
	CHECK_EQ(dt_add_reserved(&f, "c", 0x1000, 0x1000), FDT_ERR_EXISTS);
}

TEST_NEG(dt_fixups_report_no_space_when_the_blob_is_full)
{
	setup();
	f.cap = fdt_used_size(&f) + 16;
	CHECK_EQ(dt_add_psci(&f), FDT_ERR_NOSPACE);
	CHECK_EQ(fdt_check(&f), 0);
}

TEST_NEG(dt_initrd_end_before_start)
{
	setup();
	CHECK_EQ(dt_set_initrd(&f, 0x2000, 0x1000), FDT_ERR_BADARG);
	CHECK(fdt_getprop(&f, fdt_path_offset(&f, "/chosen"), "linux,initrd-start", NULL) == NULL);
}
