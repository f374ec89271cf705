// SPDX-License-Identifier: MIT
/*
 * Memory transaction descriptors: the composite and its constituents, and
 * the rules of each descriptor kind (retrieve request, the hypervisor's
 * retrieve on pKVM's reclaim path, retrieve response).
 */
#include <string.h>

#include "tcodec.h"

#define INVAL FFA_RET_INVALID_PARAMETERS
#define L11 FFA_VERSION_1_1
#define L10 FFA_VERSION_1_0

/* Point every receiver's composite offset at `off`. */
static void set_comp(uint8_t *buf, uint32_t layout, uint32_t eps, uint32_t off)
{
	for (uint32_t i = 0; i < eps; i++)
		store_le32(buf + t_emad(layout, i) + FFA_EMAD_COMPOSITE_OFF, off);
}

static int32_t send_parse(const uint8_t *buf, uint32_t len, uint32_t layout)
{
	return t_parse(buf, len, layout, FFA_MTD_KIND_SEND, NULL);
}

TEST_NEG(comp_rejects_an_offset_past_the_end)
{
	static uint8_t buf[T_CAP];
	uint32_t len = t_send(buf, L11, 2, 1);

	set_comp(buf, L11, 2, len);
	CHECK_EQ(send_parse(buf, len, L11), INVAL);
	/* Starts inside but the 16-byte composite header does not fit. */
	set_comp(buf, L11, 2, len - 8);
	CHECK_EQ(send_parse(buf, len, L11), INVAL);
	set_comp(buf, L11, 2, 0xFFFFFFF8u);
	CHECK_EQ(send_parse(buf, len, L11), INVAL);
}

TEST_NEG(comp_rejects_an_unaligned_offset)
{
	static uint8_t buf[T_CAP];
	uint32_t len = t_send(buf, L11, 1, 1);
	uint32_t comp = t_comp(L11, 1);

	/* Move the composite and its range 4 bytes up, keeping them intact. */
	memmove(buf + comp + 4, buf + comp, len - comp);
	memset(buf + comp, 0, 4);
	set_comp(buf, L11, 1, comp + 4);
	CHECK_EQ(send_parse(buf, len + 4, L11), INVAL);
	/* The same move by 8 is aligned and accepted. */
	len = t_send(buf, L11, 1, 1);
	memmove(buf + comp + 8, buf + comp, len - comp);
	memset(buf + comp, 0, 8);
	set_comp(buf, L11, 1, comp + 8);
	CHECK_EQ(send_parse(buf, len + 8, L11), 0);
}

TEST_NEG(comp_rejects_overlapping_the_header)
{
	static uint8_t buf[T_CAP];
	uint32_t len;

	len = t_send(buf, L11, 1, 1);
	set_comp(buf, L11, 1, 8);
	CHECK_EQ(send_parse(buf, len, L11), INVAL);
	set_comp(buf, L11, 1, 40); /* straddles the header's end */
	CHECK_EQ(send_parse(buf, len, L11), INVAL);
	len = t_send(buf, L10, 1, 1);
	set_comp(buf, L10, 1, 16);
	CHECK_EQ(send_parse(buf, len, L10), INVAL);
}

TEST_NEG(comp_rejects_sharing_bytes_with_the_header_even_if_consistent)
{
	static uint8_t buf[T_CAP];
	uint32_t len;

	/*
	 * A retrieve request for handle 0 with tag 0: a composite at offset 8
	 * reads "0 pages, 0 ranges, reserved 0" from the header's own zeros.
	 */
	for (unsigned int l = 0; l < 2; l++) {
		uint32_t layout = l ? L11 : L10;

		len = t_resp(buf, layout, 1, 0);
		store_le64(buf + FFA_MTD11_HANDLE, 0);
		CHECK_EQ(t_parse(buf, len, layout, FFA_MTD_KIND_RETRIEVE_REQ, NULL), 0);
		set_comp(buf, layout, 1, 8);
		CHECK_EQ(t_parse(buf, len, layout, FFA_MTD_KIND_RETRIEVE_REQ, NULL), INVAL);
	}
}

