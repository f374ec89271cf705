/* SPDX-License-Identifier: MIT */
/*
 * Reference FF-A client: memory management. Descriptors too large for TX
 * travel in fragments. Fragment boundaries fall between constituents (the
 * first fragment carries the header, access descriptors and composite), the
 * strictest cut any receiver may demand, since a proxy like pKVM's must
 * inspect whole constituents per fragment.
 */
#include "lib/client/ffa_client.h"
#include "lib/client/ffa_client_priv.h"

/* The largest multiple of a constituent that fits in `room` bytes. */
static uint32_t whole_ranges(uint32_t room)
{
	return room - room % FFA_CONS_SIZE;
}

/*
 * A transaction we could not finish is of no use to anybody: give the SPMC a
 * chance to drop it. Its answer does not matter, the caller already failed.
 */
static void abandon(struct ffa_client *c, uint64_t handle)
{
	(void)ffa_client_mem_reclaim(c, handle, 0);
}

/*
 * The SPMC's answer to a fragment: FRAG_RX asking for the bytes from `sent`
 * on (more to come), or SUCCESS with the handle (all sent). Anything else is
 * an error or a broken SPMC. *more tells which of the two it was.
 */
static int32_t frag_answer(const struct ffa_regs *r, uint32_t sent, uint32_t total,
			   uint64_t *handle, bool *more)
{
	uint32_t fid = ffa_w(r, 0);
	uint64_t h;

	if (fid == FFA_SUCCESS_32)
		h = ffa_handle_join(r->x[2], r->x[3]);
	else if (fid == FFA_MEM_FRAG_RX)
		h = ffa_handle_join(r->x[1], r->x[2]);
	else
		return ffa_client_error_of(r);
	if (h == FFA_MEM_HANDLE_INVALID)
		return FFA_CLIENT_BAD_RESPONSE;
	/* Once the SPMC named a handle it must keep to it. */
	if (*handle != FFA_MEM_HANDLE_INVALID && h != *handle)
		return FFA_CLIENT_BAD_RESPONSE;
	/* Known from here on, so the caller can abandon it if what follows is wrong. */
	*handle = h;
	*more = fid == FFA_MEM_FRAG_RX;
	if (!*more)
		return sent == total ? FFA_RET_SUCCESS : FFA_CLIENT_BAD_RESPONSE;
	/* We do not resend: the SPMC must want exactly what follows. */
	if (sent == total || ffa_w(r, 3) != sent)
		return FFA_CLIENT_BAD_RESPONSE;
	return FFA_RET_SUCCESS;
}

/* Push desc[0, total) through TX with `fid`, fragmenting past TX's size. */
static int32_t send_desc(struct ffa_client *c, uint32_t fid, const uint8_t *desc,
			 uint32_t total, uint32_t ranges_offset, uint64_t *out)
{
	uint32_t room = ffa_client_buf_size(c);
	uint64_t handle = FFA_MEM_HANDLE_INVALID;
	uint32_t sent, chunk;
	struct ffa_regs r;
	bool more;
	int32_t ret;

	if (total <= room) {
		chunk = total;
	} else {
		if (ranges_offset > room)
			return FFA_RET_NO_MEMORY;
		chunk = ranges_offset + whole_ranges(room - ranges_offset);
	}
	ffa_memcpy(c->tx, desc, chunk);
	ffa_regs_clear(&r);
	r.x[0] = fid;
	r.x[1] = total;
	r.x[2] = chunk;
	sent = chunk;
	/* Every round sends at least one constituent, so this ends. */
	for (;;) {
		ffa_client_call(c, &r);
		ret = frag_answer(&r, sent, total, &handle, &more);
		if (ret) {
			if (ret == FFA_CLIENT_BAD_RESPONSE && handle != FFA_MEM_HANDLE_INVALID)
				abandon(c, handle);
			return ret;
		}
		if (!more)
			break;
		chunk = total - sent;
		if (chunk > whole_ranges(room))
			chunk = whole_ranges(room);
		ffa_memcpy(c->tx, desc + sent, chunk);
		ffa_regs_clear(&r);
		r.x[0] = FFA_MEM_FRAG_TX;
		r.x[1] = (uint32_t)handle;
		r.x[2] = (uint32_t)(handle >> 32);
		r.x[3] = chunk;
		sent += chunk;
	}
	*out = handle;
	return FFA_RET_SUCCESS;
}

static int32_t mem_send(struct ffa_client *c, uint32_t fid, const struct ffa_client_mem *m,
			uint8_t *scratch, uint32_t cap, uint64_t *handle)
{
	struct ffa_mtd d, parsed;
	uint32_t total;

	if (handle)
		*handle = FFA_MEM_HANDLE_INVALID;
	if (!c->version || !c->mapped)
		return FFA_RET_DENIED;
	if (!m || !scratch || !handle || !m->receivers || !m->ranges)
		return FFA_RET_INVALID_PARAMETERS;
	if (m->receiver_count == 0 || m->receiver_count > FFA_MEM_MAX_RECEIVERS ||
	    m->range_count == 0)
		return FFA_RET_INVALID_PARAMETERS;

	ffa_memset(&d, 0, sizeof(d));
	d = (struct ffa_mtd){ .sender = c->id, .attributes = m->attributes, .flags = m->flags,
			      .tag = m->tag, .ep_count = m->receiver_count };
	for (uint32_t i = 0; i < m->receiver_count; i++) {
		/* Only receiver, perms and flags are the caller's; the encoder places the composite. */
		d.ep[i] = m->receivers[i];
		d.ep[i].composite_offset = 0;
	}
	total = ffa_mtd_encode(scratch, cap, c->version, &d, m->ranges, m->range_count);
	if (!total)
		return FFA_RET_NO_MEMORY;
	/*
	 * Hold ourselves to the rules we expect the SPMC to enforce: a caller's
	 * mistake is reported here, before anything leaves the client.
	 */
	if (ffa_mtd_parse(scratch, total, c->version, FFA_MTD_KIND_SEND, &parsed))
		return FFA_RET_INVALID_PARAMETERS;
	return send_desc(c, fid, scratch, total, parsed.ranges_offset, handle);
}

