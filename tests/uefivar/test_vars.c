// SPDX-License-Identifier: MIT
/* UEFI variable semantics through MM messages. */
#include <string.h>

#include "common/byteorder.h"
#include "tests/harness/check.h"
#include "tests/uefivar/mmfix.h"

#define NBR (EFI_VAR_NV | EFI_VAR_BS | EFI_VAR_RT)
#define NB  (EFI_VAR_NV | EFI_VAR_BS)
#define BR  (EFI_VAR_BS | EFI_VAR_RT)

static const uint8_t *g1 = uvt_guid;

static uint64_t getv(const char *name, uint32_t *attr, char *out, uint64_t cap)
{
	uint64_t dsz = cap;
	uint64_t st = mmf_get(g1, name, attr, out, &dsz);

	if (st == EFI_ST_SUCCESS)
		out[dsz] = '\0';
	return st;
}

TEST(var_set_get_roundtrip_and_persist)
{
	uint32_t attr = 0;
	char out[64];

	CHECK_EQ(mmf_set(g1, "Boot0001", NBR, "hello", 5), EFI_ST_SUCCESS);
	CHECK_EQ(mmf_set(g1, "Scratch", BR, "vol", 3), EFI_ST_SUCCESS);
	CHECK_EQ(getv("Boot0001", &attr, out, 32), EFI_ST_SUCCESS);
	CHECK_EQ(attr, NBR);
	CHECK(strcmp(out, "hello") == 0);
	CHECK_EQ(mmf_msglen(0), MM_VAR_HDR_SIZE + MM_ACC_NAME + 18 + 5);
	mmf_reboot();
	CHECK_EQ(getv("Boot0001", &attr, out, 32), EFI_ST_SUCCESS);
	CHECK(strcmp(out, "hello") == 0);
	/* Volatile variables do not survive a reboot. */
	CHECK_EQ(getv("Scratch", &attr, out, 32), EFI_ST_NOT_FOUND);
}

TEST(var_overwrite_same_attributes)
{
	char out[64];

	CHECK_EQ(mmf_set(g1, "V", NB, "one", 3), EFI_ST_SUCCESS);
	CHECK_EQ(mmf_set(g1, "V", NB, "second", 6), EFI_ST_SUCCESS);
	CHECK_EQ(getv("V", NULL, out, 32), EFI_ST_SUCCESS);
	CHECK(strcmp(out, "second") == 0);
}

TEST(var_rewrite_identical_data_does_not_touch_flash)
{
	uint64_t ops;

	CHECK_EQ(mmf_set(g1, "Same", NB, "data", 4), EFI_ST_SUCCESS);
	ops = mmf_flash.ops;
	CHECK_EQ(mmf_set(g1, "Same", NB, "data", 4), EFI_ST_SUCCESS);
	CHECK_EQ(mmf_flash.ops, ops);
}

TEST(var_append)
{
	char out[64];

	CHECK_EQ(mmf_set(g1, "Log", NB | EFI_VAR_APPEND_WRITE, "ab", 2), EFI_ST_SUCCESS);
	CHECK_EQ(mmf_set(g1, "Log", NB | EFI_VAR_APPEND_WRITE, "cd", 2), EFI_ST_SUCCESS);
	CHECK_EQ(mmf_set(g1, "Log", NB | EFI_VAR_APPEND_WRITE, "", 0), EFI_ST_SUCCESS);
	CHECK_EQ(getv("Log", NULL, out, 32), EFI_ST_SUCCESS);
	CHECK(strcmp(out, "abcd") == 0);
	mmf_reboot();
	CHECK_EQ(getv("Log", NULL, out, 32), EFI_ST_SUCCESS);
	CHECK(strcmp(out, "abcd") == 0);
}

TEST(var_delete_by_size_zero_and_by_attributes_zero)
{
	char out[8];

	CHECK_EQ(mmf_set(g1, "A", NB, "x", 1), EFI_ST_SUCCESS);
	CHECK_EQ(mmf_set(g1, "B", BR, "y", 1), EFI_ST_SUCCESS);
	CHECK_EQ(mmf_set(g1, "A", NB, NULL, 0), EFI_ST_SUCCESS);
	CHECK_EQ(mmf_set(g1, "B", 0, "zz", 2), EFI_ST_SUCCESS);
	CHECK_EQ(getv("A", NULL, out, 4), EFI_ST_NOT_FOUND);
	CHECK_EQ(getv("B", NULL, out, 4), EFI_ST_NOT_FOUND);
	mmf_reboot();
	CHECK_EQ(getv("A", NULL, out, 4), EFI_ST_NOT_FOUND);
}

