/* SPDX-License-Identifier: MIT */
/*
 * The layout of struct spmc. Core-private: only spmc/ reads or writes these
 * fields; everyone else treats struct spmc as opaque storage of the right
 * size (the platform allocates it statically). Everything is fixed-size so
 * the core never allocates.
 */
#ifndef SPMC_SPMC_STATE_H
#define SPMC_SPMC_STATE_H

#include <stdbool.h>
#include <stdint.h>

#include "ffa/codec.h"
#include "spmc/notif_state.h"

/*
 * Handles are (counter << SPMC_HANDLE_SLOT_BITS) | slot: the slot makes the
 * lookup O(1), the ever-increasing counter makes a handle value unique for
 * the life of the SPMC, so a stale handle can never name a newer
 * transaction that happens to reuse its slot.
 */
#define SPMC_HANDLE_SLOT_BITS 12u
#define SPMC_HANDLE_SLOT_MASK ((1u << SPMC_HANDLE_SLOT_BITS) - 1u)
/* Keeps bit 63 (the hypervisor-allocator bit) clear forever. */
#define SPMC_HANDLE_COUNTER_MAX ((1ull << (63u - SPMC_HANDLE_SLOT_BITS)) - 1u)

/* The table size is a build parameter: 1 to 4096 slots (64 by default). */
_Static_assert(SPMC_MAX_TXNS >= 1 && SPMC_MAX_TXNS <= (1u << SPMC_HANDLE_SLOT_BITS),
	       "SPMC_MAX_TXNS does not fit the handle's slot bits");
_Static_assert(SPMC_MAX_TXNS <= 64 * 64, "the free-slot summary is one 64-bit word");
/* Index nodes are numbered pool index + 1 in 16 bits. */
_Static_assert(SPMC_RANGE_POOL >= 1 && SPMC_RANGE_POOL < 0xFFFF, "bad SPMC_RANGE_POOL");
#define SPMC_TXN_WORDS ((SPMC_MAX_TXNS + 63u) / 64u)
#define SPMC_POOL_WORDS ((SPMC_RANGE_POOL + 63u) / 64u)
_Static_assert(SPMC_MAX_PARTITIONS > 0 && SPMC_MAX_PARTITIONS < 0x7FFF,
	       "bad SPMC_MAX_PARTITIONS");
_Static_assert(FFA_MEM_MAX_RECEIVERS <= 32, "retrieved mask is 32 bits");

enum spmc_txn_state {
	SPMC_TXN_FREE = 0,
	SPMC_TXN_PENDING,   /* handle reserved, fragments still arriving */
	SPMC_TXN_LIVE,
};

/* One memory transaction. A free slot is all zero. */
struct spmc_txn {
	uint64_t handle;
	uint32_t state;             /* enum spmc_txn_state */
	uint32_t type;              /* FFA_MTD_FLAG_TYPE_SHARE or _LEND */
	uint32_t flags;             /* the sender's transaction flags */
	uint16_t attributes;
	uint64_t tag;
	uint32_t ep_count;
	struct ffa_mem_access ep[FFA_MEM_MAX_RECEIVERS];
	uint32_t retrieved;         /* bit i: ep[i] currently holds it */
	uint32_t range_first;       /* slice of spmc.pool, sorted by address */
	uint32_t range_count;       /* 0 unless LIVE */
	uint32_t total_pages;
};

/* Endpoint 0 (the normal world's physical instance). */
struct spmc_ns {
	uint32_t requested;         /* last valid FFA_VERSION input, 0 if none */
	uint32_t negotiated;        /* 0 until FFA_VERSION: v1.0 layouts apply */
	bool locked;                /* another ABI was called: version fixed */
	bool mapped;
	bool rx_held;               /* RX filled by the SPMC, not yet released */
	uint64_t tx_pa;
	uint64_t rx_pa;
	uint32_t pages;             /* each buffer's size in 4 KiB pages */
	/* ns_ptr of each buffer, asked once at RXTX_MAP (NS RAM stays NS RAM). */
	uint8_t *tx;
	uint8_t *rx;
};

