// SPDX-License-Identifier: MIT
/*
 * Fragmented memory operations with the normal world, both directions, in
 * the one staging buffer:
 *  - a SHARE/LEND whose descriptor exceeds one TX fill arrives in pieces
 *    (FFA_MEM_FRAG_RX asks for more, FFA_MEM_FRAG_TX delivers it);
 *  - the hypervisor's retrieve request (pKVM's reclaim path) gets a
 *    response larger than RX served piece by piece (FFA_MEM_FRAG_RX asks,
 *    FFA_MEM_FRAG_TX answers).
 *
 * Policy for misbehaving senders: a fragment with the wrong handle, the
 * wrong size or past the declared total is refused with INVALID_PARAMETERS
 * and the operation in progress is left untouched (a confused or hostile
 * call must not destroy it); the sender abandons it with MEM_RECLAIM of the
 * reserved handle. A pending retrieve response is read-only, so any new
 * memory operation simply discards it.
 */
#include "spmc/spmc_int.h"

/* Largest retrieve request accepted: pKVM sends a bare 48-byte header. */
#define SPMC_RETRIEVE_REQ_MAX 128u

void spmc_stage_reset(struct spmc *s)
{
	s->stage.kind = SPMC_STAGE_IDLE;
	s->stage.slot = 0;
	s->stage.handle = 0;
	s->stage.total = 0;
	s->stage.done = 0;
	s->stage.type = 0;
}

static void reply_handle(struct ffa_regs *r, uint32_t fid, uint64_t handle, uint32_t w3)
{
	spmc_ret_clear(r);
	r->x[0] = fid;
	r->x[1] = (uint32_t)handle;
	r->x[2] = (uint32_t)(handle >> 32);
	r->x[3] = w3;
}

void spmc_frag_send_begin(struct spmc *s, struct ffa_regs *r, uint32_t type,
			  uint32_t total, uint32_t frag_len)
{
	uint32_t slot;
	int32_t ret;

	/* Reserve now so a full table is reported before the sender sends more. */
	ret = spmc_txn_reserve(s, &slot);
	if (ret != FFA_RET_SUCCESS) {
		spmc_ret_error(r, ret);
		return;
	}
	s->stage.kind = SPMC_STAGE_SEND;
	s->stage.slot = slot;
	s->stage.handle = s->txns[slot].handle;
	s->stage.total = total;
	s->stage.done = frag_len;
	s->stage.type = type;
	reply_handle(r, FFA_MEM_FRAG_RX, s->stage.handle, frag_len);
}

void spmc_abi_mem_frag_tx(struct spmc *s, struct ffa_regs *r)
{
	uint64_t handle = ffa_handle_join(r->x[1], r->x[2]);
	uint32_t frag = ffa_w(r, 3);
	const uint8_t *tx;
	uint32_t slot;
	int32_t ret;

	if (s->stage.kind != SPMC_STAGE_SEND || s->stage.handle != handle ||
	    ffa_w(r, 4) != 0 || frag == 0 || frag > spmc_rxtx_size(s) ||
	    frag > s->stage.total - s->stage.done) {
		spmc_ret_error(r, FFA_RET_INVALID_PARAMETERS);
		return;
	}
	/* RXTX_UNMAP is refused while staging, so TX is still there. */
	tx = spmc_tx_ptr(s);
	if (!tx) {
		spmc_ret_error(r, FFA_RET_DENIED);
		return;
	}
	ffa_memcpy(s->stage.buf + s->stage.done, tx, frag);
	s->stage.done += frag;
	if (s->stage.done < s->stage.total) {
		reply_handle(r, FFA_MEM_FRAG_RX, handle, s->stage.done);
		return;
	}
	slot = s->stage.slot;
	ret = spmc_txn_commit(s, slot, s->stage.type, s->stage.buf, s->stage.total);
	spmc_stage_reset(s);
	if (ret != FFA_RET_SUCCESS) {
		spmc_txn_unreserve(s, slot);
		spmc_ret_error(r, ret);
		return;
	}
	spmc_ret_ok32(r, (uint32_t)handle, (uint32_t)(handle >> 32));
}

/*
 * Parses the retrieve request in TX; returns the transaction's slot or an
 * error. Read in place, not copied first: only the header is parsed, each
 * of its fields loaded once into d and checked there, so a sender
 * rewriting TX meanwhile changes nothing already read.
 */