TEST(var_get_buffer_too_small_reports_size_and_attributes)
{
	uint32_t attr = 0;
	uint64_t dsz = 3;

	CHECK_EQ(mmf_set(g1, "Big", NBR, "0123456789", 10), EFI_ST_SUCCESS);
	CHECK_EQ(mmf_get(g1, "Big", &attr, NULL, &dsz), EFI_ST_BUFFER_TOO_SMALL);
	CHECK_EQ(dsz, 10);
	CHECK_EQ(attr, NBR);
	dsz = 0;
	CHECK_EQ(mmf_get(g1, "Big", &attr, NULL, &dsz), EFI_ST_BUFFER_TOO_SMALL);
	CHECK_EQ(dsz, 10);
}

TEST(var_get_next_walks_everything_then_not_found)
{
	uint8_t guid[16] = { 0 };
	char name[64] = "";
	uint64_t nsz;
	int seen = 0, mask = 0;

	CHECK_EQ(mmf_set(g1, "N0", NB, "a", 1), EFI_ST_SUCCESS);
	CHECK_EQ(mmf_set(mmf_guid2, "N1", NB, "b", 1), EFI_ST_SUCCESS);
	CHECK_EQ(mmf_set(g1, "N2", BR, "c", 1), EFI_ST_SUCCESS);
	for (;;) {
		uint64_t st = mmf_next(guid, name, 64, name, &nsz);

		if (st != EFI_ST_SUCCESS) {
			CHECK_EQ(st, EFI_ST_NOT_FOUND);
			break;
		}
		/* The firmware's own SecureBoot and SetupMode are listed too. */
		if (!strcmp(name, "SecureBoot") || !strcmp(name, "SetupMode"))
			continue;
		CHECK_EQ(nsz, 6);
		CHECK(name[0] == 'N');
		mask |= 1 << (name[1] - '0');
		if (name[1] == '1')
			CHECK(memcmp(guid, mmf_guid2, 16) == 0);
		if (++seen > 10)
			break;
	}
	CHECK_EQ(seen, 3);
	CHECK_EQ(mask, 7);
}

TEST(var_get_next_buffer_too_small_gives_size)
{
	uint8_t guid[16] = { 0 };
	char name[64];
	uint64_t nsz;

	CHECK_EQ(mmf_set(g1, "LongerName", NB, "a", 1), EFI_ST_SUCCESS);
	CHECK_EQ(mmf_next(guid, "", 4, name, &nsz), EFI_ST_BUFFER_TOO_SMALL);
	CHECK_EQ(nsz, 22);
	CHECK_EQ(mmf_next(guid, "", 22, name, &nsz), EFI_ST_SUCCESS);
	CHECK(memcmp(name, "LongerName", 11) == 0);
}

TEST(var_query_info)
{
	uint8_t *p = mmf_msg(0, MM_VAR_FN_QUERY_VARIABLE_INFO, NULL, MM_QVI_SIZE);
	uint64_t max, rem;

	memset(p, 0, MM_QVI_SIZE);
	store_le32(p + MM_QVI_ATTR, NBR);
	CHECK_EQ(uv_mm_handle(&mmf_sp, 0), 0);
	CHECK_EQ(mmf_status(0), EFI_ST_SUCCESS);
	max = load_le64(p + MM_QVI_MAX_STORAGE);
	rem = load_le64(p + MM_QVI_REMAINING);
	CHECK_EQ(max, MMF_NV_SIZE / 2 - UV_BANK_HDR);
	CHECK_EQ(rem, max);
	CHECK_EQ(load_le64(p + MM_QVI_MAX_VARSIZE), mmf_sp.nv.max_var);
	CHECK_EQ(mmf_set(g1, "Q", NB, "1234", 4), EFI_ST_SUCCESS);
	p = mmf_msg(0, MM_VAR_FN_QUERY_VARIABLE_INFO, NULL, MM_QVI_SIZE);
	memset(p, 0, MM_QVI_SIZE);
	store_le32(p + MM_QVI_ATTR, NB);
	CHECK_EQ(uv_mm_handle(&mmf_sp, 0), 0);
	CHECK_EQ(max - load_le64(p + MM_QVI_REMAINING), uv_store_rec_size(4, 4));
}

