/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ffa_fuzz internals: ffa_fuzz_main.c (the run, its debugfs file, health
 * checks, answer counts) and ffa_fuzz_calls.c (one mutated FF-A call each).
 */
#ifndef FFA_FUZZ_H
#define FFA_FUZZ_H

#include <linux/arm-smccc.h>
#include <linux/types.h>

#include <ffa/abi.h>
#include <ffa/mem.h>
#include <ffa/uuid.h>
#include <services/test_sp.h>

#define FZ_POOL_PAGES	16	/* pages a fuzzed descriptor may name */
#define FZ_HANDLES	16	/* live handles remembered for reclaim */
#define FZ_DESC_MAX	4096	/* a descriptor built in the TX page */

/* What an answer was, for the distribution the runner reports. */
enum fz_answer {
	FZ_A_SUCCESS,
	FZ_A_NOT_SUPPORTED = 1,		/* FFA_RET_* by -code, 1..10 */
	FZ_A_ERROR_OTHER = 11,
	FZ_A_DIRECT_RESP,
	FZ_A_FRAG_RX,
	FZ_A_VERSION,
	FZ_A_OTHER,
	FZ_A_COUNT,
};

struct fz_state {
	u64 prng;
	/* The corpus "tape": bytes of one seed input, read before the PRNG. */
	const u8 *tape;
	u32 tape_len, tape_pos;
	/* Our own RX/TX pair (one 4 KiB page each) and whether it is mapped. */
	void *tx, *rx;
	phys_addr_t tx_pa, rx_pa;
	bool mapped;
	/*
	 * Pages fuzzed descriptors name; never touched by the CPU (a lend
	 * takes them out of the host's stage 2).
	 */
	phys_addr_t pool_pa;
	/* A page of pKVM's carveout (0 when unknown). */
	phys_addr_t hyp_pa;
	/* Handles of transactions that succeeded, for reclaim. */
	u64 handles[FZ_HANDLES];
	u32 nhandles;
	/* A fragmented send in progress: its handle and what is left. */
	u64 frag_handle;
	u32 frag_left;
	u8 desc[FZ_DESC_MAX];
	u32 desc_len;
	/* Counters. */
	u64 calls;
	u64 answers[FZ_A_COUNT];
	u64 gained;		/* a call that must be refused succeeded */
	u64 trace_from;		/* print every call from this index on */
	bool avoid_emad;	/* leave the EMAD offset alone (see main) */
	bool avoid_frag;	/* FRAG_TX only for the send in progress */
	const char *last_what;
};

/* ffa_fuzz_main.c */
void fz_smc(struct fz_state *s, const char *what, struct arm_smccc_1_2_regs *r);
bool fz_ok(const struct arm_smccc_1_2_regs *r);
u64 fz_rand(struct fz_state *s);
u32 fz_byte(struct fz_state *s);
void fz_remember(struct fz_state *s, u64 handle);
void fz_forget(struct fz_state *s, u64 handle);
bool fz_map_own(struct fz_state *s);
u32 fz_build_share(struct fz_state *s, phys_addr_t pa, u32 pages, bool lend);

/* ffa_fuzz_calls.c */
void fz_one_call(struct fz_state *s);
void fz_cleanup(struct fz_state *s);

#endif /* FFA_FUZZ_H */
