/* SPDX-License-Identifier: MIT */
/*
 * The client against the real hosted SPMC: negotiation, buffers, discovery,
 * direct messages, and the ffa-host script itself.
 */
#include <stdio.h>
#include <string.h>

#include "host/cli/session.h"
#include "services/test_sp.h"
#include "services/test/test_sp.h"
#include "tests/client/simfix.h"
#include "tests/harness/check.h"

static const struct ffa_uuid TEST_SP_UUID = FFA_UUID_FFA_STACK_TEST;

/* NS_INFO through the partition: what the SPMC believes about us. */
static int32_t ns_info(uint64_t o[FFA_CLIENT_REQ_ARGS])
{
	uint64_t a[FFA_CLIENT_REQ_ARGS] = { TEST_SP_CMD_NS_INFO };
	int32_t ret = ffa_client_direct_req64(&SF.c, TEST_SP_ID, a, o);

	return ret ? ret : (int32_t)o[0];
}

/* ---- version ---- */

TEST(sess_negotiate_1_2)
{
	CHECK(simfix_open(NULL, 0, 0));
	CHECK_EQ(ffa_client_negotiate(&SF.c, FFA_VERSION_1_2), FFA_RET_SUCCESS);
	CHECK_EQ(SF.c.version, FFA_VERSION_1_2);
	CHECK_EQ(SF.c.spmc_version, FFA_VERSION_1_2);
}

TEST(sess_negotiate_1_1_keeps_lower)
{
	uint64_t o[FFA_CLIENT_REQ_ARGS];

	CHECK(simfix_open(NULL, FFA_VERSION_1_1, 0));
	CHECK_EQ(SF.c.version, FFA_VERSION_1_1);
	CHECK_EQ(SF.c.spmc_version, FFA_VERSION_1_2);
	CHECK_EQ(ns_info(o), FFA_RET_SUCCESS);
	CHECK_EQ((uint32_t)o[1], FFA_VERSION_1_1);
	CHECK((o[1] >> 32) & TEST_SP_NS_INFO_LOCKED);
}

TEST_NEG(sess_renegotiate_after_use_denied)
{
	CHECK(simfix_open(NULL, FFA_VERSION_1_2, 1));
	simfix_reset_counts();
	CHECK_EQ(ffa_client_negotiate(&SF.c, FFA_VERSION_1_1), FFA_RET_DENIED);
	CHECK_EQ(simfix_count(FFA_VERSION), 0);
	CHECK_EQ(SF.c.version, FFA_VERSION_1_2);
	/* Asking again for the version in force is harmless. */
	CHECK_EQ(ffa_client_negotiate(&SF.c, FFA_VERSION_1_2), FFA_RET_SUCCESS);
}

/* ---- ID, features ---- */

TEST(sess_id_get_is_ns_physical)
{
	uint16_t id = 0xFFFF;

	CHECK(simfix_open(NULL, FFA_VERSION_1_2, 0));
	CHECK_EQ(ffa_client_id_get(&SF.c, &id), FFA_RET_SUCCESS);
	CHECK_EQ(id, FFA_ID_NS_PHYS);
	CHECK_EQ(SF.c.id, FFA_ID_NS_PHYS);
}

TEST(sess_features_rxtx_limits)
{
	uint32_t props = 0xFFFFFFFFu;

	CHECK(simfix_open(NULL, FFA_VERSION_1_2, 0));
	CHECK_EQ(ffa_client_features(&SF.c, FFA_RXTX_MAP_64, 0, &props, NULL), FFA_RET_SUCCESS);
	CHECK_EQ(props & FFA_FEAT_RXTX_MIN_SIZE_MASK, FFA_FEAT_RXTX_MIN_SIZE_4K);
	CHECK(props >> FFA_FEAT_RXTX_MAX_PAGES_SHIFT >= 1);
	CHECK_EQ(ffa_client_features(&SF.c, FFA_MEM_SHARE_64, 0, NULL, NULL), FFA_RET_SUCCESS);
}

