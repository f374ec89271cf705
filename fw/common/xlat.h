/* SPDX-License-Identifier: MIT */
/*
 * EL3 stage-1 translation tables (AArch64, 4 KiB granule, 39-bit VA, lookup
 * from level 1), identity mapped: VA == PA. Tables come from a fixed pool
 * the caller owns (no allocation). Every mapping is a named region kept in
 * a list, so the map can be printed and checked, and requests that would
 * make memory writable and executable, Device or Non-secure memory
 * executable, or that overlap an existing region are refused before any
 * descriptor is written.
 */
#ifndef FW_COMMON_XLAT_H
#define FW_COMMON_XLAT_H

#include <stddef.h>
#include <stdint.h>

/* Region attributes; the default is Secure, Normal write-back, read-only,
 * execute-never. */
#define XLAT_W (1u << 0)         /* writable */
#define XLAT_X (1u << 1)         /* executable */
#define XLAT_DEVICE (1u << 2)    /* Device-nGnRE instead of Normal WB */
#define XLAT_NS (1u << 3)        /* Non-secure physical address space */
#define XLAT_ATTR_MASK 0xFu

#define XLAT_PAGE 0x1000ull
#define XLAT_VA_BITS 39u
#define XLAT_ENTRIES 512u
#define XLAT_MAX_REGIONS 24u

/* Descriptor bits (VMSAv8-64 block/page/table descriptors). */
#define XLAT_D_VALID (1ull << 0)
#define XLAT_D_TABLE (1ull << 1)    /* table (levels 1-2) or page (level 3) */
#define XLAT_D_ATTR_DEVICE (0ull << 2)   /* MAIR index 0 */
#define XLAT_D_ATTR_NORMAL (1ull << 2)   /* MAIR index 1 */
#define XLAT_D_ATTR_MASK (7ull << 2)
#define XLAT_D_NS (1ull << 5)
#define XLAT_D_AP1 (1ull << 6)      /* RES1 in the single-EL EL3 regime */
#define XLAT_D_RO (1ull << 7)       /* AP[2] */
#define XLAT_D_SH_INNER (3ull << 8)
#define XLAT_D_AF (1ull << 10)
#define XLAT_D_XN (1ull << 54)
#define XLAT_D_ADDR 0x0000FFFFFFFFF000ull

/* MAIR_EL3: index 0 Device-nGnRE, index 1 Normal inner/outer WB RW-allocate. */
#define XLAT_MAIR 0xFF04ull
/* TCR_EL3: RES1 bits 31 and 23, PS = 40 bits, 4 KiB granule, tables walked
 * as inner-shareable write-back memory, T0SZ = 64 - 39. */
#define XLAT_TCR ((1ull << 31) | (1ull << 23) | (2ull << 16) | (3ull << 12) | (1ull << 10) | \
		  (1ull << 8) | (64ull - XLAT_VA_BITS))

enum xlat_err {
	XLAT_OK = 0,
	XLAT_ERR_WX = -1,        /* writable and executable */
	XLAT_ERR_EXEC = -2,      /* executable Device or Non-secure memory */
	XLAT_ERR_ALIGN = -3,     /* base or size not page aligned, or empty */
	XLAT_ERR_RANGE = -4,     /* beyond the VA space, or wrapping */
	XLAT_ERR_OVERLAP = -5,   /* overlaps a region already mapped */
	XLAT_ERR_NOMEM = -6,     /* table pool exhausted (tables partly written) */
	XLAT_ERR_FULL = -7,      /* region list full */
	XLAT_ERR_ATTR = -8,      /* unknown attribute bits */
};

struct xlat_region {
	const char *name;
	uint64_t base;
	uint64_t size;
	unsigned int attr;
};

struct xlat {
	uint64_t (*pool)[XLAT_ENTRIES];   /* pool[0] is the level-1 table */
	unsigned int pool_size;
	unsigned int pool_used;
	unsigned int nregions;
	struct xlat_region region[XLAT_MAX_REGIONS];
};

/* pool: `count` 4 KiB-aligned tables (count >= 1); all are zeroed. */
int xlat_init(struct xlat *x, uint64_t (*pool)[XLAT_ENTRIES], unsigned int count);
/* Map [base, base + size) identity with attr; 0 or an xlat_err. */
int xlat_map(struct xlat *x, const char *name, uint64_t base, uint64_t size, unsigned int attr);
/* The level-1 table's address (TTBR0_EL3). */
uint64_t xlat_root(const struct xlat *x);
/* "RW XN Normal-WB NS" style description of attr into buf. */
void xlat_describe(unsigned int attr, char *buf, size_t size);
const char *xlat_strerror(int err);

#endif /* FW_COMMON_XLAT_H */
