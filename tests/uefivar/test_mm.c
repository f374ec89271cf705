// SPDX-License-Identifier: MIT
/* MM communicate framing and the two FF-A register conventions. */
#include <string.h>

#include "common/byteorder.h"
#include "tests/harness/check.h"
#include "tests/uefivar/mmfix.h"

static int64_t direct(unsigned int conv, enum spmc_msg_kind kind, uint64_t x3, uint64_t *reply)
{
	struct spmc_partition parts[2];
	struct spmc_msg m;

	uv_sp_partitions(&mmf_sp, parts);
	memset(&m, 0, sizeof(m));
	m.kind = kind;
	m.args[0] = x3;
	CHECK_EQ(parts[conv].direct(NULL, &parts[conv], &m), FFA_RET_SUCCESS);
	*reply = m.args[0];
	for (unsigned int i = 1; i < SPMC_MSG_ARGS; i++)
		CHECK_EQ(m.args[i], 0);
	return (int64_t)m.args[0];
}

TEST(mm_partitions_have_documented_ids_and_uuids)
{
	struct spmc_partition p[2];
	static const struct ffa_uuid a = FFA_UUID_UEFI_VAR, c = FFA_UUID_EDK2_MM;

	uv_sp_partitions(&mmf_sp, p);
	CHECK_EQ(p[0].id, MM_VAR_ID_A);
	CHECK_EQ(p[1].id, MM_VAR_ID_C);
	CHECK(ffa_uuid_equal(&p[0].uuid, &a));
	CHECK(ffa_uuid_equal(&p[1].uuid, &c));
	CHECK_EQ(ffa_uuid_word(&p[0].uuid, 0), 0x33d532ed);
	CHECK_EQ(ffa_uuid_word(&p[0].uuid, 3), 0xa798d9cd);
	CHECK(p[0].properties & FFA_PART_PROP_DIRECT_REQ_RECV);
}

TEST(mm_convention_a_offset)
{
	uint64_t reply;

	mmf_msg(0x1000, MM_VAR_FN_READY_TO_BOOT, NULL, 0);
	CHECK_EQ(direct(0, SPMC_MSG_REQ64, 0x1000, &reply), MM_RET_SUCCESS);
	CHECK_EQ(mmf_status(0x1000), EFI_ST_SUCCESS);
	CHECK_EQ(mmf_msglen(0x1000), MM_VAR_HDR_SIZE);
	CHECK(mmf_sp.vars.ready_to_boot);
}

TEST(mm_convention_c_physical_address)
{
	uint64_t reply;

	mmf_msg(0x200, MM_VAR_FN_EXIT_BOOT_SERVICE, NULL, 0);
	direct(1, SPMC_MSG_REQ64, MMF_PA + 0x200, &reply);
	CHECK_EQ(reply, MM_RET_C_SUCCESS);
	CHECK_EQ(mmf_status(0x200), EFI_ST_SUCCESS);
	CHECK(mmf_sp.vars.exit_boot);
}

TEST(mm_message_length_updated_to_response)
{
	uint8_t *p = mmf_msg(0, MM_VAR_FN_QUERY_VARIABLE_INFO, NULL, 0);

	memset(p, 0, 40);
	store_le32(p + MM_QVI_ATTR, EFI_VAR_NV | EFI_VAR_BS);
	store_le64(mmf_buf + MM_HDR_LEN, MM_VAR_HDR_SIZE + 40);   /* clients pad */
	CHECK_EQ(uv_mm_handle(&mmf_sp, 0), 0);
	CHECK_EQ(mmf_status(0), EFI_ST_SUCCESS);
	CHECK_EQ(mmf_msglen(0), MM_VAR_HDR_SIZE + MM_QVI_SIZE);
}

TEST(mm_payload_size)
{
	uint8_t *p = mmf_msg(0, MM_VAR_FN_GET_PAYLOAD_SIZE, NULL, 8);

	CHECK_EQ(uv_mm_handle(&mmf_sp, 0), 0);
	CHECK_EQ(mmf_status(0), EFI_ST_SUCCESS);
	CHECK_EQ(load_le64(p), MM_ACC_NAME + mmf_sp.nv.max_var);
	CHECK(load_le64(p) <= MMF_BUF_SIZE - MM_HDR_SIZE - MM_VAR_HDR_SIZE);
}

