// SPDX-License-Identifier: MIT
/*
 * Constituent ranges: overlap tests and an in-place sort. Input already in
 * address order (how senders usually walk their scatter lists) or in exactly
 * the reverse order costs one linear pass; anything else is radix sorted
 * when the caller lends scratch space, else heapsorted.
 */
#include "ffa/codec.h"

/*
 * Exact for any input, not only parsed ranges: the distance between the
 * starts is compared with the lower range's size (below 2^44), so no end
 * address is ever formed and nothing can wrap.
 */
bool ffa_ranges_overlap(const struct ffa_mem_range *a, const struct ffa_mem_range *b)
{
	if (a->pages == 0 || b->pages == 0)
		return false;
	if (a->addr <= b->addr)
		return b->addr - a->addr < ((uint64_t)a->pages << FFA_PAGE_SHIFT);
	return a->addr - b->addr < ((uint64_t)b->pages << FFA_PAGE_SHIFT);
}

static void swap_ranges(struct ffa_mem_range *a, struct ffa_mem_range *b)
{
	struct ffa_mem_range t = *a;

	*a = *b;
	*b = t;
}

/* Restore the max-heap property below `root` within r[0, n). */
static void sift_down(struct ffa_mem_range *r, uint32_t root, uint32_t n)
{
	for (;;) {
		uint64_t child = 2 * (uint64_t)root + 1;
		uint32_t big = root;

		if (child < n && r[child].addr > r[big].addr)
			big = (uint32_t)child;
		if (child + 1 < n && r[child + 1].addr > r[big].addr)
			big = (uint32_t)(child + 1);
		if (big == root)
			return;
		swap_ranges(&r[root], &r[big]);
		root = big;
	}
}

/* 1 if starts strictly ascend, -1 if they strictly descend, else 0. */
static int order_of(const struct ffa_mem_range *r, uint32_t n)
{
	int dir = r[0].addr < r[1].addr ? 1 : r[0].addr > r[1].addr ? -1 : 0;

	for (uint32_t i = 2; i < n && dir; i++)
		if (dir > 0 ? r[i - 1].addr >= r[i].addr : r[i - 1].addr <= r[i].addr)
			dir = 0;
	return dir;
}

static void heapsort_ranges(struct ffa_mem_range *r, uint32_t n)
{
	for (uint32_t i = n / 2; i-- > 0;)
		sift_down(r, i, n);
	for (uint32_t end = n - 1; end > 0; end--) {
		swap_ranges(&r[0], &r[end]);
		sift_down(r, 0, end);
	}
}

/* Below this, the radix sort's fixed cost (a 256-entry count per pass) dominates. */
#define RADIX_MIN 64u

/*
 * LSD radix sort on the start address, a byte per pass, skipping every byte
 * in which all starts agree (page-aligned starts a few GiB apart differ in
 * about three). Each pass is stable, so it keeps the order of the earlier
 * ones. O(n) per pass; tmp holds n ranges.
 */
static void radix_ranges(struct ffa_mem_range *r, uint32_t n, struct ffa_mem_range *tmp)
{
	struct ffa_mem_range *src = r, *dst = tmp, *t;
	uint64_t any = 0, all = ~0ull, differ;
	uint32_t count[256];

	for (uint32_t i = 0; i < n; i++) {
		any |= r[i].addr;
		all &= r[i].addr;
	}
	differ = any ^ all;
	for (unsigned int shift = 0; shift < 64; shift += 8) {
		uint32_t sum = 0;

		if (!((differ >> shift) & 0xFF))
			continue;
		ffa_memset(count, 0, sizeof(count));
		for (uint32_t i = 0; i < n; i++)
			count[(src[i].addr >> shift) & 0xFF]++;
		for (unsigned int b = 0; b < 256; b++) {
			uint32_t c = count[b];

			count[b] = sum;
			sum += c;
		}
		for (uint32_t i = 0; i < n; i++)
			dst[count[(src[i].addr >> shift) & 0xFF]++] = src[i];
		t = src;
		src = dst;
		dst = t;
	}
	if (src != r)
		for (uint32_t i = 0; i < n; i++)
			r[i] = src[i];
}

int32_t ffa_ranges_sort_check(struct ffa_mem_range *ranges, uint32_t n)
{
	return ffa_ranges_sort_check_scratch(ranges, n, 0, 0);
}

int32_t ffa_ranges_sort_check_scratch(struct ffa_mem_range *ranges, uint32_t n,
				      struct ffa_mem_range *scratch, uint32_t cap)
{
	int dir;
	uint32_t i = 1;

	/*
	 * The usual input first, in one pass: non-empty, strictly ascending and
	 * disjoint (each start at or past the previous end; no end is formed,
	 * so nothing wraps). Anything else takes the general path below.
	 */
	if (n && ranges[0].pages) {
		for (; i < n; i++) {
			const struct ffa_mem_range *a = &ranges[i - 1], *b = &ranges[i];

			if (!b->pages || b->addr <= a->addr ||
			    b->addr - a->addr < ((uint64_t)a->pages << FFA_PAGE_SHIFT))
				break;
		}
		if (i == n)
			return FFA_RET_SUCCESS;
	}
	/*
	 * An empty range would break the neighbour argument below (it could sit
	 * between two overlapping ranges and hide them), and is invalid anyway.
	 */
	for (i = 0; i < n; i++)
		if (ranges[i].pages == 0)
			return FFA_RET_INVALID_PARAMETERS;
	if (n < 2)
		return FFA_RET_SUCCESS;
	/*
	 * Heapsort costs n log n even on sorted input, which made the check
	 * the largest per-page cost of a scattered MEM_SHARE. Equal starts
	 * are neither order and go to a full sort; the neighbour check below
	 * rejects them either way.
	 */
	dir = order_of(ranges, n);
	if (dir < 0) {
		for (i = 0; i < n / 2; i++)
			swap_ranges(&ranges[i], &ranges[n - 1 - i]);
	} else if (dir == 0 && scratch && cap >= n && n >= RADIX_MIN) {
		radix_ranges(ranges, n, scratch);
	} else if (dir == 0) {
		heapsort_ranges(ranges, n);
	}
	/* Sorted by start: any overlap shows up between neighbours. */
	for (i = 1; i < n; i++)
		if (ffa_ranges_overlap(&ranges[i - 1], &ranges[i]))
			return FFA_RET_INVALID_PARAMETERS;
	return FFA_RET_SUCCESS;
}
