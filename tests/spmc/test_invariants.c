// SPDX-License-Identifier: MIT
/*
 * spmc_check_invariants() rules beyond those in test_init.c: receivers,
 * NS RAM, the one-transaction-per-page rule, version bookkeeping, the
 * partition table and staged retrieve responses. Each corruption must be
 * caught and undoing it must pass again, so no check passes vacuously.
 */
#include <stdlib.h>

#include "tests/spmc/tsim.h"

static struct spmc *S(void)
{
	return &g_sim->spmc;
}

static bool broken(void)
{
	const char *why = NULL;
	int bad = spmc_check_invariants(S(), &why);

	return bad != 0 && why != NULL;
}

static struct spmc_txn *txn_of(uint64_t h)
{
	return &S()->txns[h & SPMC_HANDLE_SLOT_MASK];
}

/* Two receivers (the test partition and a second one) for receiver rules. */
static const struct spmc_partition second = {
	.id = 0x8002, .properties = FFA_PART_PROP_DIRECT_REQ_RECV, .direct = t_direct_ok,
};

static void two_partitions(void)
{
	static const struct spmc_partition *parts[2];

	parts[0] = test_sp_partition();
	parts[1] = &second;
	t_reinit(parts, 2);
}

TEST(invariants_hold_for_share_lend_and_retrieved_state)
{
	struct ffa_mem_range rg = t_range(8, 3);
	struct t_desc d = { .range_count = 1, .ranges = &rg };
	struct ffa_regs r;
	uint64_t a, b = 0;

	t_setup(FFA_VERSION_1_2, 1);
	a = t_share_simple(0, 2);
	r = t_send(FFA_MEM_LEND_64, &d, &b);
	CHECK_OK32(r);
	CHECK_EQ(t_tsp_handle(TEST_SP_CMD_MEM_RETRIEVE, a, 0, NULL), FFA_RET_SUCCESS);
	CHECK(!broken());
	CHECK_EQ(t_info().retrieved_txns, 1);
}

TEST_NEG(invariants_detect_receiver_corruption)
{
	struct spmc_txn *t;
	uint64_t h;

	two_partitions();
	t_setup(FFA_VERSION_1_1, 1);
	h = t_share_simple(0, 1);
	t = txn_of(h);
	CHECK(!broken());
	t->ep[1].receiver = TEST_SP_ID;          /* past ep_count: must be zero */
	CHECK(broken());
	t->ep_count = 2;                     /* listed twice */
	CHECK(broken());
	t->ep[1].receiver = second.id;       /* now a valid second receiver */
	t->ep[1].perms = FFA_PERM_DATA_RO;
	CHECK(!broken());
	t->ep[1].flags = FFA_EMAD_FLAG_NON_RETRIEVAL_BORROWER;
	CHECK(broken());
	t->ep[1].flags = 0;
	t->retrieved = 1u << 2;              /* a receiver that is not there */
	CHECK(broken());
	t->retrieved = 0;
	t->ep[1].receiver = 0x8077;          /* not a partition */
	CHECK(broken());
	memset(&t->ep[1], 0, sizeof(t->ep[1]));
	t->ep_count = 1;
	CHECK(!broken());
}

TEST_NEG(invariants_detect_share_with_zero_flag)
{
	uint64_t h;

	t_setup(FFA_VERSION_1_1, 1);
	h = t_share_simple(0, 1);
	txn_of(h)->flags |= FFA_MTD_FLAG_ZERO_MEMORY;
	CHECK(broken());
	txn_of(h)->type = FFA_MTD_FLAG_TYPE_LEND;   /* allowed for a lend */
	CHECK(!broken());
}

TEST_NEG(invariants_detect_range_outside_ns_ram)
{
	struct ffa_mem_range *r;
	uint64_t h;

	t_setup(FFA_VERSION_1_1, 1);
	h = t_share_simple(0, 1);
	r = &S()->pool[txn_of(h)->range_first];
	r->addr = HOST_SIM_NS_BASE + T_MEM_SIZE;    /* first page past RAM */
	CHECK(broken());
	r->addr = HOST_SIM_NS_BASE - T_PAGE;        /* just below it */
	CHECK(broken());
	r->addr = t_page(0);
	CHECK(!broken());
}

/* FF-A shares and lends only exclusively owned pages: overlap is never valid. */
TEST_NEG(invariants_detect_page_in_share_and_lend_or_two_shares)
{
	struct ffa_mem_range rg = t_range(4, 2);
	struct t_desc d = { .range_count = 1, .ranges = &rg };
	struct ffa_regs r;
	uint64_t a, b = 0, c;

	t_setup(FFA_VERSION_1_1, 1);
	a = t_share_simple(0, 2);
	r = t_send(FFA_MEM_LEND_64, &d, &b);
	CHECK_OK32(r);
	c = t_share_simple(8, 1);
	S()->pool[txn_of(b)->range_first].addr = t_page(1);    /* lend over share */
	CHECK(broken());
	S()->pool[txn_of(b)->range_first].addr = t_page(4);
	S()->pool[txn_of(c)->range_first].addr = t_page(1);    /* share over share */
	CHECK(broken());
	S()->pool[txn_of(c)->range_first].addr = t_page(8);
	CHECK(!broken());
	CHECK(a != c);
}

TEST_NEG(invariants_detect_version_bookkeeping_corruption)
{
	t_version(FFA_VERSION_1_1);
	CHECK(!broken());
	S()->ns.negotiated = FFA_VERSION_1_2;       /* above what was asked */
	CHECK(broken());
	S()->ns.negotiated = FFA_VERSION_1_1;
	S()->ns.requested = 0;
	CHECK(broken());
	S()->ns.requested = FFA_MAKE_VERSION(1, 9);  /* would give 1.2 */
	CHECK(broken());
	S()->ns.requested = FFA_VERSION_1_1;
	CHECK(!broken());
}

TEST_NEG(invariants_detect_partition_table_corruption)
{
	const struct spmc_partition *keep;

	two_partitions();
	CHECK(!broken());
	keep = S()->parts[1];
	S()->parts[1] = S()->parts[0];              /* same ID twice */
	CHECK(broken());
	S()->parts[1] = NULL;
	CHECK(broken());
	S()->parts[1] = keep;
	S()->parts[2] = keep;                       /* past the count */
	CHECK(broken());
	S()->parts[2] = NULL;
	CHECK(!broken());
}

TEST_NEG(invariants_detect_staged_retrieve_that_fits_rx)
{
	struct spmc_stage *st = &S()->stage;
	uint64_t h;

	t_setup(FFA_VERSION_1_1, 1);
	h = t_share_simple(0, 1);
	st->kind = SPMC_STAGE_RETRIEVE;
	st->slot = (uint32_t)(h & SPMC_HANDLE_SLOT_MASK);
	st->handle = h;
	st->total = 3 * T_PAGE;
	st->done = T_PAGE;
	CHECK(!broken());
	st->total = T_PAGE;                          /* fits one RX */
	st->done = T_PAGE / 2;
	CHECK(broken());
	st->total = 3 * T_PAGE;                      /* first fragment short of RX */
	CHECK(broken());
	st->done = 0;
	CHECK(broken());
	memset(st, 0, offsetof(struct spmc_stage, buf));
	CHECK(!broken());
}
