// SPDX-License-Identifier: MIT
/*
 * Header-only helpers: UUID word packing (checked against
 * shared/docs/services.md), the version and function-ID helpers of
 * ffa/abi.h, and the freestanding memory helpers.
 */
#include <string.h>

#include "tcodec.h"

static const struct ffa_uuid tpm = FFA_UUID_TPM_CRB;
static const struct ffa_uuid uefi = FFA_UUID_UEFI_VAR;

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

TEST_NEG(fid_in_range_rejects_the_documented_neighbours)
{
	CHECK(!ffa_fid_in_range(0x84000000u | 0x5Fu));   /* one below FFA_ERROR */
	CHECK(!ffa_fid_in_range(0x8400008Fu));           /* one past the last FF-A call */
	CHECK(!ffa_fid_in_range(0xC400005Fu));
	CHECK(!ffa_fid_in_range(0xC400008Fu));
	CHECK(!ffa_fid_in_range(0x84000001u));           /* PSCI_CPU_SUSPEND (32) */
	CHECK(!ffa_fid_in_range(0xC4000003u));           /* PSCI_CPU_ON (64) */
	CHECK(!ffa_fid_in_range(0x84000008u));           /* PSCI_SYSTEM_OFF */
	CHECK(!ffa_fid_in_range(0x84000009u));           /* PSCI_SYSTEM_RESET */
	CHECK(!ffa_fid_in_range(0x8000FFFFu));           /* SMCCC arch range */
	CHECK(!ffa_fid_in_range(0x100000000ull | FFA_VERSION));
	CHECK(!ffa_fid_in_range(0x8000000000000000ull | FFA_MEM_SHARE_64));
}

TEST(fid_in_range_accepts_every_ffa_number_in_both_conventions)
{
	uint32_t in = 0;

	for (uint32_t n = FFA_FN_NUM_MIN; n <= FFA_FN_NUM_MAX; n++) {
		in += ffa_fid_in_range(FFA_FN32(n));
		in += ffa_fid_in_range(FFA_FN64(n));
	}
	CHECK_EQ(FFA_FN32(0x63), 0x84000063u);
	CHECK_EQ(FFA_FN64(0x63), 0xC4000063u);
	CHECK_EQ(in, 2 * (FFA_FN_NUM_MAX - FFA_FN_NUM_MIN + 1));
}

TEST(version_make_and_compare)
{
	CHECK_EQ(FFA_MAKE_VERSION(1, 1), 0x10001u);
	CHECK_EQ(FFA_MAKE_VERSION(2, 5), 0x20005u);
	CHECK_EQ(FFA_VERSION_MAJOR(FFA_MAKE_VERSION(0x7FFF, 0xFFFF)), 0x7FFF);
	CHECK_EQ(FFA_VERSION_MINOR(FFA_MAKE_VERSION(0x7FFF, 0xFFFF)), 0xFFFF);
	CHECK(ffa_version_valid(FFA_MAKE_VERSION(0x7FFF, 0xFFFF)));
	CHECK(ffa_version_valid(0));
	CHECK(ffa_version_compatible(FFA_VERSION_1_2, FFA_MAKE_VERSION(1, 9)));
	CHECK_EQ(ffa_version_min(FFA_VERSION_1_1, FFA_VERSION_1_1), FFA_VERSION_1_1);
	CHECK(FFA_VERSION_1_0 < FFA_VERSION_1_1 && FFA_VERSION_1_1 < FFA_VERSION_1_2);
}
