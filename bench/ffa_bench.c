// SPDX-License-Identifier: MIT
/*
 * ffa-bench: what each FF-A path costs in the SPMC core, counted in
 * instructions by valgrind's callgrind (exact and repeatable, unlike time on
 * a shared machine). The core runs on the hosted platform (host/sim) and is
 * driven by the reference client, as the hosted tests do.
 *
 * Only the SPMC's side is counted: every call into the core (host_sim_call
 * for the normal world's SMCs, spmc_sp_retrieve/relinquish for the
 * partition's side) is bracketed by CALLGRIND_TOGGLE_COLLECT, and only the
 * brackets of the phase being measured are switched on. The client's own
 * work (encoding descriptors, copying fragments into TX) is not counted.
 * Each (operation, phase) is run `reps` times after one warm-up round,
 * between CALLGRIND_ZERO_STATS and a CALLGRIND_DUMP_STATS_AT whose label
 * bench/report.py reads back:
 *
 *   ffa-bench <op> <phase> <reps> <windows>
 *
 * where windows is the number of brackets counted (their own few
 * instructions are measured by the "null" operation and subtracted).
 *
 *   usage: ffa-bench --smoke     every operation once, natively, checked;
 *                                ends with "bench-smoke: N passed, M failed"
 *          ffa-bench --measure   under valgrind --tool=callgrind
 *                                --collect-atstart=no (bench/run-host.sh)
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ffa/mem.h"
#include "lib/client/ffa_client.h"
#include "host/sim/sim.h"
#include "services/test_sp.h"
#include "spmc/spmc.h"

#if defined(__has_include)
#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#define BENCH_HAVE_VALGRIND 1
#endif
#endif
#ifndef BENCH_HAVE_VALGRIND
/* Without the header the program still builds and --smoke still runs. */
#define CALLGRIND_TOGGLE_COLLECT do { } while (0)
#define CALLGRIND_ZERO_STATS do { } while (0)
#define CALLGRIND_DUMP_STATS_AT(label) ((void)(label))
#define RUNNING_ON_VALGRIND 0
#endif

#define BENCH_PAGE 4096u
#define BENCH_MAX_RANGES 4096u
/* TX and RX (one page each, as Linux maps them), then the shared region. */
#define BENCH_TX_PA HOST_SIM_NS_BASE
#define BENCH_RX_PA (HOST_SIM_NS_BASE + BENCH_PAGE)
#define BENCH_REGION_PA (HOST_SIM_NS_BASE + 16u * BENCH_PAGE)
/* Scattered ranges leave a one-page gap after each: twice the pages. */
#define BENCH_REGION_SIZE (2ull * BENCH_MAX_RANGES * BENCH_PAGE)
/* The live transactions of the live-table curve: one page each, past the region. */
#define BENCH_MAX_LIVE 1023u
#define BENCH_LIVE_PA (BENCH_REGION_PA + BENCH_REGION_SIZE)
#define BENCH_MEM_SIZE (16ull * BENCH_PAGE + BENCH_REGION_SIZE + \
			(uint64_t)BENCH_MAX_LIVE * BENCH_PAGE)
/* Header, one access descriptor, composite, constituents, with room to spare. */
#define BENCH_DESC_MAX (256u + BENCH_MAX_RANGES * FFA_CONS_SIZE)

enum bench_phase {
	PH_NONE = -1,
	PH_CALL,
	PH_RX_RELEASE,
	PH_SHARE,
	PH_RETRIEVE,
	PH_RELINQUISH,
	PH_RECLAIM,
	PH_HYP_RETRIEVE,
	PH_COUNT,
};

static const char *const phase_names[PH_COUNT] = {
	[PH_CALL] = "call",
	[PH_RX_RELEASE] = "rx_release",
	[PH_SHARE] = "share",
	[PH_RETRIEVE] = "retrieve",
	[PH_RELINQUISH] = "relinquish",
	[PH_RECLAIM] = "reclaim",
	[PH_HYP_RETRIEVE] = "hyp_retrieve",
};