static int32_t read_retrieve_req(struct spmc *s, const struct ffa_regs *r, uint32_t layout)
{
	bool is64 = FFA_FN_IS_SMC64((uint32_t)r->x[0]);
	uint32_t total = ffa_w(r, 1);
	uint64_t addr = is64 ? r->x[3] : ffa_w(r, 3);
	struct ffa_mtd d;
	const uint8_t *tx = spmc_tx_ptr(s);
	uint32_t slot;

	if (!tx)
		return SPMC_REFUSE(s, 0, FFA_RET_DENIED, "!tx");
	/* Requests come whole, from the TX buffer. */
	if (addr != 0 || ffa_w(r, 4) != 0 || ffa_w(r, 2) != total || total == 0 ||
	    total > spmc_rxtx_size(s) || total > SPMC_RETRIEVE_REQ_MAX)
		return SPMC_REFUSE(s, 0, FFA_RET_INVALID_PARAMETERS,
				  "the request's address, length or size is wrong");
	if (ffa_mtd_parse(tx, total, layout, FFA_MTD_KIND_HYP_RETRIEVE, &d) != FFA_RET_SUCCESS)
		return SPMC_REFUSE(s, 0, FFA_RET_INVALID_PARAMETERS,
				  "the hypervisor retrieve request does not parse");
	if (d.sender != FFA_ID_NS_PHYS)
		return SPMC_REFUSE(s, 0, FFA_RET_INVALID_PARAMETERS, "d.sender != FFA_ID_NS_PHYS");
	slot = spmc_txn_find(s, d.handle, SPMC_TXN_LIVE);
	if (slot == SPMC_NO_SLOT)
		return SPMC_REFUSE(s, 0, FFA_RET_INVALID_PARAMETERS, "slot == SPMC_NO_SLOT");
	return (int32_t)slot;
}

/* The full descriptor of transaction `slot` into buf[0, cap); returns its size or 0. */
static uint32_t encode_txn(struct spmc *s, uint32_t slot, uint32_t layout, uint8_t *buf,
			   uint32_t cap)
{
	const struct spmc_txn *t = &s->txns[slot];
	/*
	 * Not zeroed as a whole: the encoder reads the header fields and
	 * ep[0, ep_count) alone, all set here.
	 */
	struct ffa_mtd d;

	d.layout = layout;
	d.sender = FFA_ID_NS_PHYS;
	d.attributes = t->attributes;
	d.flags = t->type;
	d.handle = t->handle;
	d.tag = t->tag;
	d.ep_count = t->ep_count;
	for (uint32_t i = 0; i < t->ep_count; i++) {
		d.ep[i].receiver = t->ep[i].receiver;
		d.ep[i].perms = t->ep[i].perms;
		d.ep[i].flags = t->ep[i].flags;
	}
	return ffa_mtd_encode(buf, cap, layout, &d, &s->pool[t->range_first], t->range_count);
}

void spmc_abi_mem_retrieve_req(struct spmc *s, struct ffa_regs *r)
{
	uint32_t cap = spmc_rxtx_size(s), layout = spmc_ns_version(s);
	uint32_t len, frag;
	int32_t slot;
	uint8_t *rx;

	if (s->stage.kind == SPMC_STAGE_SEND) {
		spmc_ret_error(r, FFA_RET_BUSY);
		return;
	}
	slot = read_retrieve_req(s, r, layout);
	if (slot < 0) {
		spmc_ret_error(r, slot);
		return;
	}
	rx = spmc_rx_acquire(s);
	if (!rx) {
		spmc_ret_error(r, FFA_RET_BUSY);
		return;
	}
	spmc_stage_drop_retrieve(s);
	/*
	 * Straight into RX when it fits (the usual case: no copy through the
	 * stage); else into the stage, served a fragment at a time. RX is the
	 * SPMC's until rx_held is set, so the normal world does not read it
	 * half written.
	 */
	len = ffa_mtd_encoded_size(layout, s->txns[slot].ep_count, s->txns[slot].range_count);
	if (len && len <= cap) {
		len = encode_txn(s, (uint32_t)slot, layout, rx, cap);
		frag = len;
	} else {
		len = encode_txn(s, (uint32_t)slot, layout, s->stage.buf, SPMC_DESC_MAX);
		frag = len < cap ? len : cap;
		if (len)
			ffa_memcpy(rx, s->stage.buf, frag);
	}
	if (len == 0) {
		spmc_ret_error(r, FFA_RET_NO_MEMORY);
		return;
	}
	s->ns.rx_held = true;
	if (frag < len) {
		s->stage.kind = SPMC_STAGE_RETRIEVE;
		s->stage.slot = (uint32_t)slot;
		s->stage.handle = s->txns[slot].handle;
		s->stage.total = len;
		s->stage.done = frag;
	}
	spmc_ret_clear(r);
	r->x[0] = FFA_MEM_RETRIEVE_RESP;
	r->x[1] = len;
	r->x[2] = frag;
}

void spmc_abi_mem_frag_rx(struct spmc *s, struct ffa_regs *r)
{
	uint64_t handle = ffa_handle_join(r->x[1], r->x[2]);
	uint32_t off = ffa_w(r, 3);
	uint32_t n, cap = spmc_rxtx_size(s);
	uint8_t *rx;

	if (s->stage.kind != SPMC_STAGE_RETRIEVE || s->stage.handle != handle ||
	    ffa_w(r, 4) != 0 || off >= s->stage.total) {
		spmc_ret_error(r, FFA_RET_INVALID_PARAMETERS);
		return;
	}
	rx = spmc_rx_acquire(s);
	if (!rx) {
		spmc_ret_error(r, FFA_RET_BUSY);
		return;
	}
	/* Any offset may be (re)read: the response is read-only. */
	n = s->stage.total - off;
	if (n > cap)
		n = cap;
	ffa_memcpy(rx, s->stage.buf + off, n);
	s->ns.rx_held = true;
	if (off + n > s->stage.done)
		s->stage.done = off + n;
	if (off + n == s->stage.total)
		spmc_stage_reset(s);
	reply_handle(r, FFA_MEM_FRAG_TX, handle, n);
}