/* EFI_GLOBAL_VARIABLE as stored. */
static const uint8_t efi_global[16] = {
	0x61, 0xdf, 0xe4, 0x8b, 0xca, 0x93, 0xd2, 0x11,
	0xaa, 0x0d, 0x00, 0xe0, 0x98, 0x03, 0x2b, 0x8c,
};

TEST(var_platform_publishes_secure_boot_off_setup_mode_on)
{
	uint8_t v = 0xff;
	uint64_t dsz = 1;
	uint32_t attr = 0;

	CHECK_EQ(mmf_get(efi_global, "SecureBoot", &attr, &v, &dsz), EFI_ST_SUCCESS);
	CHECK_EQ(dsz, 1);
	CHECK_EQ(v, 0);
	CHECK_EQ(attr, EFI_VAR_BS | EFI_VAR_RT);
	dsz = 1;
	CHECK_EQ(mmf_get(efi_global, "SetupMode", &attr, &v, &dsz), EFI_ST_SUCCESS);
	CHECK_EQ(v, 1);
}

TEST_NEG(var_platform_state_is_read_only)
{
	uint8_t v = 0xff;
	uint64_t dsz = 1;
	uint32_t attr = 0;

	CHECK_EQ(mmf_set(efi_global, "SecureBoot", EFI_VAR_BS | EFI_VAR_RT, "\1", 1),
		 EFI_ST_WRITE_PROTECTED);
	CHECK_EQ(mmf_set(efi_global, "SetupMode", EFI_VAR_BS | EFI_VAR_RT, "", 0),
		 EFI_ST_WRITE_PROTECTED);
	CHECK_EQ(mmf_set(efi_global, "SecureBoot", EFI_VAR_NV | EFI_VAR_BS | EFI_VAR_RT, "\1", 1),
		 EFI_ST_WRITE_PROTECTED);
	CHECK_EQ(mmf_get(efi_global, "SecureBoot", &attr, &v, &dsz), EFI_ST_SUCCESS);
	CHECK_EQ(v, 0);
}

TEST(var_exit_boot_services_hides_bs_only)
{
	uint8_t guid[16] = { 0 };
	char out[64] = "";
	uint64_t nsz;

	CHECK_EQ(mmf_set(g1, "BsOnly", NB, "secret", 6), EFI_ST_SUCCESS);
	CHECK_EQ(mmf_set(g1, "Rt", NBR, "pub", 3), EFI_ST_SUCCESS);
	CHECK_EQ(mmf_simple(MM_VAR_FN_EXIT_BOOT_SERVICE), EFI_ST_SUCCESS);
	CHECK_EQ(getv("BsOnly", NULL, out, 32), EFI_ST_NOT_FOUND);
	CHECK_EQ(getv("Rt", NULL, out, 32), EFI_ST_SUCCESS);
	CHECK_EQ(mmf_next(guid, "", 64, out, &nsz), EFI_ST_SUCCESS);
	CHECK(strcmp(out, "Rt") == 0);
	/* Then only the firmware's runtime SecureBoot and SetupMode. */
	CHECK_EQ(mmf_next(guid, "Rt", 64, out, &nsz), EFI_ST_SUCCESS);
	CHECK(strcmp(out, "SecureBoot") == 0);
	CHECK_EQ(mmf_next(guid, "SecureBoot", 64, out, &nsz), EFI_ST_SUCCESS);
	CHECK(strcmp(out, "SetupMode") == 0);
	CHECK_EQ(mmf_next(guid, "SetupMode", 64, out, &nsz), EFI_ST_NOT_FOUND);
	/* Runtime writes still work. */
	CHECK_EQ(mmf_set(g1, "Rt", NBR, "new", 3), EFI_ST_SUCCESS);
	/* A reboot is a new boot: visible again. */
	mmf_reboot();
	CHECK_EQ(getv("BsOnly", NULL, out, 32), EFI_ST_SUCCESS);
}