TEST_NEG(sess_features_unknown_not_supported)
{
	CHECK(simfix_open(NULL, FFA_VERSION_1_2, 0));
	CHECK_EQ(ffa_client_features(&SF.c, FFA_MEM_DONATE_64, 0, NULL, NULL),
		 FFA_RET_NOT_SUPPORTED);
	CHECK_EQ(ffa_client_features(&SF.c, 0x8400FFFFu, 0, NULL, NULL), FFA_RET_NOT_SUPPORTED);
}

TEST_NEG(sess_features_req2_hidden_below_1_2)
{
	CHECK(simfix_open(NULL, FFA_VERSION_1_1, 0));
	CHECK_EQ(ffa_client_features(&SF.c, FFA_MSG_SEND_DIRECT_REQ2, 0, NULL, NULL),
		 FFA_RET_NOT_SUPPORTED);
}

/* ---- RX/TX ---- */

TEST(sess_map_unmap_remap)
{
	uint64_t o[FFA_CLIENT_REQ_ARGS], tx, rx;

	CHECK(simfix_open(NULL, FFA_VERSION_1_2, 1));
	CHECK_EQ(ns_info(o), FFA_RET_SUCCESS);
	CHECK_EQ(o[2], SF.c.tx_pa);
	CHECK_EQ(o[3], SF.c.rx_pa);
	CHECK_EQ(ffa_client_unmap_rxtx(&SF.c), FFA_RET_SUCCESS);
	CHECK(!SF.c.mapped);
	tx = simfix_alloc(2);
	rx = simfix_alloc(2);
	CHECK_EQ(ffa_client_map_rxtx(&SF.c, tx, rx, 2), FFA_RET_SUCCESS);
	CHECK_EQ(ns_info(o), FFA_RET_SUCCESS);
	CHECK_EQ(o[2], tx);
	CHECK_EQ(o[3], rx);
	CHECK_EQ(o[4] & 0xFFFF, 2);
}

TEST_NEG(sess_map_twice_denied)
{
	struct ffa_regs r;

	CHECK(simfix_open(NULL, FFA_VERSION_1_2, 1));
	simfix_reset_counts();
	CHECK_EQ(ffa_client_map_rxtx(&SF.c, simfix_alloc(1), simfix_alloc(1), 1), FFA_RET_DENIED);
	CHECK_EQ(simfix_count(FFA_RXTX_MAP_64), 0);
	/* And the SPMC agrees when asked behind the client's back. */
	ffa_regs_clear(&r);
	r.x[0] = FFA_RXTX_MAP_64;
	r.x[1] = simfix_alloc(1);
	r.x[2] = simfix_alloc(1);
	r.x[3] = 1;
	ffa_client_call(&SF.c, &r);
	CHECK(ffa_is_error(&r));
	CHECK_EQ(ffa_error_code(&r), FFA_RET_DENIED);
}

TEST_NEG(sess_map_bad_arguments_refused_locally)
{
	uint64_t a;

	CHECK(simfix_open(NULL, FFA_VERSION_1_2, 0));
	a = simfix_alloc(8);
	simfix_reset_counts();
	CHECK_EQ(ffa_client_map_rxtx(&SF.c, a + 8, a + 4096, 1), FFA_RET_INVALID_PARAMETERS);
	CHECK_EQ(ffa_client_map_rxtx(&SF.c, a, a + 4096, 2), FFA_RET_INVALID_PARAMETERS);
	CHECK_EQ(ffa_client_map_rxtx(&SF.c, a, a + 8192, 0), FFA_RET_INVALID_PARAMETERS);
	CHECK_EQ(ffa_client_map_rxtx(&SF.c, a, a + 8192, 64), FFA_RET_INVALID_PARAMETERS);
	CHECK_EQ(ffa_client_map_rxtx(&SF.c, 0x1000, a, 1), FFA_RET_INVALID_PARAMETERS);
	CHECK_EQ(ffa_client_map_rxtx(&SF.c, a, UINT64_MAX - 4095, 1), FFA_RET_INVALID_PARAMETERS);
	CHECK_EQ(simfix_count(FFA_RXTX_MAP_64), 0);
	CHECK(!SF.c.mapped);
}

