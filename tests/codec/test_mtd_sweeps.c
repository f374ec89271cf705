// SPDX-License-Identifier: MIT
/*
 * Exhaustive sweeps over small fields of ffa_mtd_parse (every flag bit,
 * every permission byte, every v1.0 attribute byte) with the expected
 * answer derived from the encodings in ffa/mem.h, plus layout corners the
 * encoder cannot produce (composite ahead of the access descriptors, 32-byte
 * EMAD arrays that wrap 32 bits) and NO_MEMORY for every kind.
 */
#include <string.h>

#include "tcodec.h"

#define INVAL FFA_RET_INVALID_PARAMETERS

static const uint32_t layouts[] = { FFA_VERSION_1_0, FFA_VERSION_1_1, FFA_VERSION_1_2 };

/* A permission byte the spec defines: no reserved bits, no reserved field value. */
static bool perm_defined(uint8_t p)
{
	return (p & FFA_PERM_RESERVED_MASK) == 0 &&
	       (p & FFA_PERM_DATA_MASK) != FFA_PERM_DATA_RESERVED &&
	       (p & FFA_PERM_INSTR_MASK) != FFA_PERM_INSTR_RESERVED;
}

/*
 * Each of the 32 flag bits alone in buf's descriptor: accepted as `kind`
 * exactly when it is in `allowed`. Returns how many were accepted.
 */
static uint32_t sweep_flag_bits(uint8_t *buf, uint32_t len, uint32_t layout,
				enum ffa_mtd_kind kind, uint32_t allowed)
{
	uint32_t accepted = 0;

	for (unsigned int bit = 0; bit < 32; bit++) {
		uint32_t f = 1u << bit;
		int32_t want = (f & allowed) ? FFA_RET_SUCCESS : INVAL;

		check_case("layout %#x flags %#x", layout, f);
		store_le32(buf + FFA_MTD11_FLAGS, f);
		CHECK_EQ(t_parse(buf, len, layout, kind, NULL), want);
		accepted += want == FFA_RET_SUCCESS;
	}
	check_case("layout %#x, after the sweep", layout);
	return accepted;
}

TEST_NEG(sweep_send_flags_accepts_only_the_allowed_bits)
{
	static uint8_t buf[T_CAP];
	uint32_t accepted = 0;

	for (unsigned int l = 0; l < 3; l++) {
		uint32_t len = t_send(buf, layouts[l], 2, 2);

		accepted += sweep_flag_bits(buf, len, layouts[l], FFA_MTD_KIND_SEND,
					    FFA_MTD_FLAGS_SEND_ALLOWED);
	}
	CHECK_EQ(accepted, 3 * 2); /* zero memory and time slicing, per layout */
}

TEST_NEG(sweep_retrieve_req_flags_accepts_only_the_allowed_bits)
{
	static uint8_t buf[T_CAP];

	for (unsigned int l = 0; l < 3; l++) {
		uint32_t len = t_resp(buf, layouts[l], 1, 1);

		(void)sweep_flag_bits(buf, len, layouts[l], FFA_MTD_KIND_RETRIEVE_REQ,
				      FFA_MTD_FLAGS_RETRIEVE_ALLOWED);
		/* Every allowed bit at once is still fine. */
		store_le32(buf + FFA_MTD11_FLAGS, FFA_MTD_FLAGS_RETRIEVE_ALLOWED);
		CHECK_EQ(t_parse(buf, len, layouts[l], FFA_MTD_KIND_RETRIEVE_REQ, NULL), 0);
		/* Zero-after-relinquish belongs to the retriever, not to a response. */
		store_le32(buf + FFA_MTD11_FLAGS, FFA_MTD_FLAG_ZERO_AFTER_RELINQ);
		CHECK_EQ(t_parse(buf, len, layouts[l], FFA_MTD_KIND_RETRIEVE_RESP, NULL), INVAL);
	}
}