int32_t ffa_client_mem_share(struct ffa_client *c, const struct ffa_client_mem *m,
			     uint8_t *scratch, uint32_t cap, uint64_t *handle)
{
	return mem_send(c, FFA_MEM_SHARE_64, m, scratch, cap, handle);
}

int32_t ffa_client_mem_lend(struct ffa_client *c, const struct ffa_client_mem *m,
			    uint8_t *scratch, uint32_t cap, uint64_t *handle)
{
	return mem_send(c, FFA_MEM_LEND_64, m, scratch, cap, handle);
}

int32_t ffa_client_mem_reclaim(struct ffa_client *c, uint64_t handle, uint32_t flags)
{
	struct ffa_regs r;

	if (handle == FFA_MEM_HANDLE_INVALID || (flags & ~FFA_RECLAIM_FLAGS_ALLOWED))
		return FFA_RET_INVALID_PARAMETERS;
	ffa_regs_clear(&r);
	r.x[0] = FFA_MEM_RECLAIM;
	r.x[1] = (uint32_t)handle;
	r.x[2] = (uint32_t)(handle >> 32);
	r.x[3] = flags;
	return ffa_client_simple(c, &r);
}

/* A call the SPMC answers by writing RX: from then RX is ours until released. */
static int32_t call_for_rx(struct ffa_client *c, struct ffa_regs *r, uint32_t want)
{
	int32_t ret;

	ffa_client_call(c, r);
	ret = ffa_client_expect(r, want);
	if (ret == FFA_RET_SUCCESS)
		c->rx_held = true;
	return ret;
}

/* Copy one received fragment out of RX and give RX back. */
static int32_t take_fragment(struct ffa_client *c, uint8_t *dst, uint32_t len)
{
	ffa_memcpy(dst, c->rx, len);
	return ffa_client_rx_release(c);
}

/* Release RX after a fragment we refuse to read, keeping the first error. */
static int32_t refuse_fragment(struct ffa_client *c, int32_t why)
{
	(void)ffa_client_rx_release(c);
	return why;
}

/* Fetch fragments [got, total) of a retrieve response with FRAG_RX. */
static int32_t fetch_rest(struct ffa_client *c, uint64_t handle, uint8_t *buf,
			  uint32_t got, uint32_t total)
{
	uint32_t room = ffa_client_buf_size(c);
	struct ffa_regs r;
	uint32_t frag;
	int32_t ret;

	/* Each round takes at least one byte, so this ends. */
	while (got < total) {
		ffa_regs_clear(&r);
		r.x[0] = FFA_MEM_FRAG_RX;
		r.x[1] = (uint32_t)handle;
		r.x[2] = (uint32_t)(handle >> 32);
		r.x[3] = got;
		ret = call_for_rx(c, &r, FFA_MEM_FRAG_TX);
		if (ret)
			return ret;
		frag = ffa_w(&r, 3);
		if (ffa_handle_join(r.x[1], r.x[2]) != handle || frag == 0 || frag > room ||
		    frag > total - got)
			return refuse_fragment(c, FFA_CLIENT_BAD_RESPONSE);
		ret = take_fragment(c, buf + got, frag);
		if (ret)
			return ret;
		got += frag;
	}
	return FFA_RET_SUCCESS;
}

int32_t ffa_client_hyp_retrieve(struct ffa_client *c, uint64_t handle, uint8_t *buf,
				uint32_t cap, uint32_t *len, struct ffa_mtd *out)
{
	uint32_t room = ffa_client_buf_size(c);
	uint32_t req, total, frag;
	struct ffa_regs r;
	int32_t ret;

	if (len)
		*len = 0;
	if (!c->version || !c->mapped)
		return FFA_RET_DENIED;
	if (c->rx_held)
		return FFA_RET_BUSY;
	if (!buf || !len || !out || handle == FFA_MEM_HANDLE_INVALID)
		return FFA_RET_INVALID_PARAMETERS;
	req = ffa_mtd_encode_hyp_retrieve(c->tx, room, c->version, c->id, handle);
	if (!req)
		return FFA_RET_NO_MEMORY;
	ffa_regs_clear(&r);
	r.x[0] = FFA_MEM_RETRIEVE_REQ_64;
	r.x[1] = req;
	r.x[2] = req;
	ret = call_for_rx(c, &r, FFA_MEM_RETRIEVE_RESP);
	if (ret)
		return ret;
	total = ffa_w(&r, 1);
	frag = ffa_w(&r, 2);
	if (frag == 0 || frag > total || frag > room)
		return refuse_fragment(c, FFA_CLIENT_BAD_RESPONSE);
	if (total > cap)
		return refuse_fragment(c, FFA_RET_NO_MEMORY);
	ret = take_fragment(c, buf, frag);
	if (ret)
		return ret;
	ret = fetch_rest(c, handle, buf, frag, total);
	if (ret)
		return ret;
	/* Reassembled: now it has to be a descriptor, and the one we asked for. */
	if (ffa_mtd_parse(buf, total, c->version, FFA_MTD_KIND_RETRIEVE_RESP, out) ||
	    out->handle != handle)
		return FFA_CLIENT_BAD_RESPONSE;
	*len = total;
	return FFA_RET_SUCCESS;
}
