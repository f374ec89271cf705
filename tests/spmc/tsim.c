// SPDX-License-Identifier: MIT
/* Fixture and helpers of the SPMC conformance suite (see tsim.h). */
#define TSIM_REAL_SP_API
#include "tests/spmc/tsim.h"

#include <stdio.h>
#include <stdlib.h>

struct host_sim *g_sim;

static void t_create(const struct spmc_partition *const *parts, unsigned int count)
{
	struct host_sim_config cfg = {
		.mem_size = T_MEM_SIZE,
		.parts = parts,
		.part_count = count,
		.verbose = getenv("SPMC_TEST_VERBOSE") != NULL,
	};

	g_sim = host_sim_create(&cfg);
	if (!g_sim) {
		fprintf(stderr, "spmc-tests: cannot create the hosted SPMC\n");
		exit(2);
	}
}

static void fixture_setup(void)
{
	t_create(NULL, 0);
}

static void fixture_teardown(void)
{
	host_sim_destroy(g_sim);
	g_sim = NULL;
}

__attribute__((constructor)) static void fixture_register(void)
{
	check_setup = fixture_setup;
	check_teardown = fixture_teardown;
}

void t_reinit(const struct spmc_partition *const *parts, unsigned int count)
{
	host_sim_destroy(g_sim);
	t_create(parts, count);
}

void t_inv_at(const char *file, int line)
{
	const char *why = NULL;
	int bad = spmc_check_invariants(&g_sim->spmc, &why);

	check_assert(!bad, file, line, why ? why : "spmc_check_invariants");
}

void t_call_at(struct ffa_regs *r, const char *file, int line)
{
	host_sim_call(g_sim, r);
	t_inv_at(file, line);
}

int32_t t_sp_retrieve_at(const char *file, int line, struct spmc *s, uint16_t sp_id,
			 uint64_t handle, struct spmc_sp_mem *out)
{
	int32_t ret = spmc_sp_retrieve(s, sp_id, handle, out);

	if (s == &g_sim->spmc)
		t_inv_at(file, line);
	return ret;
}

int32_t t_sp_relinquish_at(const char *file, int line, struct spmc *s, uint16_t sp_id,
			   uint64_t handle)
{
	int32_t ret = spmc_sp_relinquish(s, sp_id, handle);

	if (s == &g_sim->spmc)
		t_inv_at(file, line);
	return ret;
}

int32_t t_direct_ok(struct spmc *s, const struct spmc_partition *sp, struct spmc_msg *msg)
{
	(void)s;
	(void)sp;
	(void)msg;
	return FFA_RET_SUCCESS;
}

struct ffa_regs t_smc_at(const char *file, int line, uint64_t x0, uint64_t x1,
			 uint64_t x2, uint64_t x3, uint64_t x4, uint64_t x5)
{
	struct ffa_regs r;

	memset(&r, 0, sizeof(r));
	r.x[0] = x0;
	r.x[1] = x1;
	r.x[2] = x2;
	r.x[3] = x3;
	r.x[4] = x4;
	r.x[5] = x5;
	t_call_at(&r, file, line);
	return r;
}

uint8_t *t_ptr(uint64_t pa, uint64_t size)
{
	return host_sim_ptr(g_sim, pa, size);
}

uint64_t t_page(uint32_t n)
{
	return T_DATA_PA + (uint64_t)n * T_PAGE;
}

uint8_t *t_tx(void)
{
	return t_ptr(T_TX_PA, T_PAGE);
}

uint8_t *t_rx(void)
{
	return t_ptr(T_RX_PA, T_PAGE);
}

void t_version(uint32_t v)
{
	struct ffa_regs r = t_smc(FFA_VERSION, v, 0, 0, 0, 0);

	CHECK_EQ(r.x[0], SPMC_FFA_VERSION);
}

void t_setup(uint32_t v, uint32_t pages)
{
	struct ffa_regs r;

	t_version(v);
	r = t_smc(FFA_RXTX_MAP_64, T_TX_PA, T_RX_PA, pages, 0, 0);
	CHECK_OK32(r);
}

void t_rx_release(void)
{
	struct ffa_regs r = T_SMC0(FFA_RX_RELEASE);

	CHECK_OK32(r);
}

struct spmc_ns_info t_info(void)
{
	struct spmc_ns_info info;

	spmc_get_ns_info(&g_sim->spmc, &info);
	return info;
}

static uint32_t fixture_layout(void)
{
	uint32_t v = t_info().version;

	return v ? v : FFA_VERSION_1_0;
}

uint32_t t_encode(uint8_t *buf, uint32_t cap, const struct t_desc *d)
{
	struct ffa_mtd m;
	uint32_t len;

	memset(&m, 0, sizeof(m));
	m.layout = d->layout ? d->layout : fixture_layout();
	m.sender = d->sender;
	m.attributes = d->attributes ? d->attributes : FFA_ATTR_NORMAL_WB_INNER;
	m.flags = d->flags;
	m.tag = d->tag;
	if (d->ep_count) {
		m.ep_count = d->ep_count;
		memcpy(m.ep, d->ep, sizeof(m.ep));
	} else {
		m.ep_count = 1;
		m.ep[0].receiver = TEST_SP_ID;
		m.ep[0].perms = FFA_PERM_DATA_RW | FFA_PERM_INSTR_NX;
	}
	len = ffa_mtd_encode(buf, cap, m.layout, &m, d->ranges, d->range_count);
	CHECK(len != 0);
	return len;
}