TEST_NEG(comp_rejects_overlapping_the_access_descriptors)
{
	static uint8_t buf[T_CAP];
	uint32_t len = t_send(buf, L11, 3, 2);

	set_comp(buf, L11, 3, t_emad(L11, 0));
	CHECK_EQ(send_parse(buf, len, L11), INVAL);
	set_comp(buf, L11, 3, t_emad(L11, 2) + 8);
	CHECK_EQ(send_parse(buf, len, L11), INVAL);
	len = t_send(buf, L10, 2, 1);
	set_comp(buf, L10, 2, t_emad(L10, 1));
	CHECK_EQ(send_parse(buf, len, L10), INVAL);
}

TEST_NEG(comp_rejects_sharing_bytes_with_an_emad_even_if_consistent)
{
	static uint8_t buf[T_CAP];
	uint32_t len = t_resp(buf, L11, 1, 0);

	/*
	 * A retrieve request whose composite starts in the EMAD's zero reserved
	 * half: read as a composite it says "0 pages, 0 ranges", which would
	 * pass every other check. Only the overlap rule rejects it.
	 */
	set_comp(buf, L11, 1, t_emad(L11, 0) + 8);
	memset(buf + t_comp(L11, 1), 0, 8);
	len = t_comp(L11, 1) + 8;
	CHECK_EQ(t_parse(buf, len, L11, FFA_MTD_KIND_RETRIEVE_REQ, NULL), INVAL);
	/* The same composite placed after the EMAD is fine. */
	set_comp(buf, L11, 1, t_comp(L11, 1));
	memset(buf + t_comp(L11, 1), 0, 16);
	CHECK_EQ(t_parse(buf, t_comp(L11, 1) + 16, L11, FFA_MTD_KIND_RETRIEVE_REQ, NULL), 0);
}

TEST_NEG(comp_rejects_access_descriptors_after_the_composite_overlapping_it)
{
	static uint8_t buf[T_CAP];
	uint32_t len = t_build(buf, L11, 64, FFA_EMAD_SIZE_V1_0, 1, 2);

	/* Composite at 48..96 (with two ranges), EMADs at 64: they collide. */
	store_le32(buf + 64 + FFA_EMAD_COMPOSITE_OFF, 48);
	store_le32(buf + 48 + FFA_COMP_TOTAL_PAGES, 3);
	store_le32(buf + 48 + FFA_COMP_RANGE_COUNT, 2);
	CHECK_EQ(t_parse(buf, len, L11, FFA_MTD_KIND_SEND, NULL), INVAL);
}

TEST_NEG(comp_rejects_receivers_naming_different_composites)
{
	static uint8_t buf[T_CAP];
	uint32_t len = t_send(buf, L11, 2, 1);
	uint32_t comp = t_comp(L11, 2);

	/* A second, identical composite right after the first. */
	memcpy(buf + len, buf + comp, FFA_COMP_SIZE + FFA_CONS_SIZE);
	store_le32(buf + t_emad(L11, 1) + FFA_EMAD_COMPOSITE_OFF, len);
	CHECK_EQ(send_parse(buf, len + FFA_COMP_SIZE + FFA_CONS_SIZE, L11), INVAL);
	/* One receiver without a composite at all. */
	store_le32(buf + t_emad(L11, 1) + FFA_EMAD_COMPOSITE_OFF, 0);
	CHECK_EQ(send_parse(buf, len, L11), INVAL);
}

TEST_NEG(comp_is_required_for_send_and_response)
{
	static uint8_t buf[T_CAP];
	uint32_t len = t_send(buf, L11, 2, 1);

	set_comp(buf, L11, 2, 0);
	CHECK_EQ(send_parse(buf, len, L11), INVAL);
	len = t_resp(buf, L10, 1, 1);
	set_comp(buf, L10, 1, 0);
	CHECK_EQ(t_parse(buf, len, L10, FFA_MTD_KIND_RETRIEVE_RESP, NULL), INVAL);
}