TEST(var_lock_takes_effect_at_ready_to_boot)
{
	uint8_t p[128] = { 0 };
	uint32_t nsz = uvt_ucs2(p + MM_LOCK_NAME, "Locked");

	memcpy(p, g1, 16);
	store_le64(p + MM_LOCK_NAMESIZE, nsz);
	CHECK_EQ(mmf_set(g1, "Locked", NB, "v1", 2), EFI_ST_SUCCESS);
	mmf_msg(0, MM_VAR_FN_LOCK_VARIABLE, p, MM_LOCK_NAME + nsz);
	CHECK_EQ(uv_mm_handle(&mmf_sp, 0), 0);
	CHECK_EQ(mmf_status(0), EFI_ST_SUCCESS);
	CHECK_EQ(mmf_set(g1, "Locked", NB, "v2", 2), EFI_ST_SUCCESS);
	CHECK_EQ(mmf_simple(MM_VAR_FN_READY_TO_BOOT), EFI_ST_SUCCESS);
	CHECK_EQ(mmf_set(g1, "Locked", NB, "v3", 2), EFI_ST_WRITE_PROTECTED);
	CHECK_EQ(mmf_set(g1, "Locked", 0, NULL, 0), EFI_ST_WRITE_PROTECTED);
	CHECK_EQ(mmf_set(g1, "Other", NB, "ok", 2), EFI_ST_SUCCESS);
}

static uint64_t prop_msg(uint64_t func, const char *name, uint16_t rev, uint16_t prop,
			 uint32_t attr, uint64_t min, uint64_t max)
{
	uint8_t p[160] = { 0 };
	uint32_t nsz = uvt_ucs2(p + MM_VCP_NAME, name);

	memcpy(p, g1, 16);
	store_le64(p + MM_VCP_NAMESIZE, nsz);
	store_le16(p + MM_VCP_PROP + MM_VCP_REVISION, rev);
	store_le16(p + MM_VCP_PROP + MM_VCP_PROPERTY, prop);
	store_le32(p + MM_VCP_PROP + MM_VCP_ATTR, attr);
	store_le64(p + MM_VCP_PROP + MM_VCP_MINSIZE, min);
	store_le64(p + MM_VCP_PROP + MM_VCP_MAXSIZE, max);
	mmf_msg(0, func, p, MM_VCP_NAME + nsz);
	CHECK_EQ(uv_mm_handle(&mmf_sp, 0), 0);
	return mmf_status(0);
}

TEST(var_check_property_roundtrip_and_read_only)
{
	uint8_t *r = mmf_buf + MM_HDR_SIZE + MM_VAR_HDR_SIZE + MM_VCP_PROP;

	CHECK_EQ(mmf_set(g1, "Ro", NB, "fixed", 5), EFI_ST_SUCCESS);
	CHECK_EQ(prop_msg(MM_VAR_FN_VAR_CHECK_SET, "Ro", 1, MM_VCP_READ_ONLY, 0, 0, 100),
		 EFI_ST_SUCCESS);
	CHECK_EQ(prop_msg(MM_VAR_FN_VAR_CHECK_GET, "Ro", 0, 0, 0, 0, 0), EFI_ST_SUCCESS);
	CHECK_EQ(load_le16(r + MM_VCP_REVISION), 1);
	CHECK_EQ(load_le16(r + MM_VCP_PROPERTY), MM_VCP_READ_ONLY);
	CHECK_EQ(load_le64(r + MM_VCP_MAXSIZE), 100);
	CHECK_EQ(mmf_set(g1, "Ro", NB, "other", 5), EFI_ST_WRITE_PROTECTED);
	CHECK_EQ(mmf_set(g1, "Ro", 0, NULL, 0), EFI_ST_WRITE_PROTECTED);
}