TEST_NEG(sess_unmap_when_unmapped)
{
	struct ffa_regs r;

	CHECK(simfix_open(NULL, FFA_VERSION_1_2, 0));
	CHECK_EQ(ffa_client_unmap_rxtx(&SF.c), FFA_RET_DENIED);
	ffa_regs_clear(&r);
	r.x[0] = FFA_RXTX_UNMAP;
	ffa_client_call(&SF.c, &r);
	CHECK(ffa_is_error(&r));
}

TEST_NEG(sess_rx_release_without_message)
{
	CHECK(simfix_open(NULL, FFA_VERSION_1_2, 1));
	/* Nothing was delivered: the SPMC must not accept a release. */
	CHECK_EQ(ffa_client_rx_release(&SF.c), FFA_RET_DENIED);
}

/* ---- discovery ---- */

/* A fresh client at `version` lists partitions (uuid: NULL for all) into p[0, cap). */
static uint32_t partitions_at(uint32_t version, const struct ffa_uuid *uuid,
			      struct ffa_partinfo *p, uint32_t cap)
{
	uint32_t n = 0;

	CHECK(simfix_open(NULL, version, 1));
	CHECK_EQ(ffa_client_partitions(&SF.c, uuid, p, cap, &n), FFA_RET_SUCCESS);
	return n;
}

TEST(sess_partitions_lists_test_partition)
{
	struct ffa_partinfo p[4];

	CHECK_EQ(partitions_at(FFA_VERSION_1_2, NULL, p, 4), 1);
	CHECK_EQ(p[0].id, TEST_SP_ID);
	CHECK_EQ(p[0].exec_ctx_count, 1);
	CHECK(p[0].properties & FFA_PART_PROP_DIRECT_REQ_RECV);
	CHECK(p[0].properties & FFA_PART_PROP_DIRECT_REQ2_RECV);
	CHECK(ffa_uuid_equal(&p[0].uuid, &TEST_SP_UUID));
	CHECK(!SF.c.rx_held);
	CHECK_EQ(simfix_count(FFA_RX_RELEASE), 1);
}

TEST(sess_partitions_by_uuid_and_find)
{
	struct ffa_partinfo p[2];
	uint16_t id = 0;

	CHECK_EQ(partitions_at(FFA_VERSION_1_2, &TEST_SP_UUID, p, 2), 1);
	CHECK_EQ(p[0].id, TEST_SP_ID);
	CHECK_EQ(ffa_client_find_partition(&SF.c, &TEST_SP_UUID, &id), FFA_RET_SUCCESS);
	CHECK_EQ(id, TEST_SP_ID);
}

TEST(sess_partition_count_needs_no_buffers)
{
	uint32_t n = 0;

	CHECK(simfix_open(NULL, FFA_VERSION_1_2, 0));
	CHECK_EQ(ffa_client_partition_count(&SF.c, NULL, &n), FFA_RET_SUCCESS);
	CHECK_EQ(n, 1);
	CHECK_EQ(simfix_count(FFA_RX_RELEASE), 0);
}

TEST(sess_partitions_regs_match_rx_list)
{
	struct ffa_partinfo a[4], b[4];
	uint32_t na = 0, nb = 0;

	CHECK(simfix_open(NULL, FFA_VERSION_1_2, 1));
	CHECK_EQ(ffa_client_partitions(&SF.c, NULL, a, 4, &na), FFA_RET_SUCCESS);
	CHECK_EQ(ffa_client_partitions_regs(&SF.c, NULL, b, 4, &nb), FFA_RET_SUCCESS);
	CHECK_EQ(na, nb);
	CHECK_EQ(b[0].id, a[0].id);
	CHECK_EQ(b[0].properties, a[0].properties);
	CHECK(ffa_uuid_equal(&b[0].uuid, &a[0].uuid));
}

/* Seven copies of the test partition, each its own ID and UUID. */
static struct spmc_partition many[7];
static const struct spmc_partition *many_ptrs[7];

