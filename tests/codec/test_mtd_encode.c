// SPDX-License-Identifier: MIT
/*
 * Memory transaction descriptors: encode/parse round trips in the v1.0, v1.1
 * and v1.2 layouts, ffa_mtd_encoded_size and the encoder's own limits.
 */
#include <string.h>

#include "tcodec.h"

#define INVAL FFA_RET_INVALID_PARAMETERS

static const uint32_t layouts[] = { FFA_VERSION_1_0, FFA_VERSION_1_1, FFA_VERSION_1_2 };

/* Encode a SEND of the fixture shape, parse it back, compare every field. */
static void round_trip(uint32_t layout, uint32_t eps, uint32_t n)
{
	static uint8_t buf[T_CAP];
	struct ffa_mem_range want[256], got;
	struct ffa_mtd d;
	uint32_t len = t_send(buf, layout, eps, n);
	uint32_t total = 0;

	CHECK_EQ(len, ffa_mtd_encoded_size(layout, eps, n));
	CHECK_EQ(t_parse(buf, len, layout, FFA_MTD_KIND_SEND, &d), FFA_RET_SUCCESS);
	CHECK_EQ(d.layout, layout);
	CHECK_EQ(d.sender, T_SENDER);
	CHECK_EQ(d.attributes, FFA_ATTR_NORMAL_WB_INNER);
	CHECK_EQ(d.ep_count, eps);
	CHECK_EQ(d.emad_offset, t_emad(layout, 0));
	CHECK_EQ(d.emad_size, FFA_EMAD_SIZE_V1_0);
	for (uint32_t i = 0; i < eps; i++) {
		CHECK_EQ(d.ep[i].receiver, T_RECV0 + i);
		CHECK_EQ(d.ep[i].perms, T_PERMS);
		CHECK_EQ(d.ep[i].composite_offset, t_comp(layout, eps));
	}
	CHECK_EQ(d.composite_offset, t_comp(layout, eps));
	CHECK_EQ(d.ranges_offset, t_cons(layout, eps, 0));
	CHECK_EQ(d.range_count, n);
	t_ranges_init(want, n);
	for (uint32_t i = 0; i < n; i++) {
		ffa_mtd_range(buf, &d, i, &got);
		CHECK_EQ(got.addr, want[i].addr);
		CHECK_EQ(got.pages, want[i].pages);
		total += want[i].pages;
	}
	CHECK_EQ(d.total_pages, total);
}

TEST(mtd_round_trip_v1_1_one_receiver_one_range)
{
	round_trip(FFA_VERSION_1_1, 1, 1);
}

TEST(mtd_round_trip_v1_0_one_receiver_one_range)
{
	round_trip(FFA_VERSION_1_0, 1, 1);
}

TEST(mtd_round_trip_v1_2_uses_the_48_byte_header)
{
	static uint8_t buf[T_CAP];

	round_trip(FFA_VERSION_1_2, 2, 3);
	CHECK_EQ(t_send(buf, FFA_VERSION_1_2, 1, 1), 96);
	CHECK_EQ(load_le32(buf + FFA_MTD11_EMAD_OFFSET), FFA_MTD11_SIZE);
	CHECK_EQ(load_le32(buf + FFA_MTD11_EMAD_SIZE), FFA_EMAD_SIZE_V1_0);
}

TEST(mtd_round_trip_all_shapes)
{
	static const uint32_t counts[] = { 1, 2, 7, 64, 255 };

	for (unsigned int l = 0; l < 3; l++)
		for (uint32_t eps = 1; eps <= FFA_MEM_MAX_RECEIVERS; eps++)
			for (unsigned int c = 0; c < sizeof(counts) / sizeof(counts[0]); c++)
				round_trip(layouts[l], eps, counts[c]);
}

TEST(mtd_round_trip_keeps_header_and_access_fields)
{
	static uint8_t buf[T_CAP];
	struct ffa_mem_range r = { 0x40000000, 4 };
	struct ffa_mtd d, p;
	uint32_t len;

	for (unsigned int l = 0; l < 3; l++) {
		t_mtd_init(&d, 2);
		d.sender = 0x0003;
		d.attributes = FFA_ATTR_TYPE_DEVICE | FFA_ATTR_DEV_NGNRNE;
		d.flags = FFA_MTD_FLAG_ZERO_MEMORY | FFA_MTD_FLAG_TIME_SLICING;
		d.tag = 0xfeedfacecafebeefull;
		d.ep[0].perms = FFA_PERM_DATA_RO | FFA_PERM_INSTR_X;
		d.ep[1].receiver = 0x0004; /* a normal-world VM: fine as well */
		d.ep[1].flags = FFA_EMAD_FLAG_NON_RETRIEVAL_BORROWER;
		len = ffa_mtd_encode(buf, T_CAP, layouts[l], &d, &r, 1);
		CHECK(len != 0);
		CHECK_EQ(t_parse(buf, len, layouts[l], FFA_MTD_KIND_SEND, &p), FFA_RET_SUCCESS);
		CHECK_EQ(p.sender, 0x0003);
		CHECK_EQ(p.attributes, d.attributes);
		CHECK_EQ(p.flags, d.flags);
		CHECK_EQ(p.tag, d.tag);
		CHECK_EQ(p.ep[0].perms, d.ep[0].perms);
		CHECK_EQ(p.ep[1].receiver, 0x0004);
		CHECK_EQ(p.ep[1].flags, FFA_EMAD_FLAG_NON_RETRIEVAL_BORROWER);
		CHECK_EQ(p.total_pages, 4);
	}
}