TEST_NEG(var_check_property_size_and_attribute_bounds)
{
	CHECK_EQ(prop_msg(MM_VAR_FN_VAR_CHECK_SET, "Sz", 1, 0, NB, 2, 4), EFI_ST_SUCCESS);
	CHECK_EQ(mmf_set(g1, "Sz", NB, "x", 1), EFI_ST_INVALID_PARAMETER);
	CHECK_EQ(mmf_set(g1, "Sz", NB, "xxxxx", 5), EFI_ST_INVALID_PARAMETER);
	CHECK_EQ(mmf_set(g1, "Sz", NBR, "xxx", 3), EFI_ST_INVALID_PARAMETER);
	CHECK_EQ(mmf_set(g1, "Sz", NB, "xxx", 3), EFI_ST_SUCCESS);
}

TEST_NEG(var_check_property_bad_requests)
{
	CHECK_EQ(prop_msg(MM_VAR_FN_VAR_CHECK_SET, "P", 2, 0, 0, 0, 1), EFI_ST_INVALID_PARAMETER);
	CHECK_EQ(prop_msg(MM_VAR_FN_VAR_CHECK_SET, "P", 1, 2, 0, 0, 1), EFI_ST_INVALID_PARAMETER);
	CHECK_EQ(prop_msg(MM_VAR_FN_VAR_CHECK_SET, "P", 1, 0, 0, 5, 1), EFI_ST_INVALID_PARAMETER);
	CHECK_EQ(prop_msg(MM_VAR_FN_VAR_CHECK_GET, "P", 1, 0, 0, 0, 1), EFI_ST_NOT_FOUND);
	CHECK_EQ(mmf_simple(MM_VAR_FN_READY_TO_BOOT), EFI_ST_SUCCESS);
	CHECK_EQ(prop_msg(MM_VAR_FN_VAR_CHECK_SET, "P", 1, 0, 0, 0, 1), EFI_ST_ACCESS_DENIED);
}

TEST_NEG(var_lock_after_ready_to_boot_denied)
{
	uint8_t p[64] = { 0 };
	uint32_t nsz = uvt_ucs2(p + MM_LOCK_NAME, "Late");

	memcpy(p, g1, 16);
	store_le64(p + MM_LOCK_NAMESIZE, nsz);
	CHECK_EQ(mmf_simple(MM_VAR_FN_READY_TO_BOOT), EFI_ST_SUCCESS);
	mmf_msg(0, MM_VAR_FN_LOCK_VARIABLE, p, MM_LOCK_NAME + nsz);
	CHECK_EQ(uv_mm_handle(&mmf_sp, 0), 0);
	CHECK_EQ(mmf_status(0), EFI_ST_ACCESS_DENIED);
	CHECK_EQ(mmf_set(g1, "Late", NB, "ok", 2), EFI_ST_SUCCESS);
}

TEST_NEG(var_lock_table_full)
{
	uint8_t p[64] = { 0 };
	uint64_t st = EFI_ST_SUCCESS;
	unsigned int n = 0;

	memcpy(p, g1, 16);
	while (st == EFI_ST_SUCCESS && n <= UV_MAX_LOCKS) {
		char name[16];
		uint32_t nsz;

		name[0] = 'L';
		name[1] = (char)('A' + n / 26);
		name[2] = (char)('a' + n % 26);
		name[3] = 0;
		n++;
		nsz = uvt_ucs2(p + MM_LOCK_NAME, name);
		store_le64(p + MM_LOCK_NAMESIZE, nsz);
		mmf_msg(0, MM_VAR_FN_LOCK_VARIABLE, p, MM_LOCK_NAME + nsz);
		CHECK_EQ(uv_mm_handle(&mmf_sp, 0), 0);
		st = mmf_status(0);
	}
	CHECK_EQ(st, EFI_ST_OUT_OF_RESOURCES);
	CHECK_EQ(n, UV_MAX_LOCKS + 1);
}

TEST_NEG(var_exit_boot_services_blocks_bs_writes)
{
	char out[16];

	CHECK_EQ(mmf_set(g1, "BsOnly", NB, "s", 1), EFI_ST_SUCCESS);
	CHECK_EQ(mmf_simple(MM_VAR_FN_EXIT_BOOT_SERVICE), EFI_ST_SUCCESS);
	CHECK_EQ(mmf_set(g1, "NewBs", NB, "x", 1), EFI_ST_INVALID_PARAMETER);
	CHECK_EQ(mmf_set(g1, "BsOnly", 0, NULL, 0), EFI_ST_NOT_FOUND);
	CHECK_EQ(getv("NewBs", NULL, out, 8), EFI_ST_NOT_FOUND);
	mmf_reboot();
	CHECK_EQ(getv("BsOnly", NULL, out, 8), EFI_ST_SUCCESS);
}

