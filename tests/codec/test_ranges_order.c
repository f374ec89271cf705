// SPDX-License-Identifier: MIT
/*
 * The sort's linear paths: input already ascending is left alone, input
 * exactly descending is reversed, and anything in between (equal starts, one
 * range out of place) still gets the full sort. Each path must reject what
 * the full sort rejects.
 */
#include <stdlib.h>

#include "tcodec.h"

#define INVAL FFA_RET_INVALID_PARAMETERS
#define PG FFA_PAGE_SIZE

/* n one-page ranges with one-page gaps, ascending (down = false) or descending. */
static void gapped(struct ffa_mem_range *r, uint32_t n, bool down)
{
	for (uint32_t i = 0; i < n; i++) {
		uint32_t k = down ? n - 1 - i : i;

		r[i] = (struct ffa_mem_range){ T_BASE_ADDR + 2ull * k * PG, 1 };
	}
}

static bool ascending_gapped(const struct ffa_mem_range *r, uint32_t n)
{
	for (uint32_t i = 0; i < n; i++)
		if (r[i].addr != T_BASE_ADDR + 2ull * i * PG || r[i].pages != 1)
			return false;
	return true;
}

TEST(order_ascending_input_is_kept_as_it_is)
{
	static struct ffa_mem_range r[4096];

	gapped(r, 4096, false);
	CHECK_EQ(ffa_ranges_sort_check(r, 4096), FFA_RET_SUCCESS);
	CHECK(ascending_gapped(r, 4096));
}

TEST(order_descending_input_is_reversed_odd_and_even)
{
	static struct ffa_mem_range r[4097];

	for (uint32_t n = 2; n <= 4097; n += 4095) {
		gapped(r, n, true);
		CHECK_EQ(ffa_ranges_sort_check(r, n), FFA_RET_SUCCESS);
		CHECK(ascending_gapped(r, n));
	}
	/* Two ranges of different sizes: the pages travel with their start. */
	r[0] = (struct ffa_mem_range){ 0x9000, 3 };
	r[1] = (struct ffa_mem_range){ 0x1000, 5 };
	CHECK_EQ(ffa_ranges_sort_check(r, 2), FFA_RET_SUCCESS);
	CHECK_EQ(r[0].addr, 0x1000);
	CHECK_EQ(r[0].pages, 5);
	CHECK_EQ(r[1].pages, 3);
}

TEST(order_one_range_out_of_place_is_still_sorted)
{
	static struct ffa_mem_range r[256];

	/* Ascending but for the last, which belongs first. */
	gapped(r, 256, false);
	for (uint32_t i = 0; i < 255; i++)
		r[i] = r[i + 1];
	r[255] = (struct ffa_mem_range){ T_BASE_ADDR, 1 };
	CHECK_EQ(ffa_ranges_sort_check(r, 256), FFA_RET_SUCCESS);
	CHECK(ascending_gapped(r, 256));
	/* Descending but for the first, which belongs last. */
	gapped(r, 256, true);
	r[0] = (struct ffa_mem_range){ T_BASE_ADDR, 1 };
	r[255] = (struct ffa_mem_range){ T_BASE_ADDR + 2ull * 255 * PG, 1 };
	CHECK_EQ(ffa_ranges_sort_check(r, 256), FFA_RET_SUCCESS);
	CHECK(ascending_gapped(r, 256));
}

TEST_NEG(order_ascending_input_with_an_overlap_is_rejected)
{
	static struct ffa_mem_range r[1024];

	gapped(r, 1024, false);
	r[700].pages = 3; /* reaches into range 701 */
	CHECK_EQ(ffa_ranges_sort_check(r, 1024), INVAL);
}

TEST_NEG(order_descending_input_with_an_overlap_is_rejected)
{
	static struct ffa_mem_range r[1024];

	gapped(r, 1024, true);
	r[1023].pages = 3; /* the lowest range: reaches into the next one up */
	CHECK_EQ(ffa_ranges_sort_check(r, 1024), INVAL);
}

TEST_NEG(order_equal_starts_are_rejected_in_either_direction)
{
	struct ffa_mem_range up[3] = { { 0x1000, 1 }, { 0x3000, 1 }, { 0x3000, 1 } };
	struct ffa_mem_range down[3] = { { 0x5000, 1 }, { 0x3000, 1 }, { 0x3000, 1 } };
	struct ffa_mem_range first[2] = { { 0x3000, 1 }, { 0x3000, 1 } };

	CHECK_EQ(ffa_ranges_sort_check(up, 3), INVAL);
	CHECK_EQ(ffa_ranges_sort_check(down, 3), INVAL);
	CHECK_EQ(ffa_ranges_sort_check(first, 2), INVAL);
}

TEST_NEG(order_an_empty_range_is_rejected_before_any_path)
{
	static struct ffa_mem_range r[64];

	gapped(r, 64, false);
	r[63].pages = 0;
	CHECK_EQ(ffa_ranges_sort_check(r, 64), INVAL);
	gapped(r, 64, true);
	r[0].pages = 0;
	CHECK_EQ(ffa_ranges_sort_check(r, 64), INVAL);
}

