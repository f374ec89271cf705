// SPDX-License-Identifier: MIT
/* spmc_init's partition table checks and spmc_check_invariants itself. */
#include "tests/spmc/tsim.h"

#include <stdlib.h>

static uint8_t *fake_ns_ptr(void *ctx, uint64_t pa, uint64_t size)
{
	(void)ctx;
	(void)pa;
	(void)size;
	return NULL;
}

static void noop_lock(void *ctx, unsigned int id)
{
	(void)ctx;
	(void)id;
}

static struct spmc_partition mk(uint16_t id)
{
	struct spmc_partition p = {
		.id = id, .uuid = FFA_UUID_FFA_STACK_TEST,
		.properties = FFA_PART_PROP_DIRECT_REQ_RECV, .direct = t_direct_ok,
	};

	return p;
}

static int32_t init_with(const struct spmc_partition *const *parts, unsigned int n)
{
	static struct spmc s;
	struct spmc_platform plat = { .ns_ptr = fake_ns_ptr };

	return spmc_init(&s, &plat, parts, n);
}

TEST(init_accepts_a_full_table)
{
	struct spmc_partition p[SPMC_MAX_PARTITIONS];
	const struct spmc_partition *pp[SPMC_MAX_PARTITIONS];

	for (unsigned int i = 0; i < SPMC_MAX_PARTITIONS; i++) {
		p[i] = mk((uint16_t)(0x8001 + i));
		pp[i] = &p[i];
	}
	CHECK_EQ(init_with(pp, SPMC_MAX_PARTITIONS), FFA_RET_SUCCESS);
	CHECK_EQ(init_with(NULL, 0), FFA_RET_SUCCESS);
}

TEST_NEG(init_rejects_too_many_partitions)
{
	struct spmc_partition p[SPMC_MAX_PARTITIONS + 1];
	const struct spmc_partition *pp[SPMC_MAX_PARTITIONS + 1];

	for (unsigned int i = 0; i <= SPMC_MAX_PARTITIONS; i++) {
		p[i] = mk((uint16_t)(0x8001 + i));
		pp[i] = &p[i];
	}
	CHECK_EQ(init_with(pp, SPMC_MAX_PARTITIONS + 1), FFA_RET_INVALID_PARAMETERS);
}

TEST_NEG(init_rejects_bad_ids)
{
	struct spmc_partition a = mk(0x0001), b = mk(FFA_ID_SPMC), c = mk(0x8001),
			      d = mk(0x8001);
	const struct spmc_partition *ns[] = { &a }, *spmc_id[] = { &b }, *dup[] = { &c, &d };

	CHECK_EQ(init_with(ns, 1), FFA_RET_INVALID_PARAMETERS);
	CHECK_EQ(init_with(spmc_id, 1), FFA_RET_INVALID_PARAMETERS);
	CHECK_EQ(init_with(dup, 2), FFA_RET_INVALID_PARAMETERS);
}

TEST_NEG(init_rejects_missing_handler_or_entry)
{
	struct spmc_partition a = mk(0x8001);
	const struct spmc_partition *pa[] = { &a }, *pnull[] = { NULL };

	a.direct = NULL;
	CHECK_EQ(init_with(pa, 1), FFA_RET_INVALID_PARAMETERS);
	CHECK_EQ(init_with(pnull, 1), FFA_RET_INVALID_PARAMETERS);
	CHECK_EQ(init_with(NULL, 1), FFA_RET_INVALID_PARAMETERS);
}

TEST_NEG(init_rejects_bad_platform)
{
	static struct spmc s;
	struct spmc_platform none = { 0 };
	struct spmc_platform half = { .ns_ptr = fake_ns_ptr, .lock = noop_lock };

	CHECK_EQ(spmc_init(&s, NULL, NULL, 0), FFA_RET_INVALID_PARAMETERS);
	CHECK_EQ(spmc_init(&s, &none, NULL, 0), FFA_RET_INVALID_PARAMETERS);
	CHECK_EQ(spmc_init(&s, &half, NULL, 0), FFA_RET_INVALID_PARAMETERS);
}

TEST_NEG(host_sim_rejects_bad_partition_table)
{
	struct spmc_partition a = mk(0x0002);
	const struct spmc_partition *pa[] = { &a };
	struct host_sim_config cfg = { .parts = pa, .part_count = 1 };
	struct host_sim_config odd = { .mem_size = 4097 };

	CHECK(host_sim_create(&cfg) == NULL);
	CHECK(host_sim_create(&odd) == NULL);
}

