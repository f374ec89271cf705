// SPDX-License-Identifier: MIT
/*
 * Relinquish descriptors, partition information (memory and register
 * forms), UUID word packing, the version and function-ID helpers of
 * ffa/abi.h, and the freestanding memory helpers.
 */
#include <stdlib.h>
#include <string.h>

#include "tcodec.h"

#define INVAL FFA_RET_INVALID_PARAMETERS

/* ---- Relinquish ---- */

static uint32_t relinq(uint8_t *buf, uint32_t count)
{
	struct ffa_relinquish r = { .handle = T_HANDLE, .flags = 0, .ep_count = count };

	for (uint32_t i = 0; i < count && i < FFA_MEM_MAX_RECEIVERS; i++)
		r.ep[i] = (uint16_t)(T_RECV0 + i);
	return ffa_relinquish_encode(buf, 64, &r);
}

/* Parse an exact-size heap copy so ASan sees any read past len. */
static int32_t relinq_parse(const uint8_t *buf, uint32_t len, struct ffa_relinquish *out)
{
	struct ffa_relinquish scratch;
	uint8_t *copy = malloc(len ? len : 1);
	int32_t ret;

	if (!copy)
		abort();
	memcpy(copy, buf, len);
	ret = ffa_relinquish_parse(copy, len, out ? out : &scratch);
	free(copy);
	return ret;
}

TEST(relinq_round_trip)
{
	uint8_t buf[64];
	struct ffa_relinquish in = {
		.handle = T_HANDLE, .flags = FFA_RELINQ_FLAG_ZERO_MEMORY, .ep_count = 3,
		.ep = { 0x8001, 0x8002, 0x0003 },
	};
	struct ffa_relinquish out;
	uint32_t len = ffa_relinquish_encode(buf, sizeof(buf), &in);

	CHECK_EQ(len, FFA_RELINQ_HDR_SIZE + 3 * 2);
	CHECK_EQ(ffa_relinquish_parse(buf, len, &out), 0);
	CHECK_EQ(out.handle, T_HANDLE);
	CHECK_EQ(out.flags, FFA_RELINQ_FLAG_ZERO_MEMORY);
	CHECK_EQ(out.ep_count, 3);
	CHECK_EQ(out.ep[0], 0x8001);
	CHECK_EQ(out.ep[2], 0x0003);
	CHECK_EQ(ffa_ld16(buf + FFA_RELINQ_ENDPOINTS + 2), 0x8002);
}

TEST(relinq_accepts_the_limit_and_both_flags)
{
	uint8_t buf[64];
	struct ffa_relinquish out;
	uint32_t len = relinq(buf, FFA_MEM_MAX_RECEIVERS);

	ffa_st32(buf + FFA_RELINQ_FLAGS, FFA_RELINQ_FLAG_ZERO_MEMORY | FFA_RELINQ_FLAG_TIME_SLICING);
	CHECK_EQ(relinq_parse(buf, len, &out), 0);
	CHECK_EQ(out.ep_count, FFA_MEM_MAX_RECEIVERS);
	CHECK_EQ(out.ep[FFA_MEM_MAX_RECEIVERS - 1], T_RECV0 + FFA_MEM_MAX_RECEIVERS - 1);
	/* Trailing bytes past the array are not part of it. */
	CHECK_EQ(relinq_parse(buf, 64, &out), 0);
}

TEST_NEG(relinq_rejects_a_truncated_header_or_array)
{
	uint8_t buf[64];
	uint32_t len = relinq(buf, 2);

	for (uint32_t cut = 0; cut < len; cut++)
		CHECK_EQ(relinq_parse(buf, cut, NULL), INVAL);
	CHECK_EQ(relinq_parse(buf, len, NULL), 0);
}

TEST_NEG(relinq_rejects_zero_and_unfittable_counts)
{
	uint8_t buf[64];

	relinq(buf, 1);
	ffa_st32(buf + FFA_RELINQ_EP_COUNT, 0);
	CHECK_EQ(relinq_parse(buf, 64, NULL), INVAL);
	/* 2 * 0x80000000 wraps to 0: must not look like it fits. */
	ffa_st32(buf + FFA_RELINQ_EP_COUNT, 0x80000000u);
	CHECK_EQ(relinq_parse(buf, 64, NULL), INVAL);
	ffa_st32(buf + FFA_RELINQ_EP_COUNT, UINT32_MAX);
	CHECK_EQ(relinq_parse(buf, 64, NULL), INVAL);
	ffa_st32(buf + FFA_RELINQ_EP_COUNT, 25); /* (64 - 16) / 2 = 24 fit */
	CHECK_EQ(relinq_parse(buf, 64, NULL), INVAL);
}