enum bench_layout {
	LAYOUT_NONE,
	LAYOUT_CONTIG,     /* one constituent of N pages */
	LAYOUT_SCATTER,    /* N one-page constituents with gaps, ascending */
	LAYOUT_SCATTER_REV, /* the same, in descending address order */
	LAYOUT_SCATTER_SHUF /* the same, shuffled (deterministically) */
};

struct bench {
	struct host_sim *sim;
	struct ffa_client c;
	int collect;            /* phase whose brackets count (PH_NONE: none) */
	int cur;                /* phase the next client call belongs to */
	uint64_t windows;       /* brackets counted since the last reset */
	struct ffa_mem_range ranges[BENCH_MAX_RANGES];
	uint8_t desc[BENCH_DESC_MAX];
	uint32_t live;          /* live transactions held besides the measured one */
	uint64_t live_handles[BENCH_MAX_LIVE];
};

struct bench_op {
	const char *name;
	int (*run)(struct bench *b, const struct bench_op *op);
	unsigned int phases;    /* bit per enum bench_phase measured */
	enum bench_layout layout;
	uint32_t pages;
	uint32_t reps;
	uint32_t live;          /* live transactions while measuring (the table's load) */
};

/* Brackets one stretch of the SPMC's work, counted if its phase is measured. */
static bool window_open(struct bench *b, int phase)
{
	if (phase != b->collect)
		return false;
	CALLGRIND_TOGGLE_COLLECT;
	return true;
}

static void window_close(struct bench *b, bool on)
{
	if (!on)
		return;
	CALLGRIND_TOGGLE_COLLECT;
	b->windows++;
}

static void conduit(void *ctx, struct ffa_regs *r)
{
	struct bench *b = ctx;
	bool on = window_open(b, b->cur);

	/* The core itself, not host_sim_call's tracing wrapper (verbose is off). */
	spmc_ns_call(&b->sim->spmc, r);
	window_close(b, on);
}

static uint8_t *ns_ptr(void *ctx, uint64_t pa, uint64_t size)
{
	struct bench *b = ctx;

	return host_sim_ptr(b->sim, pa, size);
}

/* A raw call outside the client, in `phase`. */
static void raw_call(struct bench *b, int phase, struct ffa_regs *r)
{
	b->cur = phase;
	conduit(b, r);
}

static int op_null(struct bench *b, const struct bench_op *op)
{
	bool on = window_open(b, PH_CALL);

	(void)op;
	window_close(b, on);
	return 0;
}

static int op_version(struct bench *b, const struct bench_op *op)
{
	struct ffa_regs r;

	(void)op;
	ffa_regs_clear(&r);
	r.x[0] = FFA_VERSION;
	r.x[1] = FFA_VERSION_1_2;
	raw_call(b, PH_CALL, &r);
	/* Locked since RXTX_MAP: the answer is the version in use. */
	return ffa_w(&r, 0) == FFA_VERSION_1_2 ? 0 : -1;
}

static int op_partinfo(struct bench *b, const struct bench_op *op)
{
	struct ffa_regs r;

	(void)op;
	ffa_regs_clear(&r);
	r.x[0] = FFA_PARTITION_INFO_GET; /* nil UUID: every partition */
	raw_call(b, PH_CALL, &r);
	if (ffa_w(&r, 0) != FFA_SUCCESS_32 || ffa_w(&r, 2) < 1)
		return -1;
	ffa_regs_clear(&r);
	r.x[0] = FFA_RX_RELEASE;
	raw_call(b, PH_RX_RELEASE, &r);
	return ffa_w(&r, 0) == FFA_SUCCESS_32 ? 0 : -1;
}

static int op_partinfo_regs(struct bench *b, const struct bench_op *op)
{
	struct ffa_partinfo info[4];
	uint32_t count = 0;

	(void)op;
	b->cur = PH_CALL;
	if (ffa_client_partitions_regs(&b->c, NULL, info, 4, &count) || count < 1)
		return -1;
	return info[0].id == TEST_SP_ID ? 0 : -1;
}

