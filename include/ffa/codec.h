/* SPDX-License-Identifier: MIT */
/*
 * Freestanding codec and validator for FF-A descriptors (implemented in
 * lib/ffa/). Every parser treats its input as hostile: each offset, count and
 * size is checked against the buffer length with explicit overflow checks
 * before anything is read, and a rejected input leaves *out unspecified but
 * touches nothing else. Parsers return FFA_RET_SUCCESS or a negative FF-A
 * status (FFA_RET_INVALID_PARAMETERS for malformed input, FFA_RET_NO_MEMORY
 * when a well-formed input exceeds a fixed limit below).
 *
 * The descriptor "layout version" is the FF-A version negotiated by the
 * endpoint that wrote or will read the descriptor: FFA_VERSION_1_0 selects
 * the 32-byte v1.0 header, anything >= 1.1 the 48-byte header.
 */
#ifndef FFA_CODEC_H
#define FFA_CODEC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ffa/abi.h"
#include "ffa/mem.h"
#include "ffa/uuid.h"
#include "common/byteorder.h"

/* Most receivers one transaction may name (the codec's fixed limit). */
#define FFA_MEM_MAX_RECEIVERS 4

struct ffa_mem_access {
	uint16_t receiver;
	uint8_t perms;       /* FFA_PERM_* */
	uint8_t flags;       /* FFA_EMAD_FLAG_* */
	uint32_t composite_offset;
};

struct ffa_mem_range {
	uint64_t addr;       /* page aligned physical address */
	uint32_t pages;      /* >= 1 */
};

/* A parsed memory transaction descriptor (the constituents stay in the buffer). */
struct ffa_mtd {
	uint32_t layout;     /* FFA_VERSION_1_0 or >= FFA_VERSION_1_1 */
	uint16_t sender;
	uint16_t attributes;
	uint32_t flags;
	uint64_t handle;
	uint64_t tag;
	uint32_t emad_size;
	uint32_t emad_offset;
	uint32_t ep_count;
	struct ffa_mem_access ep[FFA_MEM_MAX_RECEIVERS];
	/* The composite all receivers reference (0 when none, retrieve only). */
	uint32_t composite_offset;
	uint32_t total_pages;
	uint32_t range_count;
	uint32_t ranges_offset; /* offset of constituent 0 in the buffer */
};

/*
 * What the descriptor is for; each kind has its own rules:
 *  SEND          MEM_SHARE/LEND/DONATE from the owner: handle 0, 1..MAX
 *                receivers, none equal to the sender, no duplicates, valid
 *                permissions, one composite referenced by every receiver,
 *                >= 1 constituent, each page aligned, >= 1 page, no address
 *                overflow, page counts summing to total_pages (no overflow),
 *                flags within FFA_MTD_FLAGS_SEND_ALLOWED.
 *  RETRIEVE_REQ  a receiver's MEM_RETRIEVE_REQ: handle set, 1..MAX receivers,
 *                composite optional (offset 0); flags within
 *                FFA_MTD_FLAGS_RETRIEVE_ALLOWED.
 *  HYP_RETRIEVE  the hypervisor's retrieve request on a reclaim path (pKVM):
 *                handle set, zero receivers; everything after the header is
 *                ignored.
 *  RETRIEVE_RESP an SPMC's MEM_RETRIEVE_RESP (what clients read back): like
 *                SEND but the handle is set and flags carry the type.
 */
enum ffa_mtd_kind {
	FFA_MTD_KIND_SEND,
	FFA_MTD_KIND_RETRIEVE_REQ,
	FFA_MTD_KIND_HYP_RETRIEVE,
	FFA_MTD_KIND_RETRIEVE_RESP,
};

/*
 * Parse and validate the descriptor in buf[0, len). Checks the header fits,
 * reserved fields are zero, emad_size is 16 (or 32 for layout >= 1.2),
 * emad_offset (v1.1+) is 16-byte aligned and past the header, the access
 * descriptor array, composite and constituent array each fit in the buffer,
 * do not overlap each other or the header, the composite is 8-byte aligned,
 * and the kind's rules above. Constituent overlap is NOT checked here (it
 * needs scratch space): use ffa_ranges_sort_check().
 */
int32_t ffa_mtd_parse(const uint8_t *buf, uint32_t len, uint32_t layout,
		      enum ffa_mtd_kind kind, struct ffa_mtd *out);

/*
 * Constituent i (i < out->range_count) of a descriptor ffa_mtd_parse accepted.
 * Inline, as the next: a share's commit reads its constituents through them.
 */
static inline void ffa_mtd_range(const uint8_t *buf, const struct ffa_mtd *d, uint32_t i,
				 struct ffa_mem_range *out)
{
	const uint8_t *c = buf + d->ranges_offset + (uint64_t)i * FFA_CONS_SIZE;

	out->addr = load_le64(c + FFA_CONS_ADDRESS);
	out->pages = load_le32(c + FFA_CONS_PAGE_COUNT);
}

