/* SPDX-License-Identifier: MIT */
/*
 * The client against a scripted, misbehaving SPMC: every malformed answer
 * must be refused (FFA_CLIENT_BAD_RESPONSE), never used, and RX must be
 * handed back when the client had been given it.
 */
#include <string.h>

#include "common/byteorder.h"
#include "tests/client/fake.h"
#include "tests/harness/check.h"

static struct fake F;
static struct ffa_client C;
static uint8_t scratch[64 * 1024];

/* A fresh fake (RX/TX mapped if map) answering with script; step and arg for it. */
static void scripted(bool map, bool (*script)(struct fake *f, struct ffa_regs *r),
		     uint32_t step, uint64_t arg)
{
	fake_setup(&F, &C, map);
	F.script = script;
	F.step = step;
	F.arg = arg;
}

/* ---- version ---- */

static bool ver_garbage(struct fake *f, struct ffa_regs *r)
{
	(void)f;
	if ((uint32_t)r->x[0] != FFA_VERSION)
		return false;
	ffa_regs_clear(r);
	r->x[0] = 0x80010002u; /* bit 31 set, yet not NOT_SUPPORTED */
	return true;
}

TEST_NEG(fake_version_bit31_is_bad_response)
{
	fake_setup(&F, &C, false);
	F.script = ver_garbage;
	CHECK_EQ(ffa_client_negotiate(&C, FFA_VERSION_1_2), FFA_CLIENT_BAD_RESPONSE);
}

TEST_NEG(fake_version_other_major_not_supported)
{
	fake_setup(&F, &C, false);
	C.version = 0;
	F.version = FFA_MAKE_VERSION(2, 0);
	CHECK_EQ(ffa_client_negotiate(&C, FFA_VERSION_1_2), FFA_RET_NOT_SUPPORTED);
	CHECK_EQ(C.version, 0);
}

TEST_NEG(fake_version_not_supported_word)
{
	fake_setup(&F, &C, false);
	C.version = 0;
	F.version = FFA_VERSION_NOT_SUPPORTED;
	CHECK_EQ(ffa_client_negotiate(&C, FFA_VERSION_1_1), FFA_RET_NOT_SUPPORTED);
	CHECK_EQ(C.version, 0);
}

TEST_NEG(client_rejects_unknown_versions_locally)
{
	fake_setup(&F, &C, false);
	uint32_t before = F.calls;

	CHECK_EQ(ffa_client_negotiate(&C, FFA_MAKE_VERSION(1, 3)), FFA_RET_INVALID_PARAMETERS);
	CHECK_EQ(ffa_client_negotiate(&C, FFA_MAKE_VERSION(0, 9)), FFA_RET_INVALID_PARAMETERS);
	CHECK_EQ(ffa_client_negotiate(&C, 0x80010000u), FFA_RET_INVALID_PARAMETERS);
	CHECK_EQ(F.calls, before);
}

TEST(fake_older_spmc_downgrades_and_says_so)
{
	fake_setup(&F, &C, false);
	F.version = FFA_VERSION_1_1;
	memset(F.count, 0, sizeof(F.count));
	CHECK_EQ(ffa_client_negotiate(&C, FFA_VERSION_1_2), FFA_RET_SUCCESS);
	CHECK_EQ(C.version, FFA_VERSION_1_1);
	CHECK_EQ(C.spmc_version, FFA_VERSION_1_1);
	/* The second FFA_VERSION tells the SPMC which layout we will use. */
	CHECK_EQ(fake_count(&F, FFA_VERSION), 2);
}

TEST(fake_newer_spmc_keeps_our_version)
{
	fake_setup(&F, &C, false);
	F.version = FFA_MAKE_VERSION(1, 5);
	memset(F.count, 0, sizeof(F.count));
	CHECK_EQ(ffa_client_negotiate(&C, FFA_VERSION_1_1), FFA_RET_SUCCESS);
	CHECK_EQ(C.version, FFA_VERSION_1_1);
	CHECK_EQ(C.spmc_version, FFA_MAKE_VERSION(1, 5));
	CHECK_EQ(fake_count(&F, FFA_VERSION), 1);
}

/* ---- ID_GET / generic answers ---- */

static bool id_wrong_fid(struct fake *f, struct ffa_regs *r)
{
	(void)f;
	if ((uint32_t)r->x[0] != FFA_ID_GET)
		return false;
	ffa_set_success64(r, 5, 0);
	return true;
}