TEST_NEG(comp_rejects_nonzero_reserved)
{
	static uint8_t buf[T_CAP];
	uint32_t len = t_send(buf, L11, 1, 1);
	uint32_t comp = t_comp(L11, 1);

	t_send_rejects_bytes(L11, 1, 1, comp + FFA_COMP_RESERVED, comp + FFA_COMP_SIZE, 1);
	CHECK_EQ(send_parse(buf, len, L11), 0);
}

TEST_NEG(comp_rejects_a_range_count_whose_size_wraps)
{
	/* 0x10000000 * 16 is 2^32: wraps to 0 in 32-bit arithmetic. */
	static const uint64_t counts[] = { 0x10000000u, 0x10000001u, UINT32_MAX };

	t_send_rejects_each(L11, 1, 1, t_comp(L11, 1) + FFA_COMP_RANGE_COUNT, 4, counts,
			    sizeof(counts) / sizeof(counts[0]));
}

TEST_NEG(comp_rejects_a_constituent_array_past_the_end)
{
	static uint8_t buf[T_CAP];
	uint32_t len = t_send(buf, L10, 1, 3);
	uint32_t comp = t_comp(L10, 1);

	store_le32(buf + comp + FFA_COMP_RANGE_COUNT, 4);
	CHECK_EQ(send_parse(buf, len, L10), INVAL);
	/* Exactly what fits is fine once the page sum agrees. */
	store_le32(buf + comp + FFA_COMP_RANGE_COUNT, 2);
	store_le32(buf + comp + FFA_COMP_TOTAL_PAGES, 3);
	CHECK_EQ(send_parse(buf, len, L10), 0);
}

TEST_NEG(comp_rejects_zero_ranges_for_send)
{
	static uint8_t buf[T_CAP];
	uint32_t len = t_send(buf, L11, 1, 0);

	CHECK_EQ(len, ffa_mtd_encoded_size(L11, 1, 0));
	CHECK_EQ(send_parse(buf, len, L11), INVAL);
	CHECK_EQ(t_parse(buf, len, L11, FFA_MTD_KIND_RETRIEVE_RESP, NULL), INVAL);
}

TEST_NEG(cons_rejects_an_unaligned_address)
{
	static const uint64_t bad[] = { 0x80000001, 0x80000800, 0x80000FFF, 1 };

	t_send_rejects_each(L11, 1, 2, t_cons(L11, 1, 1) + FFA_CONS_ADDRESS, 8, bad,
			    sizeof(bad) / sizeof(bad[0]));
}

TEST_NEG(cons_rejects_zero_pages)
{
	static uint8_t buf[T_CAP];
	uint32_t len = t_send(buf, L11, 1, 2);
	uint32_t comp = t_comp(L11, 1);

	/* total_pages adjusted so that only the empty range is wrong. */
	store_le32(buf + t_cons(L11, 1, 1) + FFA_CONS_PAGE_COUNT, 0);
	store_le32(buf + comp + FFA_COMP_TOTAL_PAGES, 1);
	CHECK_EQ(send_parse(buf, len, L11), INVAL);
}

TEST_NEG(cons_rejects_an_address_overflow)
{
	static uint8_t buf[T_CAP];
	uint32_t len = t_send(buf, L11, 1, 1);
	uint32_t c = t_cons(L11, 1, 0), comp = t_comp(L11, 1);

	store_le64(buf + c + FFA_CONS_ADDRESS, 0xFFFFFFFFFFFFF000ull);
	store_le32(buf + c + FFA_CONS_PAGE_COUNT, 2);
	store_le32(buf + comp + FFA_COMP_TOTAL_PAGES, 2);
	CHECK_EQ(send_parse(buf, len, L11), INVAL);
	/* Ending exactly at 2^64: the end address is not representable. */
	store_le32(buf + c + FFA_CONS_PAGE_COUNT, 1);
	store_le32(buf + comp + FFA_COMP_TOTAL_PAGES, 1);
	CHECK_EQ(send_parse(buf, len, L11), INVAL);
	store_le64(buf + c + FFA_CONS_ADDRESS, 0xFFFFF80000000000ull);
	store_le32(buf + c + FFA_CONS_PAGE_COUNT, UINT32_MAX);
	store_le32(buf + comp + FFA_COMP_TOTAL_PAGES, UINT32_MAX);
	CHECK_EQ(send_parse(buf, len, L11), INVAL);
}

