/* SPDX-License-Identifier: MIT */
/*
 * The reference normal-world FF-A client: what an OS driver does to talk to
 * an SPMC (version negotiation, RX/TX buffers, partition discovery, direct
 * messages, memory sharing with fragmentation, the hypervisor's retrieve on
 * a reclaim path), written against an abstract conduit so the same code
 * drives the hosted SPMC and could drive an SMC on hardware.
 *
 * The client trusts nothing it gets back: every response's function ID,
 * IDs, lengths, offsets and counts are checked before use. A response that
 * breaks the protocol yields FFA_CLIENT_BAD_RESPONSE, distinct from any
 * status the SPMC itself can return, so callers can tell "the SPMC said no"
 * from "the SPMC is broken".
 *
 * Every function returns FFA_RET_SUCCESS (0), a negative FF-A status
 * (ffa/abi.h) or FFA_CLIENT_BAD_RESPONSE.
 */
#ifndef HOST_CLIENT_FFA_CLIENT_H
#define HOST_CLIENT_FFA_CLIENT_H

#include <stdbool.h>
#include <stdint.h>

#include "ffa/abi.h"
#include "ffa/codec.h"
#include "ffa/regs.h"
#include "ffa/uuid.h"

/* The callee broke the protocol (not an FF-A status: below all of them). */
#define FFA_CLIENT_BAD_RESPONSE (-64)

/* Payload registers of each direct message flavour. */
#define FFA_CLIENT_REQ_ARGS 5   /* DIRECT_REQ 32/64: x3..x7 */
#define FFA_CLIENT_REQ2_ARGS 14 /* DIRECT_REQ2: x4..x17 */

#define FFA_CLIENT_UUID_STR_LEN 37 /* 36 characters and the NUL */

struct ffa_client;

/* Performs one FF-A call: r holds x0..x17 in and the result out. */
typedef void (*ffa_client_conduit_fn)(void *ctx, struct ffa_regs *r);
/*
 * Translates [pa, pa + size) of the client's own (normal world) memory into
 * a pointer, or NULL if it is not accessible. Identity on a flat-mapped
 * kernel, a lookup into simulated memory for the hosted SPMC.
 */
typedef uint8_t *(*ffa_client_ptr_fn)(void *ctx, uint64_t pa, uint64_t size);
/* Optional observer of every call (the CLI's --verbose). */
typedef void (*ffa_client_trace_fn)(void *ctx, const struct ffa_regs *in,
				    const struct ffa_regs *out);

struct ffa_client {
	ffa_client_conduit_fn call;
	ffa_client_ptr_fn ptr;
	void *ctx;
	ffa_client_trace_fn trace;
	void *trace_ctx;
	/* RX/TX buffers, valid while `mapped`. */
	uint8_t *tx, *rx;
	uint64_t tx_pa, rx_pa;
	uint32_t pages;
	bool mapped;
	/* Version we use (0 until negotiated) and what the SPMC reported. */
	uint32_t version;
	uint32_t spmc_version;
	uint16_t id;
	/* Set while RX holds a message we have not released yet. */
	bool rx_held;
	/*
	 * Set by the first call other than FFA_VERSION: descriptors may have
	 * been exchanged in the negotiated layout, so it can no longer change.
	 */
	bool version_locked;
};

/* A memory transaction to send (share or lend). */
struct ffa_client_mem {
	const struct ffa_mem_access *receivers; /* receiver, perms, flags used */
	uint32_t receiver_count;
	const struct ffa_mem_range *ranges;
	uint32_t range_count;
	uint16_t attributes;                    /* FFA_ATTR_* */
	uint32_t flags;                         /* FFA_MTD_FLAGS_SEND_ALLOWED */
	uint64_t tag;
};

/* Fill in the conduit; everything else starts cleared. */
void ffa_client_init(struct ffa_client *c, ffa_client_conduit_fn call,
		     ffa_client_ptr_fn ptr, void *ctx);

/* One raw call through the conduit (traced); returns nothing to check. */
void ffa_client_call(struct ffa_client *c, struct ffa_regs *r);

/*
 * FFA_VERSION with `wanted`. Succeeds when the SPMC's major matches; the
 * client then uses the lower of the two versions (and tells the SPMC so when
 * it had to go down). Result in c->version and c->spmc_version. Once any
 * other call has been made, only the version already in use may be asked
 * for again (FFA_RET_DENIED otherwise, without a call).
 */
int32_t ffa_client_negotiate(struct ffa_client *c, uint32_t wanted);
/* FFA_ID_GET into c->id (and *id if not NULL). */
int32_t ffa_client_id_get(struct ffa_client *c, uint16_t *id);
/*
 * FFA_FEATURES for a function or feature ID with input properties `in`
 * (w2). props receives w2 and props2 w3 of the answer (either may be NULL).
 */
