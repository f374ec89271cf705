// SPDX-License-Identifier: MIT
/*
 * Direct requests from the normal world to a logical partition: the path
 * the normal world takes most often, so it is kept lean. No core lock once
 * the version is fixed (nothing it reads changes after that), no message
 * copy beyond the payload, and a DIRECT_REQ_32/64 writes only x0-x7, so
 * x8-x17 need no saving (see spmc_ns_call). The handler runs under its
 * partition's lock alone, so it can call back into the memory API and other
 * partitions keep working meanwhile.
 */
#include "common/byteorder.h"
#include "spmc/spmc_int.h"

/* Runs the handler; a positive status is a handler bug, not success. */
static inline int32_t call_handler(struct spmc *s, int idx, struct spmc_msg *msg)
{
	int32_t ret;

	spmc_lock(s, SPMC_LOCK_PARTITION(idx));
	ret = s->parts[idx]->direct(s, s->parts[idx], msg);
	spmc_unlock(s, SPMC_LOCK_PARTITION(idx));
	if (ret > 0) {
		spmc_log(s, "partition handler returned a positive status");
		ret = FFA_RET_ABORTED;
	}
	return ret;
}

/* Receiver index for a request from endpoint 0 in ids, or -1. */
static inline int receiver_of(const struct spmc *s, uint64_t ids, uint32_t prop)
{
	int idx;

	if (ids >> 32 || ffa_sender_of(ids) != FFA_ID_NS_PHYS)
		return -1;
	idx = spmc_part_index(s, ffa_receiver_of(ids));
	if (idx < 0 || !(s->parts[idx]->properties & prop))
		return -1;
	return idx;
}

/*
 * DIRECT_REQ_32/64; always inlined with a constant is64, so neither copy
 * tests the width per register.
 */
static inline __attribute__((always_inline)) void
direct_req(struct spmc *s, struct ffa_regs *r, const bool is64)
{
	uint64_t ids = is64 ? r->x[1] : ffa_w(r, 1);
	struct spmc_msg msg;
	int32_t ret;
	int idx;

	idx = receiver_of(s, ids, FFA_PART_PROP_DIRECT_REQ_RECV);
	/* Framework messages (power management, VM events) are not implemented;
	 * the other flag bits are reserved. */
	if (idx < 0 || (is64 ? r->x[2] : ffa_w(r, 2)) != 0) {
		spmc_ret_error(r, FFA_RET_INVALID_PARAMETERS);
		return;
	}
	msg.kind = is64 ? SPMC_MSG_REQ64 : SPMC_MSG_REQ32;
	msg.sender = ffa_sender_of(ids);
	msg.receiver = ffa_receiver_of(ids);
	/* Field by field, not a byte loop: the UUID and unused args read as zero. */
	for (unsigned int i = 0; i < sizeof(msg.uuid.b); i++)
		msg.uuid.b[i] = 0;
	for (unsigned int i = 0; i < 5; i++)
		msg.args[i] = is64 ? r->x[3 + i] : ffa_w(r, 3 + i);
	for (unsigned int i = 5; i < SPMC_MSG_ARGS; i++)
		msg.args[i] = 0;
	ret = call_handler(s, idx, &msg);
	if (ret != FFA_RET_SUCCESS) {
		spmc_ret_error(r, ret);
		return;
	}
	/* The handler may rewrite msg: answer with what was validated. */
	r->x[0] = is64 ? FFA_MSG_SEND_DIRECT_RESP_64 : FFA_MSG_SEND_DIRECT_RESP_32;
	r->x[1] = ffa_pack_ids(ffa_receiver_of(ids), ffa_sender_of(ids));
	r->x[2] = 0;
	for (unsigned int i = 0; i < 5; i++)
		r->x[3 + i] = is64 ? msg.args[i] : (uint32_t)msg.args[i];
}

static __attribute__((noinline)) void direct_req64(struct spmc *s, struct ffa_regs *r)
{
	direct_req(s, r, true);
}

static __attribute__((noinline)) void direct_req32(struct spmc *s, struct ffa_regs *r)
{
	direct_req(s, r, false);
}

/* DIRECT_REQ2: results in all of x0-x17, unused ones zero (also on error). */
static __attribute__((noinline)) void direct_req2(struct spmc *s, struct ffa_regs *r)
{
	struct spmc_msg msg;
	uint64_t ids = r->x[1];
	int32_t ret;
	int idx;

	if (spmc_ns_version(s) < FFA_VERSION_1_2) {
		ffa_set_error(r, FFA_RET_NOT_SUPPORTED);
		return;
	}
	idx = receiver_of(s, ids, FFA_PART_PROP_DIRECT_REQ2_RECV);
	/* A nil UUID means "whichever service the partition has". */
	if (idx < 0 || ((r->x[2] | r->x[3]) && (r->x[2] != s->part_uuid[idx][0] ||
						  r->x[3] != s->part_uuid[idx][1]))) {
		ffa_set_error(r, FFA_RET_INVALID_PARAMETERS);
		return;
	}
	msg.kind = SPMC_MSG_REQ2;
	msg.sender = ffa_sender_of(ids);
	msg.receiver = ffa_receiver_of(ids);
	/* Checked above: x2/x3 are nil or exactly the partition's UUID halves. */
	store_le64(msg.uuid.b, r->x[2]);
	store_le64(msg.uuid.b + 8, r->x[3]);
	for (unsigned int i = 0; i < SPMC_MSG_ARGS; i++)
		msg.args[i] = r->x[4 + i];
	ret = call_handler(s, idx, &msg);
	if (ret != FFA_RET_SUCCESS) {
		ffa_set_error(r, ret);
		return;
	}
	r->x[0] = FFA_MSG_SEND_DIRECT_RESP2;
	r->x[1] = ffa_pack_ids(ffa_receiver_of(ids), ffa_sender_of(ids));
	r->x[2] = 0;
	r->x[3] = 0;
	for (unsigned int i = 0; i < SPMC_MSG_ARGS; i++)
		r->x[4 + i] = msg.args[i];
}

void spmc_direct_req(struct spmc *s, struct ffa_regs *r)
{
	uint32_t fid = (uint32_t)r->x[0];

	spmc_fix_version(s);
	if (fid == FFA_MSG_SEND_DIRECT_REQ_64)
		direct_req64(s, r);
	else if (fid == FFA_MSG_SEND_DIRECT_REQ_32)
		direct_req32(s, r);
	else
		direct_req2(s, r);
}