static void make_many(struct host_sim_config *cfg)
{
	for (unsigned int i = 0; i < 7; i++) {
		memcpy(&many[i], test_sp_partition(), sizeof(many[i]));
		many[i].id = (uint16_t)(TEST_SP_ID + i);
		many[i].uuid.b[15] = (uint8_t)(0x10 + i);
		many_ptrs[i] = &many[i];
	}
	memset(cfg, 0, sizeof(*cfg));
	cfg->parts = many_ptrs;
	cfg->part_count = 7;
}

TEST(sess_partitions_regs_paginate)
{
	struct host_sim_config cfg;
	struct ffa_partinfo a[8], b[8];
	uint32_t na = 0, nb = 0;

	make_many(&cfg);
	CHECK(simfix_open(&cfg, FFA_VERSION_1_2, 1));
	simfix_reset_counts();
	CHECK_EQ(ffa_client_partitions_regs(&SF.c, NULL, b, 8, &nb), FFA_RET_SUCCESS);
	CHECK_EQ(nb, 7);
	/* Five descriptors per call: seven take two calls. */
	CHECK_EQ(simfix_count(FFA_PARTITION_INFO_GET_REGS), 2);
	CHECK_EQ(ffa_client_partitions(&SF.c, NULL, a, 8, &na), FFA_RET_SUCCESS);
	CHECK_EQ(na, 7);
	for (unsigned int i = 0; i < 7; i++) {
		CHECK_EQ(b[i].id, a[i].id);
		CHECK(ffa_uuid_equal(&b[i].uuid, &a[i].uuid));
	}
	CHECK_EQ(b[6].id, TEST_SP_ID + 6);
}

TEST_NEG(sess_partitions_cap_too_small)
{
	struct host_sim_config cfg;
	struct ffa_partinfo p[8];
	uint32_t n = 0;

	make_many(&cfg);
	CHECK(simfix_open(&cfg, FFA_VERSION_1_2, 1));
	CHECK_EQ(ffa_client_partitions(&SF.c, NULL, p, 2, &n), FFA_RET_NO_MEMORY);
	CHECK_EQ(n, 7);
	CHECK_EQ(p[1].id, TEST_SP_ID + 1);
	/* RX went back even so: the next query works. */
	CHECK_EQ(ffa_client_partitions(&SF.c, NULL, p, 8, &n), FFA_RET_SUCCESS);
	CHECK_EQ(ffa_client_partitions_regs(&SF.c, NULL, p, 3, &n), FFA_RET_NO_MEMORY);
	CHECK_EQ(n, 7);
}

TEST(sess_v1_0_partitions_short_layout)
{
	struct ffa_partinfo p[2];

	CHECK_EQ(partitions_at(FFA_VERSION_1_0, NULL, p, 2), 1);
	CHECK_EQ(p[0].id, TEST_SP_ID);
	CHECK(ffa_uuid_is_nil(&p[0].uuid));
}

TEST_NEG(sess_partitions_before_map_denied)
{
	struct ffa_partinfo p[2];
	struct ffa_regs r;
	uint32_t n = 5;

	CHECK(simfix_open(NULL, FFA_VERSION_1_2, 0));
	simfix_reset_counts();
	CHECK_EQ(ffa_client_partitions(&SF.c, NULL, p, 2, &n), FFA_RET_DENIED);
	CHECK_EQ(n, 0);
	CHECK_EQ(simfix_count(FFA_PARTITION_INFO_GET), 0);
	/* The SPMC itself has nowhere to write the list either. */
	ffa_regs_clear(&r);
	r.x[0] = FFA_PARTITION_INFO_GET;
	ffa_client_call(&SF.c, &r);
	CHECK(ffa_is_error(&r));
}

TEST_NEG(sess_calls_before_version_denied)
{
	struct ffa_partinfo p[2];
	uint32_t n;

	CHECK(simfix_open(NULL, 0, 0));
	CHECK_EQ(ffa_client_partitions(&SF.c, NULL, p, 2, &n), FFA_RET_DENIED);
	CHECK_EQ(ffa_client_partition_count(&SF.c, NULL, &n), FFA_RET_DENIED);
	CHECK_EQ(ffa_client_partitions_regs(&SF.c, NULL, p, 2, &n), FFA_RET_DENIED);
	CHECK_EQ(SF.c.version_locked, false);
}

