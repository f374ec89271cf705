// SPDX-License-Identifier: MIT
/* PARTITION_INFO_GET and PARTITION_INFO_GET_REGS. */
#include "tests/spmc/tsim.h"

static const struct ffa_uuid test_sp_uuid = FFA_UUID_FFA_STACK_TEST;
static const struct ffa_uuid tpm_uuid = FFA_UUID_TPM_CRB;

static struct ffa_regs info_get(const struct ffa_uuid *u, uint32_t flags)
{
	struct ffa_regs r;

	memset(&r, 0, sizeof(r));
	r.x[0] = FFA_PARTITION_INFO_GET;
	r.x[1] = ffa_uuid_word(u, 0);
	r.x[2] = ffa_uuid_word(u, 1);
	r.x[3] = ffa_uuid_word(u, 2);
	r.x[4] = ffa_uuid_word(u, 3);
	r.x[5] = flags;
	t_call(&r);
	return r;
}

/* The count-only query for u: must succeed; the count it gives. */
static uint64_t count_of(const struct ffa_uuid *u)
{
	struct ffa_regs r = info_get(u, FFA_PARTITION_INFO_FLAG_COUNT_ONLY);

	CHECK_OK32(r);
	return r.x[2];
}

static struct ffa_regs regs_get(const struct ffa_uuid *u, uint64_t x3)
{
	return t_smc(FFA_PARTITION_INFO_GET_REGS, ffa_uuid_half(u, 0), ffa_uuid_half(u, 1),
		     x3, 0, 0);
}

static const struct ffa_uuid nil;

static int32_t quiet(struct spmc *s, const struct spmc_partition *sp, struct spmc_msg *m)
{
	(void)s;
	(void)sp;
	(void)m;
	return FFA_RET_SUCCESS;
}

/* 8 partitions: the test partition and 0x8010.. with alternating UUIDs. */
static struct spmc_partition many[SPMC_MAX_PARTITIONS];

static void use_many(void)
{
	const struct spmc_partition *pp[SPMC_MAX_PARTITIONS];

	pp[0] = test_sp_partition();
	for (unsigned int i = 1; i < SPMC_MAX_PARTITIONS; i++) {
		struct ffa_uuid u = i % 2 ? (struct ffa_uuid)FFA_UUID_TPM_CRB
					  : (struct ffa_uuid)FFA_UUID_UEFI_VAR;

		memset(&many[i], 0, sizeof(many[i]));
		many[i].id = (uint16_t)(0x8010 + i);
		many[i].uuid = u;
		many[i].properties = FFA_PART_PROP_DIRECT_REQ_RECV;
		many[i].direct = quiet;
		pp[i] = &many[i];
	}
	t_reinit(pp, SPMC_MAX_PARTITIONS);
}

TEST(partinfo_all_v11)
{
	struct ffa_regs r;
	struct ffa_partinfo p;

	t_setup(FFA_VERSION_1_1, 1);
	r = info_get(&nil, 0);
	CHECK_OK32(r);
	CHECK_EQ(r.x[2], 1);
	CHECK_EQ(r.x[3], FFA_PARTINFO_SIZE_V1_1);
	CHECK(t_info().rx_held_by_ns);
	CHECK_EQ(ffa_partinfo_decode(t_rx(), T_PAGE, (uint32_t)r.x[3], 0, &p), FFA_RET_SUCCESS);
	CHECK_EQ(p.id, TEST_SP_ID);
	CHECK_EQ(p.exec_ctx_count, 1);
	CHECK_EQ(p.properties, test_sp_partition()->properties & FFA_PART_PROPS_V1_1);
	CHECK(ffa_uuid_equal(&p.uuid, &test_sp_uuid));
}

TEST(partinfo_by_uuid)
{
	struct ffa_regs r;

	t_setup(FFA_VERSION_1_2, 1);
	r = info_get(&test_sp_uuid, 0);
	CHECK_OK32(r);
	CHECK_EQ(r.x[2], 1);
	CHECK_EQ(load_le16(t_rx() + FFA_PARTINFO_ID), TEST_SP_ID);
}

TEST(partinfo_v10_layout)
{
	struct ffa_regs r;
	uint8_t *rx;

	t_setup(FFA_VERSION_1_0, 1);
	rx = t_rx();
	memset(rx, 0xEE, T_PAGE);
	r = info_get(&nil, 0);
	CHECK_OK32(r);
	CHECK_EQ(r.x[2], 1);
	CHECK_EQ(r.x[3], 0);
	CHECK_EQ(load_le16(rx + FFA_PARTINFO_ID), TEST_SP_ID);
	CHECK_EQ(load_le16(rx + FFA_PARTINFO_CTX_COUNT), 1);
	/* v1.0 defines only bits 2:0 */
	CHECK_EQ(load_le32(rx + FFA_PARTINFO_PROPS),
		 test_sp_partition()->properties & FFA_PART_PROPS_V1_0);
	/* nothing past the 8-byte descriptor */
	CHECK_EQ(rx[FFA_PARTINFO_SIZE_V1_0], 0xEE);
}