TEST(mtd_encoded_size_matches_the_layouts)
{
	CHECK_EQ(ffa_mtd_encoded_size(FFA_VERSION_1_0, 1, 1), 32 + 16 + 16 + 16);
	CHECK_EQ(ffa_mtd_encoded_size(FFA_VERSION_1_1, 1, 1), 48 + 16 + 16 + 16);
	CHECK_EQ(ffa_mtd_encoded_size(FFA_VERSION_1_2, 4, 10), 48 + 64 + 16 + 160);
	CHECK_EQ(ffa_mtd_encoded_size(FFA_VERSION_1_1, 1, 0), 48 + 16 + 16);
}

TEST_NEG(mtd_encoded_size_overflow_is_zero)
{
	CHECK_EQ(ffa_mtd_encoded_size(FFA_VERSION_1_1, 1, UINT32_MAX), 0);
	CHECK_EQ(ffa_mtd_encoded_size(FFA_VERSION_1_1, UINT32_MAX, UINT32_MAX), 0);
	CHECK_EQ(ffa_mtd_encoded_size(FFA_VERSION_1_0, 0, 0x0FFFFFFF), 0);
}

TEST(mtd_encode_recomputes_offsets_and_total_pages)
{
	static uint8_t buf[T_CAP];
	struct ffa_mem_range r[3];
	struct ffa_mtd d, p;
	uint32_t len;

	t_mtd_init(&d, 1);
	t_ranges_init(r, 3);
	d.ep[0].composite_offset = 0xdead;
	d.total_pages = 999;
	d.emad_offset = 0x1001;
	d.emad_size = 7;
	len = ffa_mtd_encode(buf, T_CAP, FFA_VERSION_1_1, &d, r, 3);
	CHECK_EQ(len, ffa_mtd_encoded_size(FFA_VERSION_1_1, 1, 3));
	CHECK_EQ(load_le32(buf + t_emad(FFA_VERSION_1_1, 0) + FFA_EMAD_COMPOSITE_OFF), 64);
	CHECK_EQ(load_le32(buf + 64 + FFA_COMP_TOTAL_PAGES), 1 + 2 + 3);
	CHECK_EQ(t_parse(buf, len, FFA_VERSION_1_1, FFA_MTD_KIND_SEND, &p), FFA_RET_SUCCESS);
}

/* The 1-receiver, 2-range descriptor into buf[0, cap), the rest of buf 0xAA. */
static uint32_t encode_marked(uint8_t *buf, uint32_t cap, uint32_t layout)
{
	struct ffa_mem_range r[2];
	struct ffa_mtd d;

	t_mtd_init(&d, 1);
	t_ranges_init(r, 2);
	memset(buf, 0xAA, T_CAP);
	return ffa_mtd_encode(buf, cap, layout, &d, r, 2);
}

TEST(mtd_encode_fits_exactly_in_cap)
{
	static uint8_t buf[T_CAP];
	uint32_t need = ffa_mtd_encoded_size(FFA_VERSION_1_0, 1, 2);

	CHECK_EQ(encode_marked(buf, need, FFA_VERSION_1_0), need);
	CHECK_EQ(buf[need], 0xAA); /* nothing written past the end */
}

TEST_NEG(mtd_encode_rejects_a_small_buffer)
{
	static uint8_t buf[T_CAP];
	uint32_t need = ffa_mtd_encoded_size(FFA_VERSION_1_1, 1, 2);

	CHECK_EQ(encode_marked(buf, need - 1, FFA_VERSION_1_1), 0);
	CHECK_EQ(encode_marked(buf, 0, FFA_VERSION_1_1), 0);
	CHECK_EQ(buf[0], 0xAA);
}

TEST_NEG(mtd_encode_rejects_receiver_counts_out_of_range)
{
	static uint8_t buf[T_CAP];
	struct ffa_mem_range r[1];
	struct ffa_mtd d;

	t_ranges_init(r, 1);
	t_mtd_init(&d, 0);
	CHECK_EQ(ffa_mtd_encode(buf, T_CAP, FFA_VERSION_1_1, &d, r, 1), 0);
	t_mtd_init(&d, FFA_MEM_MAX_RECEIVERS);
	d.ep_count = FFA_MEM_MAX_RECEIVERS + 1;
	CHECK_EQ(ffa_mtd_encode(buf, T_CAP, FFA_VERSION_1_1, &d, r, 1), 0);
	d.ep_count = UINT32_MAX;
	CHECK_EQ(ffa_mtd_encode(buf, T_CAP, FFA_VERSION_1_0, &d, r, 1), 0);
}

TEST_NEG(mtd_encode_rejects_unencodable_input)
{
	static uint8_t buf[T_CAP];
	struct ffa_mem_range r[2] = { { 0x1000, 0x80000000u }, { 0x80001000000ull, 0x80000000u } };
	struct ffa_mtd d;

	t_mtd_init(&d, 1);
	/* The page sum would not fit total_pages. */
	CHECK_EQ(ffa_mtd_encode(buf, T_CAP, FFA_VERSION_1_1, &d, r, 2), 0);
	/* The v1.0 header has one attribute byte. */
	t_ranges_init(r, 1);
	d.attributes = 0x100 | FFA_ATTR_NORMAL_WB_INNER;
	CHECK_EQ(ffa_mtd_encode(buf, T_CAP, FFA_VERSION_1_0, &d, r, 1), 0);
	/* Ranges promised but not given; a version word with bit 31 set. */
	d.attributes = FFA_ATTR_NORMAL_WB_INNER;
	CHECK_EQ(ffa_mtd_encode(buf, T_CAP, FFA_VERSION_1_1, &d, NULL, 1), 0);
	CHECK_EQ(ffa_mtd_encode(buf, T_CAP, 0x80010001u, &d, r, 1), 0);
	CHECK_EQ(ffa_mtd_encode(NULL, T_CAP, FFA_VERSION_1_1, &d, r, 1), 0);
}