TEST(cons_accepts_the_top_of_the_address_space)
{
	static uint8_t buf[T_CAP];
	struct ffa_mem_range r;
	struct ffa_mtd d;
	uint32_t len = t_send(buf, L11, 1, 1);
	uint32_t c = t_cons(L11, 1, 0), comp = t_comp(L11, 1);

	store_le64(buf + c + FFA_CONS_ADDRESS, 0xFFFFFFFFFFFFE000ull);
	store_le32(buf + c + FFA_CONS_PAGE_COUNT, 1);
	store_le32(buf + comp + FFA_COMP_TOTAL_PAGES, 1);
	CHECK_EQ(t_parse(buf, len, L11, FFA_MTD_KIND_SEND, &d), 0);
	ffa_mtd_range(buf, &d, 0, &r);
	CHECK_EQ(r.addr, 0xFFFFFFFFFFFFE000ull);
	CHECK_EQ(r.pages, 1);
}

TEST_NEG(cons_rejects_nonzero_reserved)
{
	uint32_t c = t_cons(L10, 1, 1);

	t_send_rejects_bytes(L10, 1, 2, c + FFA_CONS_RESERVED, c + FFA_CONS_SIZE, 0x10);
}

TEST_NEG(cons_rejects_a_total_pages_mismatch)
{
	/* Ranges of 1, 2 and 3 pages: only 6 is the sum. */
	static const uint64_t wrong[] = { 5, 7, 0 };
	static uint8_t buf[T_CAP];
	uint32_t len = t_send(buf, L11, 2, 3);

	t_send_rejects_each(L11, 2, 3, t_comp(L11, 2) + FFA_COMP_TOTAL_PAGES, 4, wrong,
			    sizeof(wrong) / sizeof(wrong[0]));
	store_le32(buf + t_comp(L11, 2) + FFA_COMP_TOTAL_PAGES, 6);
	CHECK_EQ(send_parse(buf, len, L11), 0);
}

TEST_NEG(cons_rejects_a_page_sum_that_wraps_32_bits)
{
	static uint8_t buf[T_CAP];
	uint32_t len = t_send(buf, L11, 1, 2);
	uint32_t comp = t_comp(L11, 1);

	/* 0x80000000 + 0x80000000 + 1 wraps to 1 in 32 bits. */
	store_le64(buf + t_cons(L11, 1, 0) + FFA_CONS_ADDRESS, 0);
	store_le32(buf + t_cons(L11, 1, 0) + FFA_CONS_PAGE_COUNT, 0x80000000u);
	store_le64(buf + t_cons(L11, 1, 1) + FFA_CONS_ADDRESS, 0x100000000000ull);
	store_le32(buf + t_cons(L11, 1, 1) + FFA_CONS_PAGE_COUNT, 0x80000001u);
	store_le32(buf + comp + FFA_COMP_TOTAL_PAGES, 1);
	CHECK_EQ(send_parse(buf, len, L11), INVAL);
	store_le32(buf + comp + FFA_COMP_TOTAL_PAGES, 0);
	CHECK_EQ(send_parse(buf, len, L11), INVAL);
}

TEST(cons_are_read_back_in_order)
{
	static uint8_t buf[T_CAP];
	struct ffa_mem_range want[5], got;
	struct ffa_mtd d;
	uint32_t len;

	t_ranges_init(want, 5);
	/* Unsorted input stays unsorted: the parser reports, it does not sort. */
	want[0].addr = 0x90000000;
	{
		struct ffa_mtd m;

		t_mtd_init(&m, 1);
		len = ffa_mtd_encode(buf, T_CAP, L10, &m, want, 5);
	}
	CHECK_EQ(t_parse(buf, len, L10, FFA_MTD_KIND_SEND, &d), 0);
	for (uint32_t i = 0; i < 5; i++) {
		ffa_mtd_range(buf, &d, i, &got);
		CHECK_EQ(got.addr, want[i].addr);
		CHECK_EQ(got.pages, want[i].pages);
	}
}

