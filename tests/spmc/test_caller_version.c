// SPDX-License-Identifier: MIT
/*
 * Every answer that depends on the caller's FF-A version, for v1.0, v1.1 and
 * v1.2 callers: partition properties (bits a version does not define are
 * reserved for its callers), the descriptor size output and layout of
 * PARTITION_INFO_GET, its flags, FEATURES' properties and v1.2-only ABIs,
 * and the layout of memory transaction descriptors both ways.
 */
#include "tests/spmc/tsim.h"

static const uint32_t versions[] = { FFA_VERSION_1_0, FFA_VERSION_1_1, FFA_VERSION_1_2 };
#define N_VERSIONS (sizeof(versions) / sizeof(versions[0]))

static uint32_t defined_props(uint32_t v)
{
	return v >= FFA_VERSION_1_2 ? FFA_PART_PROPS_V1_2
	       : v >= FFA_VERSION_1_1 ? FFA_PART_PROPS_V1_1 : FFA_PART_PROPS_V1_0;
}

static struct ffa_regs info_get_all(uint32_t flags)
{
	return t_smc(FFA_PARTITION_INFO_GET, 0, 0, 0, 0, flags);
}

/* The test partition has bits of every version: each caller sees its own. */
TEST(caller_partinfo_properties_per_version)
{
	uint32_t all = test_sp_partition()->properties;

	CHECK(all & FFA_PART_PROP_AARCH64);
	CHECK(all & FFA_PART_PROP_DIRECT_REQ2_RECV);
	for (unsigned int i = 0; i < N_VERSIONS; i++) {
		uint32_t v = versions[i];
		struct ffa_partinfo p;
		struct ffa_regs r;

		t_reinit(NULL, 0);
		t_setup(v, 1);
		r = info_get_all(0);
		CHECK_OK32(r);
		CHECK_EQ(r.x[2], 1);
		/* w3 (the size) exists from v1.1 on; reserved (zero) for v1.0 */
		CHECK_EQ(r.x[3], v >= FFA_VERSION_1_1 ? FFA_PARTINFO_SIZE_V1_1 : 0);
		CHECK_EQ(ffa_partinfo_decode(t_rx(), T_PAGE, ffa_partinfo_size(v), 0, &p),
			 FFA_RET_SUCCESS);
		CHECK_EQ(p.id, TEST_SP_ID);
		CHECK_EQ(p.properties, all & defined_props(v));
	}
}

TEST_NEG(caller_v10_sees_no_v11_or_v12_property_bits)
{
	uint32_t props;

	t_setup(FFA_VERSION_1_0, 1);
	CHECK_OK32(info_get_all(0));
	props = load_le32(t_rx() + FFA_PARTINFO_PROPS);
	CHECK_EQ(props & FFA_PART_PROP_AARCH64, 0);         /* bit 8: v1.1 */
	CHECK_EQ(props & FFA_PART_PROP_DIRECT_REQ2_RECV, 0); /* bit 9: v1.2 */
	CHECK_EQ(props & ~FFA_PART_PROPS_V1_0, 0);
	CHECK_EQ(props & FFA_PART_PROP_DIRECT_REQ_RECV, FFA_PART_PROP_DIRECT_REQ_RECV);
}

TEST_NEG(caller_v11_sees_no_v12_property_bits)
{
	struct ffa_partinfo p;

	t_setup(FFA_VERSION_1_1, 1);
	CHECK_OK32(info_get_all(0));
	CHECK_EQ(ffa_partinfo_decode(t_rx(), T_PAGE, FFA_PARTINFO_SIZE_V1_1, 0, &p),
		 FFA_RET_SUCCESS);
	CHECK_EQ(p.properties & FFA_PART_PROP_DIRECT_REQ2_RECV, 0);
	CHECK_EQ(p.properties & FFA_PART_PROP_AARCH64, FFA_PART_PROP_AARCH64);
}

