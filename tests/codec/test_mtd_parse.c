// SPDX-License-Identifier: MIT
/*
 * Memory transaction descriptors: rejection of bad headers and access
 * descriptor arrays (the composite and the kinds are in test_mtd_parse_comp.c).
 */
#include <string.h>

#include "tcodec.h"

#define INVAL FFA_RET_INVALID_PARAMETERS

static const uint32_t layouts[] = { FFA_VERSION_1_0, FFA_VERSION_1_1, FFA_VERSION_1_2 };

TEST(mtd_parse_accepts_an_emad_offset_with_a_gap)
{
	static uint8_t buf[T_CAP];
	struct ffa_mtd d;
	uint32_t len = t_build(buf, FFA_VERSION_1_1, 80, FFA_EMAD_SIZE_V1_0, 2, 2);

	CHECK_EQ(t_parse(buf, len, FFA_VERSION_1_1, FFA_MTD_KIND_SEND, &d), FFA_RET_SUCCESS);
	CHECK_EQ(d.emad_offset, 80);
	CHECK_EQ(d.ep[1].receiver, T_RECV0 + 1);
	CHECK_EQ(d.composite_offset, 80 + 32);
	CHECK_EQ(d.total_pages, 3);
}

TEST(mtd_parse_accepts_32_byte_emads_from_v1_2)
{
	static uint8_t buf[T_CAP];
	struct ffa_mtd d;
	uint32_t len = t_build(buf, FFA_VERSION_1_2, 48, FFA_EMAD_SIZE_V1_2, 3, 2);

	CHECK_EQ(t_parse(buf, len, FFA_VERSION_1_2, FFA_MTD_KIND_SEND, &d), FFA_RET_SUCCESS);
	CHECK_EQ(d.emad_size, FFA_EMAD_SIZE_V1_2);
	CHECK_EQ(d.ep_count, 3);
	CHECK_EQ(d.ep[2].receiver, T_RECV0 + 2);
	CHECK_EQ(d.composite_offset, 48 + 3 * 32);
}

TEST_NEG(mtd_parse_rejects_32_byte_emads_before_v1_2)
{
	static uint8_t buf[T_CAP];
	uint32_t len = t_build(buf, FFA_VERSION_1_1, 48, FFA_EMAD_SIZE_V1_2, 1, 1);

	CHECK_EQ(t_parse(buf, len, FFA_VERSION_1_1, FFA_MTD_KIND_SEND, NULL), INVAL);
}

TEST_NEG(mtd_parse_rejects_other_emad_sizes)
{
	static const uint32_t sizes[] = { 0, 1, 8, 15, 17, 24, 31, 33, 48, 64, UINT32_MAX };
	static uint8_t buf[T_CAP];
	uint32_t len = t_send(buf, FFA_VERSION_1_2, 1, 1);

	for (unsigned int i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		store_le32(buf + FFA_MTD11_EMAD_SIZE, sizes[i]);
		CHECK_EQ(t_parse(buf, len, FFA_VERSION_1_2, FFA_MTD_KIND_SEND, NULL), INVAL);
	}
}

TEST_NEG(mtd_parse_rejects_a_truncated_header)
{
	static uint8_t buf[T_CAP];

	t_send(buf, FFA_VERSION_1_1, 1, 1);
	for (uint32_t len = 0; len < FFA_MTD11_SIZE; len++)
		CHECK_EQ(t_parse(buf, len, FFA_VERSION_1_1, FFA_MTD_KIND_SEND, NULL), INVAL);
	t_send(buf, FFA_VERSION_1_0, 1, 1);
	for (uint32_t len = 0; len < FFA_MTD10_SIZE; len++)
		CHECK_EQ(t_parse(buf, len, FFA_VERSION_1_0, FFA_MTD_KIND_SEND, NULL), INVAL);
}