int32_t ffa_client_features(struct ffa_client *c, uint32_t fid, uint32_t in,
			    uint32_t *props, uint32_t *props2);

/* FFA_RXTX_MAP_64 of TX and RX, `pages` 4 KiB pages each. */
int32_t ffa_client_map_rxtx(struct ffa_client *c, uint64_t tx_pa, uint64_t rx_pa,
			    uint32_t pages);
int32_t ffa_client_unmap_rxtx(struct ffa_client *c);
/* FFA_RX_RELEASE: hand RX back to the SPMC. */
int32_t ffa_client_rx_release(struct ffa_client *c);

/*
 * FFA_PARTITION_INFO_GET for `uuid` (NULL or nil: all partitions), decoded
 * into out[0, cap); *count receives the number the SPMC reported. RX is
 * released before returning, on error too. FFA_RET_NO_MEMORY when more
 * partitions exist than cap (out then holds the first cap).
 */
int32_t ffa_client_partitions(struct ffa_client *c, const struct ffa_uuid *uuid,
			      struct ffa_partinfo *out, uint32_t cap, uint32_t *count);
/* The count-only flavour: no RX buffer involved. */
int32_t ffa_client_partition_count(struct ffa_client *c, const struct ffa_uuid *uuid,
				   uint32_t *count);
/* The same through FFA_PARTITION_INFO_GET_REGS (v1.2; needs no RX buffer). */
int32_t ffa_client_partitions_regs(struct ffa_client *c, const struct ffa_uuid *uuid,
				   struct ffa_partinfo *out, uint32_t cap,
				   uint32_t *count);
/* The ID of the first partition offering `uuid`. */
int32_t ffa_client_find_partition(struct ffa_client *c, const struct ffa_uuid *uuid,
				  uint16_t *id);

/* Direct messages: in/out are the payload registers (out may alias in). */
int32_t ffa_client_direct_req32(struct ffa_client *c, uint16_t dst,
				const uint32_t in[FFA_CLIENT_REQ_ARGS],
				uint32_t out[FFA_CLIENT_REQ_ARGS]);
int32_t ffa_client_direct_req64(struct ffa_client *c, uint16_t dst,
				const uint64_t in[FFA_CLIENT_REQ_ARGS],
				uint64_t out[FFA_CLIENT_REQ_ARGS]);
int32_t ffa_client_direct_req2(struct ffa_client *c, uint16_t dst,
			       const struct ffa_uuid *uuid,
			       const uint64_t in[FFA_CLIENT_REQ2_ARGS],
			       uint64_t out[FFA_CLIENT_REQ2_ARGS]);
/* DIRECT_REQ2 to whichever partition offers `uuid` (found by UUID). */
int32_t ffa_client_direct_req2_uuid(struct ffa_client *c, const struct ffa_uuid *uuid,
				    const uint64_t in[FFA_CLIENT_REQ2_ARGS],
				    uint64_t out[FFA_CLIENT_REQ2_ARGS]);

/*
 * Encode m for the negotiated layout into scratch[0, cap) and send it with
 * FFA_MEM_SHARE / FFA_MEM_LEND through TX, in fragments (FFA_MEM_FRAG_TX)
 * when it does not fit. *handle receives the SPMC's handle.
 */
int32_t ffa_client_mem_share(struct ffa_client *c, const struct ffa_client_mem *m,
			     uint8_t *scratch, uint32_t cap, uint64_t *handle);
int32_t ffa_client_mem_lend(struct ffa_client *c, const struct ffa_client_mem *m,
			    uint8_t *scratch, uint32_t cap, uint64_t *handle);
int32_t ffa_client_mem_reclaim(struct ffa_client *c, uint64_t handle, uint32_t flags);

/*
 * The hypervisor's retrieve request (zero receivers) for `handle`: the
 * SPMC's full descriptor is reassembled into buf[0, cap) from RX fragments
 * (FFA_MEM_FRAG_RX, FFA_RX_RELEASE after each), validated and parsed into
 * *out; *len receives its size. Ranges: ffa_mtd_range(buf, out, i, ...).
 */
int32_t ffa_client_hyp_retrieve(struct ffa_client *c, uint64_t handle, uint8_t *buf,
				uint32_t cap, uint32_t *len, struct ffa_mtd *out);

/* Readable names, for logs and the CLI. */
const char *ffa_client_status_str(int32_t status);
const char *ffa_client_fid_str(uint32_t fid);
/* "5f3a1b7e-9c2d-4e8f-a601-ffa57ac4e500" into out. */
void ffa_client_uuid_str(const struct ffa_uuid *u, char out[FFA_CLIENT_UUID_STR_LEN]);
/* Parse the canonical form; false if s is not exactly that. */
bool ffa_client_uuid_parse(const char *s, struct ffa_uuid *out);

#endif /* HOST_CLIENT_FFA_CLIENT_H */
