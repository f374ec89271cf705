/* SPDX-License-Identifier: MIT */
/*
 * A scripted stand-in for the SPMC: answers the setup calls like a sane
 * v1.2 SPMC and lets each test answer the call under test however it likes,
 * malformed included, to check the client refuses what it must not trust.
 */
#ifndef TESTS_CLIENT_FAKE_H
#define TESTS_CLIENT_FAKE_H

#include <stdbool.h>
#include <stdint.h>

#include "lib/client/ffa_client.h"

#define FAKE_BASE 0x40000000ull     /* PA of the fake's NS memory */
#define FAKE_PAGES 16u
#define FAKE_TX_PA FAKE_BASE
#define FAKE_RX_PA (FAKE_BASE + FFA_PAGE_SIZE)

struct fake {
	uint8_t mem[FAKE_PAGES * FFA_PAGE_SIZE];
	/* The test's hook: return true if it answered *r itself. */
	bool (*script)(struct fake *f, struct ffa_regs *r);
	uint32_t version;            /* what FFA_VERSION answers */
	uint32_t calls;
	uint32_t count[256];         /* calls per function number (low byte) */
	uint32_t step;               /* free for scripts */
	uint64_t arg;                /* free for scripts */
};

/* Clear f and point c at it; negotiate 1.2 and map one page each if map. */
void fake_setup(struct fake *f, struct ffa_client *c, bool map);
uint32_t fake_count(const struct fake *f, uint32_t fid);
uint8_t *fake_rx(struct fake *f);
uint8_t *fake_tx(struct fake *f);

#endif /* TESTS_CLIENT_FAKE_H */