TEST_NEG(mtd_parse_rejects_every_short_length)
{
	static uint8_t buf[T_CAP];

	for (unsigned int l = 0; l < 3; l++) {
		uint32_t len = t_send(buf, layouts[l], 2, 3);

		CHECK_EQ(t_parse(buf, len, layouts[l], FFA_MTD_KIND_SEND, NULL), 0);
		for (uint32_t cut = 0; cut < len; cut++)
			CHECK_EQ(t_parse(buf, cut, layouts[l], FFA_MTD_KIND_SEND, NULL), INVAL);
	}
}

TEST_NEG(mtd_parse_rejects_a_misplaced_emad_offset)
{
	/* Inside the header, unaligned, or past the end of the buffer. */
	static const uint64_t offs[] = { 0, 16, 32, 47, 56, 49, 0x1000, 0xFFFFFFF0u };

	t_send_rejects_each(FFA_VERSION_1_1, 1, 1, FFA_MTD11_EMAD_OFFSET, 4, offs,
			    sizeof(offs) / sizeof(offs[0]));
}

TEST_NEG(mtd_parse_rejects_an_unaligned_emad_offset_alone)
{
	static uint8_t buf[T_CAP];
	uint32_t len = t_build(buf, FFA_VERSION_1_1, 56, FFA_EMAD_SIZE_V1_0, 1, 1);

	/* Consistent in every other way: only the 16-byte alignment is wrong. */
	CHECK_EQ(t_parse(buf, len, FFA_VERSION_1_1, FFA_MTD_KIND_SEND, NULL), INVAL);
	len = t_build(buf, FFA_VERSION_1_1, 64, FFA_EMAD_SIZE_V1_0, 1, 1);
	CHECK_EQ(t_parse(buf, len, FFA_VERSION_1_1, FFA_MTD_KIND_SEND, NULL), 0);
}

TEST_NEG(mtd_parse_rejects_emads_inside_the_header)
{
	static uint8_t buf[T_CAP];
	uint32_t len = t_build(buf, FFA_VERSION_1_1, 48, FFA_EMAD_SIZE_V1_0, 1, 1);

	/*
	 * EMAD offset 32 with the EMAD copied there (over the reserved and
	 * emad-offset fields): a header that is also an access descriptor.
	 */
	memmove(buf + 32, buf + 48, 16);
	store_le32(buf + FFA_MTD11_EMAD_OFFSET, 32);
	CHECK_EQ(t_parse(buf, len, FFA_VERSION_1_1, FFA_MTD_KIND_SEND, NULL), INVAL);
}

TEST_NEG(mtd_parse_rejects_an_emad_array_wrapping_32_bits)
{
	static uint8_t buf[T_CAP];
	uint32_t len = t_send(buf, FFA_VERSION_1_1, 1, 1);

	/* 48 + 0x10000000 * 16 wraps to 48: only a division-based check sees it. */
	store_le32(buf + FFA_MTD11_EMAD_COUNT, 0x10000000u);
	CHECK_EQ(t_parse(buf, len, FFA_VERSION_1_1, FFA_MTD_KIND_SEND, NULL), INVAL);
	store_le32(buf + FFA_MTD11_EMAD_COUNT, 0x10000001u);
	CHECK_EQ(t_parse(buf, len, FFA_VERSION_1_1, FFA_MTD_KIND_SEND, NULL), INVAL);
	/* 0xFFFFFFF0 + 16 wraps to 0. */
	store_le32(buf + FFA_MTD11_EMAD_COUNT, 1);
	store_le32(buf + FFA_MTD11_EMAD_OFFSET, 0xFFFFFFF0u);
	CHECK_EQ(t_parse(buf, len, FFA_VERSION_1_1, FFA_MTD_KIND_SEND, NULL), INVAL);
}

TEST_NEG(mtd_parse_rejects_huge_emad_counts)
{
	/* A count that cannot fit the buffer is malformed, not "too many". */
	static const uint64_t counts[] = { UINT32_MAX, 5 };

	for (unsigned int l = 0; l < 3; l++)
		t_send_rejects_each(layouts[l], 1, 1, FFA_MTD11_EMAD_COUNT, 4, counts,
				    sizeof(counts) / sizeof(counts[0]));
}

