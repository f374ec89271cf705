/* SPDX-License-Identifier: MIT */
/*
 * The normal world's RAM as the SPMC may touch it: one range taken from the
 * device tree's /memory node, minus holes the firmware keeps for itself (the
 * device tree blob, carveouts). nsmem_ptr() is the SPMC platform's ns_ptr:
 * it answers only for whole ranges of ordinary NS RAM, so a physical
 * address from the normal world can never reach secure RAM, MMIO or the DTB.
 */
#ifndef FW_COMMON_NSMEM_H
#define FW_COMMON_NSMEM_H

#include <stdint.h>

#define NSMEM_MAX_HOLES 8u

struct nsmem {
	uint64_t base;
	uint64_t end;             /* exclusive; base < end */
	/* Where base is mapped: equal to base in the firmware (an identity
	 * map with Non-secure descriptors), a heap buffer in the unit tests. */
	uintptr_t map;
	unsigned int holes;
	struct {
		uint64_t base;
		uint64_t end;
	} hole[NSMEM_MAX_HOLES];
};

/* 0, or -1 for an empty or wrapping range. */
int nsmem_init(struct nsmem *m, uint64_t base, uint64_t size, uintptr_t map);
/* Exclude [base, base + size); 0, or -1 if full, empty or wrapping. */
int nsmem_exclude(struct nsmem *m, uint64_t base, uint64_t size);
/* True when [pa, pa + size) is non-empty NS RAM and avoids every hole. */
int nsmem_ok(const struct nsmem *m, uint64_t pa, uint64_t size);
/* Pointer to [pa, pa + size) when nsmem_ok, else NULL. */
uint8_t *nsmem_ptr(const struct nsmem *m, uint64_t pa, uint64_t size);

#endif /* FW_COMMON_NSMEM_H */