TEST_NEG(relinq_too_many_endpoints_is_no_memory)
{
	uint8_t buf[64];

	relinq(buf, 1);
	ffa_st32(buf + FFA_RELINQ_EP_COUNT, FFA_MEM_MAX_RECEIVERS + 1);
	CHECK_EQ(relinq_parse(buf, 64, NULL), FFA_RET_NO_MEMORY);
	ffa_st32(buf + FFA_RELINQ_EP_COUNT, 24);
	CHECK_EQ(relinq_parse(buf, 64, NULL), FFA_RET_NO_MEMORY);
}

TEST_NEG(relinq_rejects_unknown_flags_and_invalid_handle)
{
	uint8_t buf[64];
	uint32_t len = relinq(buf, 1);

	ffa_st32(buf + FFA_RELINQ_FLAGS, 1u << 2);
	CHECK_EQ(relinq_parse(buf, len, NULL), INVAL);
	ffa_st32(buf + FFA_RELINQ_FLAGS, 0x80000000u);
	CHECK_EQ(relinq_parse(buf, len, NULL), INVAL);
	ffa_st32(buf + FFA_RELINQ_FLAGS, 0);
	ffa_st64(buf + FFA_RELINQ_HANDLE, FFA_MEM_HANDLE_INVALID);
	CHECK_EQ(relinq_parse(buf, len, NULL), INVAL);
	CHECK_EQ(ffa_relinquish_parse(NULL, len, NULL), INVAL);
}

TEST_NEG(relinq_encode_rejects_bad_counts_and_small_buffers)
{
	uint8_t buf[64];
	struct ffa_relinquish r = { .handle = 1, .ep_count = 0 };

	CHECK_EQ(ffa_relinquish_encode(buf, sizeof(buf), &r), 0);
	r.ep_count = FFA_MEM_MAX_RECEIVERS + 1;
	CHECK_EQ(ffa_relinquish_encode(buf, sizeof(buf), &r), 0);
	r.ep_count = 2;
	CHECK_EQ(ffa_relinquish_encode(buf, FFA_RELINQ_HDR_SIZE + 3, &r), 0);
	CHECK_EQ(ffa_relinquish_encode(buf, FFA_RELINQ_HDR_SIZE + 4, &r), FFA_RELINQ_HDR_SIZE + 4);
}

/* ---- Partition information ---- */

static const struct ffa_uuid tpm = FFA_UUID_TPM_CRB;
static const struct ffa_uuid uefi = FFA_UUID_UEFI_VAR;

static void tpm_info(struct ffa_partinfo *p)
{
	memset(p, 0, sizeof(*p));
	p->id = 0x8002;
	p->exec_ctx_count = 4;
	p->properties = FFA_PART_PROP_DIRECT_REQ_RECV | FFA_PART_PROP_AARCH64 |
			FFA_PART_PROP_DIRECT_REQ2_RECV;
	p->uuid = tpm;
}

TEST(partinfo_sizes_by_version)
{
	CHECK_EQ(ffa_partinfo_size(FFA_VERSION_1_0), 8);
	CHECK_EQ(ffa_partinfo_size(FFA_VERSION_1_1), 24);
	CHECK_EQ(ffa_partinfo_size(FFA_VERSION_1_2), 24);
}

