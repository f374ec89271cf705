// SPDX-License-Identifier: MIT
/* Constituent ranges: overlap tests and an in-place sort (heapsort). */
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

int32_t ffa_ranges_sort_check(struct ffa_mem_range *ranges, uint32_t n)
{
	/*
	 * An empty range would break the neighbour argument below (it could sit
	 * between two overlapping ranges and hide them), and is invalid anyway.
	 */
	for (uint32_t i = 0; i < n; i++)
		if (ranges[i].pages == 0)
			return FFA_RET_INVALID_PARAMETERS;
	if (n < 2)
		return FFA_RET_SUCCESS;
	for (uint32_t i = n / 2; i-- > 0;)
		sift_down(ranges, i, n);
	for (uint32_t end = n - 1; end > 0; end--) {
		swap_ranges(&ranges[0], &ranges[end]);
		sift_down(ranges, 0, end);
	}
	/* Sorted by start: any overlap shows up between neighbours. */
	for (uint32_t i = 1; i < n; i++)
		if (ffa_ranges_overlap(&ranges[i - 1], &ranges[i]))
			return FFA_RET_INVALID_PARAMETERS;
	return FFA_RET_SUCCESS;
}