TEST_NEG(var_rt_without_bs_invalid)
{
	char out[8];

	CHECK_EQ(mmf_set(g1, "R", EFI_VAR_NV | EFI_VAR_RT, "x", 1), EFI_ST_INVALID_PARAMETER);
	CHECK_EQ(mmf_set(g1, "R", EFI_VAR_RT, "x", 1), EFI_ST_INVALID_PARAMETER);
	CHECK_EQ(getv("R", NULL, out, 4), EFI_ST_NOT_FOUND);
}

TEST_NEG(var_authenticated_unsupported)
{
	char out[8];

	CHECK_EQ(mmf_set(g1, "Auth", NB | EFI_VAR_AUTH_WRITE, "x", 1), EFI_ST_UNSUPPORTED);
	CHECK_EQ(mmf_set(g1, "Auth", NB | EFI_VAR_TIME_AUTH, "x", 1), EFI_ST_UNSUPPORTED);
	CHECK_EQ(mmf_set(g1, "Auth", NB | EFI_VAR_ENHANCED_AUTH, "x", 1), EFI_ST_UNSUPPORTED);
	CHECK_EQ(mmf_set(g1, "Auth", NB | EFI_VAR_HW_ERROR_RECORD, "x", 1), EFI_ST_UNSUPPORTED);
	CHECK_EQ(getv("Auth", NULL, out, 4), EFI_ST_NOT_FOUND);
}

TEST_NEG(var_unknown_attribute_bits_invalid)
{
	CHECK_EQ(mmf_set(g1, "U", NB | 0x100, "x", 1), EFI_ST_INVALID_PARAMETER);
	CHECK_EQ(mmf_set(g1, "U", NB | 0x80000000u, "x", 1), EFI_ST_INVALID_PARAMETER);
}

TEST_NEG(var_rewrite_with_other_attributes_invalid)
{
	char out[8];

	CHECK_EQ(mmf_set(g1, "Attr", NB, "x", 1), EFI_ST_SUCCESS);
	CHECK_EQ(mmf_set(g1, "Attr", NBR, "y", 1), EFI_ST_INVALID_PARAMETER);
	CHECK_EQ(mmf_set(g1, "Attr", BR, "y", 1), EFI_ST_INVALID_PARAMETER);
	CHECK_EQ(mmf_set(g1, "Attr", NBR, NULL, 0), EFI_ST_INVALID_PARAMETER);
	CHECK_EQ(getv("Attr", NULL, out, 4), EFI_ST_SUCCESS);
	CHECK(strcmp(out, "x") == 0);
}

TEST_NEG(var_delete_missing_not_found)
{
	CHECK_EQ(mmf_set(g1, "Nope", NB, NULL, 0), EFI_ST_NOT_FOUND);
	CHECK_EQ(mmf_set(g1, "Nope", 0, "x", 1), EFI_ST_NOT_FOUND);
	CHECK_EQ(mmf_set(mmf_guid2, "Nope", NB, NULL, 0), EFI_ST_NOT_FOUND);
}

TEST_NEG(var_same_name_other_guid_is_other_variable)
{
	char out[8];

	CHECK_EQ(mmf_set(g1, "Dup", NB, "x", 1), EFI_ST_SUCCESS);
	{
		uint64_t dsz = 4;

		CHECK_EQ(mmf_get(mmf_guid2, "Dup", NULL, out, &dsz), EFI_ST_NOT_FOUND);
	}
	CHECK_EQ(getv("dup", NULL, out, 4), EFI_ST_NOT_FOUND);   /* case-sensitive */
}