/* Never negotiated: the v1.0 answers, properties included. */
TEST_NEG(caller_without_version_gets_v10_properties)
{
	struct ffa_regs r = t_smc(FFA_RXTX_MAP_64, T_TX_PA, T_RX_PA, 1, 0, 0);

	CHECK_OK32(r);
	CHECK_OK32(info_get_all(0));
	CHECK_EQ(load_le32(t_rx() + FFA_PARTINFO_PROPS),
		 test_sp_partition()->properties & FFA_PART_PROPS_V1_0);
}

TEST(caller_v12_partinfo_regs_properties)
{
	struct ffa_partinfo p;
	struct ffa_regs r;

	t_version(FFA_VERSION_1_2);
	r = t_smc(FFA_PARTITION_INFO_GET_REGS, 0, 0, 0, 0, 0);
	CHECK_EQ(r.x[0], FFA_SUCCESS_64);
	ffa_partinfo_from_regs(&r.x[3], &p);
	CHECK_EQ(p.id, TEST_SP_ID);
	CHECK_EQ(p.properties, test_sp_partition()->properties & FFA_PART_PROPS_V1_2);
}

/* The count-only flag arrived with v1.1: w5 is reserved for a v1.0 caller. */
TEST_NEG(caller_v10_count_only_flag_rejected)
{
	struct ffa_regs r;

	t_setup(FFA_VERSION_1_0, 1);
	r = info_get_all(FFA_PARTITION_INFO_FLAG_COUNT_ONLY);
	CHECK_ERR(r, FFA_RET_INVALID_PARAMETERS);
	CHECK(!t_info().rx_held_by_ns);
}

TEST(caller_v11_v12_count_only_flag)
{
	for (unsigned int i = 1; i < N_VERSIONS; i++) {
		struct ffa_regs r;

		t_reinit(NULL, 0);
		t_setup(versions[i], 1);
		r = info_get_all(FFA_PARTITION_INFO_FLAG_COUNT_ONLY);
		CHECK_OK32(r);
		CHECK_EQ(r.x[2], 1);
		CHECK(!t_info().rx_held_by_ns);
	}
}

/* v1.2-only ABIs: hidden by FEATURES and refused below v1.2, offered from it. */
TEST(caller_v12_abis_per_version)
{
	static const uint32_t v12[] = { FFA_PARTITION_INFO_GET_REGS, FFA_MSG_SEND_DIRECT_REQ2 };

	for (unsigned int i = 0; i < N_VERSIONS; i++) {
		uint32_t v = versions[i];
		struct ffa_regs r;

		t_reinit(NULL, 0);
		t_version(v);
		for (unsigned int k = 0; k < 2; k++) {
			r = t_smc(FFA_FEATURES, v12[k], 0, 0, 0, 0);
			if (v >= FFA_VERSION_1_2)
				CHECK_OK32(r);
			else
				CHECK_ERR(r, FFA_RET_NOT_SUPPORTED);
		}
		r = t_smc(FFA_PARTITION_INFO_GET_REGS, 0, 0, 0, 0, 0);
		if (v >= FFA_VERSION_1_2)
			CHECK_EQ(r.x[0], FFA_SUCCESS_64);
		else
			CHECK_ERR(r, FFA_RET_NOT_SUPPORTED);
		r = t_smc(FFA_MSG_SEND_DIRECT_REQ2, TEST_SP_ID, 0, 0, TEST_SP_CMD_ECHO, 0);
		if (v >= FFA_VERSION_1_2)
			CHECK_EQ(r.x[0], FFA_MSG_SEND_DIRECT_RESP2);
		else
			CHECK_ERR(r, FFA_RET_NOT_SUPPORTED);
	}
}

/* FEATURES(RXTX_MAP) w2: the maximum size (bits 31:16) only for v1.2. */
TEST(caller_features_rxtx_map_per_version)
{
	for (unsigned int i = 0; i < N_VERSIONS; i++) {
		uint32_t v = versions[i];
		uint32_t want = FFA_FEAT_RXTX_MIN_SIZE_4K;
		struct ffa_regs r;

		if (v >= FFA_VERSION_1_2)
			want |= (uint32_t)SPMC_RXTX_MAX_PAGES << FFA_FEAT_RXTX_MAX_PAGES_SHIFT;
		t_reinit(NULL, 0);
		t_version(v);
		r = t_smc(FFA_FEATURES, FFA_RXTX_MAP_64, 0, 0, 0, 0);
		CHECK_OK32(r);
		CHECK_EQ(r.x[2], want);
		CHECK_EQ(r.x[3], 0);
	}
}

