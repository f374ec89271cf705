// SPDX-License-Identifier: MIT
/*
 * Concurrency: four normal-world "CPUs" (threads) drive direct messages and
 * full share/retrieve/relinquish/reclaim cycles through two partitions at
 * once. The harness's CHECK is not thread-safe, so workers count their own
 * failures and the main thread asserts on the counts and on the invariants.
 */
#include <pthread.h>

#include "tests/spmc/tsim.h"

#define WORKERS 4
#define ITERS 150
#define SECOND_TSP 0x8002u

/* The NS side has one TX and one RX: its "OS" serialises their use. */
static pthread_mutex_t tx_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t rx_lock = PTHREAD_MUTEX_INITIALIZER;

struct worker {
	pthread_t thread;
	unsigned int id;
	uint16_t sp;
	unsigned int failures;
	unsigned int cycles;
};

/* Calls after which the invariant checker failed, from any thread. */
static unsigned int inv_broken;

/* The checker takes the core lock, so it sees a state between two calls. */
static void call(struct ffa_regs *r)
{
	host_sim_call(g_sim, r);
	if (spmc_check_invariants(&g_sim->spmc, NULL))
		__atomic_add_fetch(&inv_broken, 1, __ATOMIC_RELAXED);
}

static struct ffa_regs test_sp(uint16_t sp, uint64_t cmd, uint64_t a1, uint64_t a2, uint64_t a3)
{
	struct ffa_regs r = { .x = { FFA_MSG_SEND_DIRECT_REQ_64, sp, 0, cmd, a1, a2, a3 } };

	call(&r);
	return r;
}

/* A descriptor for one receiver with perms, normal write-back memory. */
static void one_receiver(struct ffa_mtd *d, uint16_t receiver, uint8_t perms)
{
	memset(d, 0, sizeof(*d));
	d->attributes = FFA_ATTR_NORMAL_WB_INNER;
	d->ep_count = 1;
	d->ep[0].receiver = receiver;
	d->ep[0].perms = perms;
}

static uint64_t share(struct worker *w, uint32_t first, uint32_t pages)
{
	struct ffa_mem_range rg = t_range(first, pages);
	struct ffa_mtd d;
	struct ffa_regs r;
	uint32_t len;

	one_receiver(&d, w->sp, FFA_PERM_DATA_RW | FFA_PERM_INSTR_NX);
	pthread_mutex_lock(&tx_lock);
	len = ffa_mtd_encode(t_tx(), T_PAGE, FFA_VERSION_1_2, &d, &rg, 1);
	memset(&r, 0, sizeof(r));
	r.x[0] = w->id % 2 ? FFA_MEM_SHARE_64 : FFA_MEM_LEND_32;
	r.x[1] = r.x[2] = len;
	call(&r);
	pthread_mutex_unlock(&tx_lock);
	if (!len || r.x[0] != FFA_SUCCESS_32)
		return 0;
	return ffa_handle_join(r.x[2], r.x[3]);
}

static bool reclaim_is(uint64_t h, int32_t want)
{
	struct ffa_regs r = { .x = { FFA_MEM_RECLAIM, (uint32_t)h, h >> 32 } };

	call(&r);
	return want == 0 ? r.x[0] == FFA_SUCCESS_32
			 : r.x[0] == FFA_ERROR && (int32_t)r.x[2] == want;
}

static bool partition_info(void)
{
	struct ffa_regs r = { .x = { FFA_PARTITION_INFO_GET } };
	bool ok;

	pthread_mutex_lock(&rx_lock);
	call(&r);
	ok = r.x[0] == FFA_SUCCESS_32 && r.x[2] == 2;
	r = (struct ffa_regs){ .x = { FFA_RX_RELEASE } };
	call(&r);
	ok = ok && r.x[0] == FFA_SUCCESS_32;
	pthread_mutex_unlock(&rx_lock);
	return ok;
}