TEST_NEG(sess_partitions_unknown_uuid)
{
	struct ffa_uuid u = FFA_UUID_TPM_CRB;
	struct ffa_partinfo p[2];
	uint32_t n = 9;
	uint16_t id;

	CHECK(simfix_open(NULL, FFA_VERSION_1_2, 1));
	CHECK_EQ(ffa_client_partitions(&SF.c, &u, p, 2, &n), FFA_RET_INVALID_PARAMETERS);
	CHECK_EQ(n, 0);
	CHECK_EQ(ffa_client_find_partition(&SF.c, &u, &id), FFA_RET_INVALID_PARAMETERS);
	CHECK(!SF.c.rx_held);
}

TEST_NEG(sess_regs_and_req2_need_1_2)
{
	struct ffa_partinfo p[2];
	uint64_t a[FFA_CLIENT_REQ2_ARGS] = { TEST_SP_CMD_ECHO }, o[FFA_CLIENT_REQ2_ARGS];
	struct ffa_regs r;
	uint32_t n;

	CHECK(simfix_open(NULL, FFA_VERSION_1_1, 1));
	simfix_reset_counts();
	CHECK_EQ(ffa_client_partitions_regs(&SF.c, NULL, p, 2, &n), FFA_RET_NOT_SUPPORTED);
	CHECK_EQ(ffa_client_direct_req2(&SF.c, TEST_SP_ID, &TEST_SP_UUID, a, o), FFA_RET_NOT_SUPPORTED);
	CHECK_EQ(simfix_count(FFA_MSG_SEND_DIRECT_REQ2), 0);
	/* The SPMC enforces the same rule for a 1.1 caller. */
	ffa_regs_clear(&r);
	r.x[0] = FFA_MSG_SEND_DIRECT_REQ2;
	r.x[1] = ffa_pack_ids(0, TEST_SP_ID);
	r.x[4] = TEST_SP_CMD_ECHO;
	ffa_client_call(&SF.c, &r);
	CHECK_EQ(ffa_error_code(&r), FFA_RET_NOT_SUPPORTED);
}

/* Rewrites the partition count of the real SPMC's answer. */
static void inflate_count(const struct ffa_regs *in, struct ffa_regs *out)
{
	if ((uint32_t)in->x[0] == FFA_PARTITION_INFO_GET && !ffa_is_error(out))
		out->x[2] = 1000;
}

TEST_NEG(sess_real_spmc_answer_tampered_count)
{
	struct ffa_partinfo p[4];
	uint32_t n;

	CHECK(simfix_open(NULL, FFA_VERSION_1_2, 1));
	SF.mutate = inflate_count;
	CHECK_EQ(ffa_client_partitions(&SF.c, NULL, p, 4, &n), FFA_CLIENT_BAD_RESPONSE);
	SF.mutate = NULL;
	/* The refused answer's RX was still handed back. */
	CHECK_EQ(ffa_client_partitions(&SF.c, NULL, p, 4, &n), FFA_RET_SUCCESS);
	CHECK_EQ(n, 1);
}

/* ---- direct messages ---- */

TEST(sess_direct32_echo)
{
	uint32_t a[FFA_CLIENT_REQ_ARGS] = { TEST_SP_CMD_ECHO, 0xdeadbeef, 2, 3, 0xffffffff };
	uint32_t o[FFA_CLIENT_REQ_ARGS] = { 0 };

	CHECK(simfix_open(NULL, FFA_VERSION_1_2, 0));
	CHECK_EQ(ffa_client_direct_req32(&SF.c, TEST_SP_ID, a, o), FFA_RET_SUCCESS);
	CHECK(!memcmp(a, o, sizeof(a)));
}