TEST(partinfo_v1_1_round_trip_and_wire_words)
{
	uint8_t buf[48];
	struct ffa_partinfo p, q;

	tpm_info(&p);
	memset(buf, 0xCC, sizeof(buf));
	CHECK_EQ(ffa_partinfo_encode(buf, sizeof(buf), FFA_VERSION_1_1, &p), 24);
	CHECK_EQ(buf[24], 0xCC);
	CHECK_EQ(ffa_ld16(buf + FFA_PARTINFO_ID), 0x8002);
	CHECK_EQ(ffa_ld16(buf + FFA_PARTINFO_CTX_COUNT), 4);
	CHECK_EQ(ffa_ld32(buf + FFA_PARTINFO_PROPS), p.properties);
	/* The UUID words as PARTITION_INFO_GET w1..w4 carry them (services.md). */
	CHECK_EQ(ffa_ld32(buf + 8), 0xa462b817u);
	CHECK_EQ(ffa_ld32(buf + 12), 0xaf4f0618u);
	CHECK_EQ(ffa_ld32(buf + 16), 0x9a08b386u);
	CHECK_EQ(ffa_ld32(buf + 20), 0x61383558u);
	CHECK_EQ(ffa_partinfo_decode(buf, 24, 24, 0, &q), 0);
	CHECK_EQ(q.id, p.id);
	CHECK_EQ(q.exec_ctx_count, 4);
	CHECK_EQ(q.properties, p.properties);
	CHECK(ffa_uuid_equal(&q.uuid, &tpm));
}

TEST(partinfo_v1_0_round_trip_has_no_uuid)
{
	uint8_t buf[16];
	struct ffa_partinfo p, q;

	tpm_info(&p);
	memset(buf, 0xCC, sizeof(buf));
	CHECK_EQ(ffa_partinfo_encode(buf, sizeof(buf), FFA_VERSION_1_0, &p), 8);
	CHECK_EQ(buf[8], 0xCC);
	memset(&q, 0x5A, sizeof(q));
	CHECK_EQ(ffa_partinfo_decode(buf, 8, 8, 0, &q), 0);
	CHECK_EQ(q.id, 0x8002);
	CHECK_EQ(q.properties, p.properties);
	CHECK(ffa_uuid_is_nil(&q.uuid));
}

TEST(partinfo_decode_walks_an_array_and_larger_descriptors)
{
	uint8_t buf[96];
	struct ffa_partinfo p, q;

	/* Three 32-byte descriptors: a future, larger size must still decode. */
	memset(buf, 0, sizeof(buf));
	tpm_info(&p);
	for (uint32_t i = 0; i < 3; i++) {
		p.id = (uint16_t)(0x8001 + i);
		CHECK_EQ(ffa_partinfo_encode(buf + 32 * i, 32, FFA_VERSION_1_2, &p), 24);
	}
	for (uint32_t i = 0; i < 3; i++) {
		CHECK_EQ(ffa_partinfo_decode(buf, sizeof(buf), 32, i, &q), 0);
		CHECK_EQ(q.id, 0x8001 + i);
		CHECK(ffa_uuid_equal(&q.uuid, &tpm));
	}
}

TEST_NEG(partinfo_decode_rejects_an_index_past_the_end)
{
	uint8_t buf[72];
	struct ffa_partinfo q;

	memset(buf, 0, sizeof(buf));
	CHECK_EQ(ffa_partinfo_decode(buf, 72, 24, 2, &q), 0);
	CHECK_EQ(ffa_partinfo_decode(buf, 72, 24, 3, &q), INVAL);
	CHECK_EQ(ffa_partinfo_decode(buf, 71, 24, 2, &q), INVAL);
	CHECK_EQ(ffa_partinfo_decode(buf, 0, 8, 0, &q), INVAL);
	/* i * size wraps 32 bits back into the buffer. */
	CHECK_EQ(ffa_partinfo_decode(buf, 72, 8, 0x20000000u, &q), INVAL);
	CHECK_EQ(ffa_partinfo_decode(buf, 72, 24, UINT32_MAX, &q), INVAL);
	CHECK_EQ(ffa_partinfo_decode(buf, 72, 0x80000000u, 2, &q), INVAL);
}