TEST(partinfo_before_version_uses_v10)
{
	struct ffa_regs r = t_smc(FFA_RXTX_MAP_64, T_TX_PA, T_RX_PA, 1, 0, 0);

	CHECK_OK32(r);
	r = info_get(&nil, 0);
	CHECK_OK32(r);
	CHECK_EQ(r.x[3], 0);
	CHECK_EQ(load_le16(t_rx()), TEST_SP_ID);
}

TEST_NEG(partinfo_unknown_uuid)
{
	struct ffa_regs r;

	t_setup(FFA_VERSION_1_1, 1);
	r = info_get(&tpm_uuid, 0);
	CHECK_ERR(r, FFA_RET_INVALID_PARAMETERS);
	CHECK(!t_info().rx_held_by_ns);
	r = info_get(&tpm_uuid, FFA_PARTITION_INFO_FLAG_COUNT_ONLY);
	CHECK_ERR(r, FFA_RET_INVALID_PARAMETERS);
}

TEST(partinfo_count_only_leaves_rx_alone)
{
	struct ffa_regs r;

	t_setup(FFA_VERSION_1_1, 1);
	memset(t_rx(), 0x5A, T_PAGE);
	r = info_get(&nil, FFA_PARTITION_INFO_FLAG_COUNT_ONLY);
	CHECK_OK32(r);
	CHECK_EQ(r.x[2], 1);
	CHECK_EQ(r.x[3], FFA_PARTINFO_SIZE_V1_1);
	CHECK_EQ(t_rx()[0], 0x5A);
	CHECK(!t_info().rx_held_by_ns);
	/* works with RX busy and even with no RX at all */
	r = info_get(&nil, 0);
	CHECK_OK32(r);
	CHECK_EQ(count_of(&test_sp_uuid), 1);
}

TEST(partinfo_count_only_without_buffers)
{
	t_version(FFA_VERSION_1_2);
	CHECK_EQ(count_of(&nil), 1);
}

TEST_NEG(partinfo_rx_busy)
{
	struct ffa_regs r;

	t_setup(FFA_VERSION_1_1, 1);
	r = info_get(&nil, 0);
	CHECK_OK32(r);
	memset(t_rx(), 0x11, 8);
	r = info_get(&nil, 0);
	CHECK_ERR(r, FFA_RET_BUSY);
	CHECK_EQ(t_rx()[0], 0x11);
	t_rx_release();
	r = info_get(&nil, 0);
	CHECK_OK32(r);
}

TEST_NEG(partinfo_rx_not_mapped)
{
	struct ffa_regs r;

	t_version(FFA_VERSION_1_1);
	r = info_get(&nil, 0);
	CHECK_ERR(r, FFA_RET_BUSY);
}

TEST_NEG(partinfo_reserved_flags)
{
	struct ffa_regs r;

	t_setup(FFA_VERSION_1_1, 1);
	r = info_get(&nil, 2);
	CHECK_ERR(r, FFA_RET_INVALID_PARAMETERS);
	r = info_get(&nil, 0x80000001u);
	CHECK_ERR(r, FFA_RET_INVALID_PARAMETERS);
	CHECK(!t_info().rx_held_by_ns);
}

TEST(partinfo_many_partitions_by_uuid)
{
	struct ffa_regs r;
	struct ffa_partinfo p;

	use_many();
	t_setup(FFA_VERSION_1_1, 1);
	r = info_get(&nil, 0);
	CHECK_OK32(r);
	CHECK_EQ(r.x[2], SPMC_MAX_PARTITIONS);
	CHECK_EQ(ffa_partinfo_decode(t_rx(), T_PAGE, FFA_PARTINFO_SIZE_V1_1, 7, &p), 0);
	CHECK_EQ(p.id, 0x8017);
	t_rx_release();
	r = info_get(&tpm_uuid, 0);
	CHECK_OK32(r);
	CHECK_EQ(r.x[2], SPMC_MAX_PARTITIONS / 2);
	for (unsigned int i = 0; i < SPMC_MAX_PARTITIONS / 2; i++) {
		CHECK_EQ(ffa_partinfo_decode(t_rx(), T_PAGE, FFA_PARTINFO_SIZE_V1_1, i, &p), 0);
		CHECK_EQ(p.id, 0x8011 + 2 * i);
		CHECK(ffa_uuid_equal(&p.uuid, &tpm_uuid));
	}
}