TEST_NEG(mtd_parse_sends_too_many_receivers_to_no_memory)
{
	static uint8_t buf[T_CAP];
	uint32_t len;

	for (unsigned int l = 0; l < 3; l++) {
		len = t_build(buf, layouts[l], 48, FFA_EMAD_SIZE_V1_0, FFA_MEM_MAX_RECEIVERS + 1, 2);
		CHECK_EQ(t_parse(buf, len, layouts[l], FFA_MTD_KIND_SEND, NULL),
			 FFA_RET_NO_MEMORY);
		len = t_build(buf, layouts[l], 48, FFA_EMAD_SIZE_V1_0, 40, 1);
		CHECK_EQ(t_parse(buf, len, layouts[l], FFA_MTD_KIND_SEND, NULL),
			 FFA_RET_NO_MEMORY);
	}
	len = t_build(buf, FFA_VERSION_1_1, 48, FFA_EMAD_SIZE_V1_0, FFA_MEM_MAX_RECEIVERS, 1);
	CHECK_EQ(t_parse(buf, len, FFA_VERSION_1_1, FFA_MTD_KIND_SEND, NULL), FFA_RET_SUCCESS);
}

TEST_NEG(mtd_parse_too_many_receivers_but_malformed_is_invalid)
{
	static uint8_t buf[T_CAP];
	uint32_t len = t_build(buf, FFA_VERSION_1_1, 48, FFA_EMAD_SIZE_V1_0, 6, 1);
	uint32_t comp = 48 + 6 * 16;

	/* A bad sixth receiver, then a bad composite: INVALID wins over NO_MEMORY. */
	buf[48 + 5 * 16 + FFA_EMAD_PERMISSIONS] = FFA_PERM_DATA_RESERVED;
	CHECK_EQ(t_parse(buf, len, FFA_VERSION_1_1, FFA_MTD_KIND_SEND, NULL), INVAL);
	buf[48 + 5 * 16 + FFA_EMAD_PERMISSIONS] = T_PERMS;
	store_le32(buf + comp + FFA_COMP_TOTAL_PAGES, 2);
	CHECK_EQ(t_parse(buf, len, FFA_VERSION_1_1, FFA_MTD_KIND_SEND, NULL), INVAL);
}

TEST_NEG(mtd_parse_rejects_zero_receivers_for_send)
{
	static uint8_t buf[T_CAP];
	uint32_t len;

	for (unsigned int l = 0; l < 3; l++) {
		len = t_send(buf, layouts[l], 1, 1);
		store_le32(buf + FFA_MTD11_EMAD_COUNT, 0);
		CHECK_EQ(t_parse(buf, len, layouts[l], FFA_MTD_KIND_SEND, NULL), INVAL);
		CHECK_EQ(t_parse(buf, len, layouts[l], FFA_MTD_KIND_RETRIEVE_RESP, NULL), INVAL);
	}
}

/* A SEND to eps receivers whose receiver idx is `id` instead: how it parses. */
static int32_t send_naming(uint32_t layout, uint32_t eps, uint32_t idx, uint16_t id)
{
	static uint8_t buf[T_CAP];
	uint32_t len = t_send(buf, layout, eps, 1);

	store_le16(buf + t_emad(layout, idx) + FFA_EMAD_ENDPOINT, id);
	return t_parse(buf, len, layout, FFA_MTD_KIND_SEND, NULL);
}

TEST_NEG(mtd_parse_rejects_a_duplicate_receiver)
{
	CHECK_EQ(send_naming(FFA_VERSION_1_1, 3, 2, T_RECV0), INVAL);
	CHECK_EQ(send_naming(FFA_VERSION_1_0, 2, 1, T_RECV0), INVAL);
}