/* ---- RETRIEVE_REQ ---- */

TEST(req_accepts_no_composite_and_retrieve_flags)
{
	static uint8_t buf[T_CAP];
	struct ffa_mtd d;

	CHECK_EQ(t_send(buf, L11, 1, 1), ffa_mtd_encoded_size(L11, 1, 1));
	store_le64(buf + FFA_MTD11_HANDLE, T_HANDLE);
	store_le32(buf + FFA_MTD11_FLAGS, FFA_MTD_FLAG_TYPE_LEND | FFA_MTD_FLAG_ZERO_AFTER_RELINQ |
					   FFA_MTD_FLAG_ALIGN_HINT_VALID |
					   (3u << FFA_MTD_FLAG_ALIGN_HINT_SHIFT));
	set_comp(buf, L11, 1, 0);
	CHECK_EQ(t_parse(buf, t_comp(L11, 1), L11, FFA_MTD_KIND_RETRIEVE_REQ, &d), 0);
	CHECK_EQ(d.handle, T_HANDLE);
	CHECK_EQ(d.composite_offset, 0);
	CHECK_EQ(d.range_count, 0);
	CHECK_EQ(d.ep[0].receiver, T_RECV0);
	/* Retrieve flags are not send flags. */
	CHECK_EQ(t_parse(buf, t_comp(L11, 1), L11, FFA_MTD_KIND_SEND, NULL), INVAL);
}

TEST(req_accepts_a_composite_with_or_without_ranges)
{
	static uint8_t buf[T_CAP];
	struct ffa_mtd d;
	uint32_t len = t_resp(buf, L10, 2, 3);

	CHECK_EQ(t_parse(buf, len, L10, FFA_MTD_KIND_RETRIEVE_REQ, &d), 0);
	CHECK_EQ(d.range_count, 3);
	len = t_resp(buf, L11, 1, 0);
	CHECK_EQ(t_parse(buf, len, L11, FFA_MTD_KIND_RETRIEVE_REQ, &d), 0);
	CHECK_EQ(d.range_count, 0);
	CHECK_EQ(d.composite_offset, t_comp(L11, 1));
}

/*
 * A v1.1 retrieve descriptor is refused as `kind` with the invalid handle,
 * and again (handle restored) with bad_flags.
 */
static void handle_and_flags_refused(enum ffa_mtd_kind kind, uint32_t bad_flags)
{
	static uint8_t buf[T_CAP];
	uint32_t len = t_resp(buf, L11, 1, 1);

	store_le64(buf + FFA_MTD11_HANDLE, FFA_MEM_HANDLE_INVALID);
	CHECK_EQ(t_parse(buf, len, L11, kind, NULL), INVAL);
	store_le64(buf + FFA_MTD11_HANDLE, T_HANDLE);
	store_le32(buf + FFA_MTD11_FLAGS, bad_flags);
	CHECK_EQ(t_parse(buf, len, L11, kind, NULL), INVAL);
}

TEST_NEG(req_rejects_an_invalid_handle_or_bad_flags)
{
	handle_and_flags_refused(FFA_MTD_KIND_RETRIEVE_REQ, 1u << 10);
}

TEST_NEG(req_rejects_zero_or_duplicate_receivers)
{
	static uint8_t buf[T_CAP];
	uint32_t len = t_resp(buf, L11, 2, 1);

	store_le16(buf + t_emad(L11, 1) + FFA_EMAD_ENDPOINT, T_RECV0);
	CHECK_EQ(t_parse(buf, len, L11, FFA_MTD_KIND_RETRIEVE_REQ, NULL), INVAL);
	store_le32(buf + FFA_MTD11_EMAD_COUNT, 0);
	CHECK_EQ(t_parse(buf, len, L11, FFA_MTD_KIND_RETRIEVE_REQ, NULL), INVAL);
}

/* ---- HYP_RETRIEVE ---- */

