/* SPDX-License-Identifier: MIT */
/*
 * Protocol of the ffa-stack test partition (UUID FFA_UUID_FFA_STACK_TEST,
 * endpoint ID TEST_SP_ID). Used by the firmware's partition, the hosted client,
 * the CLI and the Linux test module alike: the single owner of these values.
 *
 * Direct request payload registers are numbered a0.. : for DIRECT_REQ 32/64
 * a0..a4 = x3..x7, for DIRECT_REQ2 a0..a13 = x4..x17. a0 carries the command
 * on the way in and a status (0 or a negative FF-A code) on the way out.
 * Memory handles travel as two 32-bit halves so every command but NS_INFO
 * works over 32-bit DIRECT_REQ too.
 */
#ifndef SERVICES_TEST_SP_H
#define SERVICES_TEST_SP_H

#ifdef __KERNEL__
#include <linux/types.h>
#else
#include <stdint.h>
#endif

#define TEST_SP_ID 0x8001u

enum test_sp_cmd {
	/* Every payload register comes back unchanged (a0 included). */
	TEST_SP_CMD_ECHO = 0x0000EC40u,
	/* in a1/a2 handle lo/hi; retrieve, checksum, relinquish.
	 * out a0 status, a1/a2 checksum lo/hi, a3 pages. */
	TEST_SP_CMD_MEM_CHECKSUM = 0x0000C5A1u,
	/* in a1/a2 handle lo/hi, a3 byte; retrieve (needs RW), fill, relinquish.
	 * out a0 status, a3 pages. */
	TEST_SP_CMD_MEM_FILL = 0x0000F111u,
	/* in a1/a2 handle; retrieve and keep it. out a0 status, a3 pages. */
	TEST_SP_CMD_MEM_RETRIEVE = 0x0000E7E1u,
	/* in a1/a2 handle; relinquish a region kept by MEM_RETRIEVE. out a0. */
	TEST_SP_CMD_MEM_RELINQUISH = 0x0000E7E2u,
	/* 64-bit only. out a0 status, a1 version | flags << 32,
	 * a2 TX PA, a3 RX PA, a4 pages | live txns << 16 | retrieved << 32. */
	TEST_SP_CMD_NS_INFO = 0x000019F0u,
	/* in a1 receiver (NS endpoint), a2/a3 notification bitmap lo/hi,
	 * a4 FFA_NOTIFICATION_SET flags (per-vCPU, vCPU in 31:16): the
	 * partition sets them as the sender. out a0 status. */
	TEST_SP_CMD_NOTIFY = 0x0000A071u,
	/* in a1 TEST_SP_MSG_RELEASE or 0: read the indirect message in the
	 * partition's RX (and release RX). out a0 status, a1 sender,
	 * a2 payload size, a3/a4 FNV-1a of the payload lo/hi. */
	TEST_SP_CMD_MSG_READ = 0x0000A072u,
};

#define TEST_SP_MSG_RELEASE (1u << 0)

#define TEST_SP_NS_INFO_LOCKED   (1u << 0)
#define TEST_SP_NS_INFO_RX_HELD  (1u << 1)

/* The checksum both sides compute over a region: FNV-1a, 64-bit. */
#define TEST_SP_FNV_OFFSET 0xcbf29ce484222325ull
#define TEST_SP_FNV_PRIME  0x100000001b3ull

static inline uint64_t test_sp_fnv1a(uint64_t h, const uint8_t *p, uint64_t n)
{
	for (uint64_t i = 0; i < n; i++) {
		h ^= p[i];
		h *= TEST_SP_FNV_PRIME;
	}
	return h;
}

#endif /* SERVICES_TEST_SP_H */