TEST_NEG(mm_req32_not_supported)
{
	uint64_t reply;

	mmf_msg(0, MM_VAR_FN_READY_TO_BOOT, NULL, 0);
	CHECK_EQ(direct(0, SPMC_MSG_REQ32, 0, &reply), MM_RET_NOT_SUPPORTED);
	CHECK(!mmf_sp.vars.ready_to_boot);
	CHECK_EQ(direct(1, SPMC_MSG_REQ32, MMF_PA, &reply), MM_RET_NOT_SUPPORTED);
}

TEST_NEG(mm_offset_past_buffer)
{
	uint64_t reply;

	CHECK_EQ(direct(0, SPMC_MSG_REQ64, MMF_BUF_SIZE, &reply), MM_RET_INVALID_PARAMETER);
	CHECK_EQ(direct(0, SPMC_MSG_REQ64, MMF_BUF_SIZE - 23, &reply), MM_RET_INVALID_PARAMETER);
	CHECK_EQ(direct(0, SPMC_MSG_REQ64, ~0ull, &reply), MM_RET_INVALID_PARAMETER);
	CHECK_EQ(direct(0, SPMC_MSG_REQ64, ~0ull - 10, &reply), MM_RET_INVALID_PARAMETER);
}

TEST_NEG(mm_convention_c_address_outside_buffer)
{
	uint64_t reply;

	CHECK_EQ(direct(1, SPMC_MSG_REQ64, MMF_PA - 1, &reply), MM_RET_INVALID_PARAMETER);
	CHECK_EQ(direct(1, SPMC_MSG_REQ64, MMF_PA + MMF_BUF_SIZE, &reply),
		 MM_RET_INVALID_PARAMETER);
	CHECK_EQ(direct(1, SPMC_MSG_REQ64, 0, &reply), MM_RET_INVALID_PARAMETER);
	/* Offsets are not addresses: convention C refuses a bare offset. */
	mmf_msg(0, MM_VAR_FN_READY_TO_BOOT, NULL, 0);
	CHECK_EQ(direct(1, SPMC_MSG_REQ64, 0, &reply), MM_RET_INVALID_PARAMETER);
	CHECK(!mmf_sp.vars.ready_to_boot);
}

TEST_NEG(mm_length_overflow)
{
	mmf_msg(0x100, MM_VAR_FN_READY_TO_BOOT, NULL, 0);
	store_le64(mmf_buf + 0x100 + MM_HDR_LEN, ~0ull);
	CHECK_EQ(uv_mm_handle(&mmf_sp, 0x100), MM_RET_INVALID_PARAMETER);
	store_le64(mmf_buf + 0x100 + MM_HDR_LEN, ~0ull - 0x100 - 23);  /* wraps off+24+len */
	CHECK_EQ(uv_mm_handle(&mmf_sp, 0x100), MM_RET_INVALID_PARAMETER);
	store_le64(mmf_buf + 0x100 + MM_HDR_LEN, MMF_BUF_SIZE - 0x100 - MM_HDR_SIZE + 1);
	CHECK_EQ(uv_mm_handle(&mmf_sp, 0x100), MM_RET_INVALID_PARAMETER);
	CHECK(!mmf_sp.vars.ready_to_boot);
	/* The last byte that fits is fine. */
	store_le64(mmf_buf + 0x100 + MM_HDR_LEN, MMF_BUF_SIZE - 0x100 - MM_HDR_SIZE);
	CHECK_EQ(uv_mm_handle(&mmf_sp, 0x100), MM_RET_SUCCESS);
}