TEST_NEG(fake_id_get_wrong_function_id)
{
	uint16_t id = 0x1234;

	fake_setup(&F, &C, false);
	F.script = id_wrong_fid;
	CHECK_EQ(ffa_client_id_get(&C, &id), FFA_CLIENT_BAD_RESPONSE);
	CHECK_EQ(id, 0x1234);
}

static bool id_too_wide(struct fake *f, struct ffa_regs *r)
{
	(void)f;
	if ((uint32_t)r->x[0] != FFA_ID_GET)
		return false;
	ffa_set_success32(r, 0x10001u, 0);
	return true;
}

TEST_NEG(fake_id_get_id_wider_than_16_bits)
{
	fake_setup(&F, &C, false);
	F.script = id_too_wide;
	CHECK_EQ(ffa_client_id_get(&C, NULL), FFA_CLIENT_BAD_RESPONSE);
}

static bool error_zero(struct fake *f, struct ffa_regs *r)
{
	(void)f;
	if ((uint32_t)r->x[0] != FFA_FEATURES)
		return false;
	ffa_set_error(r, 0);
	return true;
}

TEST_NEG(fake_error_carrying_success_is_bad)
{
	uint32_t p = 7;

	fake_setup(&F, &C, false);
	F.script = error_zero;
	CHECK_EQ(ffa_client_features(&C, FFA_MEM_SHARE_64, 0, &p, NULL), FFA_CLIENT_BAD_RESPONSE);
	CHECK_EQ(p, 7);
}

/* ---- PARTITION_INFO_GET ---- */

static bool pinfo(struct fake *f, struct ffa_regs *r)
{
	if ((uint32_t)r->x[0] != FFA_PARTITION_INFO_GET)
		return false;
	/* f->arg: count in the low half, descriptor size in the high half. */
	ffa_set_success32(r, (uint32_t)f->arg, (uint32_t)(f->arg >> 32));
	return true;
}

TEST_NEG(fake_partition_count_exceeds_rx)
{
	struct ffa_partinfo p[4];
	uint32_t n = 99;

	/* 171 descriptors of 24 bytes do not fit in one 4 KiB page. */
	scripted(true, pinfo, 0, 171 | (uint64_t)FFA_PARTINFO_SIZE_V1_1 << 32);
	CHECK_EQ(ffa_client_partitions(&C, NULL, p, 4, &n), FFA_CLIENT_BAD_RESPONSE);
	CHECK_EQ(fake_count(&F, FFA_RX_RELEASE), 1);
	CHECK(!C.rx_held);
}

TEST_NEG(fake_partition_desc_size_below_8)
{
	struct ffa_partinfo p[4];
	uint32_t n;

	scripted(true, pinfo, 0, 1 | (uint64_t)4 << 32);
	CHECK_EQ(ffa_client_partitions(&C, NULL, p, 4, &n), FFA_CLIENT_BAD_RESPONSE);
	CHECK_EQ(fake_count(&F, FFA_RX_RELEASE), 1);
}

TEST_NEG(fake_partition_desc_size_v1_0_in_v1_2)
{
	struct ffa_partinfo p[4];
	uint32_t n;

	/* 8 bytes cannot hold the UUID a 1.2 caller is owed. */
	scripted(true, pinfo, 0, 1 | (uint64_t)FFA_PARTINFO_SIZE_V1_0 << 32);
	CHECK_EQ(ffa_client_partitions(&C, NULL, p, 4, &n), FFA_CLIENT_BAD_RESPONSE);
}

TEST(fake_partition_larger_desc_size_accepted)
{
	struct ffa_partinfo in = { 0x8001, 1, FFA_PART_PROP_DIRECT_REQ_RECV,
				   FFA_UUID_FFA_STACK_TEST };
	struct ffa_partinfo p[2];
	uint32_t n;

	/* A later minor may grow the descriptor: the stride is w3, not ours. */
	scripted(true, pinfo, 0, 2 | (uint64_t)32 << 32);
	CHECK(ffa_partinfo_encode(fake_rx(&F), 32, FFA_VERSION_1_2, &in));
	in.id = 0x8002;
	CHECK(ffa_partinfo_encode(fake_rx(&F) + 32, 32, FFA_VERSION_1_2, &in));
	CHECK_EQ(ffa_client_partitions(&C, NULL, p, 2, &n), FFA_RET_SUCCESS);
	CHECK_EQ(n, 2);
	CHECK_EQ(p[0].id, 0x8001);
	CHECK_EQ(p[1].id, 0x8002);
	CHECK(ffa_uuid_equal(&p[1].uuid, &in.uuid));
}

