// SPDX-License-Identifier: MIT
/* Constituent ranges: the overlap predicate and the in-place sort + check. */
#include <stdlib.h>
#include <string.h>

#include "tcodec.h"

#define INVAL FFA_RET_INVALID_PARAMETERS
#define PG FFA_PAGE_SIZE

static bool ovl(uint64_t a, uint32_t pa, uint64_t b, uint32_t pb)
{
	struct ffa_mem_range x = { a, pa }, y = { b, pb };
	bool r = ffa_ranges_overlap(&x, &y);

	/* The predicate is symmetric; every call checks that too. */
	CHECK_EQ(ffa_ranges_overlap(&y, &x), r);
	return r;
}

static bool sorted(const struct ffa_mem_range *r, uint32_t n)
{
	for (uint32_t i = 1; i < n; i++)
		if (r[i - 1].addr > r[i].addr)
			return false;
	return true;
}

TEST(overlap_detects_shared_pages)
{
	CHECK(ovl(0x1000, 1, 0x1000, 1));          /* identical */
	CHECK(ovl(0x1000, 10, 0x3000, 2));         /* contained */
	CHECK(ovl(0x1000, 2, 0x2000, 2));          /* partial */
	CHECK(ovl(0x1000, 10, 0xA000, 1));         /* last page */
	CHECK(ovl(0, UINT32_MAX, 0xFFFFFFF000ull, 1));
}

TEST_NEG(overlap_rejects_disjoint_and_adjacent)
{
	CHECK(!ovl(0x1000, 1, 0x2000, 1));         /* adjacent */
	CHECK(!ovl(0x1000, 10, 0xB000, 1));        /* adjacent after the last page */
	CHECK(!ovl(0x1000, 1, 0x100000, 4));
	CHECK(!ovl(0x1000, 0, 0x1000, 5));         /* an empty range shares nothing */
}

TEST_NEG(overlap_does_not_wrap_at_the_top)
{
	/* A naive addr + size would wrap to a small number here. */
	CHECK(!ovl(0xFFFFFFFFFFFFF000ull, 1, 0, 1));
	CHECK(!ovl(0xFFFFFFFFFFFFF000ull, 16, 0x1000, 1));
	CHECK(ovl(0xFFFFFFFFFFFF0000ull, 16, 0xFFFFFFFFFFFFF000ull, 1));
}

TEST(sort_accepts_empty_and_single)
{
	struct ffa_mem_range r = { 0x5000, 1 };

	CHECK_EQ(ffa_ranges_sort_check(NULL, 0), FFA_RET_SUCCESS);
	CHECK_EQ(ffa_ranges_sort_check(&r, 1), FFA_RET_SUCCESS);
	CHECK_EQ(r.addr, 0x5000);
}

TEST(sort_accepts_adjacent_ranges_and_sorts_them)
{
	struct ffa_mem_range r[4] = {
		{ 0x4000, 2 }, { 0x1000, 1 }, { 0x6000, 1 }, { 0x2000, 2 },
	};

	CHECK_EQ(ffa_ranges_sort_check(r, 4), FFA_RET_SUCCESS);
	CHECK_EQ(r[0].addr, 0x1000);
	CHECK_EQ(r[1].addr, 0x2000);
	CHECK_EQ(r[1].pages, 2);
	CHECK_EQ(r[2].addr, 0x4000);
	CHECK_EQ(r[3].addr, 0x6000);
}

TEST_NEG(sort_rejects_identical_ranges)
{
	struct ffa_mem_range r[3] = { { 0x9000, 1 }, { 0x1000, 1 }, { 0x9000, 1 } };

	CHECK_EQ(ffa_ranges_sort_check(r, 3), INVAL);
}

TEST_NEG(sort_rejects_a_contained_range)
{
	struct ffa_mem_range r[3] = { { 0x20000, 1 }, { 0x1000, 100 }, { 0x80000, 1 } };

	CHECK_EQ(ffa_ranges_sort_check(r, 3), INVAL);
}