TEST_NEG(partinfo_decode_rejects_odd_descriptor_sizes)
{
	static const uint32_t bad[] = { 0, 1, 4, 7, 9, 16, 20, 23 };
	uint8_t buf[64];
	struct ffa_partinfo q;

	memset(buf, 0, sizeof(buf));
	for (unsigned int i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		CHECK_EQ(ffa_partinfo_decode(buf, sizeof(buf), bad[i], 0, &q), INVAL);
	CHECK_EQ(ffa_partinfo_decode(NULL, sizeof(buf), 24, 0, &q), INVAL);
}

TEST_NEG(partinfo_encode_rejects_a_small_buffer)
{
	uint8_t buf[24];
	struct ffa_partinfo p;

	tpm_info(&p);
	CHECK_EQ(ffa_partinfo_encode(buf, 23, FFA_VERSION_1_1, &p), 0);
	CHECK_EQ(ffa_partinfo_encode(buf, 7, FFA_VERSION_1_0, &p), 0);
	CHECK_EQ(ffa_partinfo_encode(NULL, 24, FFA_VERSION_1_1, &p), 0);
}

TEST(partinfo_regs_pack_and_round_trip)
{
	struct ffa_partinfo p, q;
	uint64_t regs[3];

	tpm_info(&p);
	ffa_partinfo_to_regs(&p, regs);
	CHECK_EQ(regs[0], 0x8002ull | 4ull << 16 | (uint64_t)p.properties << 32);
	CHECK_EQ(regs[1], 0xaf4f0618a462b817ull);
	CHECK_EQ(regs[2], 0x613835589a08b386ull);
	memset(&q, 0, sizeof(q));
	ffa_partinfo_from_regs(regs, &q);
	CHECK_EQ(q.id, p.id);
	CHECK_EQ(q.exec_ctx_count, p.exec_ctx_count);
	CHECK_EQ(q.properties, p.properties);
	CHECK(ffa_uuid_equal(&q.uuid, &tpm));
}

TEST(partinfo_regs_keep_every_bit)
{
	uint64_t in[3] = { 0xFFFFFFFFFFFFFFFFull, 0x0123456789abcdefull, 0xfedcba9876543210ull };
	uint64_t out[3];
	struct ffa_partinfo p;

	ffa_partinfo_from_regs(in, &p);
	CHECK_EQ(p.id, 0xFFFF);
	CHECK_EQ(p.exec_ctx_count, 0xFFFF);
	CHECK_EQ(p.properties, 0xFFFFFFFFu);
	ffa_partinfo_to_regs(&p, out);
	CHECK_EQ(out[0], in[0]);
	CHECK_EQ(out[1], in[1]);
	CHECK_EQ(out[2], in[2]);
}

/* ---- UUIDs ---- */

TEST(uuid_tpm_words_match_services_doc)
{
	CHECK_EQ(ffa_uuid_word(&tpm, 0), 0xa462b817u);
	CHECK_EQ(ffa_uuid_word(&tpm, 1), 0xaf4f0618u);
	CHECK_EQ(ffa_uuid_word(&tpm, 2), 0x9a08b386u);
	CHECK_EQ(ffa_uuid_word(&tpm, 3), 0x61383558u);
	CHECK_EQ(ffa_uuid_half(&tpm, 0), 0xaf4f0618a462b817ull);
	CHECK_EQ(ffa_uuid_half(&tpm, 1), 0x613835589a08b386ull);
}

TEST(uuid_uefi_var_words_match_services_doc)
{
	CHECK_EQ(ffa_uuid_word(&uefi, 0), 0x33d532edu);
	CHECK_EQ(ffa_uuid_word(&uefi, 1), 0x0942e699u);
	CHECK_EQ(ffa_uuid_word(&uefi, 2), 0x722dc09cu);
	CHECK_EQ(ffa_uuid_word(&uefi, 3), 0xa798d9cdu);
}

TEST(uuid_words_and_halves_round_trip)
{
	struct ffa_uuid a, b;

	ffa_uuid_from_words(&a, 0xa462b817u, 0xaf4f0618u, 0x9a08b386u, 0x61383558u);
	CHECK(ffa_uuid_equal(&a, &tpm));
	CHECK_EQ(a.b[0], 0x17); /* string order: "17b862a4-..." */
	ffa_uuid_from_halves(&b, ffa_uuid_half(&uefi, 0), ffa_uuid_half(&uefi, 1));
	CHECK(ffa_uuid_equal(&b, &uefi));
	CHECK(!ffa_uuid_is_nil(&b));
}

TEST_NEG(uuid_inequality_and_nil)
{
	struct ffa_uuid z, a = tpm;

	memset(&z, 0, sizeof(z));
	CHECK(ffa_uuid_is_nil(&z));
	CHECK(!ffa_uuid_equal(&tpm, &uefi));
	a.b[15] ^= 1;
	CHECK(!ffa_uuid_equal(&a, &tpm));
	CHECK(!ffa_uuid_equal(&z, &tpm));
}

/* ---- Versions and function IDs ---- */

TEST(version_encoding_and_helpers)
{
	CHECK_EQ(FFA_VERSION_1_0, 0x10000u);
	CHECK_EQ(FFA_VERSION_1_2, 0x10002u);
	CHECK_EQ(FFA_VERSION_MAJOR(FFA_VERSION_1_2), 1);
	CHECK_EQ(FFA_VERSION_MINOR(FFA_VERSION_1_2), 2);
	CHECK(ffa_version_valid(FFA_VERSION_1_1));
	CHECK(ffa_version_compatible(FFA_VERSION_1_0, FFA_VERSION_1_2));
	CHECK(ffa_version_compatible(FFA_VERSION_1_1, FFA_VERSION_1_1));
	CHECK_EQ(ffa_version_min(FFA_VERSION_1_2, FFA_VERSION_1_1), FFA_VERSION_1_1);
	CHECK_EQ(ffa_version_min(FFA_VERSION_1_0, FFA_VERSION_1_2), FFA_VERSION_1_0);
}

TEST_NEG(version_rejects_incompatible_and_malformed)
{
	CHECK(!ffa_version_compatible(FFA_VERSION_1_2, FFA_VERSION_1_1));
	CHECK(!ffa_version_compatible(FFA_VERSION_1_0, FFA_MAKE_VERSION(2, 0)));
	CHECK(!ffa_version_compatible(FFA_MAKE_VERSION(2, 0), FFA_VERSION_1_2));
	CHECK(!ffa_version_valid(FFA_VERSION_NOT_SUPPORTED));
	CHECK(!ffa_version_valid(0x80010001u));
	CHECK(!ffa_version_valid(0x100010001ull));
}

TEST(fid_in_range_accepts_ffa_calls)
{
	CHECK(ffa_fid_in_range(FFA_VERSION));
	CHECK(ffa_fid_in_range(FFA_ERROR));
	CHECK(ffa_fid_in_range(FFA_MEM_SHARE_64));
	CHECK(ffa_fid_in_range(FFA_MSG_SEND_DIRECT_RESP2));
	CHECK(ffa_fid_in_range(FFA_FN32(FFA_FN_NUM_MAX)));
	CHECK(ffa_fid_in_range(FFA_PARTITION_INFO_GET_REGS));
}

TEST_NEG(fid_in_range_rejects_others)
{
	CHECK(!ffa_fid_in_range(FFA_FN32(FFA_FN_NUM_MIN - 1)));
	CHECK(!ffa_fid_in_range(FFA_FN64(FFA_FN_NUM_MAX + 1)));
	CHECK(!ffa_fid_in_range(0x84000000u));         /* PSCI_VERSION */
	CHECK(!ffa_fid_in_range(0x85000063u));         /* other owner */
	CHECK(!ffa_fid_in_range(0x04000063u));         /* yielding call */
	CHECK(!ffa_fid_in_range(0x1C4000063ull));      /* upper half set */
	CHECK(!ffa_fid_in_range(0xFFFFFFFF84000063ull));
}

/* ---- Memory helpers ---- */

TEST(mem_helpers_fill_and_copy_exactly)
{
	uint8_t a[32], b[32];

	memset(a, 0x11, sizeof(a));
	ffa_memset(a + 4, 0x1FF, 8); /* only the low byte of c counts */
	CHECK_EQ(a[3], 0x11);
	CHECK_EQ(a[4], 0xFF);
	CHECK_EQ(a[11], 0xFF);
	CHECK_EQ(a[12], 0x11);
	for (unsigned int i = 0; i < sizeof(b); i++)
		b[i] = (uint8_t)i;
	ffa_memcpy(a, b + 1, 16);
	CHECK_EQ(a[0], 1);
	CHECK_EQ(a[15], 16);
	CHECK_EQ(a[16], 0x11);
	ffa_memcpy(a, b, 0);
	ffa_memset(a, 0, 0);
	CHECK_EQ(a[0], 1);
}