TEST_NEG(sweep_every_permission_byte)
{
	static uint8_t buf[T_CAP];
	uint32_t accepted = 0;

	for (unsigned int l = 0; l < 3; l++) {
		uint32_t len = t_send(buf, layouts[l], 3, 1);

		for (unsigned int p = 0; p < 256; p++) {
			/* The last receiver carries the value; the others stay valid. */
			int32_t want = perm_defined((uint8_t)p) ? FFA_RET_SUCCESS : INVAL;

			buf[t_emad(layouts[l], 2) + FFA_EMAD_PERMISSIONS] = (uint8_t)p;
			CHECK_EQ(t_parse(buf, len, layouts[l], FFA_MTD_KIND_SEND, NULL), want);
			accepted += want == FFA_RET_SUCCESS;
		}
	}
	CHECK_EQ(accepted, 3 * 9); /* 3 data x 3 instruction encodings */
}

TEST_NEG(sweep_every_v1_0_attribute_byte)
{
	static uint8_t buf[T_CAP];
	uint32_t len = t_send(buf, FFA_VERSION_1_0, 1, 1), accepted = 0;

	for (unsigned int a = 0; a < 256; a++) {
		bool ok = (a & ~0x3Fu) == 0 &&
			  (a & FFA_ATTR_TYPE_MASK) != FFA_ATTR_TYPE_RESERVED &&
			  (a & FFA_ATTR_SHARE_MASK) != FFA_ATTR_SHARE_RESERVED;
		struct ffa_mtd d;
		int32_t ret;

		buf[FFA_MTD10_ATTRIBUTES] = (uint8_t)a;
		ret = t_parse(buf, len, FFA_VERSION_1_0, FFA_MTD_KIND_SEND, &d);
		CHECK_EQ(ret, ok ? FFA_RET_SUCCESS : INVAL);
		if (ok) {
			CHECK_EQ(d.attributes, a);
			accepted++;
		}
	}
	CHECK_EQ(accepted, 3 * 4 * 3); /* types x cacheability x shareability */
}

TEST_NEG(sweep_ns_bit_only_in_a_response)
{
	static uint8_t buf[T_CAP];
	uint16_t attr = FFA_ATTR_NORMAL_WB_INNER | FFA_ATTR_NS_BIT;
	struct ffa_mtd d;
	uint32_t len = t_resp(buf, FFA_VERSION_1_1, 2, 1);

	store_le16(buf + FFA_MTD11_ATTRIBUTES, attr);
	CHECK_EQ(t_parse(buf, len, FFA_VERSION_1_1, FFA_MTD_KIND_RETRIEVE_RESP, &d), 0);
	CHECK_EQ(d.attributes, attr);
	CHECK_EQ(t_parse(buf, len, FFA_VERSION_1_1, FFA_MTD_KIND_RETRIEVE_REQ, NULL), INVAL);
	/* Above the NS bit nothing is defined, in any kind. */
	store_le16(buf + FFA_MTD11_ATTRIBUTES, FFA_ATTR_NORMAL_WB_INNER | 0x8000);
	CHECK_EQ(t_parse(buf, len, FFA_VERSION_1_1, FFA_MTD_KIND_RETRIEVE_RESP, NULL), INVAL);
}