TEST_NEG(sort_rejects_a_partial_overlap)
{
	struct ffa_mem_range r[2] = { { 0x3000, 4 }, { 0x1000, 3 } };

	CHECK_EQ(ffa_ranges_sort_check(r, 2), INVAL);
}

TEST_NEG(sort_rejects_a_range_spanning_several_others)
{
	/* The wide range is not the neighbour of every range it covers. */
	struct ffa_mem_range r[5] = {
		{ 0x1000, 1 }, { 0x3000, 1 }, { 0x5000, 1 }, { 0x2000, 0x10 }, { 0x100000, 1 },
	};

	CHECK_EQ(ffa_ranges_sort_check(r, 5), INVAL);
}

TEST_NEG(sort_rejects_an_empty_range)
{
	/* An empty range between two overlapping ones must not hide them. */
	struct ffa_mem_range r[3] = { { 0x1000, 10 }, { 0x2000, 0 }, { 0x3000, 1 } };
	struct ffa_mem_range s[2] = { { 0x1000, 1 }, { 0x8000, 0 } };

	CHECK_EQ(ffa_ranges_sort_check(r, 3), INVAL);
	CHECK_EQ(ffa_ranges_sort_check(s, 2), INVAL);
}

/*
 * n ranges on the heap (free them), range i at i * stride pages with
 * base + i % cycle pages (cycle 0: base pages each); NULL after a failed check.
 */
static struct ffa_mem_range *spaced(uint32_t n, uint32_t stride, uint32_t base, uint32_t cycle)
{
	struct ffa_mem_range *r = calloc(n, sizeof(*r));

	CHECK(r != NULL);
	for (uint32_t i = 0; r && i < n; i++) {
		r[i].addr = (uint64_t)i * stride * PG;
		r[i].pages = base + (cycle ? i % cycle : 0);
	}
	return r;
}

TEST(sort_large_n_sorts_correctly)
{
	enum { N = 5000 };
	/* Gaps of varied size; some ranges exactly adjacent to the next. */
	struct ffa_mem_range *r = spaced(N, 8, 1, 8);

	if (!r)
		return;
	for (uint32_t seed = 1; seed <= 3; seed++) {
		t_shuffle(r, N, seed, 1103515245u, 12345u);
		CHECK_EQ(ffa_ranges_sort_check(r, N), FFA_RET_SUCCESS);
		CHECK(sorted(r, N));
		for (uint32_t i = 0; i < N; i++)
			CHECK_EQ(r[i].pages, 1 + i % 8); /* pairs moved together */
	}
	free(r);
}

TEST(sort_handles_presorted_and_reversed_input)
{
	enum { N = 1000 };
	static struct ffa_mem_range r[N];

	for (uint32_t i = 0; i < N; i++)
		r[i] = (struct ffa_mem_range){ (uint64_t)i * PG, 1 };
	CHECK_EQ(ffa_ranges_sort_check(r, N), FFA_RET_SUCCESS);
	CHECK(sorted(r, N));
	for (uint32_t i = 0; i < N; i++)
		r[i] = (struct ffa_mem_range){ (uint64_t)(N - 1 - i) * PG, 1 };
	CHECK_EQ(ffa_ranges_sort_check(r, N), FFA_RET_SUCCESS);
	CHECK(sorted(r, N));
	CHECK_EQ(r[N - 1].addr, (uint64_t)(N - 1) * PG);
}

TEST_NEG(sort_large_n_finds_a_single_hidden_overlap)
{
	enum { N = 4097 };
	struct ffa_mem_range *r = spaced(N, 2, 2, 0); /* all exactly adjacent */

	if (!r)
		return;
	r[1234].pages = 3; /* reaches one page into the next */
	t_shuffle(r, N, 42, 1103515245u, 12345u);
	CHECK_EQ(ffa_ranges_sort_check(r, N), INVAL);
	free(r);
}

