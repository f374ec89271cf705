/* SPDX-License-Identifier: MIT */
/*
 * The SPMC core: a portable, freestanding FF-A SPMC serving the normal
 * world's physical FF-A instance (endpoint 0; under pKVM the hypervisor's
 * proxy speaks for it) and logical secure partitions registered as C
 * handlers. No allocation: all state lives in struct spmc, which the platform
 * provides (statically). No platform header is included: the platform hands
 * in struct spmc_platform.
 *
 * Concurrency: the core serialises its own state with platform lock
 * SPMC_LOCK_CORE, never holds it while calling a partition handler, and
 * serialises each partition with lock SPMC_LOCK_PARTITION(i), so a handler
 * may call spmc_sp_retrieve()/spmc_sp_relinquish() freely.
 */
#ifndef SPMC_SPMC_H
#define SPMC_SPMC_H

#include <stdbool.h>
#include <stdint.h>

#include "ffa/abi.h"
#include "ffa/codec.h"
#include "ffa/regs.h"
#include "ffa/uuid.h"

/* The highest FF-A version this SPMC implements. */
#define SPMC_FFA_VERSION FFA_VERSION_1_2

/* Fixed capacities; a platform may override them before including this. */
#ifndef SPMC_MAX_PARTITIONS
#define SPMC_MAX_PARTITIONS 8
#endif
#ifndef SPMC_MAX_TXNS
#define SPMC_MAX_TXNS 64          /* live memory transactions */
#endif
#ifndef SPMC_RANGE_POOL
#define SPMC_RANGE_POOL 8192      /* constituents across all transactions */
#endif
#ifndef SPMC_DESC_MAX
#define SPMC_DESC_MAX (160u * 1024u) /* largest (fragmented) descriptor */
#endif
/* Largest RX/TX buffer accepted: RXTX_MAP carries the count in 6 bits. */
#define SPMC_RXTX_MAX_PAGES FFA_RXTX_PAGE_COUNT_MASK

#define SPMC_LOCK_CORE 0u
#define SPMC_LOCK_PARTITION(i) (1u + (unsigned int)(i))

struct spmc;

/* What the platform provides. */
struct spmc_platform {
	void *ctx;
	void (*lock)(void *ctx, unsigned int lock_id);
	void (*unlock)(void *ctx, unsigned int lock_id);
	/*
	 * A pointer through which the SPMC may access [pa, pa + size) of
	 * non-secure memory, or NULL if any byte of it is not ordinary NS RAM
	 * (secure memory, MMIO, out of range, or overflowing).
	 */
	uint8_t *(*ns_ptr)(void *ctx, uint64_t pa, uint64_t size);
	/* Optional diagnostic sink (NUL-terminated line, no newline). */
	void (*log)(void *ctx, const char *msg);
	/* Nonzero: log why each call is refused (SPMC_REFUSE). Default quiet. */
	unsigned int debug;
};

/*
 * The one way a refusal says why: evaluates to code and, when the
 * platform's debug is set, logs "refused <code> in <function> for
 * <caller>: <why>". For the core and the partitions (whose handlers get
 * the struct spmc); caller is the endpoint whose call is refused.
 */
#define SPMC_REFUSE(s, caller, code, why) spmc_refused((s), __func__, (caller), (code), (why))
void spmc_log_refusal(const struct spmc *s, const char *fn, uint32_t caller, int32_t code,
		      const char *why);
/* Inline so the compiler still sees which code each path returns. */
static inline int32_t spmc_refused(const struct spmc *s, const char *fn, uint32_t caller,
				   int32_t code, const char *why)
{
	spmc_log_refusal(s, fn, caller, code, why);
	return code;
}

/* A direct message as a partition handler sees it. */
enum spmc_msg_kind {
	SPMC_MSG_REQ32,  /* FFA_MSG_SEND_DIRECT_REQ_32: args[0..4] = w3..w7 */
	SPMC_MSG_REQ64,  /* FFA_MSG_SEND_DIRECT_REQ_64: args[0..4] = x3..x7 */
	SPMC_MSG_REQ2,   /* FFA_MSG_SEND_DIRECT_REQ2:   args[0..13] = x4..x17 */
};

#define SPMC_MSG_ARGS 14

struct spmc_msg {
	enum spmc_msg_kind kind;
	uint16_t sender;
	uint16_t receiver;
	struct ffa_uuid uuid;          /* REQ2 only */
	uint64_t args[SPMC_MSG_ARGS];  /* in: request payload; out: response */
};