/* All d->range_count constituents of an accepted descriptor into out[]. */
static inline void ffa_mtd_ranges(const uint8_t *buf, const struct ffa_mtd *d,
				  struct ffa_mem_range *out)
{
	const uint8_t *c = buf + d->ranges_offset;

	for (uint32_t i = 0; i < d->range_count; i++, c += FFA_CONS_SIZE) {
		out[i].addr = load_le64(c + FFA_CONS_ADDRESS);
		out[i].pages = load_le32(c + FFA_CONS_PAGE_COUNT);
	}
}

/*
 * Sort ranges[0, n) by address in place and check that no two overlap: O(n)
 * for input already in ascending or descending order, else a heapsort (no
 * recursion, no allocation, O(n log n)). Returns FFA_RET_SUCCESS or
 * FFA_RET_INVALID_PARAMETERS.
 */
int32_t ffa_ranges_sort_check(struct ffa_mem_range *ranges, uint32_t n);
/*
 * The same, O(n) for any order when scratch holds at least n ranges (cap):
 * unordered input is then radix sorted (a pass per byte in which the starts
 * differ) instead of heapsorted. scratch's contents are left undefined;
 * scratch may be NULL (cap ignored).
 */
int32_t ffa_ranges_sort_check_scratch(struct ffa_mem_range *ranges, uint32_t n,
				      struct ffa_mem_range *scratch, uint32_t cap);

/* True when [a, a + pa pages) and [b, b + pb pages) share a page. */
bool ffa_ranges_overlap(const struct ffa_mem_range *a, const struct ffa_mem_range *b);

/* Size in bytes of an encoded descriptor with one composite. 0 on overflow. */
uint32_t ffa_mtd_encoded_size(uint32_t layout, uint32_t ep_count, uint32_t range_count);

/*
 * Encode d (header fields and d->ep[0, ep_count)) with one composite holding
 * ranges[0, n). Offsets in d are ignored and recomputed; the EMADs are
 * 16 bytes. Returns the size written, or 0 if it does not fit in cap or d is
 * not encodable (ep_count 0 or > FFA_MEM_MAX_RECEIVERS).
 */
uint32_t ffa_mtd_encode(uint8_t *buf, uint32_t cap, uint32_t layout,
			const struct ffa_mtd *d, const struct ffa_mem_range *ranges,
			uint32_t n);

/* Encode the hypervisor-style retrieve request (header only, zero receivers). */
uint32_t ffa_mtd_encode_hyp_retrieve(uint8_t *buf, uint32_t cap, uint32_t layout,
				     uint16_t sender, uint64_t handle);

/* ---- Memory relinquish descriptor ---- */
struct ffa_relinquish {
	uint64_t handle;
	uint32_t flags;
	uint32_t ep_count;
	uint16_t ep[FFA_MEM_MAX_RECEIVERS];
};

int32_t ffa_relinquish_parse(const uint8_t *buf, uint32_t len, struct ffa_relinquish *out);
uint32_t ffa_relinquish_encode(uint8_t *buf, uint32_t cap, const struct ffa_relinquish *r);

/* ---- Partition information descriptors ---- */
#define FFA_PARTINFO_SIZE_V1_0 8
#define FFA_PARTINFO_SIZE_V1_1 24
#define FFA_PARTINFO_ID        0  /* u16 */
#define FFA_PARTINFO_CTX_COUNT 2  /* u16 */
#define FFA_PARTINFO_PROPS     4  /* u32 */
#define FFA_PARTINFO_UUID      8  /* 16 bytes, v1.1+ */

struct ffa_partinfo {
	uint16_t id;
	uint16_t exec_ctx_count;
	uint32_t properties;
	struct ffa_uuid uuid;   /* nil in the v1.0 layout */
};

/* Descriptor size for a negotiated version. */
uint32_t ffa_partinfo_size(uint32_t version);
/* Write one descriptor; returns bytes written or 0 if it does not fit. */
uint32_t ffa_partinfo_encode(uint8_t *buf, uint32_t cap, uint32_t version,
			     const struct ffa_partinfo *p);
/* Read descriptor i of a PARTITION_INFO_GET result (count from w2, size from w3). */
int32_t ffa_partinfo_decode(const uint8_t *buf, uint32_t len, uint32_t desc_size,
			    uint32_t i, struct ffa_partinfo *out);

/* Pack/unpack one PARTITION_INFO_GET_REGS descriptor (three registers). */
void ffa_partinfo_to_regs(const struct ffa_partinfo *p, uint64_t out[3]);
void ffa_partinfo_from_regs(const uint64_t in[3], struct ffa_partinfo *out);

/* Freestanding memory helpers (no libc in firmware). */
void ffa_memset(void *dst, int c, size_t n);
void ffa_memcpy(void *dst, const void *src, size_t n);
void ffa_memmove(void *dst, const void *src, size_t n);
int ffa_memcmp(const void *a, const void *b, size_t n);

#endif /* FFA_CODEC_H */