/* Every payload register carries something different, so an echo proves it all. */
static void echo_payload(uint64_t *in, unsigned int n)
{
	in[0] = TEST_SP_CMD_ECHO;
	for (unsigned int i = 1; i < n; i++)
		in[i] = 0x0123456789abcdefull * i ^ (uint64_t)i << 56;
}

static int op_direct_req(struct bench *b, const struct bench_op *op)
{
	uint64_t in[FFA_CLIENT_REQ_ARGS], out[FFA_CLIENT_REQ_ARGS];

	(void)op;
	echo_payload(in, FFA_CLIENT_REQ_ARGS);
	b->cur = PH_CALL;
	if (ffa_client_direct_req64(&b->c, TEST_SP_ID, in, out))
		return -1;
	return memcmp(in, out, sizeof(in)) ? -1 : 0;
}

static int op_direct_req32(struct bench *b, const struct bench_op *op)
{
	uint32_t in[FFA_CLIENT_REQ_ARGS], out[FFA_CLIENT_REQ_ARGS];

	(void)op;
	in[0] = TEST_SP_CMD_ECHO;
	for (unsigned int i = 1; i < FFA_CLIENT_REQ_ARGS; i++)
		in[i] = 0x89abcdefu * i;
	b->cur = PH_CALL;
	if (ffa_client_direct_req32(&b->c, TEST_SP_ID, in, out))
		return -1;
	return memcmp(in, out, sizeof(in)) ? -1 : 0;
}

static int op_direct_req2(struct bench *b, const struct bench_op *op)
{
	static const struct ffa_uuid uuid = FFA_UUID_FFA_STACK_TEST;
	uint64_t in[FFA_CLIENT_REQ2_ARGS], out[FFA_CLIENT_REQ2_ARGS];

	(void)op;
	echo_payload(in, FFA_CLIENT_REQ2_ARGS);
	b->cur = PH_CALL;
	if (ffa_client_direct_req2(&b->c, TEST_SP_ID, &uuid, in, out))
		return -1;
	return memcmp(in, out, sizeof(in)) ? -1 : 0;
}

/* The constituents of op's region into b->ranges; returns how many. */
static uint32_t build_ranges(struct bench *b, const struct bench_op *op)
{
	if (op->layout == LAYOUT_CONTIG) {
		b->ranges[0].addr = BENCH_REGION_PA;
		b->ranges[0].pages = op->pages;
		return 1;
	}
	for (uint32_t i = 0; i < op->pages; i++) {
		uint32_t k = op->layout == LAYOUT_SCATTER_REV ? op->pages - 1 - i : i;

		b->ranges[i].addr = BENCH_REGION_PA + 2ull * k * BENCH_PAGE;
		b->ranges[i].pages = 1;
	}
	if (op->layout == LAYOUT_SCATTER_SHUF) {
		/* Fisher-Yates with a fixed LCG: the same order on every run. */
		uint32_t seed = 0xbe4c4u;

		for (uint32_t i = op->pages; i > 1; i--) {
			uint32_t j;
			struct ffa_mem_range t;

			seed = seed * 1664525u + 1013904223u;
			j = (seed >> 8) % i;
			t = b->ranges[i - 1];
			b->ranges[i - 1] = b->ranges[j];
			b->ranges[j] = t;
		}
	}
	return op->pages;
}

static int sp_retrieve(struct bench *b, const struct bench_op *op, uint32_t n,
		       uint64_t handle)
{
	struct spmc_sp_mem mem;
	bool on = window_open(b, PH_RETRIEVE);
	int32_t ret = spmc_sp_retrieve(&b->sim->spmc, TEST_SP_ID, handle, &mem);

	window_close(b, on);
	if (ret)
		return -1;
	/* What the partition sees: every page, ranges sorted by address. */
	if (mem.total_pages != op->pages || mem.range_count != n ||
	    mem.ranges[0].addr != BENCH_REGION_PA)
		return -1;
	for (uint32_t i = 1; i < n; i++)
		if (mem.ranges[i - 1].addr >= mem.ranges[i].addr)
			return -1;
	return 0;
}

