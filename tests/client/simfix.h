/* SPDX-License-Identifier: MIT */
/*
 * Fixture: the client driving the real hosted SPMC (host_sim + the test
 * partition) through an interposing conduit that counts calls per function
 * and can rewrite an answer before the client sees it.
 */
#ifndef TESTS_CLIENT_SIMFIX_H
#define TESTS_CLIENT_SIMFIX_H

#include <stdbool.h>
#include <stdint.h>

#include "lib/client/ffa_client.h"
#include "host/sim/sim.h"

struct simfix {
	struct host_sim *sim;
	struct ffa_client c;
	uint32_t count[256];        /* calls per function number (low byte) */
	/* Optional: rewrite the SPMC's answer `out` to request `in`. */
	void (*mutate)(const struct ffa_regs *in, struct ffa_regs *out);
	uint64_t next_pa;           /* bump allocator over simulated NS RAM */
};

extern struct simfix SF;

/*
 * Start a fresh SPMC (cfg may be NULL), negotiate `version` (0: skip) and
 * map RX/TX of `pages` pages each (0: skip). False if any step failed.
 */
bool simfix_open(const struct host_sim_config *cfg, uint32_t version, uint32_t pages);
void simfix_close(void);
uint32_t simfix_count(uint32_t fid);
void simfix_reset_counts(void);
/* Fresh NS pages (0 when exhausted) and their host pointer. */
uint64_t simfix_alloc(uint32_t pages);
uint8_t *simfix_ptr(uint64_t pa, uint64_t size);
/* Fill with a position-dependent pattern; FNV-1a of [pa, pa + pages). */
void simfix_pattern(uint64_t pa, uint32_t pages, uint32_t seed);
uint64_t simfix_fnv(const struct ffa_mem_range *rg, uint32_t n);

/* A test partition command over DIRECT_REQ_32; returns the call's or its status. */
int32_t tsp32(uint32_t cmd, uint64_t handle, uint32_t a3, uint32_t out[FFA_CLIENT_REQ_ARGS]);
/* Share or lend ranges to the test partition with perms; handle out. */
int32_t simfix_send(bool lend, const struct ffa_mem_range *rg, uint32_t n, uint8_t perms,
		    uint64_t *handle);

#endif /* TESTS_CLIENT_SIMFIX_H */