static bool pinfo_then_release_fails(struct fake *f, struct ffa_regs *r)
{
	if ((uint32_t)r->x[0] == FFA_RX_RELEASE) {
		ffa_set_error(r, FFA_RET_DENIED);
		return true;
	}
	return pinfo(f, r);
}

TEST_NEG(fake_partition_release_failure_reported)
{
	struct ffa_partinfo p[1];
	uint32_t n;

	scripted(true, pinfo_then_release_fails, 0, 0 | (uint64_t)FFA_PARTINFO_SIZE_V1_1 << 32);
	CHECK_EQ(ffa_client_partitions(&C, NULL, p, 1, &n), FFA_RET_DENIED);
	/* RX still ours: a second query must not overwrite what we hold. */
	CHECK(C.rx_held);
	CHECK_EQ(ffa_client_partitions(&C, NULL, p, 1, &n), FFA_RET_BUSY);
}

/* ---- PARTITION_INFO_GET_REGS ---- */

static bool pigr(struct fake *f, struct ffa_regs *r)
{
	if ((uint32_t)r->x[0] != (uint32_t)FFA_PARTITION_INFO_GET_REGS)
		return false;
	ffa_set_success64(r, f->arg, 0);
	return true;
}

static uint64_t pigr_x2(uint32_t last, uint32_t cur, uint32_t tag, uint32_t size)
{
	return (uint64_t)last << FFA_PIGR_LAST_INDEX_SHIFT |
	       (uint64_t)cur << FFA_PIGR_CUR_INDEX_SHIFT |
	       (uint64_t)tag << FFA_PIGR_UUID_TAG_SHIFT |
	       (uint64_t)size << FFA_PIGR_DESC_SIZE_SHIFT;
}

/* One PARTITION_INFO_GET_REGS answer with this x2: the client must refuse it. */
static void pigr_refused(uint64_t x2)
{
	struct ffa_partinfo p[8];
	uint32_t n;

	scripted(false, pigr, 0, x2);
	CHECK_EQ(ffa_client_partitions_regs(&C, NULL, p, 8, &n), FFA_CLIENT_BAD_RESPONSE);
}

TEST_NEG(fake_regs_too_many_in_one_answer)
{
	pigr_refused(pigr_x2(7, 6, 0, FFA_PARTINFO_SIZE_V1_1)); /* 7 in 15 registers? */
}

TEST_NEG(fake_regs_wrong_desc_size)
{
	pigr_refused(pigr_x2(0, 0, 0, 8));
}

TEST_NEG(fake_regs_current_past_last)
{
	pigr_refused(pigr_x2(1, 2, 0, FFA_PARTINFO_SIZE_V1_1));
}

/* ---- direct messages ---- */

static bool direct_wrong(struct fake *f, struct ffa_regs *r)
{
	uint32_t fid = (uint32_t)r->x[0];
	uint64_t w1 = r->x[1];

	if (fid != FFA_MSG_SEND_DIRECT_REQ_32 && fid != (uint32_t)FFA_MSG_SEND_DIRECT_REQ_64)
		return false;
	ffa_regs_clear(r);
	switch (f->step) {
	case 0: /* the 64-bit response to a 32-bit request */
		r->x[0] = FFA_MSG_SEND_DIRECT_RESP_64;
		r->x[1] = ffa_pack_ids(ffa_receiver_of(w1), ffa_sender_of(w1));
		break;
	case 1: /* from somebody else */
		r->x[0] = fid == FFA_MSG_SEND_DIRECT_REQ_32 ? FFA_MSG_SEND_DIRECT_RESP_32
							   : FFA_MSG_SEND_DIRECT_RESP_64;
		r->x[1] = ffa_pack_ids(0x8009, ffa_sender_of(w1));
		break;
	default: /* a framework message is no answer to our payload */
		r->x[0] = FFA_MSG_SEND_DIRECT_RESP_32;
		r->x[1] = ffa_pack_ids(ffa_receiver_of(w1), ffa_sender_of(w1));
		r->x[2] = FFA_MSG_FLAG_FRAMEWORK;
		break;
	}
	return true;
}