enum spmc_stage_kind {
	SPMC_STAGE_IDLE = 0,
	SPMC_STAGE_SEND,            /* fragmented MEM_SHARE/LEND being received */
	SPMC_STAGE_RETRIEVE,        /* fragmented retrieve response being served */
};

/*
 * At most one fragmented operation at a time. Also the private copy a
 * single-fragment descriptor is parsed from, so the normal world cannot
 * change it under the parser, and, once a SHARE/LEND's constituents are
 * copied out of it, the scratch space their sort uses.
 */
struct spmc_stage {
	uint32_t kind;              /* enum spmc_stage_kind */
	uint32_t slot;              /* transaction it belongs to */
	uint64_t handle;
	uint32_t total;             /* SEND: declared length; RETRIEVE: encoded */
	uint32_t done;              /* SEND: bytes received so far */
	uint32_t type;              /* SEND: FFA_MTD_FLAG_TYPE_SHARE or _LEND */
	union {
		uint8_t buf[SPMC_DESC_MAX];
		struct ffa_mem_range scratch[SPMC_DESC_MAX / sizeof(struct ffa_mem_range)];
	};
};

/*
 * Per pool entry i, at seg[i + 1]: its node in the live-range index
 * (spmc/index.c) when the entry starts a segment (len > 0), else all zero.
 * Links are node numbers (pool index + 1), 0 for none.
 */
struct spmc_seg {
	uint16_t left, right, parent;
	uint16_t len;               /* entries in the segment, 0: not a segment */
};

/* Where a range falls among the live ranges (spmc/index.c). */
struct spmc_spot {
	uint32_t seg;               /* segment of `at`, 0 if none */
	uint32_t at;                /* last live range starting below its end, or ~0 */
	uint32_t next_seg;          /* the next segment in order, 0 if none */
	uint64_t next_start;        /* start of the live range after `at`, or UINT64_MAX */
};

struct spmc {
	struct spmc_platform plat;
	const struct spmc_partition *parts[SPMC_MAX_PARTITIONS];
	uint32_t part_count;
	/* Each partition's UUID as DIRECT_REQ2 carries it (x2, x3), made once. */
	uint64_t part_uuid[SPMC_MAX_PARTITIONS][2];
	bool ready;                 /* spmc_init succeeded */
	struct spmc_ns ns;
	struct spmc_stage stage;
	struct spmc_txn txns[SPMC_MAX_TXNS];
	uint32_t live_txns;         /* kept incrementally, checked by invariants */
	uint32_t retrieved_txns;
	uint64_t handle_counter;    /* last counter value handed out */
	/* Free slots: bit set = free; the summary's bit w = word w has one. */
	uint64_t txn_free[SPMC_TXN_WORDS];
	uint64_t txn_free_sum;
	/* Pool entries in a live slice (bits past SPMC_RANGE_POOL set). */
	uint64_t pool_used[SPMC_POOL_WORDS];
	struct ffa_mem_range pool[SPMC_RANGE_POOL]; /* free entries are zero */
	uint16_t seg_root;          /* live-range index (spmc/index.c) */
	uint16_t seg_extra;         /* the newest segment, held outside the tree */
	struct spmc_seg seg[SPMC_RANGE_POOL + 1]; /* by node number, [0] unused */
	uint8_t seg_h[SPMC_RANGE_POOL + 1];       /* each node's AVL height */
	/* From the last index check to its commit: where a one-gap share goes. */
	uint32_t index_gaps;
	struct spmc_spot index_spot;
	struct spmc_notif notif;    /* notifications (notif.c) */
	struct spmc_imsg_rx imsg[SPMC_MAX_PARTITIONS]; /* by partition index (msg_send2.c) */
};

#endif /* SPMC_SPMC_STATE_H */
