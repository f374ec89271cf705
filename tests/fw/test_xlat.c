// SPDX-License-Identifier: MIT
/*
 * EL3 translation tables (fw/common/xlat.c) and the QEMU virt map built
 * from the platform description (fw/qemu-virt/memmap.c). The tables are
 * walked here independently of the builder, descriptor by descriptor.
 */
#include <stdlib.h>
#include <string.h>

#include "fw/common/xlat.h"
#include "fw/qemu-virt/memmap.h"
#include "fw/qemu-virt/platform.h"
#include "tests/harness/check.h"

#define POOL 16u
#define RAM_SIZE 0x40000000ull

static uint64_t (*pool)[XLAT_ENTRIES];
static struct xlat x;

/* A layout like the linker's: 68 KiB text, 12 KiB rodata, ~1 MiB RW. */
static const struct plat_image img = {
	.text_start = 0x0E000000, .text_end = 0x0E011000,
	.ro_start = 0x0E011000, .ro_end = 0x0E014000,
	.rw_start = 0x0E014000, .rw_end = 0x0E118000,
	.flash_end = 0x15000,
};

static void fresh(unsigned int tables)
{
	free(pool);
	pool = aligned_alloc(XLAT_PAGE, tables * sizeof(pool[0]));
	CHECK(pool != NULL);
	CHECK_EQ(xlat_init(&x, pool, tables), XLAT_OK);
}

static void virt_map(void)
{
	fresh(POOL);
	CHECK_EQ(plat_memmap_boot(&x, &img), XLAT_OK);
	CHECK_EQ(plat_memmap_ns_ram(&x, PLAT_NS_RAM_BASE, RAM_SIZE), XLAT_OK);
}

/* The leaf descriptor translating va (0: not mapped); checks identity. */
static uint64_t walk(uint64_t va)
{
	const uint64_t *t = pool[0];

	for (unsigned int level = 1; level <= 3; level++) {
		unsigned int shift = 12u + 9u * (3u - level);
		uint64_t e = t[(va >> shift) & 511u];

		if (!(e & XLAT_D_VALID))
			return 0;
		if (level < 3 && (e & XLAT_D_TABLE)) {
			t = (const uint64_t *)(uintptr_t)(e & XLAT_D_ADDR);
			continue;
		}
		if (level == 3 && !(e & XLAT_D_TABLE))
			return 0;    /* reserved encoding: translation fault */
		CHECK_EQ(e & XLAT_D_ADDR & ~((1ull << shift) - 1u), va & ~((1ull << shift) - 1u));
		return e;
	}
	return 0;
}

static int writable(uint64_t d) { return !(d & XLAT_D_RO); }
static int executable(uint64_t d) { return !(d & XLAT_D_XN); }
static int device(uint64_t d) { return (d & XLAT_D_ATTR_MASK) == XLAT_D_ATTR_DEVICE; }

static const uint64_t *subtable(uint64_t e)
{
	return (const uint64_t *)(uintptr_t)(e & XLAT_D_ADDR);
}

/* A leaf: counted, and 1 when it is writable and executable. */
static unsigned int tally(uint64_t e, unsigned int *leaves)
{
	(*leaves)++;
	return writable(e) && executable(e);
}

/* Every leaf of the whole table tree; returns how many are W and X. */
static unsigned int count_wx_leaves(unsigned int *leaves)
{
	unsigned int wx = 0;

	*leaves = 0;
	for (unsigned int a = 0; a < 512; a++) {
		uint64_t e1 = pool[0][a];

		if (!(e1 & XLAT_D_VALID) || !(e1 & XLAT_D_TABLE)) {
			wx += (e1 & XLAT_D_VALID) ? tally(e1, leaves) : 0;
			continue;
		}
		for (unsigned int b = 0; b < 512; b++) {
			uint64_t e2 = subtable(e1)[b];

			if (!(e2 & XLAT_D_VALID) || !(e2 & XLAT_D_TABLE)) {
				wx += (e2 & XLAT_D_VALID) ? tally(e2, leaves) : 0;
				continue;
			}
			for (unsigned int c = 0; c < 512; c++)
				if (subtable(e2)[c] & XLAT_D_VALID)
					wx += tally(subtable(e2)[c], leaves);
		}
	}
	return wx;
}