TEST(sess_direct64_echo_full_width)
{
	uint64_t a[FFA_CLIENT_REQ_ARGS] = { TEST_SP_CMD_ECHO, 0x0123456789abcdefull, UINT64_MAX,
					    1ull << 63, 42 };
	uint64_t o[FFA_CLIENT_REQ_ARGS] = { 0 };

	CHECK(simfix_open(NULL, FFA_VERSION_1_2, 0));
	CHECK_EQ(ffa_client_direct_req64(&SF.c, TEST_SP_ID, a, o), FFA_RET_SUCCESS);
	CHECK(!memcmp(a, o, sizeof(a)));
}

TEST(sess_direct_req2_by_uuid)
{
	uint64_t a[FFA_CLIENT_REQ2_ARGS], o[FFA_CLIENT_REQ2_ARGS] = { 0 };

	a[0] = TEST_SP_CMD_ECHO;
	for (unsigned int i = 1; i < FFA_CLIENT_REQ2_ARGS; i++)
		a[i] = 0x1000000000000001ull * i;
	CHECK(simfix_open(NULL, FFA_VERSION_1_2, 1));
	CHECK_EQ(ffa_client_direct_req2_uuid(&SF.c, &TEST_SP_UUID, a, o), FFA_RET_SUCCESS);
	CHECK(!memcmp(a, o, sizeof(a)));
	CHECK_EQ(simfix_count(FFA_MSG_SEND_DIRECT_REQ2), 1);
}

TEST_NEG(sess_direct_req2_wrong_uuid)
{
	struct ffa_uuid u = FFA_UUID_UEFI_VAR;
	uint64_t a[FFA_CLIENT_REQ2_ARGS] = { TEST_SP_CMD_ECHO }, o[FFA_CLIENT_REQ2_ARGS];

	CHECK(simfix_open(NULL, FFA_VERSION_1_2, 0));
	CHECK_EQ(ffa_client_direct_req2(&SF.c, TEST_SP_ID, &u, a, o), FFA_RET_INVALID_PARAMETERS);
}

TEST_NEG(sess_direct_to_unknown_or_self)
{
	uint32_t a[FFA_CLIENT_REQ_ARGS] = { TEST_SP_CMD_ECHO }, o[FFA_CLIENT_REQ_ARGS];

	CHECK(simfix_open(NULL, FFA_VERSION_1_2, 0));
	CHECK_EQ(ffa_client_direct_req32(&SF.c, 0x8007, a, o), FFA_RET_INVALID_PARAMETERS);
	simfix_reset_counts();
	CHECK_EQ(ffa_client_direct_req32(&SF.c, FFA_ID_NS_PHYS, a, o), FFA_RET_INVALID_PARAMETERS);
	CHECK_EQ(simfix_count(FFA_MSG_SEND_DIRECT_REQ_32), 0);
}

TEST_NEG(sess_partition_rejects_unknown_command)
{
	uint32_t a[FFA_CLIENT_REQ_ARGS] = { 0x1234 }, o[FFA_CLIENT_REQ_ARGS];

	CHECK(simfix_open(NULL, FFA_VERSION_1_2, 0));
	CHECK_EQ(ffa_client_direct_req32(&SF.c, TEST_SP_ID, a, o), FFA_RET_SUCCESS);
	CHECK_EQ((int32_t)o[0], FFA_RET_NOT_SUPPORTED);
	a[0] = TEST_SP_CMD_NS_INFO; /* 64-bit only */
	CHECK_EQ(ffa_client_direct_req32(&SF.c, TEST_SP_ID, a, o), FFA_RET_SUCCESS);
	CHECK_EQ((int32_t)o[0], FFA_RET_NOT_SUPPORTED);
}

static void swap_sender(const struct ffa_regs *in, struct ffa_regs *out)
{
	if ((uint32_t)in->x[0] == FFA_MSG_SEND_DIRECT_REQ_32 && !ffa_is_error(out))
		out->x[1] = ffa_pack_ids(0x8002, 0);
}

TEST_NEG(sess_real_spmc_answer_tampered_sender)
{
	uint32_t a[FFA_CLIENT_REQ_ARGS] = { TEST_SP_CMD_ECHO, 7 }, o[FFA_CLIENT_REQ_ARGS] = { 0 };

	CHECK(simfix_open(NULL, FFA_VERSION_1_2, 0));
	SF.mutate = swap_sender;
	CHECK_EQ(ffa_client_direct_req32(&SF.c, TEST_SP_ID, a, o), FFA_CLIENT_BAD_RESPONSE);
	CHECK_EQ(o[1], 0);
}