static int sp_relinquish(struct bench *b, uint64_t handle)
{
	bool on = window_open(b, PH_RELINQUISH);
	int32_t ret = spmc_sp_relinquish(&b->sim->spmc, TEST_SP_ID, handle);

	window_close(b, on);
	return ret ? -1 : 0;
}

/*
 * MEM_SHARE, the partition's retrieve and relinquish, the hypervisor's
 * retrieve request (what pKVM's proxy sends before forwarding a reclaim, to
 * learn which pages it gets back: RETRIEVE_REQ, FRAG_RX, RX_RELEASE), then
 * MEM_RECLAIM.
 */
static int op_mem(struct bench *b, const struct bench_op *op)
{
	static const struct ffa_mem_access rx = {
		.receiver = TEST_SP_ID,
		.perms = FFA_PERM_DATA_RW | FFA_PERM_INSTR_NX,
	};
	struct ffa_client_mem m = {
		.receivers = &rx,
		.receiver_count = 1,
		.ranges = b->ranges,
		.attributes = FFA_ATTR_NORMAL_WB_INNER,
	};
	struct ffa_mtd got;
	uint64_t handle;
	uint32_t len;
	int ret;

	m.range_count = build_ranges(b, op);
	b->cur = PH_SHARE;
	if (ffa_client_mem_share(&b->c, &m, b->desc, sizeof(b->desc), &handle))
		return -1;
	ret = sp_retrieve(b, op, m.range_count, handle);
	if (!ret)
		ret = sp_relinquish(b, handle);
	b->cur = PH_HYP_RETRIEVE;
	if (!ret && (ffa_client_hyp_retrieve(&b->c, handle, b->desc, sizeof(b->desc), &len, &got) ||
		     got.total_pages != op->pages || got.range_count != m.range_count))
		ret = -1;
	b->cur = PH_RECLAIM;
	if (ffa_client_mem_reclaim(&b->c, handle, 0))
		ret = -1;
	return ret;
}

#define CALL_PHASE (1u << PH_CALL)
#define MEM_PHASES ((1u << PH_SHARE) | (1u << PH_RETRIEVE) | (1u << PH_RELINQUISH) | \
		    (1u << PH_RECLAIM) | (1u << PH_HYP_RETRIEVE))
#define MEM_OP(name, layout, pages, reps) { name, op_mem, MEM_PHASES, layout, pages, reps, 0 }
/* The same with `live` other transactions live: "live<pages>_<live>". */
#define LIVE_OP(name, layout, pages, reps, live) \
	{ name, op_mem, MEM_PHASES, layout, pages, reps, live }

