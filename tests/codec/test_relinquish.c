// SPDX-License-Identifier: MIT
/* Memory relinquish descriptors: parse and encode, every rejection path. */
#include <stdlib.h>
#include <string.h>

#include "tcodec.h"

#define INVAL FFA_RET_INVALID_PARAMETERS

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
	uint8_t *copy = t_copy(buf, len);
	int32_t ret;

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
	CHECK_EQ(load_le16(buf + FFA_RELINQ_ENDPOINTS + 2), 0x8002);
}

TEST(relinq_accepts_the_limit_and_both_flags)
{
	uint8_t buf[64];
	struct ffa_relinquish out;
	uint32_t len = relinq(buf, FFA_MEM_MAX_RECEIVERS);

	store_le32(buf + FFA_RELINQ_FLAGS, FFA_RELINQ_FLAG_ZERO_MEMORY | FFA_RELINQ_FLAG_TIME_SLICING);
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
	store_le32(buf + FFA_RELINQ_EP_COUNT, 0);
	CHECK_EQ(relinq_parse(buf, 64, NULL), INVAL);
	/* 2 * 0x80000000 wraps to 0: must not look like it fits. */
	store_le32(buf + FFA_RELINQ_EP_COUNT, 0x80000000u);
	CHECK_EQ(relinq_parse(buf, 64, NULL), INVAL);
	store_le32(buf + FFA_RELINQ_EP_COUNT, UINT32_MAX);
	CHECK_EQ(relinq_parse(buf, 64, NULL), INVAL);
	store_le32(buf + FFA_RELINQ_EP_COUNT, 25); /* (64 - 16) / 2 = 24 fit */
	CHECK_EQ(relinq_parse(buf, 64, NULL), INVAL);
}

TEST_NEG(relinq_too_many_endpoints_is_no_memory)
{
	uint8_t buf[64];

	relinq(buf, 1);
	store_le32(buf + FFA_RELINQ_EP_COUNT, FFA_MEM_MAX_RECEIVERS + 1);
	CHECK_EQ(relinq_parse(buf, 64, NULL), FFA_RET_NO_MEMORY);
	store_le32(buf + FFA_RELINQ_EP_COUNT, 24);
	CHECK_EQ(relinq_parse(buf, 64, NULL), FFA_RET_NO_MEMORY);
}

TEST_NEG(relinq_rejects_unknown_flags_and_invalid_handle)
{
	uint8_t buf[64];
	uint32_t len = relinq(buf, 1);

	store_le32(buf + FFA_RELINQ_FLAGS, 1u << 2);
	CHECK_EQ(relinq_parse(buf, len, NULL), INVAL);
	store_le32(buf + FFA_RELINQ_FLAGS, 0x80000000u);
	CHECK_EQ(relinq_parse(buf, len, NULL), INVAL);
	store_le32(buf + FFA_RELINQ_FLAGS, 0);
	store_le64(buf + FFA_RELINQ_HANDLE, FFA_MEM_HANDLE_INVALID);
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
