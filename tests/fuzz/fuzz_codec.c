// SPDX-License-Identifier: MIT
/*
 * Fuzz target: the FF-A descriptor codec (lib/ffa/) in the v1.0 and v1.1+
 * layouts. The first byte picks the parser, the layout and the descriptor
 * kind; the rest is the buffer, copied to an allocation of exactly its size
 * so any read past the end is an ASan report. Beyond "no memory error",
 * every accepted input is checked against what the codec promises:
 *  - memory transaction descriptors: every constituent is inside the buffer
 *    and (for the kinds that carry them) aligned, non-empty, summing to
 *    total_pages; the sort/overlap check agrees with a brute-force one; and
 *    encoding what was parsed and parsing that again gives the same thing;
 *  - relinquish and partition-info descriptors: the same round trip;
 *  - raw range lists: the sort/overlap check agrees with brute force and
 *    leaves a sorted list.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ffa/abi.h"
#include "ffa/codec.h"
#include "common/byteorder.h"
#include "tests/fuzz/fz_input.h"

#define MAX_RANGES 4096u

static struct ffa_mem_range ranges[MAX_RANGES];
static struct ffa_mem_range ranges2[MAX_RANGES];
static struct ffa_mem_range ranges3[MAX_RANGES];
static struct ffa_mem_range scratch[MAX_RANGES];
static uint8_t out_buf[64u * 1024u + 4096u];

enum mode { MODE_MTD, MODE_RELINQUISH, MODE_PARTINFO, MODE_RANGES };

static const uint32_t layouts[4] = {
	FFA_VERSION_1_0, FFA_VERSION_1_1, FFA_VERSION_1_2, FFA_MAKE_VERSION(1, 3),
};

/* End address in 128 bits: the oracle must not wrap where the codec does not. */
static unsigned __int128 range_end(const struct ffa_mem_range *r)
{
	return (unsigned __int128)r->addr + ((unsigned __int128)r->pages << FFA_PAGE_SHIFT);
}

/*
 * Brute force of what the sort check promises: no empty range and no two
 * ranges sharing a byte (alignment and wrapping are the parser's job).
 */
static bool ranges_bad_slow(const struct ffa_mem_range *r, uint32_t n)
{
	for (uint32_t i = 0; i < n; i++)
		if (r[i].pages == 0)
			return true;
	for (uint32_t i = 0; i < n; i++)
		for (uint32_t j = i + 1; j < n; j++)
			if (r[i].addr < range_end(&r[j]) && r[j].addr < range_end(&r[i]))
				return true;
	return false;
}

/* ffa_ranges_sort_check on a copy must agree with brute force. */
static void check_sort(const struct ffa_mem_range *r, uint32_t n)
{
	int32_t ret;

	memcpy(ranges2, r, (size_t)n * sizeof(*r));
	ret = ffa_ranges_sort_check(ranges2, n);
	/* The radix path (with scratch space) must give the same verdict and order. */
	memcpy(ranges3, r, (size_t)n * sizeof(*r));
	FZ_REQUIRE(ffa_ranges_sort_check_scratch(ranges3, n, scratch, MAX_RANGES) == ret,
		   "sort check with and without scratch disagree");
	for (uint32_t i = 0; ret == FFA_RET_SUCCESS && i < n; i++)
		FZ_REQUIRE(ranges2[i].addr == ranges3[i].addr && ranges2[i].pages == ranges3[i].pages,
			   "sort with and without scratch ordered differently");
	/* Brute force is quadratic: only for lists the fuzzer keeps small. */
	if (n <= 256)
		FZ_REQUIRE((ret == FFA_RET_SUCCESS) == !ranges_bad_slow(r, n),
			   "sort check disagrees with brute force");
	if (ret != FFA_RET_SUCCESS)
		return;
	for (uint32_t i = 1; i < n; i++)
		FZ_REQUIRE(range_end(&ranges2[i - 1]) <= ranges2[i].addr,
			   "accepted ranges not sorted and disjoint");
}