TEST(hyp_accepts_the_48_byte_header_pkvm_sends)
{
	uint8_t buf[FFA_MTD11_SIZE];
	struct ffa_mtd d;

	/* Only sender and handle set: no EMAD size, count or offset. */
	memset(buf, 0, sizeof(buf));
	store_le16(buf + FFA_MTD11_SENDER, FFA_ID_NS_PHYS);
	store_le64(buf + FFA_MTD11_HANDLE, T_HANDLE);
	CHECK_EQ(t_parse(buf, sizeof(buf), FFA_VERSION_1_1, FFA_MTD_KIND_HYP_RETRIEVE, &d), 0);
	CHECK_EQ(d.handle, T_HANDLE);
	CHECK_EQ(d.sender, FFA_ID_NS_PHYS);
	CHECK_EQ(d.ep_count, 0);
	CHECK_EQ(t_parse(buf, sizeof(buf), FFA_VERSION_1_2, FFA_MTD_KIND_HYP_RETRIEVE, &d), 0);
	/* The same header is not a retrieve request from an endpoint. */
	CHECK_EQ(t_parse(buf, sizeof(buf), FFA_VERSION_1_1, FFA_MTD_KIND_RETRIEVE_REQ, NULL), INVAL);
}

TEST(hyp_accepts_a_v1_0_header_and_trailing_bytes)
{
	static uint8_t buf[T_CAP];
	struct ffa_mtd d;

	memset(buf, 0, 64);
	store_le64(buf + FFA_MTD10_HANDLE, 7);
	CHECK_EQ(t_parse(buf, FFA_MTD10_SIZE, L10, FFA_MTD_KIND_HYP_RETRIEVE, &d), 0);
	CHECK_EQ(d.handle, 7);
	/* Whatever follows the header is ignored. */
	memset(buf + FFA_MTD10_SIZE, 0xEE, 32);
	CHECK_EQ(t_parse(buf, 64, L10, FFA_MTD_KIND_HYP_RETRIEVE, &d), 0);
}

TEST(hyp_encode_round_trips)
{
	static uint8_t buf[T_CAP];
	struct ffa_mtd d;
	uint32_t len;

	memset(buf, 0xAA, sizeof(buf));
	len = ffa_mtd_encode_hyp_retrieve(buf, T_CAP, L11, FFA_ID_NS_PHYS, T_HANDLE);
	CHECK_EQ(len, FFA_MTD11_SIZE);
	for (uint32_t i = FFA_MTD11_EMAD_SIZE; i < FFA_MTD11_SIZE; i++)
		CHECK_EQ(buf[i], 0);
	CHECK_EQ(buf[len], 0xAA);
	CHECK_EQ(t_parse(buf, len, L11, FFA_MTD_KIND_HYP_RETRIEVE, &d), 0);
	CHECK_EQ(d.handle, T_HANDLE);
	len = ffa_mtd_encode_hyp_retrieve(buf, T_CAP, L10, 0x0002, 99);
	CHECK_EQ(len, FFA_MTD10_SIZE);
	CHECK_EQ(t_parse(buf, len, L10, FFA_MTD_KIND_HYP_RETRIEVE, &d), 0);
	CHECK_EQ(d.sender, 0x0002);
	CHECK_EQ(d.handle, 99);
}

TEST_NEG(hyp_encode_rejects_a_small_buffer)
{
	static uint8_t buf[T_CAP];

	CHECK_EQ(ffa_mtd_encode_hyp_retrieve(buf, FFA_MTD11_SIZE - 1, L11, 0, 1), 0);
	CHECK_EQ(ffa_mtd_encode_hyp_retrieve(buf, FFA_MTD10_SIZE - 1, L10, 0, 1), 0);
	CHECK_EQ(ffa_mtd_encode_hyp_retrieve(NULL, T_CAP, L11, 0, 1), 0);
}