TEST(xlat_virt_map_has_no_writable_executable_page)
{
	unsigned int leaves;

	virt_map();
	CHECK_EQ(count_wx_leaves(&leaves), 0u);
	CHECK(leaves > 10u);
}

TEST(xlat_virt_map_ns_dram_is_nonsecure_execute_never)
{
	virt_map();
	for (uint64_t pa = PLAT_NS_RAM_BASE; pa < PLAT_NS_RAM_BASE + RAM_SIZE; pa += 0x1000) {
		uint64_t d = walk(pa);

		if (!d || !(d & XLAT_D_NS) || !(d & XLAT_D_XN) || device(d) || !writable(d)) {
			CHECK(!"NS DRAM page not NS, XN, Normal, RW");
			return;
		}
	}
	CHECK_EQ(walk(PLAT_NS_RAM_BASE + RAM_SIZE), 0ull);   /* nothing past RAM */
}

TEST(xlat_virt_map_sections_get_their_permissions)
{
	uint64_t d;

	virt_map();
	d = walk(img.text_start);
	CHECK(d && executable(d) && !writable(d) && !(d & XLAT_D_NS) && !device(d));
	d = walk(img.text_end - 0x1000);
	CHECK(d && executable(d) && !writable(d));
	d = walk(img.ro_start);
	CHECK(d && !executable(d) && !writable(d) && !(d & XLAT_D_NS));
	d = walk(img.rw_start);
	CHECK(d && !executable(d) && writable(d) && !(d & XLAT_D_NS));
	d = walk(img.rw_end - 0x1000);
	CHECK(d && !executable(d) && writable(d));
	d = walk(PLAT_FLASH_BASE);
	CHECK(d && device(d) && !executable(d) && !writable(d));
	d = walk(PLAT_VARSTORE_BASE);
	CHECK(d && device(d) && !executable(d) && writable(d) && !(d & XLAT_D_NS));
	for (uint64_t mmio = PLAT_GICD_BASE; mmio < PLAT_GICD_BASE + PLAT_GICD_SIZE; mmio += 0x1000) {
		d = walk(mmio);
		CHECK(d && device(d) && !executable(d));
	}
	d = walk(PLAT_UART_SEC_BASE);
	CHECK(d && device(d) && !executable(d) && writable(d));
}

TEST(xlat_virt_map_leaves_unused_memory_unmapped)
{
	virt_map();
	CHECK_EQ(walk(img.rw_end), 0ull);                   /* rest of secure RAM */
	CHECK_EQ(walk(PLAT_SECRAM_BASE + PLAT_SECRAM_SIZE - 0x1000), 0ull);
	CHECK_EQ(walk(0x15000), 0ull);                      /* flash after the image */
	CHECK_EQ(walk(PLAT_VARSTORE_BASE + PLAT_VARSTORE_SIZE), 0ull);
	CHECK_EQ(walk(0x09010000), 0ull);                   /* RTC: not ours */
	CHECK_EQ(walk(PLAT_PLATBUS_BASE), 0ull);            /* no TPM added */
	CHECK_EQ(walk(PLAT_GICR_BASE + PLAT_GICR_STRIDE * PLAT_MAX_CPUS), 0ull);
}

TEST_NEG(xlat_refuses_writable_executable)
{
	fresh(4);
	CHECK_EQ(xlat_map(&x, "wx", 0x0E000000, 0x1000, XLAT_W | XLAT_X), XLAT_ERR_WX);
	CHECK_EQ(walk(0x0E000000), 0ull);
	CHECK_EQ(x.nregions, 0u);
}

TEST_NEG(xlat_refuses_executable_ns_or_device)
{
	fresh(4);
	CHECK_EQ(xlat_map(&x, "ns-x", 0x40000000, 0x1000, XLAT_NS | XLAT_X), XLAT_ERR_EXEC);
	CHECK_EQ(xlat_map(&x, "dev-x", 0x09000000, 0x1000, XLAT_DEVICE | XLAT_X), XLAT_ERR_EXEC);
	CHECK_EQ(walk(0x40000000), 0ull);
	CHECK_EQ(walk(0x09000000), 0ull);
}

