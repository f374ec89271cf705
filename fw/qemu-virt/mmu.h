/* SPDX-License-Identifier: MIT */
/* mmu.c: the EL3 MMU on QEMU virt. */
#ifndef FW_QEMU_VIRT_MMU_H
#define FW_QEMU_VIRT_MMU_H

#include <stdint.h>

/* What fw_mmu_on() loads; entry.S reads it by offset. */
struct mmu_regs {
	uint64_t mair;
	uint64_t tcr;
	uint64_t ttbr0;
	uint64_t sctlr;
};
_Static_assert(sizeof(struct mmu_regs) == 32, "entry.S loads mmu_regs with two ldp");

extern struct mmu_regs fw_mmu_regs;
/* entry.S */
void fw_mmu_on(const struct mmu_regs *r);

/* Primary, first thing: tables for what is known before the DTB, MMU on. */
void mmu_boot(void);
/* Boot-time additions (before any secondary runs): NS RAM from the DTB,
 * devices the DTB names (the TPM). Fatal on a refused request. */
void mmu_map_ns_ram(uint64_t base, uint64_t size);
void mmu_map_device(const char *name, uint64_t base, uint64_t size);
/* Tables final: published to the secondaries, map printed once. */
void mmu_finish_boot(void);
/* Clean and invalidate [p, p + size) to the point of coherency, for
 * readers with their MMU or caches off (Linux's entry, parked CPUs). */
void mmu_clean_range(const volatile void *p, uint64_t size);

#endif /* FW_QEMU_VIRT_MMU_H */
