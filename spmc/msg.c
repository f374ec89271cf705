// SPDX-License-Identifier: MIT
/*
 * Direct requests from the normal world to a logical partition. The core
 * lock covers only the checks: the handler runs under its partition's lock
 * alone, so it can call back into the memory API and other partitions keep
 * working meanwhile.
 */
#include "spmc/spmc_int.h"

struct direct_call {
	enum spmc_msg_kind kind;
	uint32_t resp_fid;
	uint32_t nargs;
	uint32_t first_arg;        /* register of args[0] */
};

static void classify(uint32_t fid, struct direct_call *c)
{
	if (fid == FFA_MSG_SEND_DIRECT_REQ2) {
		c->kind = SPMC_MSG_REQ2;
		c->resp_fid = FFA_MSG_SEND_DIRECT_RESP2;
		c->nargs = SPMC_MSG_ARGS;
		c->first_arg = 4;
	} else {
		bool is64 = fid == FFA_MSG_SEND_DIRECT_REQ_64;

		c->kind = is64 ? SPMC_MSG_REQ64 : SPMC_MSG_REQ32;
		c->resp_fid = is64 ? FFA_MSG_SEND_DIRECT_RESP_64 : FFA_MSG_SEND_DIRECT_RESP_32;
		c->nargs = 5;
		c->first_arg = 3;
	}
}

/* Checks the request and fills msg; returns the partition index or an error. */
static int32_t check_request(struct spmc *s, const struct ffa_regs *r,
			     const struct direct_call *c, struct spmc_msg *msg)
{
	uint64_t ids = c->kind == SPMC_MSG_REQ32 ? ffa_w(r, 1) : r->x[1];
	const struct spmc_partition *sp;
	int idx;

	if (ids >> 32 || ffa_sender_of(ids) != FFA_ID_NS_PHYS)
		return SPMC_REFUSE(s, 0, FFA_RET_INVALID_PARAMETERS,
				  "ids >> 32 || ffa_sender_of(ids) != FFA_ID_NS_PHYS");
	idx = spmc_part_index(s, ffa_receiver_of(ids));
	if (idx < 0)
		return SPMC_REFUSE(s, 0, FFA_RET_INVALID_PARAMETERS, "idx < 0");
	sp = s->parts[idx];
	if (c->kind == SPMC_MSG_REQ2) {
		if (!(sp->properties & FFA_PART_PROP_DIRECT_REQ2_RECV))
			return SPMC_REFUSE(s, 0, FFA_RET_INVALID_PARAMETERS,
					  "!(sp->properties & FFA_PART_PROP_DIRECT_REQ2_RECV)");
		ffa_uuid_from_halves(&msg->uuid, r->x[2], r->x[3]);
		if (!ffa_uuid_is_nil(&msg->uuid) && !ffa_uuid_equal(&msg->uuid, &sp->uuid))
			return SPMC_REFUSE(s, 0, FFA_RET_INVALID_PARAMETERS,
					  "!ffa_uuid_is_nil(&msg->uuid) && !ffa_uuid_equal(&msg->uuid, &sp->uuid)");
	} else {
		if (!(sp->properties & FFA_PART_PROP_DIRECT_REQ_RECV))
			return SPMC_REFUSE(s, 0, FFA_RET_INVALID_PARAMETERS,
					  "!(sp->properties & FFA_PART_PROP_DIRECT_REQ_RECV)");
		/* Framework messages (power management, VM events) are not implemented;
		 * the other flag bits are reserved. */
		if ((c->kind == SPMC_MSG_REQ32 ? ffa_w(r, 2) : r->x[2]) != 0)
			return SPMC_REFUSE(s, 0, FFA_RET_INVALID_PARAMETERS,
					  "(c->kind == SPMC_MSG_REQ32 ? ffa_w(r, 2) : r->x[2]) != 0");
	}
	msg->kind = c->kind;
	msg->sender = ffa_sender_of(ids);
	msg->receiver = ffa_receiver_of(ids);
	for (uint32_t i = 0; i < c->nargs; i++)
		msg->args[i] = c->kind == SPMC_MSG_REQ32 ? ffa_w(r, c->first_arg + i)
							 : r->x[c->first_arg + i];
	return idx;
}

static void respond(struct ffa_regs *r, const struct direct_call *c,
		    const struct spmc_msg *msg, uint16_t sender, uint16_t receiver)
{
	ffa_regs_clear(r);
	r->x[0] = c->resp_fid;
	r->x[1] = ffa_pack_ids(receiver, sender);
	for (uint32_t i = 0; i < c->nargs; i++)
		r->x[c->first_arg + i] = c->kind == SPMC_MSG_REQ32 ? (uint32_t)msg->args[i]
								   : msg->args[i];
}

void spmc_direct_req(struct spmc *s, struct ffa_regs *r)
{
	struct direct_call c;
	struct spmc_msg msg;
	uint16_t sender, receiver;
	uint32_t version;
	int32_t ret;
	int idx;

	classify((uint32_t)r->x[0], &c);
	spmc_lock(s, SPMC_LOCK_CORE);
	s->ns.locked = true;
	version = spmc_layout(s);
	spmc_unlock(s, SPMC_LOCK_CORE);
	if (c.kind == SPMC_MSG_REQ2 && version < FFA_VERSION_1_2) {
		ffa_set_error(r, SPMC_REFUSE(s, 0, FFA_RET_NOT_SUPPORTED,
				  "c.kind == SPMC_MSG_REQ2 && version < FFA_VERSION_1_2"));
		return;
	}
	ffa_memset(&msg, 0, sizeof(msg));
	idx = check_request(s, r, &c, &msg);
	if (idx < 0) {
		ffa_set_error(r, idx);
		return;
	}
	/* The handler may rewrite msg: answer with what we validated. */
	sender = msg.sender;
	receiver = msg.receiver;
	spmc_lock(s, SPMC_LOCK_PARTITION(idx));
	ret = s->parts[idx]->direct(s, s->parts[idx], &msg);
	spmc_unlock(s, SPMC_LOCK_PARTITION(idx));
	if (ret > 0) {
		/* Not an FF-A status: a handler bug must not look like success. */
		spmc_log(s, "partition handler returned a positive status");
		ret = FFA_RET_ABORTED;
	}
	if (ret != FFA_RET_SUCCESS) {
		ffa_set_error(r, ret);
		return;
	}
	respond(r, &c, &msg, sender, receiver);
}