TEST_NEG(xlat_refuses_overlap_and_keeps_the_first_mapping)
{
	uint64_t before;

	fresh(8);
	CHECK_EQ(xlat_map(&x, "a", 0x0E010000, 0x4000, XLAT_X), XLAT_OK);
	before = walk(0x0E011000);
	CHECK_EQ(xlat_map(&x, "same", 0x0E010000, 0x4000, XLAT_W), XLAT_ERR_OVERLAP);
	CHECK_EQ(xlat_map(&x, "tail", 0x0E013000, 0x2000, XLAT_W), XLAT_ERR_OVERLAP);
	CHECK_EQ(xlat_map(&x, "head", 0x0E00F000, 0x2000, XLAT_W), XLAT_ERR_OVERLAP);
	CHECK_EQ(xlat_map(&x, "around", 0x0E000000, 0x200000, XLAT_W), XLAT_ERR_OVERLAP);
	CHECK_EQ(walk(0x0E011000), before);
	CHECK_EQ(walk(0x0E00F000), 0ull);
	CHECK_EQ(x.nregions, 1u);
	/* Adjacent is fine. */
	CHECK_EQ(xlat_map(&x, "next", 0x0E014000, 0x1000, XLAT_W), XLAT_OK);
}

TEST_NEG(xlat_refuses_bad_geometry)
{
	fresh(4);
	CHECK_EQ(xlat_map(&x, "odd", 0x0E000800, 0x1000, 0), XLAT_ERR_ALIGN);
	CHECK_EQ(xlat_map(&x, "short", 0x0E000000, 0x800, 0), XLAT_ERR_ALIGN);
	CHECK_EQ(xlat_map(&x, "empty", 0x0E000000, 0, 0), XLAT_ERR_ALIGN);
	CHECK_EQ(xlat_map(&x, "high", 1ull << XLAT_VA_BITS, 0x1000, 0), XLAT_ERR_RANGE);
	CHECK_EQ(xlat_map(&x, "wrap", 0xFFFFFFFFFFFFF000ull, 0x2000, 0), XLAT_ERR_RANGE);
	CHECK_EQ(xlat_map(&x, "attr", 0x0E000000, 0x1000, 0x100), XLAT_ERR_ATTR);
	CHECK_EQ(x.nregions, 0u);
}

TEST_NEG(xlat_reports_an_exhausted_pool_and_full_region_list)
{
	fresh(2);   /* level 1 + one level 2: no room for a level-3 table */
	CHECK_EQ(xlat_map(&x, "page", 0x0E000000, 0x1000, 0), XLAT_ERR_NOMEM);
	fresh(4);
	for (unsigned int i = 0; i < XLAT_MAX_REGIONS; i++)
		CHECK_EQ(xlat_map(&x, "r", 0x0E000000 + 0x2000ull * i, 0x1000, 0), XLAT_OK);
	CHECK_EQ(xlat_map(&x, "one more", 0x0E100000, 0x1000, 0), XLAT_ERR_FULL);
}

TEST_NEG(xlat_virt_map_refuses_an_image_reaching_the_store)
{
	struct plat_image big = img;

	big.flash_end = PLAT_VARSTORE_BASE + 0x1000;
	fresh(POOL);
	CHECK_EQ(plat_memmap_boot(&x, &big), XLAT_ERR_OVERLAP);
	fresh(POOL);
	CHECK_EQ(plat_memmap_boot(&x, &img), XLAT_OK);
	/* RAM that does not hold the DTB window, or wraps. */
	CHECK_EQ(plat_memmap_ns_ram(&x, 0x80000000ull, RAM_SIZE), XLAT_ERR_RANGE);
	CHECK_EQ(plat_memmap_ns_ram(&x, PLAT_NS_RAM_BASE, 0x100000), XLAT_ERR_RANGE);
	CHECK_EQ(plat_memmap_ns_ram(&x, PLAT_NS_RAM_BASE, ~0ull), XLAT_ERR_RANGE);
	/* A second NS RAM map overlaps the first. */
	CHECK_EQ(plat_memmap_ns_ram(&x, PLAT_NS_RAM_BASE, RAM_SIZE), XLAT_OK);
	CHECK_EQ(plat_memmap_ns_ram(&x, PLAT_NS_RAM_BASE, RAM_SIZE), XLAT_ERR_OVERLAP);
}