TEST(partinfo_regs_single)
{
	struct ffa_regs r;
	struct ffa_partinfo p;

	t_version(FFA_VERSION_1_2);
	r = regs_get(&nil, 0);
	CHECK_EQ(r.x[0], FFA_SUCCESS_64);
	CHECK_EQ(r.x[2] & 0xFFFF, 0);                     /* last index */
	CHECK_EQ((r.x[2] >> FFA_PIGR_CUR_INDEX_SHIFT) & 0xFFFF, 0);
	CHECK_EQ((r.x[2] >> FFA_PIGR_UUID_TAG_SHIFT) & 0xFFFF, 0);
	CHECK_EQ(r.x[2] >> FFA_PIGR_DESC_SIZE_SHIFT, 24);
	ffa_partinfo_from_regs(&r.x[3], &p);
	CHECK_EQ(p.id, TEST_SP_ID);
	CHECK_EQ(p.properties, test_sp_partition()->properties);
	CHECK(ffa_uuid_equal(&p.uuid, &test_sp_uuid));
	for (unsigned int i = 6; i < FFA_REGS_COUNT; i++)
		CHECK_EQ(r.x[i], 0);
	r = regs_get(&test_sp_uuid, 0);
	CHECK_EQ(r.x[0], FFA_SUCCESS_64);
	CHECK_EQ(r.x[2] & 0xFFFF, 0);
}

TEST(partinfo_regs_pages_through_the_list)
{
	struct ffa_regs r;
	struct ffa_partinfo p;

	use_many();
	t_version(FFA_VERSION_1_2);
	r = regs_get(&nil, 0);
	CHECK_EQ(r.x[0], FFA_SUCCESS_64);
	CHECK_EQ(r.x[2] & 0xFFFF, SPMC_MAX_PARTITIONS - 1);
	CHECK_EQ((r.x[2] >> 16) & 0xFFFF, 4);
	ffa_partinfo_from_regs(&r.x[3 + 3 * 4], &p);
	CHECK_EQ(p.id, 0x8014);
	r = regs_get(&nil, 5);
	CHECK_EQ(r.x[0], FFA_SUCCESS_64);
	CHECK_EQ((r.x[2] >> 16) & 0xFFFF, SPMC_MAX_PARTITIONS - 1);
	ffa_partinfo_from_regs(&r.x[3], &p);
	CHECK_EQ(p.id, 0x8015);
	CHECK_EQ(r.x[3 + 3 * 3], 0);
	/* by UUID: the odd ones */
	r = regs_get(&tpm_uuid, 1);
	CHECK_EQ(r.x[0], FFA_SUCCESS_64);
	CHECK_EQ(r.x[2] & 0xFFFF, 3);
	ffa_partinfo_from_regs(&r.x[3], &p);
	CHECK_EQ(p.id, 0x8013);
}

TEST_NEG(partinfo_regs_start_past_last)
{
	struct ffa_regs r;

	t_version(FFA_VERSION_1_2);
	r = regs_get(&nil, 1);
	CHECK_ERR(r, FFA_RET_INVALID_PARAMETERS);
	r = regs_get(&nil, 0xFFFF);
	CHECK_ERR(r, FFA_RET_INVALID_PARAMETERS);
}

TEST_NEG(partinfo_regs_nonzero_tag)
{
	struct ffa_regs r;

	t_version(FFA_VERSION_1_2);
	r = regs_get(&nil, 1u << FFA_PIGR_TAG_SHIFT);
	CHECK_ERR(r, FFA_RET_INVALID_PARAMETERS);
	r = regs_get(&nil, 1ull << 40);
	CHECK_ERR(r, FFA_RET_INVALID_PARAMETERS);
}

TEST_NEG(partinfo_regs_needs_v12)
{
	struct ffa_regs r = regs_get(&nil, 0);

	CHECK_ERR(r, FFA_RET_NOT_SUPPORTED);
	t_reinit(NULL, 0);
	t_version(FFA_VERSION_1_1);
	r = regs_get(&nil, 0);
	CHECK_ERR(r, FFA_RET_NOT_SUPPORTED);
}

TEST_NEG(partinfo_regs_unknown_uuid)
{
	struct ffa_regs r;

	t_version(FFA_VERSION_1_2);
	r = regs_get(&tpm_uuid, 0);
	CHECK_ERR(r, FFA_RET_INVALID_PARAMETERS);
}