TEST_NEG(mtd_parse_rejects_the_sender_as_receiver)
{
	static uint8_t buf[T_CAP];
	uint32_t len;

	CHECK_EQ(send_naming(FFA_VERSION_1_1, 2, 1, T_SENDER), INVAL);
	/* The same with a secure sender naming itself. */
	len = t_send(buf, FFA_VERSION_1_0, 1, 1);
	store_le16(buf + FFA_MTD10_SENDER, T_RECV0);
	CHECK_EQ(t_parse(buf, len, FFA_VERSION_1_0, FFA_MTD_KIND_SEND, NULL), INVAL);
}

TEST_NEG(mtd_parse_rejects_reserved_permissions)
{
	static const uint8_t bad[] = {
		FFA_PERM_DATA_RESERVED, FFA_PERM_INSTR_RESERVED,
		FFA_PERM_DATA_RW | FFA_PERM_INSTR_RESERVED, 0x10, 0x80, 0xF2,
	};
	static uint8_t buf[T_CAP];
	uint32_t len = t_send(buf, FFA_VERSION_1_1, 2, 1);

	for (unsigned int i = 0; i < sizeof(bad); i++) {
		buf[t_emad(FFA_VERSION_1_1, 1) + FFA_EMAD_PERMISSIONS] = bad[i];
		CHECK_EQ(t_parse(buf, len, FFA_VERSION_1_1, FFA_MTD_KIND_SEND, NULL), INVAL);
	}
}

TEST(mtd_parse_accepts_every_defined_permission)
{
	static uint8_t buf[T_CAP];
	uint32_t len = t_send(buf, FFA_VERSION_1_1, 1, 1);

	for (uint8_t data = 0; data < 3; data++)
		for (uint8_t ins = 0; ins < 3; ins++) {
			buf[t_emad(FFA_VERSION_1_1, 0) + FFA_EMAD_PERMISSIONS] =
				(uint8_t)(data | ins << FFA_PERM_INSTR_SHIFT);
			CHECK_EQ(t_parse(buf, len, FFA_VERSION_1_1, FFA_MTD_KIND_SEND, NULL), 0);
		}
}

TEST_NEG(mtd_parse_rejects_nonzero_v1_1_header_reserved_bytes)
{
	static uint8_t buf[T_CAP];
	uint32_t len = t_send(buf, FFA_VERSION_1_1, 1, 1);

	for (uint32_t i = FFA_MTD11_RESERVED; i < FFA_MTD11_SIZE; i++) {
		buf[i] = 0x01;
		CHECK_EQ(t_parse(buf, len, FFA_VERSION_1_1, FFA_MTD_KIND_SEND, NULL), INVAL);
		buf[i] = 0;
	}
}

TEST_NEG(mtd_parse_rejects_nonzero_v1_0_header_reserved_bytes)
{
	static const uint32_t res[] = { 3, 24, 25, 26, 27 };
	static uint8_t buf[T_CAP];
	uint32_t len = t_send(buf, FFA_VERSION_1_0, 1, 1);

	for (unsigned int i = 0; i < sizeof(res) / sizeof(res[0]); i++) {
		buf[res[i]] = 0x80;
		CHECK_EQ(t_parse(buf, len, FFA_VERSION_1_0, FFA_MTD_KIND_SEND, NULL), INVAL);
		buf[res[i]] = 0;
	}
	CHECK_EQ(t_parse(buf, len, FFA_VERSION_1_0, FFA_MTD_KIND_SEND, NULL), 0);
}

TEST_NEG(mtd_parse_rejects_nonzero_emad_reserved_or_unknown_flags)
{
	static uint8_t buf[T_CAP];
	uint32_t len = t_send(buf, FFA_VERSION_1_1, 2, 1);
	uint32_t e = t_emad(FFA_VERSION_1_1, 1);

	t_send_rejects_bytes(FFA_VERSION_1_1, 2, 1, e + FFA_EMAD_RESERVED, e + FFA_EMAD_SIZE_V1_0,
			     0x40);
	buf[e + FFA_EMAD_FLAGS] = 0x02;
	CHECK_EQ(t_parse(buf, len, FFA_VERSION_1_1, FFA_MTD_KIND_SEND, NULL), INVAL);
}