/* Each version's descriptor layout is accepted from its callers only. */
TEST(caller_share_layout_per_version)
{
	for (unsigned int i = 0; i < N_VERSIONS; i++) {
		struct ffa_mem_range rg = t_range(0, 1);
		struct t_desc d = { .layout = versions[i], .range_count = 1, .ranges = &rg };
		uint64_t h = 0;
		struct ffa_regs r;

		t_reinit(NULL, 0);
		t_setup(versions[i], 1);
		r = t_send(FFA_MEM_SHARE_64, &d, &h);
		CHECK_OK32(r);
		CHECK_OK32(t_reclaim(h, 0));
	}
}

TEST_NEG(caller_share_other_versions_layout_rejected)
{
	/* v1.0 header (32 bytes) vs the v1.1+ header (48): never interchangeable. */
	static const uint32_t pairs[][2] = {
		{ FFA_VERSION_1_0, FFA_VERSION_1_1 },
		{ FFA_VERSION_1_1, FFA_VERSION_1_0 },
		{ FFA_VERSION_1_2, FFA_VERSION_1_0 },
	};

	for (unsigned int i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++) {
		struct ffa_mem_range rg = t_range(0, 1);
		struct t_desc d = { .layout = pairs[i][1], .range_count = 1, .ranges = &rg };
		struct ffa_regs r;

		t_reinit(NULL, 0);
		t_setup(pairs[i][0], 1);
		r = t_send(FFA_MEM_SHARE_64, &d, NULL);
		CHECK_ERR(r, FFA_RET_INVALID_PARAMETERS);
		CHECK_EQ(t_info().live_txns, 0);
	}
}

/* The hypervisor's retrieve response comes back in the caller's layout. */
TEST(caller_retrieve_response_layout_per_version)
{
	for (unsigned int i = 0; i < N_VERSIONS; i++) {
		uint32_t v = versions[i];
		uint32_t hdr = v >= FFA_VERSION_1_1 ? FFA_MTD11_SIZE : FFA_MTD10_SIZE;
		uint64_t h = 0;
		struct ffa_mtd d;
		struct ffa_regs r;
		uint8_t *tx;

		t_reinit(NULL, 0);
		t_setup(v, 1);
		h = t_share_simple(0, 3);
		tx = t_tx();
		memset(tx, 0, hdr);
		store_le16(tx + FFA_MTD11_SENDER, FFA_ID_NS_PHYS);
		store_le64(tx + FFA_MTD11_HANDLE, h);
		r = t_smc(FFA_MEM_RETRIEVE_REQ_64, hdr, hdr, 0, 0, 0);
		CHECK_EQ(r.x[0], FFA_MEM_RETRIEVE_RESP);
		CHECK_EQ(ffa_mtd_parse(t_rx(), (uint32_t)r.x[2], v, FFA_MTD_KIND_RETRIEVE_RESP, &d),
			 FFA_RET_SUCCESS);
		CHECK_EQ(d.handle, h);
		CHECK_EQ(d.total_pages, 3);
		/* v1.1+ says where the access descriptors are; v1.0 has them at 32 */
		CHECK_EQ(d.emad_offset, hdr);
		/* and it does not parse as the other layout */
		CHECK(ffa_mtd_parse(t_rx(), (uint32_t)r.x[2],
				    v >= FFA_VERSION_1_1 ? FFA_VERSION_1_0 : FFA_VERSION_1_1,
				    FFA_MTD_KIND_RETRIEVE_RESP, &d) != FFA_RET_SUCCESS);
		t_rx_release();
		CHECK_OK32(t_reclaim(h, 0));
	}
}