TEST_NEG(host_sim_ptr_bounds)
{
	CHECK(t_ptr(HOST_SIM_NS_BASE, 1) != NULL);
	CHECK(t_ptr(HOST_SIM_NS_BASE + T_MEM_SIZE - 1, 1) != NULL);
	CHECK(t_ptr(HOST_SIM_NS_BASE - 1, 1) == NULL);
	CHECK(t_ptr(HOST_SIM_NS_BASE + T_MEM_SIZE - 1, 2) == NULL);
	CHECK(t_ptr(HOST_SIM_NS_BASE + T_MEM_SIZE, 1) == NULL);
	CHECK(t_ptr(HOST_SIM_NS_BASE, 0) == NULL);
	CHECK(t_ptr(UINT64_MAX - 10, 20) == NULL);
	CHECK(t_ptr(HOST_SIM_NS_BASE + 4096, UINT64_MAX) == NULL);
}

/* Each corruption must be caught, and restoring it must pass again. */
TEST_NEG(invariants_detect_counter_and_slot_corruption)
{
	struct spmc *s = &g_sim->spmc;
	const char *why = NULL;
	uint64_t h;

	t_setup(FFA_VERSION_1_1, 1);
	h = t_share_simple(0, 2);
	s->live_txns++;
	CHECK(spmc_check_invariants(s, &why) != 0 && why != NULL);
	s->live_txns--;
	s->txns[h & SPMC_HANDLE_SLOT_MASK].handle ^= 1ull << 20;
	CHECK(spmc_check_invariants(s, &why) != 0);
	s->txns[h & SPMC_HANDLE_SLOT_MASK].handle ^= 1ull << 20;
	s->txns[5].tag = 1;
	CHECK(spmc_check_invariants(s, &why) != 0);
	s->txns[5].tag = 0;
	s->pool[100].pages = 1;
	CHECK(spmc_check_invariants(s, &why) != 0);
	s->pool[100].pages = 0;
	CHECK_EQ(spmc_check_invariants(s, &why), 0);
}

TEST_NEG(invariants_detect_overlap_corruption)
{
	struct spmc *s = &g_sim->spmc;
	const char *why = NULL;
	uint64_t a, b;
	uint32_t sa, sb;

	t_setup(FFA_VERSION_1_1, 1);
	a = t_share_simple(0, 2);
	b = t_share_simple(4, 2);
	sa = (uint32_t)(a & SPMC_HANDLE_SLOT_MASK);
	sb = (uint32_t)(b & SPMC_HANDLE_SLOT_MASK);
	/* b's page now also in a */
	s->pool[s->txns[sb].range_first].addr = t_page(1);
	CHECK(spmc_check_invariants(s, &why) != 0);
	s->pool[s->txns[sb].range_first].addr = t_page(4);
	/* a's slice overlapping b's */
	s->txns[sa].range_first = s->txns[sb].range_first;
	CHECK(spmc_check_invariants(s, &why) != 0);
	CHECK(why != NULL);
}

TEST_NEG(invariants_detect_rxtx_and_stage_corruption)
{
	struct spmc *s = &g_sim->spmc;
	const char *why = NULL;

	t_setup(FFA_VERSION_1_1, 1);
	s->ns.rx_pa = s->ns.tx_pa;
	CHECK(spmc_check_invariants(s, &why) != 0);
	s->ns.rx_pa = T_RX_PA;
	s->stage.kind = SPMC_STAGE_RETRIEVE;
	CHECK(spmc_check_invariants(s, &why) != 0);
	s->stage.kind = SPMC_STAGE_IDLE;
	s->ns.mapped = false;
	CHECK(spmc_check_invariants(s, &why) != 0);
	s->ns.mapped = true;
	CHECK_EQ(spmc_check_invariants(s, NULL), 0);
	/* The RX/TX pointers asked for at RXTX_MAP must stay the platform's. */
	s->ns.rx += T_PAGE;
	CHECK(spmc_check_invariants(s, &why) != 0);
	s->ns.rx -= T_PAGE;
	CHECK_EQ(spmc_check_invariants(s, NULL), 0);
}