struct ffa_mem_range t_range(uint32_t first, uint32_t pages)
{
	struct ffa_mem_range r = { .addr = t_page(first), .pages = pages };

	return r;
}

struct ffa_regs t_send_raw(uint32_t fid, const uint8_t *buf, uint32_t len, uint64_t *handle)
{
	uint32_t size = t_info().rxtx_pages * T_PAGE;
	uint32_t frag = len < size ? len : size;
	uint32_t off = frag;
	uint8_t *tx = t_ptr(T_TX_PA, size ? size : T_PAGE);
	struct ffa_regs r;

	if (size)
		memcpy(tx, buf, frag);
	r = t_smc(fid, len, frag, 0, 0, 0);
	while (r.x[0] == FFA_MEM_FRAG_RX && off < len) {
		CHECK_EQ(r.x[3], off);
		frag = len - off < size ? len - off : size;
		memcpy(tx, buf + off, frag);
		r = t_smc(FFA_MEM_FRAG_TX, r.x[1], r.x[2], frag, 0, 0);
		off += frag;
	}
	if (r.x[0] == FFA_SUCCESS_32 && handle)
		*handle = ffa_handle_join(r.x[2], r.x[3]);
	return r;
}

struct ffa_regs t_send(uint32_t fid, const struct t_desc *d, uint64_t *handle)
{
	uint32_t cap = SPMC_DESC_MAX + 4096;
	uint8_t *buf = calloc(1, cap);
	struct ffa_regs r;
	uint32_t len;

	len = t_encode(buf, cap, d);
	r = t_send_raw(fid, buf, len, handle);
	free(buf);
	return r;
}

uint64_t t_share_simple(uint32_t first, uint32_t pages)
{
	struct ffa_mem_range rg = t_range(first, pages);
	struct t_desc d = { .range_count = 1, .ranges = &rg };
	uint64_t handle = 0;
	struct ffa_regs r = t_send(FFA_MEM_SHARE_64, &d, &handle);

	CHECK_OK32(r);
	return handle;
}

struct ffa_regs t_reclaim(uint64_t handle, uint32_t flags)
{
	return t_smc(FFA_MEM_RECLAIM, (uint32_t)handle, handle >> 32, flags, 0, 0);
}

void t_snap_take(struct t_snap *sn)
{
	memcpy(sn->txns, g_sim->spmc.txns, sizeof(sn->txns));
	sn->pool = malloc(sizeof(g_sim->spmc.pool));
	memcpy(sn->pool, g_sim->spmc.pool, sizeof(g_sim->spmc.pool));
	sn->info = t_info();
}

bool t_snap_same(struct t_snap *sn)
{
	struct spmc_ns_info now = t_info();
	/* Field by field: the struct has padding. */
	bool same_info = sn->info.version == now.version &&
			 sn->info.version_locked == now.version_locked &&
			 sn->info.tx_pa == now.tx_pa && sn->info.rx_pa == now.rx_pa &&
			 sn->info.rxtx_pages == now.rxtx_pages &&
			 sn->info.rx_held_by_ns == now.rx_held_by_ns &&
			 sn->info.live_txns == now.live_txns &&
			 sn->info.retrieved_txns == now.retrieved_txns;
	/* Byte for byte: freed slots and pool entries are kept all-zero. */
	bool same = same_info &&
		    memcmp(sn->txns, g_sim->spmc.txns, sizeof(sn->txns)) == 0 &&
		    memcmp(sn->pool, g_sim->spmc.pool, sizeof(g_sim->spmc.pool)) == 0;

	free(sn->pool);
	sn->pool = NULL;
	return same;
}

struct ffa_regs t_direct(uint32_t fid, uint16_t receiver, const uint64_t *args,
			 unsigned int nargs)
{
	unsigned int first = fid == FFA_MSG_SEND_DIRECT_REQ2 ? 4 : 3;
	struct ffa_regs r;

	memset(&r, 0, sizeof(r));
	r.x[0] = fid;
	r.x[1] = ffa_pack_ids(FFA_ID_NS_PHYS, receiver);
	for (unsigned int i = 0; i < nargs && first + i < FFA_REGS_COUNT; i++)
		r.x[first + i] = args[i];
	t_call(&r);
	return r;
}

struct ffa_regs t_tsp(uint64_t cmd, uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4)
{
	uint64_t args[5] = { cmd, a1, a2, a3, a4 };

	return t_direct(FFA_MSG_SEND_DIRECT_REQ_64, TEST_SP_ID, args, 5);
}

int32_t t_tsp_handle(uint32_t cmd, uint64_t handle, uint64_t a3, struct ffa_regs *out)
{
	struct ffa_regs r = t_tsp(cmd, (uint32_t)handle, handle >> 32, a3, 0);

	CHECK_EQ(r.x[0], FFA_MSG_SEND_DIRECT_RESP_64);
	if (out)
		*out = r;
	return (int32_t)r.x[3];
}

uint64_t t_fnv(uint64_t pa, uint32_t pages)
{
	return test_sp_fnv1a(TEST_SP_FNV_OFFSET, t_ptr(pa, (uint64_t)pages * T_PAGE),
			 (uint64_t)pages * T_PAGE);
}