TEST_NEG(sort_rejects_duplicates_at_the_top_of_memory)
{
	struct ffa_mem_range r[3] = {
		{ 0xFFFFFFFFFFFFF000ull, 1 }, { 0x1000, 1 }, { 0xFFFFFFFFFFFFF000ull, 1 },
	};

	CHECK_EQ(ffa_ranges_sort_check(r, 3), INVAL);
}

TEST(sort_1000_random_disjoint_ranges_come_back_ascending)
{
	enum { N = 1000 };
	static struct ffa_mem_range want[N], r[N];
	uint32_t seed = 0xC0DEC;
	uint64_t addr = 0x40000000ull;

	/* Random sizes and gaps (gap 0 makes neighbours exactly adjacent). */
	for (uint32_t i = 0; i < N; i++) {
		seed = seed * 1664525u + 1013904223u;
		want[i].addr = addr;
		want[i].pages = 1 + (seed >> 24) % 64;
		addr += ((uint64_t)want[i].pages + (seed >> 8) % 4) * PG;
	}
	memcpy(r, want, sizeof(r));
	t_shuffle(r, N, 7, 1103515245u, 12345u);
	CHECK(!sorted(r, N)); /* the shuffle really disordered them */
	CHECK_EQ(ffa_ranges_sort_check(r, N), FFA_RET_SUCCESS);
	for (uint32_t i = 0; i < N; i++) {
		CHECK_EQ(r[i].addr, want[i].addr);
		CHECK_EQ(r[i].pages, want[i].pages);
	}
}

TEST_NEG(sort_rejects_an_overlap_of_exactly_one_page)
{
	struct ffa_mem_range r[3] = { { 0x10000, 1 }, { 0x2000, 2 }, { 0x1000, 2 } };

	CHECK_EQ(ffa_ranges_sort_check(r, 3), INVAL);
	/* The same ranges one page apart are fine. */
	r[0] = (struct ffa_mem_range){ 0x10000, 1 };
	r[1] = (struct ffa_mem_range){ 0x3000, 2 };
	r[2] = (struct ffa_mem_range){ 0x1000, 2 };
	CHECK_EQ(ffa_ranges_sort_check(r, 3), FFA_RET_SUCCESS);
}

TEST(sort_accepts_a_maximal_range_ending_below_the_top_page)
{
	/* 2^32 - 1 pages from 0xFFFFF00000000000 end at 0xFFFFFFFFFFFFF000. */
	struct ffa_mem_range r[3] = {
		{ 0xFFFFFFFFFFFFF000ull, 1 }, { 0xFFFFF00000000000ull, UINT32_MAX }, { 0, 1 },
	};

	CHECK_EQ(ffa_ranges_sort_check(r, 3), FFA_RET_SUCCESS);
	CHECK_EQ(r[0].addr, 0);
	CHECK_EQ(r[1].addr, 0xFFFFF00000000000ull);
	CHECK_EQ(r[2].addr, 0xFFFFFFFFFFFFF000ull);
}

TEST_NEG(sort_rejects_a_maximal_range_overlapping_at_the_top)
{
	struct ffa_mem_range r[2] = {
		{ 0xFFFFFFFFFFFFE000ull, 1 }, { 0xFFFFF00000000000ull, UINT32_MAX },
	};
	struct ffa_mem_range s[2] = {
		{ 0xFFFFF00000000000ull, UINT32_MAX }, { 0xFFFFF00000000000ull, 1 },
	};

	CHECK_EQ(ffa_ranges_sort_check(r, 2), INVAL);
	CHECK_EQ(ffa_ranges_sort_check(s, 2), INVAL);
	/* Overlap itself must not form the wrapped end address either. */
	CHECK(ovl(0xFFFFF00000000000ull, UINT32_MAX, 0xFFFFFFFFFFFFE000ull, 1));
	CHECK(!ovl(0xFFFFF00000000000ull, UINT32_MAX, 0xFFFFFFFFFFFFF000ull, 1));
}