/*
 * A logical secure partition. The handler runs in the SPMC's context; it
 * rewrites msg->args with the response payload (the core truncates it to
 * 32 bits for REQ32 and zeroes the unused registers) and returns
 * FFA_RET_SUCCESS, or a negative FF-A status that the sender gets as
 * FFA_ERROR.
 */
struct spmc_partition {
	uint16_t id;                 /* secure: bit 15 set, != FFA_ID_SPMC */
	const char *name;            /* optional, for messages */
	struct ffa_uuid uuid;
	uint32_t properties;         /* FFA_PART_PROP_*; enforced by the core */
	void *priv;
	int32_t (*direct)(struct spmc *s, const struct spmc_partition *sp,
			  struct spmc_msg *msg);
};

/* A retrieved region as a partition sees it (valid until relinquish). */
struct spmc_sp_mem {
	uint64_t handle;
	uint32_t type;               /* FFA_MTD_FLAG_TYPE_SHARE or _LEND */
	uint8_t perms;               /* the receiver's FFA_PERM_* */
	uint16_t attributes;
	uint32_t total_pages;
	uint32_t range_count;
	const struct ffa_mem_range *ranges; /* sorted by address */
};

/* What the SPMC has registered for endpoint 0 (for introspection/tests). */
struct spmc_ns_info {
	uint32_t version;            /* negotiated, 0 if never asked */
	bool version_locked;         /* another ABI has been used since */
	uint64_t tx_pa;              /* 0 when not mapped */
	uint64_t rx_pa;
	uint32_t rxtx_pages;
	bool rx_held_by_ns;          /* RX filled and not yet released */
	uint32_t live_txns;
	uint32_t retrieved_txns;     /* retrieved by at least one partition */
};

#include "spmc/spmc_state.h"     /* struct spmc's layout (core-private) */
#include "spmc/notif.h"           /* notifications, indirect messages */

/* Returns FFA_RET_SUCCESS, or INVALID_PARAMETERS for a bad partition table. */
int32_t spmc_init(struct spmc *s, const struct spmc_platform *plat,
		  const struct spmc_partition *const *parts, unsigned int count);

/*
 * One FF-A call from the normal world (an SMC with an FF-A function ID):
 * r holds x0-x17 on entry and the result on return.
 *
 * Register contract (SMCCC 1.2 as FF-A uses it): results are in x0-x7, and
 * result registers an ABI does not use are zero. x8-x17 are returned exactly
 * as passed in, because SMCCC 1.1 callers (pKVM's FF-A proxy in Linux 6.12
 * among them) keep live values there across the SMC. The exceptions are
 * the v1.2 ABIs that return results in x8-x17 too (spmc_results_past_x7():
 * FFA_MSG_SEND_DIRECT_REQ2 and FFA_PARTITION_INFO_GET_REGS): for those all
 * of x0-x17 is the result, unused registers zero, also when it is an
 * FFA_ERROR. The firmware's SMC dispatcher applies the same rule at the
 * SMCCC boundary, so the two agree for any FF-A handler.
 */
#define SPMC_RESULT_REGS 8u
void spmc_ns_call(struct spmc *s, struct ffa_regs *r);
/* True for the function IDs whose results extend past x7 (see above). */
bool spmc_results_past_x7(uint32_t fid);

/* Partition-side memory management API (logical SPs call these). */
int32_t spmc_sp_retrieve(struct spmc *s, uint16_t sp_id, uint64_t handle,
			 struct spmc_sp_mem *out);
int32_t spmc_sp_relinquish(struct spmc *s, uint16_t sp_id, uint64_t handle);
/* Pointer to pages [first, first + count) of a retrieved region, or NULL. */
uint8_t *spmc_sp_map(struct spmc *s, const struct spmc_sp_mem *m, uint32_t range,
		     uint32_t first_page, uint32_t count);

void spmc_get_ns_info(struct spmc *s, struct spmc_ns_info *out);

/*
 * Consistency check of the whole state, for tests and debug builds: returns
 * 0 when consistent, else nonzero with *why (if why is non-NULL) naming the
 * first broken rule. Takes the core lock, so do not call it while holding it.
 */
int spmc_check_invariants(const struct spmc *s, const char **why);

#endif /* SPMC_SPMC_H */
