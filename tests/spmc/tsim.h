/* SPDX-License-Identifier: MIT */
/*
 * Fixture and helpers of the SPMC conformance suite. Every test gets a
 * fresh hosted SPMC (g_sim) with the test partition; t_call() performs one
 * FF-A call and then asserts spmc_check_invariants(), so every ABI call in
 * the suite is followed by a full consistency check.
 *
 * Memory map of the simulated normal world used by the helpers:
 *   T_TX_PA   TX buffer, T_RX_PA  RX buffer (t_map maps `pages` of each)
 *   T_DATA_PA onwards: pages for sharing (t_page(n) is page n of it)
 */
#ifndef TESTS_SPMC_TSIM_H
#define TESTS_SPMC_TSIM_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "ffa/abi.h"
#include "ffa/codec.h"
#include "ffa/mem.h"
#include "ffa/regs.h"
#include "common/byteorder.h"
#include "host/sim/sim.h"
#include "services/test/test_sp.h"
#include "services/test_sp.h"
#include "tests/harness/check.h"

#define T_TX_PA   (HOST_SIM_NS_BASE)
#define T_RX_PA   (HOST_SIM_NS_BASE + 0x100000ull)
#define T_DATA_PA (HOST_SIM_NS_BASE + 0x200000ull)
#define T_MEM_SIZE (96ull << 20)
#define T_PAGE 4096u

extern struct host_sim *g_sim;

/* A partition's direct handler that accepts every message and changes nothing. */
int32_t t_direct_ok(struct spmc *s, const struct spmc_partition *sp, struct spmc_msg *msg);

/* Replace the fixture's SPMC by one with these partitions (NULL: the default). */
void t_reinit(const struct spmc_partition *const *parts, unsigned int count);

/* One call plus an invariants check; returns the result frame. */
#define t_call(r) t_call_at((r), __FILE__, __LINE__)
void t_call_at(struct ffa_regs *r, const char *file, int line);
#define t_smc(...) t_smc_at(__FILE__, __LINE__, __VA_ARGS__)
struct ffa_regs t_smc_at(const char *file, int line, uint64_t x0, uint64_t x1,
			 uint64_t x2, uint64_t x3, uint64_t x4, uint64_t x5);
#define T_SMC0(fid) t_smc((fid), 0, 0, 0, 0, 0)
/* Assert a spmc_check_invariants() pass (after direct API calls). */
#define T_INV() t_inv_at(__FILE__, __LINE__)
void t_inv_at(const char *file, int line);

/* FFA_ERROR with this status (x2 sign-extended), or any other frame. */
#define CHECK_ERR(r, code) do {                          \
		CHECK_EQ((r).x[0], FFA_ERROR);           \
		CHECK_EQ((r).x[2], (uint64_t)(int64_t)(code)); \
	} while (0)
#define CHECK_OK32(r) CHECK_EQ((r).x[0], FFA_SUCCESS_32)

uint8_t *t_ptr(uint64_t pa, uint64_t size);
uint64_t t_page(uint32_t n);
uint8_t *t_tx(void);
uint8_t *t_rx(void);

/* Negotiate (asserting the SPMC's answer). */
void t_version(uint32_t v);
/* VERSION(v) then RXTX_MAP_64 of `pages` each at T_TX_PA/T_RX_PA. */
void t_setup(uint32_t v, uint32_t pages);
void t_rx_release(void);

struct spmc_ns_info t_info(void);

/* ---- descriptors ---- */
struct t_desc {
	uint32_t layout;              /* 0 = the fixture's negotiated version */
	uint16_t sender;
	uint16_t attributes;          /* 0 = normal WB inner shareable */
	uint32_t flags;
	uint64_t tag;
	uint32_t ep_count;            /* 0 = one receiver, TEST_SP_ID, RW */
	struct ffa_mem_access ep[FFA_MEM_MAX_RECEIVERS];
	uint32_t range_count;
	const struct ffa_mem_range *ranges;
};

/* Encode into buf (cap bytes); returns the length (asserts it encoded). */
uint32_t t_encode(uint8_t *buf, uint32_t cap, const struct t_desc *d);
/* One range of `pages` pages at t_page(first). */
struct ffa_mem_range t_range(uint32_t first, uint32_t pages);

/*
 * Send d with fid (MEM_SHARE/LEND 32/64), fragmenting it through TX as
 * needed; returns the final frame. *handle gets the handle on success.
 */
struct ffa_regs t_send(uint32_t fid, const struct t_desc *d, uint64_t *handle);
/* Send an already encoded (possibly malformed) descriptor, fragmenting as needed. */
struct ffa_regs t_send_raw(uint32_t fid, const uint8_t *buf, uint32_t len, uint64_t *handle);
/* Share `pages` pages at t_page(first) to the test partition; asserts success. */
uint64_t t_share_simple(uint32_t first, uint32_t pages);
struct ffa_regs t_reclaim(uint64_t handle, uint32_t flags);

/* Snapshot of the transaction table and range pool, for "unchanged" checks. */
struct t_snap {
	struct spmc_txn txns[SPMC_MAX_TXNS];
	struct ffa_mem_range *pool;   /* heap copy */
	struct spmc_ns_info info;
};
void t_snap_take(struct t_snap *sn);
/* True if the table, pool and ns info equal the snapshot; frees it. */
bool t_snap_same(struct t_snap *sn);

/* ---- direct messages to the test partition ---- */
struct ffa_regs t_direct(uint32_t fid, uint16_t receiver, const uint64_t *args,
			 unsigned int nargs);
/* A test-partition command over DIRECT_REQ_64 with a1..a4; returns the frame. */
struct ffa_regs t_tsp(uint64_t cmd, uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4);
/* Same with a handle in a1/a2; returns a0 as a status. */
int32_t t_tsp_handle(uint32_t cmd, uint64_t handle, uint64_t a3, struct ffa_regs *out);

/*
 * The partition-side memory API, as the tests call it: the real function
 * followed by an invariants check, so every call into the core in this suite
 * (ABI or partition API) is checked. tsim.c defines the wrappers and calls
 * the real functions (it defines TSIM_REAL_SP_API before including this).
 */
int32_t t_sp_retrieve_at(const char *file, int line, struct spmc *s, uint16_t sp_id,
			 uint64_t handle, struct spmc_sp_mem *out);
int32_t t_sp_relinquish_at(const char *file, int line, struct spmc *s, uint16_t sp_id,
			   uint64_t handle);
#ifndef TSIM_REAL_SP_API
#define spmc_sp_retrieve(...) t_sp_retrieve_at(__FILE__, __LINE__, __VA_ARGS__)
#define spmc_sp_relinquish(...) t_sp_relinquish_at(__FILE__, __LINE__, __VA_ARGS__)
#endif

/* The host-side checksum of [pa, pa + pages). */
uint64_t t_fnv(uint64_t pa, uint32_t pages);

#endif /* TESTS_SPMC_TSIM_H */