static void same_mtd(const struct ffa_mtd *a, const struct ffa_mtd *b)
{
	FZ_REQUIRE(a->sender == b->sender && a->attributes == b->attributes &&
		   a->flags == b->flags && a->handle == b->handle && a->tag == b->tag,
		   "round trip changed the header");
	FZ_REQUIRE(a->ep_count == b->ep_count && a->total_pages == b->total_pages &&
		   a->range_count == b->range_count, "round trip changed the counts");
	for (uint32_t i = 0; i < a->ep_count; i++)
		FZ_REQUIRE(a->ep[i].receiver == b->ep[i].receiver &&
			   a->ep[i].perms == b->ep[i].perms && a->ep[i].flags == b->ep[i].flags,
			   "round trip changed a receiver");
}

/* Encode what was parsed and parse it again: same descriptor. */
static void mtd_round_trip(const struct ffa_mtd *d, enum ffa_mtd_kind kind)
{
	struct ffa_mtd again;
	struct ffa_mem_range r;
	uint32_t len;

	len = ffa_mtd_encode(out_buf, sizeof(out_buf), d->layout, d, ranges, d->range_count);
	FZ_REQUIRE(len != 0 || ffa_mtd_encoded_size(d->layout, d->ep_count, d->range_count) >
			       sizeof(out_buf), "a parsed descriptor does not encode");
	if (!len)
		return;
	memset(&again, 0, sizeof(again));
	FZ_REQUIRE(ffa_mtd_parse(out_buf, len, d->layout, kind, &again) == FFA_RET_SUCCESS,
		   "an encoded descriptor does not parse");
	same_mtd(d, &again);
	for (uint32_t i = 0; i < again.range_count; i++) {
		ffa_mtd_range(out_buf, &again, i, &r);
		FZ_REQUIRE(r.addr == ranges[i].addr && r.pages == ranges[i].pages,
			   "round trip changed a constituent");
	}
}

static void fuzz_mtd(const uint8_t *buf, uint32_t len, uint32_t layout, enum ffa_mtd_kind kind)
{
	struct ffa_mtd d;
	uint64_t pages = 0;
	bool carries = kind == FFA_MTD_KIND_SEND || kind == FFA_MTD_KIND_RETRIEVE_RESP;

	memset(&d, 0, sizeof(d));
	if (ffa_mtd_parse(buf, len, layout, kind, &d) != FFA_RET_SUCCESS)
		return;
	FZ_REQUIRE(d.ep_count <= FFA_MEM_MAX_RECEIVERS, "too many receivers accepted");
	if (d.range_count) {
		FZ_REQUIRE(d.ranges_offset <= len && d.range_count <= (len - d.ranges_offset) / 16u,
			   "constituents outside the buffer");
	}
	if (d.range_count > MAX_RANGES)
		return;
	for (uint32_t i = 0; i < d.range_count; i++) {
		ffa_mtd_range(buf, &d, i, &ranges[i]);
		pages += ranges[i].pages;
		if (carries)
			FZ_REQUIRE(ranges[i].pages && !(ranges[i].addr & (FFA_PAGE_SIZE - 1)),
				   "empty or unaligned constituent accepted");
	}
	if (carries) {
		FZ_REQUIRE(d.range_count >= 1, "no constituent accepted");
		FZ_REQUIRE(pages == d.total_pages, "total_pages does not match");
	}
	check_sort(ranges, d.range_count);
	if (carries)
		mtd_round_trip(&d, kind);
}