TEST_NEG(fake_direct_wrong_response_kind)
{
	uint32_t a[FFA_CLIENT_REQ_ARGS] = { 1, 2, 3, 4, 5 }, o[FFA_CLIENT_REQ_ARGS] = { 0 };

	scripted(false, direct_wrong, 0, 0);
	CHECK_EQ(ffa_client_direct_req32(&C, 0x8001, a, o), FFA_CLIENT_BAD_RESPONSE);
	CHECK_EQ(o[0], 0);
}

TEST_NEG(fake_direct_response_from_other_partition)
{
	uint64_t a[FFA_CLIENT_REQ_ARGS] = { 1 }, o[FFA_CLIENT_REQ_ARGS] = { 0 };

	scripted(false, direct_wrong, 1, 0);
	CHECK_EQ(ffa_client_direct_req64(&C, 0x8001, a, o), FFA_CLIENT_BAD_RESPONSE);
}

TEST_NEG(fake_direct_framework_message_refused)
{
	uint32_t a[FFA_CLIENT_REQ_ARGS] = { 1 }, o[FFA_CLIENT_REQ_ARGS];

	scripted(false, direct_wrong, 2, 0);
	CHECK_EQ(ffa_client_direct_req32(&C, 0x8001, a, o), FFA_CLIENT_BAD_RESPONSE);
}

/* ---- memory sharing ---- */

static void one_receiver(struct ffa_client_mem *m, struct ffa_mem_access *ep,
			 struct ffa_mem_range *rg, uint32_t nranges)
{
	memset(m, 0, sizeof(*m));
	memset(ep, 0, sizeof(*ep));
	ep->receiver = 0x8001;
	ep->perms = FFA_PERM_DATA_RW | FFA_PERM_INSTR_NX;
	for (uint32_t i = 0; i < nranges; i++) {
		rg[i].addr = 0x80000000ull + 2ull * i * FFA_PAGE_SIZE;
		rg[i].pages = 1;
	}
	m->receivers = ep;
	m->receiver_count = 1;
	m->ranges = rg;
	m->range_count = nranges;
	m->attributes = FFA_ATTR_NORMAL_WB_INNER;
}

/* f->step selects the misbehaviour; f->arg counts fragments seen. */
static bool share_script(struct fake *f, struct ffa_regs *r)
{
	uint32_t fid = (uint32_t)r->x[0];

	if (fid != (uint32_t)FFA_MEM_SHARE_64 && fid != FFA_MEM_FRAG_TX)
		return false;
	f->arg += fid == FFA_MEM_FRAG_TX ? ffa_w(r, 3) : ffa_w(r, 2);
	ffa_regs_clear(r);
	switch (f->step) {
	case 0: /* claims completion after the first fragment */
		ffa_set_success32(r, 0x10, 0);
		break;
	case 1: /* asks for an offset we never sent */
		r->x[0] = FFA_MEM_FRAG_RX;
		r->x[1] = 0x10;
		r->x[3] = (uint32_t)f->arg + 16;
		break;
	case 3: /* refuses the whole thing: used to look at the first cut */
		ffa_set_error(r, FFA_RET_NO_MEMORY);
		break;
	default: /* switches handles mid-way */
		r->x[0] = FFA_MEM_FRAG_RX;
		r->x[1] = 0x10 + (uint32_t)f->arg;
		r->x[3] = (uint32_t)f->arg;
		break;
	}
	return true;
}

static struct ffa_mem_range ranges[400];

/* Share 300 ranges with the fake misbehaving as share_script's step says. */
static int32_t scripted_share(uint32_t step, uint64_t *h)
{
	struct ffa_client_mem m;
	struct ffa_mem_access ep;

	scripted(true, share_script, step, 0);
	one_receiver(&m, &ep, ranges, 300);
	return ffa_client_mem_share(&C, &m, scratch, sizeof(scratch), h);
}

TEST_NEG(fake_share_success_before_all_fragments)
{
	uint64_t h = 0;

	CHECK_EQ(scripted_share(0, &h), FFA_CLIENT_BAD_RESPONSE);
	CHECK_EQ(h, FFA_MEM_HANDLE_INVALID);
}

TEST_NEG(fake_share_frag_rx_wrong_offset)
{
	uint64_t h;

	CHECK_EQ(scripted_share(1, &h), FFA_CLIENT_BAD_RESPONSE);
	CHECK_EQ(fake_count(&F, FFA_MEM_FRAG_TX), 0);
}