TEST_NEG(mm_bad_guid)
{
	mmf_msg(0, MM_VAR_FN_READY_TO_BOOT, NULL, 0);
	mmf_buf[MM_HDR_GUID] ^= 0x80;
	CHECK_EQ(uv_mm_handle(&mmf_sp, 0), MM_RET_NOT_SUPPORTED);
	CHECK_EQ(mmf_status(0), 0x1234);  /* untouched */
	CHECK(!mmf_sp.vars.ready_to_boot);
	mmf_msg(0, MM_VAR_FN_READY_TO_BOOT, NULL, 0);
	mmf_buf[MM_HDR_GUID + 15] = 0;
	CHECK_EQ(uv_mm_handle(&mmf_sp, 0), MM_RET_NOT_SUPPORTED);
}

TEST_NEG(mm_message_shorter_than_variable_header)
{
	mmf_msg(0, MM_VAR_FN_READY_TO_BOOT, NULL, 0);
	store_le64(mmf_buf + MM_HDR_LEN, MM_VAR_HDR_SIZE - 1);
	CHECK_EQ(uv_mm_handle(&mmf_sp, 0), MM_RET_DENIED);
	store_le64(mmf_buf + MM_HDR_LEN, 0);
	CHECK_EQ(uv_mm_handle(&mmf_sp, 0), MM_RET_DENIED);
	CHECK(!mmf_sp.vars.ready_to_boot);
}

TEST_NEG(mm_guid_checked_before_length)
{
	/* Documented order: lengths, then GUID, then the 16-byte minimum. */
	mmf_msg(0, MM_VAR_FN_READY_TO_BOOT, NULL, 0);
	mmf_buf[MM_HDR_GUID] = 0;
	store_le64(mmf_buf + MM_HDR_LEN, 3);
	CHECK_EQ(uv_mm_handle(&mmf_sp, 0), MM_RET_NOT_SUPPORTED);
	store_le64(mmf_buf + MM_HDR_LEN, MMF_BUF_SIZE);
	CHECK_EQ(uv_mm_handle(&mmf_sp, 0), MM_RET_INVALID_PARAMETER);
}

TEST_NEG(mm_unknown_functions_unsupported)
{
	CHECK_EQ(mmf_simple(MM_VAR_FN_GET_STATISTICS), EFI_ST_UNSUPPORTED);
	CHECK_EQ(mmf_simple(0), EFI_ST_UNSUPPORTED);
	CHECK_EQ(mmf_simple(12), EFI_ST_UNSUPPORTED);
	CHECK_EQ(mmf_simple(1ull << 32 | MM_VAR_FN_READY_TO_BOOT), EFI_ST_UNSUPPORTED);
	CHECK(!mmf_sp.vars.ready_to_boot);
}

TEST_NEG(mm_no_buffer_denied)
{
	uint8_t *saved = mmf_sp.buf;

	mmf_sp.buf = NULL;
	CHECK_EQ(uv_mm_handle(&mmf_sp, 0), MM_RET_DENIED);
	mmf_sp.buf = saved;
	mmf_sp.buf_size = UV_MM_BUF_MAX + 1;
	CHECK_EQ(uv_mm_handle(&mmf_sp, 0), MM_RET_DENIED);
}

TEST_NEG(mm_truncated_payloads_invalid)
{
	static const uint64_t fn[] = {
		MM_VAR_FN_GET_VARIABLE, MM_VAR_FN_GET_NEXT_VARIABLE_NAME, MM_VAR_FN_SET_VARIABLE,
		MM_VAR_FN_QUERY_VARIABLE_INFO, MM_VAR_FN_LOCK_VARIABLE, MM_VAR_FN_VAR_CHECK_SET,
		MM_VAR_FN_VAR_CHECK_GET, MM_VAR_FN_GET_PAYLOAD_SIZE,
	};
	uint8_t zero[64] = { 0 };

	for (unsigned int i = 0; i < sizeof(fn) / sizeof(fn[0]); i++) {
		mmf_msg(0, fn[i], zero, 7);
		CHECK_EQ(uv_mm_handle(&mmf_sp, 0), MM_RET_SUCCESS);
		CHECK_EQ(mmf_status(0), EFI_ST_INVALID_PARAMETER);
		CHECK_EQ(mmf_msglen(0), MM_VAR_HDR_SIZE + 7);
	}
}