static const struct bench_op ops[] = {
	{ "null", op_null, CALL_PHASE, LAYOUT_NONE, 0, 1000, 0 },
	{ "version", op_version, CALL_PHASE, LAYOUT_NONE, 0, 1000, 0 },
	{ "partition_info_get", op_partinfo, CALL_PHASE | (1u << PH_RX_RELEASE),
	  LAYOUT_NONE, 0, 1000, 0 },
	{ "partition_info_get_regs", op_partinfo_regs, CALL_PHASE, LAYOUT_NONE, 0, 1000, 0 },
	{ "direct_req_echo", op_direct_req, CALL_PHASE, LAYOUT_NONE, 0, 1000, 0 },
	{ "direct_req32_echo", op_direct_req32, CALL_PHASE, LAYOUT_NONE, 0, 1000, 0 },
	{ "direct_req2_echo", op_direct_req2, CALL_PHASE, LAYOUT_NONE, 0, 1000, 0 },
	MEM_OP("mem_contig_1", LAYOUT_CONTIG, 1, 200),
	MEM_OP("mem_contig_16", LAYOUT_CONTIG, 16, 200),
	MEM_OP("mem_contig_256", LAYOUT_CONTIG, 256, 200),
	MEM_OP("mem_contig_4096", LAYOUT_CONTIG, 4096, 200),
	MEM_OP("mem_scatter_1", LAYOUT_SCATTER, 1, 200),
	MEM_OP("mem_scatter_16", LAYOUT_SCATTER, 16, 100),
	MEM_OP("mem_scatter_256", LAYOUT_SCATTER, 256, 20),
	MEM_OP("mem_scatter_4096", LAYOUT_SCATTER, 4096, 5),
	MEM_OP("mem_scatter_rev_16", LAYOUT_SCATTER_REV, 16, 100),
	MEM_OP("mem_scatter_rev_256", LAYOUT_SCATTER_REV, 256, 20),
	MEM_OP("mem_scatter_rev_4096", LAYOUT_SCATTER_REV, 4096, 5),
	MEM_OP("mem_scatter_shuf_16", LAYOUT_SCATTER_SHUF, 16, 100),
	MEM_OP("mem_scatter_shuf_256", LAYOUT_SCATTER_SHUF, 256, 20),
	MEM_OP("mem_scatter_shuf_4096", LAYOUT_SCATTER_SHUF, 4096, 5),
	/* The live-table curve: one page, and 256 one-page ranges, at T live. */
	LIVE_OP("live1_0", LAYOUT_CONTIG, 1, 200, 0),
	LIVE_OP("live1_1", LAYOUT_CONTIG, 1, 200, 1),
	LIVE_OP("live1_16", LAYOUT_CONTIG, 1, 200, 16),
	LIVE_OP("live1_256", LAYOUT_CONTIG, 1, 200, 256),
	LIVE_OP("live1_1023", LAYOUT_CONTIG, 1, 200, 1023),
	LIVE_OP("live256_0", LAYOUT_SCATTER, 256, 20, 0),
	LIVE_OP("live256_1", LAYOUT_SCATTER, 256, 20, 1),
	LIVE_OP("live256_16", LAYOUT_SCATTER, 256, 20, 16),
	LIVE_OP("live256_256", LAYOUT_SCATTER, 256, 20, 256),
	LIVE_OP("live256_1023", LAYOUT_SCATTER, 256, 20, 1023),
};

#define N_OPS (sizeof(ops) / sizeof(ops[0]))

/* No transaction left behind and the core's own invariants hold. */
static int check_idle(struct bench *b, const char **why)
{
	struct spmc_ns_info info;

	if (spmc_check_invariants(&b->sim->spmc, why))
		return -1;
	spmc_get_ns_info(&b->sim->spmc, &info);
	if (info.live_txns || info.retrieved_txns || info.rx_held_by_ns) {
		*why = "a transaction or RX was left held";
		return -1;
	}
	return 0;
}

/*
 * Bring the table to `want` live one-page transactions (shared or reclaimed
 * outside any measured bracket). A table smaller than the curve needs (the
 * sanitized smoke build has the default size) is filled to one slot short.
 */
static int set_live(struct bench *b, uint32_t want)
{
	static const struct ffa_mem_access rx = {
		.receiver = TEST_SP_ID,
		.perms = FFA_PERM_DATA_RW | FFA_PERM_INSTR_NX,
	};
	struct ffa_mem_range rg;
	struct ffa_client_mem m = {
		.receivers = &rx, .receiver_count = 1, .ranges = &rg, .range_count = 1,
		.attributes = FFA_ATTR_NORMAL_WB_INNER,
	};

	if (want > SPMC_MAX_TXNS - 1)
		want = SPMC_MAX_TXNS - 1;
	b->cur = PH_NONE;
	while (b->live > want)
		if (ffa_client_mem_reclaim(&b->c, b->live_handles[--b->live], 0))
			return -1;
	while (b->live < want) {
		rg.addr = BENCH_LIVE_PA + (uint64_t)b->live * BENCH_PAGE;
		rg.pages = 1;
		if (ffa_client_mem_share(&b->c, &m, b->desc, sizeof(b->desc),
					 &b->live_handles[b->live]))
			return -1;
		b->live++;
	}
	return 0;
}