/* ---- tracing, strings ---- */

static unsigned int traced;

static void count_trace(void *ctx, const struct ffa_regs *in, const struct ffa_regs *out)
{
	(void)ctx;
	(void)out;
	if ((uint32_t)in->x[0] == FFA_ID_GET)
		traced++;
}

TEST(sess_trace_sees_calls)
{
	CHECK(simfix_open(NULL, FFA_VERSION_1_2, 0));
	traced = 0;
	SF.c.trace = count_trace;
	CHECK_EQ(ffa_client_id_get(&SF.c, NULL), FFA_RET_SUCCESS);
	CHECK_EQ(ffa_client_id_get(&SF.c, NULL), FFA_RET_SUCCESS);
	CHECK_EQ(traced, 2);
}

TEST(uuid_string_round_trip)
{
	char s[FFA_CLIENT_UUID_STR_LEN];
	struct ffa_uuid u;

	ffa_client_uuid_str(&TEST_SP_UUID, s);
	CHECK(!strcmp(s, "5f3a1b7e-9c2d-4e8f-a601-ffa57ac4e500"));
	CHECK(ffa_client_uuid_parse("17B862A4-1806-4faf-86b3-089a58353861", &u));
	struct ffa_uuid tpm = FFA_UUID_TPM_CRB;

	CHECK(ffa_uuid_equal(&u, &tpm));
	/* As PARTITION_INFO_GET carries it (services.md). */
	CHECK_EQ(ffa_uuid_word(&u, 0), 0xa462b817u);
}

TEST_NEG(uuid_parse_rejects_malformed)
{
	struct ffa_uuid u;

	CHECK(!ffa_client_uuid_parse("5f3a1b7e-9c2d-4e8f-a601-ffa57ac4e50", &u));
	CHECK(!ffa_client_uuid_parse("5f3a1b7e-9c2d-4e8f-a601-ffa57ac4e5000", &u));
	CHECK(!ffa_client_uuid_parse("5f3a1b7e9c2d-4e8f-a601-ffa57ac4e500-", &u));
	CHECK(!ffa_client_uuid_parse("5f3a1b7e-9c2d-4e8f-a601-ffa57ac4e5g0", &u));
	CHECK(!ffa_client_uuid_parse("", &u));
}

TEST(status_and_fid_names)
{
	CHECK(!strcmp(ffa_client_status_str(FFA_RET_DENIED), "DENIED"));
	CHECK(!strcmp(ffa_client_fid_str(FFA_MEM_FRAG_TX), "FFA_MEM_FRAG_TX"));
	CHECK(!strcmp(ffa_client_fid_str(0x12345678u), "FFA_?"));
}

/* ---- the ffa-host script ---- */

static int run_script(uint32_t version)
{
	struct session_opts o = { .version = version };
	FILE *out = tmpfile();
	char line[512], last[512] = "";
	int failed;

	CHECK(simfix_open(NULL, 0, 0));
	o.ns_base = SF.sim->mem_base;
	o.ns_size = SF.sim->mem_size;
	o.out = out;
	failed = session_run(&o, host_sim_conduit, host_sim_ptr_cb, SF.sim);
	rewind(out);
	while (fgets(line, sizeof(line), out))
		memcpy(last, line, sizeof(last));
	fclose(out);
	CHECK(!strncmp(last, "session: ", 9));
	CHECK(strstr(last, " 0 failed") != NULL);
	return failed;
}

TEST(sess_cli_script_v1_2)
{
	CHECK_EQ(run_script(FFA_VERSION_1_2), 0);
}

TEST(sess_cli_script_v1_1)
{
	CHECK_EQ(run_script(FFA_VERSION_1_1), 0);
}

TEST(sess_cli_script_v1_0)
{
	CHECK_EQ(run_script(FFA_VERSION_1_0), 0);
}
