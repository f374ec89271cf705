// SPDX-License-Identifier: MIT
/*
 * Partition information descriptors: the memory form (v1.0: 8 bytes, v1.1+:
 * 24 bytes with the UUID) and the PARTITION_INFO_GET_REGS register form.
 */
#include <string.h>

#include "tcodec.h"

#define INVAL FFA_RET_INVALID_PARAMETERS

static const struct ffa_uuid tpm = FFA_UUID_TPM_CRB;

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

/* The TPM partition's descriptor (in *p) encoded at `version` into a buf of 0xCC. */
static uint32_t encode_tpm(uint8_t *buf, uint32_t cap, uint32_t version, struct ffa_partinfo *p)
{
	tpm_info(p);
	memset(buf, 0xCC, cap);
	return ffa_partinfo_encode(buf, cap, version, p);
}

TEST(partinfo_v1_1_round_trip_and_wire_words)
{
	uint8_t buf[48];
	struct ffa_partinfo p, q;

	CHECK_EQ(encode_tpm(buf, sizeof(buf), FFA_VERSION_1_1, &p), 24);
	CHECK_EQ(buf[24], 0xCC);
	CHECK_EQ(load_le16(buf + FFA_PARTINFO_ID), 0x8002);
	CHECK_EQ(load_le16(buf + FFA_PARTINFO_CTX_COUNT), 4);
	CHECK_EQ(load_le32(buf + FFA_PARTINFO_PROPS), p.properties);
	/* The UUID words as PARTITION_INFO_GET w1..w4 carry them (services.md). */
	CHECK_EQ(load_le32(buf + 8), 0xa462b817u);
	CHECK_EQ(load_le32(buf + 12), 0xaf4f0618u);
	CHECK_EQ(load_le32(buf + 16), 0x9a08b386u);
	CHECK_EQ(load_le32(buf + 20), 0x61383558u);
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

	CHECK_EQ(encode_tpm(buf, sizeof(buf), FFA_VERSION_1_0, &p), 8);
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

TEST_NEG(partinfo_decode_rejects_sizes_0_7_and_12)
{
	static const uint32_t bad[] = { 0, 7, 12 };
	uint8_t buf[48];
	struct ffa_partinfo q;

	memset(buf, 0x5A, sizeof(buf));
	for (unsigned int i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		for (uint32_t idx = 0; idx < 3; idx++)
			CHECK_EQ(ffa_partinfo_decode(buf, sizeof(buf), bad[i], idx, &q), INVAL);
	/* The two real sizes are fine on the same buffer. */
	CHECK_EQ(ffa_partinfo_decode(buf, sizeof(buf), 8, 5, &q), 0);
	CHECK_EQ(ffa_partinfo_decode(buf, sizeof(buf), 24, 1, &q), 0);
	CHECK_EQ(ffa_partinfo_decode(buf, sizeof(buf), 8, 6, &q), INVAL);
}