TEST_NEG(hyp_rejects_a_missing_handle)
{
	static uint8_t buf[T_CAP];
	uint32_t len = ffa_mtd_encode_hyp_retrieve(buf, T_CAP, L11, 0, FFA_MEM_HANDLE_INVALID);

	CHECK_EQ(len, FFA_MTD11_SIZE);
	CHECK_EQ(t_parse(buf, len, L11, FFA_MTD_KIND_HYP_RETRIEVE, NULL), INVAL);
	len = ffa_mtd_encode_hyp_retrieve(buf, T_CAP, L10, 0, FFA_MEM_HANDLE_INVALID);
	CHECK_EQ(t_parse(buf, len, L10, FFA_MTD_KIND_HYP_RETRIEVE, NULL), INVAL);
}

TEST_NEG(hyp_rejects_receivers_truncation_and_reserved_bytes)
{
	static uint8_t buf[T_CAP];
	uint32_t len = ffa_mtd_encode_hyp_retrieve(buf, T_CAP, L11, 0, T_HANDLE);

	CHECK_EQ(t_parse(buf, len - 1, L11, FFA_MTD_KIND_HYP_RETRIEVE, NULL), INVAL);
	store_le32(buf + FFA_MTD11_EMAD_COUNT, 1);
	CHECK_EQ(t_parse(buf, len, L11, FFA_MTD_KIND_HYP_RETRIEVE, NULL), INVAL);
	store_le32(buf + FFA_MTD11_EMAD_COUNT, 0);
	buf[FFA_MTD11_RESERVED + 5] = 1;
	CHECK_EQ(t_parse(buf, len, L11, FFA_MTD_KIND_HYP_RETRIEVE, NULL), INVAL);
	/* A full SEND descriptor names receivers: not a hypervisor retrieve. */
	len = t_resp(buf, L11, 1, 1);
	CHECK_EQ(t_parse(buf, len, L11, FFA_MTD_KIND_HYP_RETRIEVE, NULL), INVAL);
}

/* ---- RETRIEVE_RESP ---- */

TEST(resp_accepts_handle_type_and_ns_bit)
{
	static uint8_t buf[T_CAP];
	struct ffa_mtd d;
	uint32_t len = t_resp(buf, L11, 2, 2);

	store_le16(buf + FFA_MTD11_ATTRIBUTES, FFA_ATTR_NORMAL_WB_INNER | FFA_ATTR_NS_BIT);
	CHECK_EQ(t_parse(buf, len, L11, FFA_MTD_KIND_RETRIEVE_RESP, &d), 0);
	CHECK_EQ(d.handle, T_HANDLE);
	CHECK_EQ(d.flags & FFA_MTD_FLAG_TYPE_MASK, FFA_MTD_FLAG_TYPE_SHARE);
	CHECK_EQ(d.attributes & FFA_ATTR_NS_BIT, FFA_ATTR_NS_BIT);
	CHECK_EQ(d.total_pages, 3);
	len = t_resp(buf, L10, 4, 1);
	CHECK_EQ(t_parse(buf, len, L10, FFA_MTD_KIND_RETRIEVE_RESP, &d), 0);
	CHECK_EQ(d.ep_count, 4);
}

TEST_NEG(resp_rejects_an_invalid_handle_and_retrieve_only_flags)
{
	handle_and_flags_refused(FFA_MTD_KIND_RETRIEVE_RESP,
				 FFA_MTD_FLAG_TYPE_SHARE | FFA_MTD_FLAG_ALIGN_HINT_VALID);
}

TEST_NEG(resp_applies_the_send_rules_to_constituents)
{
	static uint8_t buf[T_CAP];
	uint32_t len = t_resp(buf, L11, 1, 2);

	store_le64(buf + t_cons(L11, 1, 1) + FFA_CONS_ADDRESS, 0x1234);
	CHECK_EQ(t_parse(buf, len, L11, FFA_MTD_KIND_RETRIEVE_RESP, NULL), INVAL);
	len = t_resp(buf, L11, 1, 2);
	store_le16(buf + t_emad(L11, 0) + FFA_EMAD_ENDPOINT, T_SENDER);
	CHECK_EQ(t_parse(buf, len, L11, FFA_MTD_KIND_RETRIEVE_RESP, NULL), INVAL);
}