TEST(layout_composite_ahead_of_the_access_descriptors)
{
	static uint8_t buf[T_CAP];
	struct ffa_mem_range r;
	struct ffa_mtd d;
	/* header [0,48) composite [48,64) constituent [64,80) EMADs [80,112) */
	uint32_t comp = FFA_MTD11_SIZE, emads = 80, len = emads + 2 * FFA_EMAD_SIZE_V1_0;

	memset(buf, 0, len);
	store_le16(buf + FFA_MTD11_SENDER, T_SENDER);
	store_le16(buf + FFA_MTD11_ATTRIBUTES, FFA_ATTR_NORMAL_WB_INNER);
	store_le32(buf + FFA_MTD11_EMAD_SIZE, FFA_EMAD_SIZE_V1_0);
	store_le32(buf + FFA_MTD11_EMAD_COUNT, 2);
	store_le32(buf + FFA_MTD11_EMAD_OFFSET, emads);
	store_le32(buf + comp + FFA_COMP_TOTAL_PAGES, 3);
	store_le32(buf + comp + FFA_COMP_RANGE_COUNT, 1);
	store_le64(buf + comp + FFA_COMP_SIZE + FFA_CONS_ADDRESS, T_BASE_ADDR);
	store_le32(buf + comp + FFA_COMP_SIZE + FFA_CONS_PAGE_COUNT, 3);
	for (uint32_t i = 0; i < 2; i++) {
		uint8_t *e = buf + emads + i * FFA_EMAD_SIZE_V1_0;

		store_le16(e + FFA_EMAD_ENDPOINT, (uint16_t)(T_RECV0 + i));
		e[FFA_EMAD_PERMISSIONS] = T_PERMS;
		store_le32(e + FFA_EMAD_COMPOSITE_OFF, comp);
	}
	CHECK_EQ(t_parse(buf, len, FFA_VERSION_1_1, FFA_MTD_KIND_SEND, &d), FFA_RET_SUCCESS);
	CHECK_EQ(d.composite_offset, comp);
	CHECK_EQ(d.ranges_offset, comp + FFA_COMP_SIZE);
	CHECK_EQ(d.emad_offset, emads);
	ffa_mtd_range(buf, &d, 0, &r);
	CHECK_EQ(r.addr, T_BASE_ADDR);
	CHECK_EQ(r.pages, 3);
	/* Two constituents would run into the first EMAD. */
	store_le32(buf + comp + FFA_COMP_RANGE_COUNT, 2);
	CHECK_EQ(t_parse(buf, len, FFA_VERSION_1_1, FFA_MTD_KIND_SEND, NULL), INVAL);
}

TEST_NEG(layout_32_byte_emad_array_wrapping_32_bits)
{
	static uint8_t buf[T_CAP];
	uint32_t len = t_build(buf, FFA_VERSION_1_2, 64, FFA_EMAD_SIZE_V1_2, 1, 1);

	CHECK_EQ(t_parse(buf, len, FFA_VERSION_1_2, FFA_MTD_KIND_SEND, NULL), 0);
	/* 0x08000000 * 32 = 2^32: a 32-bit product would be 0. */
	store_le32(buf + FFA_MTD11_EMAD_COUNT, 0x08000000u);
	CHECK_EQ(t_parse(buf, len, FFA_VERSION_1_2, FFA_MTD_KIND_SEND, NULL), INVAL);
	store_le32(buf + FFA_MTD11_EMAD_COUNT, 0x08000001u); /* wraps to 32 */
	CHECK_EQ(t_parse(buf, len, FFA_VERSION_1_2, FFA_MTD_KIND_SEND, NULL), INVAL);
	store_le32(buf + FFA_MTD11_EMAD_COUNT, UINT32_MAX);
	CHECK_EQ(t_parse(buf, len, FFA_VERSION_1_2, FFA_MTD_KIND_SEND, NULL), INVAL);
	/* One more byte needed for a second 32-byte EMAD than the buffer has. */
	store_le32(buf + FFA_MTD11_EMAD_COUNT, 2);
	CHECK_EQ(t_parse(buf, 64 + 2 * 32 - 1, FFA_VERSION_1_2, FFA_MTD_KIND_SEND, NULL), INVAL);
}