/* A SET_VARIABLE request with a hand-made NameSize and name bytes. */
static uint64_t raw_access(uint64_t func, uint64_t nsz, const uint8_t *name, uint32_t nbytes,
			   uint64_t dsz, uint64_t msg_extra)
{
	uint8_t p[256];

	memset(p, 0, sizeof(p));
	memcpy(p, g1, 16);
	store_le64(p + MM_ACC_DATASIZE, dsz);
	store_le64(p + MM_ACC_NAMESIZE, nsz);
	store_le32(p + MM_ACC_ATTR, NB);
	memcpy(p + MM_ACC_NAME, name, nbytes);
	mmf_msg(0, func, p, MM_ACC_NAME + nbytes + msg_extra);
	CHECK_EQ(uv_mm_handle(&mmf_sp, 0), 0);
	return mmf_status(0);
}

TEST_NEG(var_name_size_odd_or_unterminated)
{
	static const uint8_t ab[] = { 'A', 0, 'B', 0, 0, 0 };
	static const uint8_t unterminated[] = { 'A', 0, 'B', 0 };
	static const uint8_t inner_nul[] = { 'A', 0, 0, 0, 'B', 0, 0, 0 };
	uint64_t fn[2] = { MM_VAR_FN_SET_VARIABLE, MM_VAR_FN_GET_VARIABLE };

	for (unsigned int i = 0; i < 2; i++) {
		CHECK_EQ(raw_access(fn[i], 5, ab, 6, 0, 8), EFI_ST_INVALID_PARAMETER);
		CHECK_EQ(raw_access(fn[i], 4, unterminated, 4, 0, 8), EFI_ST_INVALID_PARAMETER);
		CHECK_EQ(raw_access(fn[i], 8, inner_nul, 8, 0, 8), EFI_ST_INVALID_PARAMETER);
		CHECK_EQ(raw_access(fn[i], 0, ab, 0, 0, 8), EFI_ST_INVALID_PARAMETER);
		CHECK_EQ(raw_access(fn[i], 1, ab, 1, 0, 8), EFI_ST_INVALID_PARAMETER);
	}
	/* Empty name: nothing to set. */
	CHECK_EQ(raw_access(MM_VAR_FN_SET_VARIABLE, 2, ab + 4, 2, 1, 8), EFI_ST_INVALID_PARAMETER);
}

TEST_NEG(var_lengths_past_message_invalid)
{
	static const uint8_t ab[] = { 'A', 0, 'B', 0, 0, 0 };

	/* NameSize beyond the message. */
	CHECK_EQ(raw_access(MM_VAR_FN_SET_VARIABLE, 6 + 100, ab, 6, 1, 1),
		 EFI_ST_INVALID_PARAMETER);
	CHECK_EQ(raw_access(MM_VAR_FN_SET_VARIABLE, ~0ull - 1, ab, 6, 1, 1),
		 EFI_ST_INVALID_PARAMETER);
	/* DataSize beyond the message (and wrapping). */
	CHECK_EQ(raw_access(MM_VAR_FN_SET_VARIABLE, 6, ab, 6, 2, 1), EFI_ST_INVALID_PARAMETER);
	CHECK_EQ(raw_access(MM_VAR_FN_SET_VARIABLE, 6, ab, 6, ~0ull - 5, 1),
		 EFI_ST_INVALID_PARAMETER);
	CHECK_EQ(raw_access(MM_VAR_FN_SET_VARIABLE, 6, ab, 6, 1, 1), EFI_ST_SUCCESS);
}

TEST_NEG(var_get_huge_datasize_clamped_to_buffer)
{
	static const uint8_t ab[] = { 'A', 0, 'B', 0, 0, 0 };

	CHECK_EQ(raw_access(MM_VAR_FN_SET_VARIABLE, 6, ab, 6, 1, 1), EFI_ST_SUCCESS);
	/* A DataSize far past the shared buffer must not make us write there. */
	CHECK_EQ(raw_access(MM_VAR_FN_GET_VARIABLE, 6, ab, 6, ~0ull, 0), EFI_ST_SUCCESS);
	CHECK_EQ(load_le64(mmf_buf + MM_HDR_SIZE + MM_VAR_HDR_SIZE + MM_ACC_DATASIZE), 1);
}

