// SPDX-License-Identifier: MIT
/*
 * The EL3 MMU on QEMU virt: static tables from memmap.c, turned on by the
 * primary before its first access to the normal world's memory, and by
 * every secondary (entry.S) with the same registers when PSCI releases it.
 */
#include "fw/qemu-virt/mmu.h"

#include "fw/qemu-virt/fw.h"
#include "fw/qemu-virt/memmap.h"
#include "fw/qemu-virt/sysreg.h"

/* M (MMU), C (data cache) and WXN (writable is never executable) on top of
 * the reset value entry.S writes. */
#define SCTLR_EL3_INIT 0x30C51838ull
#define SCTLR_M (1ull << 0)
#define SCTLR_C (1ull << 2)
#define SCTLR_WXN (1ull << 19)

extern char __text_start[], __text_end[], __rodata_start[], __rodata_end[];
extern char __data_start[], __rw_end[], __image_flash_end[];

static uint64_t xlat_pool[PLAT_XLAT_TABLES][XLAT_ENTRIES] __attribute__((aligned(4096)));
static struct xlat plat_xlat;
/* Read by released secondaries before their translation is on: cleaned
 * to the point of coherency. */
struct mmu_regs fw_mmu_regs;
uint32_t fw_image_ready;

static uint64_t cache_line(void)
{
	/* CTR_EL0.DminLine: log2 of the smallest data cache line in words. */
	return 4ull << ((read_sysreg(ctr_el0) >> 16) & 0xFu);
}

void mmu_clean_range(const volatile void *p, uint64_t size)
{
	uint64_t line = cache_line(), a = (uint64_t)(uintptr_t)p & ~(line - 1u);
	uint64_t end = (uint64_t)(uintptr_t)p + size;

	for (; a < end; a += line)
		__asm__ volatile("dc civac, %0" : : "r"(a) : "memory");
	dsb_sy();
}

static void tlb_sync(void)
{
	__asm__ volatile("dsb ishst\n\ttlbi alle3\n\tdsb ish\n\tisb" ::: "memory");
}

void mmu_boot(void)
{
	const struct plat_image im = {
		.text_start = (uintptr_t)__text_start, .text_end = (uintptr_t)__text_end,
		.ro_start = (uintptr_t)__rodata_start, .ro_end = (uintptr_t)__rodata_end,
		.rw_start = (uintptr_t)__data_start, .rw_end = (uintptr_t)__rw_end,
		.flash_end = (uintptr_t)__image_flash_end,
	};
	int err = xlat_init(&plat_xlat, xlat_pool, PLAT_XLAT_TABLES);

	err = err ? err : plat_memmap_boot(&plat_xlat, &im);
	if (err)
		fw_fatal("EL3 memory map: %s (firmware bug)", xlat_strerror(err));
	fw_mmu_regs.mair = XLAT_MAIR;
	fw_mmu_regs.tcr = XLAT_TCR;
	fw_mmu_regs.ttbr0 = xlat_root(&plat_xlat);
	fw_mmu_regs.sctlr = SCTLR_EL3_INIT | SCTLR_M | SCTLR_C | SCTLR_WXN;
	/* Tables and registers were written untranslated, straight to memory;
	 * nothing of them is in a cache yet. */
	dsb_sy();
	fw_mmu_on(&fw_mmu_regs);
}

static void map_or_die(int err, const char *what)
{
	if (err)
		fw_fatal("EL3 memory map: cannot map %s: %s", what, xlat_strerror(err));
}

void mmu_map_ns_ram(uint64_t base, uint64_t size)
{
	map_or_die(plat_memmap_ns_ram(&plat_xlat, base, size), "NS RAM");
	tlb_sync();
}

void mmu_map_device(const char *name, uint64_t base, uint64_t size)
{
	map_or_die(xlat_map(&plat_xlat, name, base, size, XLAT_DEVICE | XLAT_W), name);
	tlb_sync();
}

void mmu_finish_boot(void)
{
	char attr[48];

	mmu_clean_range(&fw_mmu_regs, sizeof(fw_mmu_regs));
	mmu_clean_range(xlat_pool, sizeof(xlat_pool));
	fw_slog("mmu: EL3 translation on, caches on, WXN; %u regions, %u of %u tables:",
		plat_xlat.nregions, plat_xlat.pool_used, plat_xlat.pool_size);
	for (unsigned int i = 0; i < plat_xlat.nregions; i++) {
		const struct xlat_region *r = &plat_xlat.region[i];

		xlat_describe(r->attr, attr, sizeof(attr));
		fw_slog("mmu:   0x%010lx-0x%010lx %s  %s", (unsigned long)r->base,
			(unsigned long)(r->base + r->size), attr, r->name);
	}
}