TEST_NEG(layout_retrieve_req_receivers_disagree_on_the_composite)
{
	static uint8_t buf[T_CAP];
	uint32_t len = t_resp(buf, FFA_VERSION_1_1, 2, 1);
	uint32_t comp = t_comp(FFA_VERSION_1_1, 2);

	CHECK_EQ(t_parse(buf, len, FFA_VERSION_1_1, FFA_MTD_KIND_RETRIEVE_REQ, NULL), 0);
	/* One says "no composite", the other names it: still two answers. */
	store_le32(buf + t_emad(FFA_VERSION_1_1, 0) + FFA_EMAD_COMPOSITE_OFF, 0);
	CHECK_EQ(t_parse(buf, len, FFA_VERSION_1_1, FFA_MTD_KIND_RETRIEVE_REQ, NULL), INVAL);
	store_le32(buf + t_emad(FFA_VERSION_1_1, 0) + FFA_EMAD_COMPOSITE_OFF, comp);
	store_le32(buf + t_emad(FFA_VERSION_1_1, 1) + FFA_EMAD_COMPOSITE_OFF, 0);
	CHECK_EQ(t_parse(buf, len, FFA_VERSION_1_1, FFA_MTD_KIND_RETRIEVE_REQ, NULL), INVAL);
	/* Both none: fine for a request, never for a response. */
	store_le32(buf + t_emad(FFA_VERSION_1_1, 0) + FFA_EMAD_COMPOSITE_OFF, 0);
	CHECK_EQ(t_parse(buf, len, FFA_VERSION_1_1, FFA_MTD_KIND_RETRIEVE_REQ, NULL), 0);
	CHECK_EQ(t_parse(buf, len, FFA_VERSION_1_1, FFA_MTD_KIND_RETRIEVE_RESP, NULL), INVAL);
}

TEST_NEG(limit_five_receivers_is_no_memory_for_every_kind_with_receivers)
{
	static uint8_t buf[T_CAP];

	for (unsigned int l = 0; l < 3; l++) {
		uint32_t len = t_build(buf, layouts[l], 48, FFA_EMAD_SIZE_V1_0, 5, 1);

		CHECK_EQ(t_parse(buf, len, layouts[l], FFA_MTD_KIND_SEND, NULL),
			 FFA_RET_NO_MEMORY);
		store_le64(buf + FFA_MTD11_HANDLE, T_HANDLE);
		CHECK_EQ(t_parse(buf, len, layouts[l], FFA_MTD_KIND_RETRIEVE_REQ, NULL),
			 FFA_RET_NO_MEMORY);
		CHECK_EQ(t_parse(buf, len, layouts[l], FFA_MTD_KIND_RETRIEVE_RESP, NULL),
			 FFA_RET_NO_MEMORY);
		/* Receivers are never acceptable in the hypervisor's request. */
		CHECK_EQ(t_parse(buf, len, layouts[l], FFA_MTD_KIND_HYP_RETRIEVE, NULL), INVAL);
	}
}

TEST_NEG(limit_no_memory_needs_an_in_bounds_array)
{
	static uint8_t buf[T_CAP];
	uint32_t len = t_build(buf, FFA_VERSION_1_1, 48, FFA_EMAD_SIZE_V1_0, 5, 1);

	/* Fifth EMAD cut short: malformed, so INVALID rather than NO_MEMORY. */
	CHECK_EQ(t_parse(buf, 48 + 5 * 16 - 1, FFA_VERSION_1_1, FFA_MTD_KIND_SEND, NULL), INVAL);
	/* Fifth receiver is the sender. */
	store_le16(buf + 48 + 4 * 16 + FFA_EMAD_ENDPOINT, T_SENDER);
	CHECK_EQ(t_parse(buf, len, FFA_VERSION_1_1, FFA_MTD_KIND_SEND, NULL), INVAL);
}

TEST(parse_reports_the_v1_0_fixed_geometry)
{
	static uint8_t buf[T_CAP];
	struct ffa_mtd d;
	uint32_t len = t_send(buf, FFA_VERSION_1_0, 4, 2);

	CHECK_EQ(t_parse(buf, len, FFA_VERSION_1_0, FFA_MTD_KIND_SEND, &d), 0);
	CHECK_EQ(d.emad_offset, FFA_MTD10_SIZE);
	CHECK_EQ(d.emad_size, FFA_EMAD_SIZE_V1_0);
	CHECK_EQ(d.composite_offset, FFA_MTD10_SIZE + 4 * FFA_EMAD_SIZE_V1_0);
	CHECK_EQ(d.ep[3].receiver, T_RECV0 + 3);
	CHECK(t_parsed_in_bounds(buf, len, &d, FFA_MTD_KIND_SEND));
}