TEST_NEG(var_get_next_bad_requests)
{
	uint8_t guid[16] = { 0 };
	char out[64];
	uint64_t nsz;
	uint8_t p[64];

	CHECK_EQ(mmf_set(g1, "Only", NB, "a", 1), EFI_ST_SUCCESS);
	/* A name that does not exist. */
	memcpy(guid, g1, 16);
	CHECK_EQ(mmf_next(guid, "Ghost", 64, out, &nsz), EFI_ST_INVALID_PARAMETER);
	/* Odd and tiny NameSize. */
	CHECK_EQ(mmf_next(guid, "", 3, out, &nsz), EFI_ST_INVALID_PARAMETER);
	CHECK_EQ(mmf_next(guid, "", 0, out, &nsz), EFI_ST_INVALID_PARAMETER);
	/* No NUL inside NameSize. */
	memset(p, 'x', sizeof(p));
	store_le64(p + MM_NEXT_NAMESIZE, 8);
	mmf_msg(0, MM_VAR_FN_GET_NEXT_VARIABLE_NAME, p, MM_NEXT_NAME + 8);
	CHECK_EQ(uv_mm_handle(&mmf_sp, 0), 0);
	CHECK_EQ(mmf_status(0), EFI_ST_INVALID_PARAMETER);
	/* NameSize past the message. */
	store_le64(p + MM_NEXT_NAMESIZE, 64);
	mmf_msg(0, MM_VAR_FN_GET_NEXT_VARIABLE_NAME, p, MM_NEXT_NAME + 8);
	CHECK_EQ(uv_mm_handle(&mmf_sp, 0), 0);
	CHECK_EQ(mmf_status(0), EFI_ST_INVALID_PARAMETER);
}

TEST_NEG(var_query_info_bad_attributes)
{
	static const uint32_t bad[] = { 0, EFI_VAR_NV, EFI_VAR_RT, NB | EFI_VAR_APPEND_WRITE,
					0x100 | NB };

	for (unsigned int i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		uint8_t *p = mmf_msg(0, MM_VAR_FN_QUERY_VARIABLE_INFO, NULL, MM_QVI_SIZE);

		memset(p, 0, MM_QVI_SIZE);
		store_le32(p + MM_QVI_ATTR, bad[i]);
		CHECK_EQ(uv_mm_handle(&mmf_sp, 0), 0);
		CHECK_EQ(mmf_status(0), EFI_ST_INVALID_PARAMETER);
	}
}

TEST_NEG(var_too_large_and_store_full)
{
	static uint8_t big[40000];
	uint64_t st = EFI_ST_SUCCESS;
	int n = 0;

	CHECK_EQ(mmf_set(g1, "Huge", NB, big, mmf_sp.nv.max_var), EFI_ST_INVALID_PARAMETER);
	while (st == EFI_ST_SUCCESS && n < 100) {
		char name[8] = { 'F', (char)('A' + n / 26), (char)('a' + n % 26), 0 };

		st = mmf_set(g1, name, NB, big, 4000);
		n++;
	}
	CHECK_EQ(st, EFI_ST_OUT_OF_RESOURCES);
	mmf_reboot();
	CHECK_EQ(mmf_sp.nv.count, (uint32_t)(n - 1));
}

TEST_NEG(var_no_flash_nv_device_error_volatile_works)
{
	char out[8];

	mmf_no_flash();
	CHECK_EQ(mmf_set(g1, "Nv", NB, "x", 1), EFI_ST_DEVICE_ERROR);
	CHECK_EQ(mmf_set(g1, "Vol", BR, "y", 1), EFI_ST_SUCCESS);
	CHECK_EQ(getv("Vol", NULL, out, 4), EFI_ST_SUCCESS);
	CHECK_EQ(getv("Nv", NULL, out, 4), EFI_ST_NOT_FOUND);
}

TEST_NEG(var_flash_failure_device_error)
{
	char out[8];

	CHECK_EQ(mmf_set(g1, "Old", NB, "o", 1), EFI_ST_SUCCESS);
	mmf_flash.cut_at = mmf_flash.ops;
	CHECK_EQ(mmf_set(g1, "New", NB, "n", 1), EFI_ST_DEVICE_ERROR);
	mmf_reboot();
	CHECK_EQ(getv("Old", NULL, out, 4), EFI_ST_SUCCESS);
	CHECK_EQ(getv("New", NULL, out, 4), EFI_ST_NOT_FOUND);
}