TEST_NEG(fake_share_handle_changes_midway)
{
	uint64_t h;

	CHECK_EQ(scripted_share(2, &h), FFA_CLIENT_BAD_RESPONSE);
	/* The first handle was abandoned with a reclaim, the second not used. */
	CHECK_EQ(fake_count(&F, FFA_MEM_FRAG_TX), 1);
	CHECK_EQ(fake_count(&F, FFA_MEM_RECLAIM), 1);
}

TEST(fake_share_fragments_cut_between_constituents)
{
	uint64_t h = 0;

	CHECK_EQ(scripted_share(3, &h), FFA_RET_NO_MEMORY);
	/* The SPMC's own refusal is no reason to reclaim anything. */
	CHECK_EQ(fake_count(&F, FFA_MEM_RECLAIM), 0);
	/* 80-byte header+EMAD+composite, then as many 16-byte ranges as fit. */
	CHECK_EQ(F.arg, 80 + ((FFA_PAGE_SIZE - 80) / 16) * 16);
	CHECK_EQ(F.arg % 16, 0);
}

/* ---- hypervisor retrieve ---- */

static bool retrieve_script(struct fake *f, struct ffa_regs *r)
{
	uint32_t fid = (uint32_t)r->x[0];

	if (fid == (uint32_t)FFA_MEM_RETRIEVE_REQ_64) {
		ffa_regs_clear(r);
		r->x[0] = FFA_MEM_RETRIEVE_RESP;
		r->x[1] = (uint32_t)f->arg;         /* total */
		r->x[2] = (uint32_t)(f->arg >> 32); /* fragment */
		return true;
	}
	if (fid == FFA_MEM_FRAG_RX) {
		uint64_t h = ffa_handle_join(r->x[1], r->x[2]);

		ffa_regs_clear(r);
		r->x[0] = FFA_MEM_FRAG_TX;
		r->x[1] = (uint32_t)(h + f->step); /* step != 0: wrong handle */
		r->x[2] = (uint32_t)(h >> 32);
		r->x[3] = 64;
		return true;
	}
	return false;
}

/* The fake answers RETRIEVE_REQ with total and fragment lengths; step: see the script. */
static void retrieve_answers(uint32_t total, uint32_t frag, uint32_t step)
{
	scripted(true, retrieve_script, step, total | (uint64_t)frag << 32);
}

static int32_t retrieve_0x42(uint32_t *len)
{
	struct ffa_mtd d;

	return ffa_client_hyp_retrieve(&C, 0x42, scratch, sizeof(scratch), len, &d);
}

TEST_NEG(fake_retrieve_total_below_fragment)
{
	uint32_t len = 5;

	retrieve_answers(64, 128, 0);
	CHECK_EQ(retrieve_0x42(&len), FFA_CLIENT_BAD_RESPONSE);
	CHECK_EQ(len, 0);
	CHECK_EQ(fake_count(&F, FFA_RX_RELEASE), 1);
	CHECK(!C.rx_held);
}

TEST_NEG(fake_retrieve_fragment_larger_than_rx)
{
	uint32_t len;

	retrieve_answers(8192, 8192, 0);
	CHECK_EQ(retrieve_0x42(&len), FFA_CLIENT_BAD_RESPONSE);
}

TEST_NEG(fake_retrieve_larger_than_caller_buffer)
{
	uint32_t len;

	retrieve_answers(100000, 4096, 0);
	CHECK_EQ(retrieve_0x42(&len), FFA_RET_NO_MEMORY);
	CHECK_EQ(fake_count(&F, FFA_RX_RELEASE), 1);
}

TEST_NEG(fake_retrieve_fragment_for_other_handle)
{
	uint32_t len;

	retrieve_answers(256, 64, 1);
	CHECK_EQ(retrieve_0x42(&len), FFA_CLIENT_BAD_RESPONSE);
	/* Both the first and the refused fragment went back to the SPMC. */
	CHECK_EQ(fake_count(&F, FFA_RX_RELEASE), 2);
}

TEST_NEG(fake_retrieve_garbage_descriptor)
{
	uint32_t len;

	retrieve_answers(256, 64, 0);
	/* Well-formed fragments of an all-0xEE "descriptor". */
	memset(fake_rx(&F), 0xEE, FFA_PAGE_SIZE);
	CHECK_EQ(retrieve_0x42(&len), FFA_CLIENT_BAD_RESPONSE);
	CHECK_EQ(fake_count(&F, FFA_MEM_FRAG_RX), 3);
	CHECK_EQ(fake_count(&F, FFA_RX_RELEASE), 4);
}
