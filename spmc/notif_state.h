/* SPDX-License-Identifier: MIT */
/*
 * Notification and indirect-message state of struct spmc (core-private,
 * like spmc_state.h, which includes this). Fixed-size: the core never
 * allocates. A platform may override the capacities before including
 * spmc/spmc.h.
 */
#ifndef SPMC_NOTIF_STATE_H
#define SPMC_NOTIF_STATE_H

#include <stdbool.h>
#include <stdint.h>

#include "ffa/notif.h"

#ifndef SPMC_NOTIF_BITMAPS
#define SPMC_NOTIF_BITMAPS 8      /* NS endpoints (VMs) with a bitmap */
#endif
#ifndef SPMC_NOTIF_MAX_VCPUS
#define SPMC_NOTIF_MAX_VCPUS 32   /* vCPUs of one NS endpoint */
#endif
#ifndef SPMC_IMSG_SIZE
#define SPMC_IMSG_SIZE 4096u      /* largest indirect-message payload */
#endif

_Static_assert(SPMC_NOTIF_BITMAPS > 0 && SPMC_NOTIF_BITMAPS < 0x8000, "bad SPMC_NOTIF_BITMAPS");
_Static_assert(SPMC_NOTIF_MAX_VCPUS > 0 && SPMC_NOTIF_MAX_VCPUS <= 32,
	       "the INFO_GET bookkeeping keeps one bit per vCPU in 32 bits");
_Static_assert(SPMC_IMSG_SIZE > 0 && SPMC_IMSG_SIZE <= 65536u,
	       "bad SPMC_IMSG_SIZE");

/*
 * The notification bitmap of one NS endpoint, the receiver of notifications
 * our partitions send. A slot not in use is all zero.
 */
struct spmc_notif_bitmap {
	bool created;
	uint16_t id;                 /* NS endpoint (VM) ID */
	uint32_t vcpu_count;         /* 1 .. SPMC_NOTIF_MAX_VCPUS */
	uint64_t bound;              /* bit n: notification n is bound */
	uint64_t per_vcpu;           /* bound as per-vCPU (subset of bound) */
	uint16_t sender[FFA_NOTIF_COUNT]; /* the partition bound to n, else 0 */
	uint64_t pending;            /* global notifications set, not yet got */
	uint64_t vcpu_pending[SPMC_NOTIF_MAX_VCPUS];
	/* Already reported by INFO_GET (each is set only while its part is pending). */
	bool global_reported;
	uint32_t vcpu_reported;      /* bit v: vcpu_pending[v] reported */
};

struct spmc_notif {
	struct spmc_notif_bitmap bm[SPMC_NOTIF_BITMAPS];
	uint32_t created;            /* slots in use, checked by invariants */
	uint32_t sri_intid;          /* the SGI published by FEATURES(SRI) */
	void (*raise_sri)(void *ctx, uint32_t intid); /* NULL: no SRI */
};

/*
 * The indirect-message RX buffer of one partition that takes them
 * (FFA_PART_PROP_INDIRECT_MSG): the SPMC fills it with FFA_MSG_SEND2 and
 * the partition owns it until it releases it (spmc_sp_msg_release).
 */
struct spmc_imsg_rx {
	bool full;
	uint16_t sender;
	uint32_t size;               /* payload bytes in buf */
	uint8_t buf[SPMC_IMSG_SIZE]; /* the payload; zero past size */
};

#endif /* SPMC_NOTIF_STATE_H */