/* One full cycle; returns false on the first unexpected answer. */
static bool cycle(struct worker *w, unsigned int it)
{
	uint32_t first = 64 * w->id + 4 * (it % 8), pages = 1 + it % 3;
	uint8_t *p = t_ptr(t_page(first), (uint64_t)pages * T_PAGE);
	struct ffa_regs r;
	uint64_t h, sum;

	r = test_sp(w->sp, TEST_SP_CMD_ECHO, w->id, it, 0xFEEDull << 32);
	if (r.x[0] != FFA_MSG_SEND_DIRECT_RESP_64 || r.x[4] != w->id || r.x[5] != it ||
	    r.x[6] != 0xFEEDull << 32 || r.x[1] != ffa_pack_ids(w->sp, 0))
		return false;
	memset(p, (int)(w->id * 16 + it), (size_t)pages * T_PAGE);
	sum = test_sp_fnv1a(TEST_SP_FNV_OFFSET, p, (uint64_t)pages * T_PAGE);
	h = share(w, first, pages);
	if (!h)
		return false;
	r = test_sp(w->sp, TEST_SP_CMD_MEM_CHECKSUM, (uint32_t)h, h >> 32, 0);
	if (r.x[3] != 0 || ffa_handle_join(r.x[4], r.x[5]) != sum || r.x[6] != pages)
		return false;
	r = test_sp(w->sp, TEST_SP_CMD_MEM_RETRIEVE, (uint32_t)h, h >> 32, 0);
	if (r.x[3] != 0 || !reclaim_is(h, FFA_RET_DENIED))
		return false;
	r = test_sp(w->sp, TEST_SP_CMD_MEM_RELINQUISH, (uint32_t)h, h >> 32, 0);
	if (r.x[3] != 0 || !reclaim_is(h, 0) || !reclaim_is(h, FFA_RET_INVALID_PARAMETERS))
		return false;
	return w->id != 3 || partition_info();
}

static void *work(void *arg)
{
	struct worker *w = arg;

	for (unsigned int it = 0; it < ITERS; it++) {
		if (cycle(w, it))
			w->cycles++;
		else
			w->failures++;
	}
	return NULL;
}

TEST(mt_four_cpus_message_and_share_concurrently)
{
	static struct spmc_partition second;
	const struct spmc_partition *pp[2];
	struct worker w[WORKERS];
	struct spmc_ns_info info;

	/* A second instance of the test partition under another ID. */
	memcpy(&second, test_sp_partition(), sizeof(second));
	second.id = SECOND_TSP;
	second.uuid = (struct ffa_uuid)FFA_UUID_TPM_CRB;
	pp[0] = test_sp_partition();
	pp[1] = &second;
	t_reinit(pp, 2);
	t_setup(FFA_VERSION_1_2, 1);
	for (unsigned int i = 0; i < WORKERS; i++) {
		w[i] = (struct worker){ .id = i, .sp = i % 2 ? TEST_SP_ID : SECOND_TSP };
		CHECK_EQ(pthread_create(&w[i].thread, NULL, work, &w[i]), 0);
	}
	for (unsigned int i = 0; i < WORKERS; i++) {
		CHECK_EQ(pthread_join(w[i].thread, NULL), 0);
		CHECK_EQ(w[i].failures, 0);
		CHECK_EQ(w[i].cycles, ITERS);
	}
	T_INV();
	CHECK_EQ(__atomic_load_n(&inv_broken, __ATOMIC_RELAXED), 0);
	info = t_info();
	CHECK_EQ(info.live_txns, 0);
	CHECK_EQ(info.retrieved_txns, 0);
	CHECK(!info.rx_held_by_ns);
}

/* Racing TX writers with no coordination: calls may fail, state may not rot. */
static void *scribble(void *arg)
{
	struct worker *w = arg;

	for (unsigned int it = 0; it < ITERS; it++) {
		struct ffa_mem_range rg = t_range(64 * w->id + it % 4, 1);
		struct ffa_mtd d;
		struct ffa_regs r;
		uint32_t len;

		one_receiver(&d, TEST_SP_ID, FFA_PERM_DATA_RW);
		len = ffa_mtd_encode(t_tx(), T_PAGE, FFA_VERSION_1_2, &d, &rg, 1);
		if (w->id == 3)
			memset(t_tx(), (int)it, 64);   /* garbage from a fourth "CPU" */
		r = (struct ffa_regs){ .x = { FFA_MEM_SHARE_64, len, len } };
		call(&r);
		if (r.x[0] == FFA_SUCCESS_32) {
			w->cycles++;
			(void)reclaim_is(ffa_handle_join(r.x[2], r.x[3]), 0);
		}
	}
	return NULL;
}

TEST_NEG(mt_racing_tx_writers_keep_state_consistent)
{
	struct worker w[WORKERS];

	t_setup(FFA_VERSION_1_2, 1);
	for (unsigned int i = 0; i < WORKERS; i++) {
		w[i] = (struct worker){ .id = i, .sp = TEST_SP_ID };
		CHECK_EQ(pthread_create(&w[i].thread, NULL, scribble, &w[i]), 0);
	}
	for (unsigned int i = 0; i < WORKERS; i++)
		CHECK_EQ(pthread_join(w[i].thread, NULL), 0);
	T_INV();
	CHECK_EQ(__atomic_load_n(&inv_broken, __ATOMIC_RELAXED), 0);
	CHECK_EQ(t_info().retrieved_txns, 0);
}