/* ---- unordered input with scratch space: the radix sort ---- */

TEST(order_radix_sorts_shuffled_input_like_the_heapsort)
{
	enum { N = 5000 };
	static struct ffa_mem_range want[N], a[N], b[N], scratch[N];
	uint32_t seed = 0x5eed;
	uint64_t addr = 0x880000000ull;

	/* Random sizes and gaps, starts spread over several address bytes. */
	for (uint32_t i = 0; i < N; i++) {
		seed = seed * 1103515245u + 12345u;
		want[i] = (struct ffa_mem_range){ addr, 1 + (seed >> 20) % 300 };
		addr += ((uint64_t)want[i].pages + (seed >> 8) % 5000) * PG;
	}
	for (uint32_t s = 1; s <= 3; s++) {
		for (uint32_t i = 0; i < N; i++)
			a[i] = b[i] = want[i];
		t_shuffle(a, N, s, 1664525u, 1013904223u);
		t_shuffle(b, N, s, 1664525u, 1013904223u);
		CHECK_EQ(ffa_ranges_sort_check_scratch(a, N, scratch, N), FFA_RET_SUCCESS);
		CHECK_EQ(ffa_ranges_sort_check(b, N), FFA_RET_SUCCESS);
		for (uint32_t i = 0; i < N; i++) {
			CHECK_EQ(a[i].addr, want[i].addr);
			CHECK_EQ(a[i].pages, want[i].pages);
			CHECK_EQ(b[i].addr, a[i].addr);
		}
	}
}

TEST(order_radix_handles_every_address_byte_and_odd_starts)
{
	enum { N = 512 };
	static struct ffa_mem_range r[N], scratch[N];

	/*
	 * Starts that differ in the top byte, in byte 4, in the page bits and
	 * in the bottom byte (unaligned: the sort takes any address). Distinct
	 * (i % 8, i / 8) keep them 4 GiB apart, so none overlap.
	 */
	for (uint32_t i = 0; i < N; i++)
		r[i] = (struct ffa_mem_range){ (uint64_t)(i % 8) << 61 | (uint64_t)(i / 8) << 32 |
					       (uint64_t)((i * 7) % 64) << 12 | i % 3, 1 };
	t_shuffle(r, N, 99, 1664525u, 1013904223u);
	CHECK_EQ(ffa_ranges_sort_check_scratch(r, N, scratch, N), FFA_RET_SUCCESS);
	for (uint32_t i = 1; i < N; i++)
		CHECK(r[i - 1].addr < r[i].addr);
	CHECK_EQ(r[0].addr, 0);
	CHECK_EQ(r[N - 1].addr >> 61, 7);
}

TEST(order_too_little_scratch_falls_back_to_the_heapsort)
{
	static struct ffa_mem_range r[512], scratch[511];

	gapped(r, 512, false);
	t_shuffle(r, 512, 3, 1664525u, 1013904223u);
	CHECK_EQ(ffa_ranges_sort_check_scratch(r, 512, scratch, 511), FFA_RET_SUCCESS);
	CHECK(ascending_gapped(r, 512));
	t_shuffle(r, 512, 4, 1664525u, 1013904223u);
	CHECK_EQ(ffa_ranges_sort_check_scratch(r, 512, NULL, 4096), FFA_RET_SUCCESS);
	CHECK(ascending_gapped(r, 512));
}

/*
 * n gapped ranges, shuffled by seed, with one defect made before the shuffle
 * (or after it): the radix check must refuse them.
 */
static void radix_refuses(uint32_t n, uint32_t seed, void (*defect)(struct ffa_mem_range *r),
			  bool after_shuffle)
{
	static struct ffa_mem_range r[4097], scratch[4097];

	if (n > 4097)
		abort();
	gapped(r, n, false);
	if (!after_shuffle)
		defect(r);
	t_shuffle(r, n, seed, 1664525u, 1013904223u);
	if (after_shuffle)
		defect(r);
	CHECK_EQ(ffa_ranges_sort_check_scratch(r, n, scratch, n), INVAL);
}

static void overlap_at_3000(struct ffa_mem_range *r)
{
	r[3000].pages = 3; /* reaches one page into range 3001 */
}

static void duplicate_start(struct ffa_mem_range *r)
{
	r[17] = r[250]; /* the same page twice, far apart in the input */
}

static void empty_range(struct ffa_mem_range *r)
{
	r[123].pages = 0;
}

TEST_NEG(order_radix_finds_a_hidden_overlap)
{
	radix_refuses(4097, 42, overlap_at_3000, false);
}

TEST_NEG(order_radix_rejects_duplicate_starts)
{
	radix_refuses(300, 5, duplicate_start, false);
}

TEST_NEG(order_radix_rejects_an_empty_range)
{
	radix_refuses(300, 6, empty_range, true);
}