TEST_NEG(mtd_parse_rejects_reserved_attributes)
{
	static const uint64_t bad[] = {
		FFA_ATTR_TYPE_RESERVED | FFA_ATTR_CACHE_WB,
		FFA_ATTR_TYPE_NORMAL | FFA_ATTR_CACHE_WB | FFA_ATTR_SHARE_RESERVED,
		FFA_ATTR_NORMAL_WB_INNER | FFA_ATTR_NS_BIT, /* only the SPMC sets it */
		FFA_ATTR_NORMAL_WB_INNER | 0x80, FFA_ATTR_NORMAL_WB_INNER | 0x100,
	};

	t_send_rejects_each(FFA_VERSION_1_1, 1, 1, FFA_MTD11_ATTRIBUTES, 2, bad,
			    sizeof(bad) / sizeof(bad[0]));
}

TEST_NEG(mtd_parse_rejects_a_nonzero_handle_or_unknown_flags_in_send)
{
	static uint8_t buf[T_CAP];
	uint32_t len = t_send(buf, FFA_VERSION_1_1, 1, 1);

	store_le64(buf + FFA_MTD11_HANDLE, 1);
	CHECK_EQ(t_parse(buf, len, FFA_VERSION_1_1, FFA_MTD_KIND_SEND, NULL), INVAL);
	store_le64(buf + FFA_MTD11_HANDLE, 0);
	store_le32(buf + FFA_MTD11_FLAGS, FFA_MTD_FLAG_ZERO_AFTER_RELINQ);
	CHECK_EQ(t_parse(buf, len, FFA_VERSION_1_1, FFA_MTD_KIND_SEND, NULL), INVAL);
	store_le32(buf + FFA_MTD11_FLAGS, FFA_MTD_FLAG_TYPE_SHARE);
	CHECK_EQ(t_parse(buf, len, FFA_VERSION_1_1, FFA_MTD_KIND_SEND, NULL), INVAL);
	store_le32(buf + FFA_MTD11_FLAGS, 0x80000000u);
	CHECK_EQ(t_parse(buf, len, FFA_VERSION_1_1, FFA_MTD_KIND_SEND, NULL), INVAL);
}

TEST_NEG(mtd_parse_rejects_bad_arguments)
{
	static uint8_t buf[T_CAP];
	struct ffa_mtd d;
	uint32_t len = t_send(buf, FFA_VERSION_1_1, 1, 1);

	CHECK_EQ(ffa_mtd_parse(NULL, len, FFA_VERSION_1_1, FFA_MTD_KIND_SEND, &d), INVAL);
	CHECK_EQ(ffa_mtd_parse(buf, len, FFA_VERSION_1_1, FFA_MTD_KIND_SEND, NULL), INVAL);
	/* A version word with bit 31 set is not a layout. */
	CHECK_EQ(t_parse(buf, len, 0x80010001u, FFA_MTD_KIND_SEND, &d), INVAL);
	CHECK_EQ(t_parse(buf, len, FFA_VERSION_1_1, FFA_MTD_KIND_SEND, &d), 0);
}

TEST_NEG(mtd_parse_rejects_the_wrong_layout)
{
	static uint8_t buf[T_CAP];
	uint32_t len = t_send(buf, FFA_VERSION_1_1, 1, 1);

	/* A v1.1 descriptor read as v1.0: its emad_size lands in a reserved field. */
	CHECK_EQ(t_parse(buf, len, FFA_VERSION_1_0, FFA_MTD_KIND_SEND, NULL), INVAL);
	len = t_send(buf, FFA_VERSION_1_0, 1, 1);
	CHECK_EQ(t_parse(buf, len, FFA_VERSION_1_1, FFA_MTD_KIND_SEND, NULL), INVAL);
}