static void fuzz_relinquish(const uint8_t *buf, uint32_t len)
{
	struct ffa_relinquish r, again;
	uint32_t n;

	memset(&r, 0, sizeof(r));
	if (ffa_relinquish_parse(buf, len, &r) != FFA_RET_SUCCESS)
		return;
	FZ_REQUIRE(r.ep_count <= FFA_MEM_MAX_RECEIVERS, "too many endpoints accepted");
	n = ffa_relinquish_encode(out_buf, sizeof(out_buf), &r);
	FZ_REQUIRE(n != 0 && n <= len, "a parsed relinquish does not encode");
	memset(&again, 0, sizeof(again));
	FZ_REQUIRE(ffa_relinquish_parse(out_buf, n, &again) == FFA_RET_SUCCESS,
		   "an encoded relinquish does not parse");
	FZ_REQUIRE(again.handle == r.handle && again.flags == r.flags &&
		   again.ep_count == r.ep_count, "relinquish round trip changed it");
	for (uint32_t i = 0; i < r.ep_count; i++)
		FZ_REQUIRE(again.ep[i] == r.ep[i], "relinquish round trip changed an ID");
}

static void fuzz_partinfo(const uint8_t *buf, uint32_t len, uint32_t layout, uint8_t sel)
{
	/* The layout's size, either fixed size, or a larger future one. */
	static const uint32_t sizes[4] = { 0, FFA_PARTINFO_SIZE_V1_0, FFA_PARTINFO_SIZE_V1_1, 32 };
	uint32_t size = sel ? sizes[sel & 3u] : ffa_partinfo_size(layout);
	struct ffa_partinfo p, again;
	uint64_t regs[3];
	uint32_t n;

	for (uint32_t i = 0; i < 64; i++) {
		memset(&p, 0, sizeof(p));
		if (ffa_partinfo_decode(buf, len, size, i, &p) != FFA_RET_SUCCESS)
			return;
		FZ_REQUIRE((uint64_t)(i + 1) * size <= len, "descriptor past the buffer");
		ffa_partinfo_to_regs(&p, regs);
		ffa_partinfo_from_regs(regs, &again);
		FZ_REQUIRE(again.id == p.id && again.exec_ctx_count == p.exec_ctx_count &&
			   again.properties == p.properties &&
			   memcmp(&again.uuid, &p.uuid, sizeof(p.uuid)) == 0,
			   "partition info register round trip changed it");
		if (size != ffa_partinfo_size(layout))
			continue;
		n = ffa_partinfo_encode(out_buf, sizeof(out_buf), layout, &p);
		FZ_REQUIRE(n == size, "a decoded descriptor does not encode");
		FZ_REQUIRE(ffa_partinfo_decode(out_buf, n, size, 0, &again) == FFA_RET_SUCCESS &&
			   again.id == p.id && again.exec_ctx_count == p.exec_ctx_count &&
			   again.properties == p.properties &&
			   memcmp(&again.uuid, &p.uuid, sizeof(p.uuid)) == 0,
			   "partition info round trip changed it");
	}
}

static void fuzz_ranges(const uint8_t *buf, uint32_t len)
{
	uint32_t n = len / 12u;

	if (n > MAX_RANGES)
		n = MAX_RANGES;
	for (uint32_t i = 0; i < n; i++) {
		ranges[i].addr = load_le64(buf + 12u * i);
		ranges[i].pages = load_le32(buf + 12u * i + 8u);
	}
	check_sort(ranges, n);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t sel;
	uint8_t *buf;
	uint32_t len, layout;

	if (size < 1 || size > 1u << 20)
		return 0;
	sel = data[0];
	len = (uint32_t)size - 1u;
	/* Exactly sized (and never NULL), so an over-read is a report. */
	buf = malloc(len ? len : 1u);
	FZ_REQUIRE(buf != NULL, "out of memory");
	memcpy(buf, data + 1, len);
	layout = layouts[sel & 3u];
	switch ((enum mode)((sel >> 4) & 3u)) {
	case MODE_MTD:
		fuzz_mtd(buf, len, layout, (enum ffa_mtd_kind)((sel >> 2) & 3u));
		break;
	case MODE_RELINQUISH:
		fuzz_relinquish(buf, len);
		break;
	case MODE_PARTINFO:
		fuzz_partinfo(buf, len, layout, (uint8_t)(sel >> 6));
		break;
	default:
		fuzz_ranges(buf, len);
		break;
	}
	free(buf);
	return 0;
}