static int setup(struct bench *b)
{
	struct host_sim_config cfg = { .mem_size = BENCH_MEM_SIZE, .spin_locks = true };

	b->sim = host_sim_create(&cfg);
	if (!b->sim) {
		fprintf(stderr, "ffa-bench: cannot create the hosted SPMC (%llu MiB of NS RAM)\n",
			(unsigned long long)(BENCH_MEM_SIZE >> 20));
		return -1;
	}
	b->collect = PH_NONE;
	b->cur = PH_NONE;
	ffa_client_init(&b->c, conduit, ns_ptr, b);
	if (ffa_client_negotiate(&b->c, FFA_VERSION_1_2) || ffa_client_id_get(&b->c, NULL) ||
	    ffa_client_map_rxtx(&b->c, BENCH_TX_PA, BENCH_RX_PA, 1)) {
		fprintf(stderr, "ffa-bench: FF-A setup (VERSION, ID_GET, RXTX_MAP) failed\n");
		return -1;
	}
	return 0;
}

static int smoke(struct bench *b)
{
	unsigned int pass = 0, fail = 0;

	for (size_t i = 0; i < N_OPS; i++) {
		const char *why = "the operation failed";
		int ret = set_live(b, ops[i].live);

		if (!ret)
			ret = ops[i].run(b, &ops[i]);
		if (!ret)
			ret = set_live(b, 0);
		if (!ret)
			ret = check_idle(b, &why);
		if (ret) {
			fail++;
			printf("FAIL %s: %s\n", ops[i].name, why);
		} else {
			pass++;
		}
	}
	printf("bench-smoke: %u passed, %u failed\n", pass, fail);
	return fail ? 1 : 0;
}

static int measure_one(struct bench *b, const struct bench_op *op, int phase)
{
	char label[128];

	b->collect = PH_NONE;
	if (set_live(b, op->live) || b->live != op->live)
		return -1;
	if (op->run(b, op))
		return -1;
	b->collect = phase;
	b->windows = 0;
	CALLGRIND_ZERO_STATS;
	for (uint32_t r = 0; r < op->reps; r++)
		if (op->run(b, op))
			return -1;
	snprintf(label, sizeof(label), "ffa-bench %s %s %" PRIu32 " %" PRIu64, op->name,
		 phase_names[phase], op->reps, b->windows);
	CALLGRIND_DUMP_STATS_AT(label);
	b->collect = PH_NONE;
	printf("%s\n", label);
	return 0;
}

static int measure(struct bench *b)
{
	if (!RUNNING_ON_VALGRIND) {
		fprintf(stderr, "ffa-bench: --measure counts instructions under valgrind: run bench/run-host.sh (or make bench)\n");
		return 2;
	}
	if (SPMC_MAX_TXNS < BENCH_MAX_LIVE + 1) {
		fprintf(stderr, "ffa-bench: the live-table curve needs SPMC_MAX_TXNS >= %u (built with %u)\n",
			BENCH_MAX_LIVE + 1, (unsigned int)SPMC_MAX_TXNS);
		return 2;
	}
	/* What the figures were measured on, for the report. */
	printf("ffa-bench config slots=%u pool=%u locks=%s\n", (unsigned int)SPMC_MAX_TXNS,
	       (unsigned int)SPMC_RANGE_POOL, b->sim->spin_locks ? "spinlock" : "pthread-mutex");
	for (size_t i = 0; i < N_OPS; i++) {
		for (int ph = 0; ph < PH_COUNT; ph++) {
			if (!(ops[i].phases & (1u << ph)))
				continue;
			if (measure_one(b, &ops[i], ph)) {
				fprintf(stderr, "ffa-bench: %s (%s) failed\n", ops[i].name,
					phase_names[ph]);
				return 1;
			}
		}
	}
	return 0;
}

int main(int argc, char **argv)
{
	static struct bench b;
	int ret;

	if (argc != 2 || (strcmp(argv[1], "--smoke") && strcmp(argv[1], "--measure"))) {
		fprintf(stderr, "usage: ffa-bench --smoke | --measure\n");
		return 2;
	}
	if (setup(&b))
		return 1;
	ret = strcmp(argv[1], "--smoke") ? measure(&b) : smoke(&b);
	host_sim_destroy(b.sim);
	return ret;
}
