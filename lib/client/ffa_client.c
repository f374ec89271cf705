/* SPDX-License-Identifier: MIT */
/*
 * Reference FF-A client: setup, discovery and direct messages. Memory
 * management lives in ffa_client_mem.c, names and UUID strings in
 * ffa_client_str.c. Only the codec's helpers are used (no libc) so the
 * library can be dropped into a freestanding driver.
 */
#include "lib/client/ffa_client.h"
#include "lib/client/ffa_client_priv.h"

void ffa_client_init(struct ffa_client *c, ffa_client_conduit_fn call,
		     ffa_client_ptr_fn ptr, void *ctx)
{
	ffa_memset(c, 0, sizeof(*c));
	c->call = call;
	c->ptr = ptr;
	c->ctx = ctx;
}

void ffa_client_call(struct ffa_client *c, struct ffa_regs *r)
{
	struct ffa_regs in;

	if ((uint32_t)r->x[0] != FFA_VERSION)
		c->version_locked = true;
	if (c->trace)
		ffa_memcpy(&in, r, sizeof(in));
	c->call(c->ctx, r);
	if (c->trace)
		c->trace(c->trace_ctx, &in, r);
}

int32_t ffa_client_error_of(const struct ffa_regs *r)
{
	int32_t code;

	if (!ffa_is_error(r))
		return FFA_CLIENT_BAD_RESPONSE;
	/* An "error" carrying success or a positive value is itself malformed. */
	code = ffa_error_code(r);
	return code < 0 ? code : FFA_CLIENT_BAD_RESPONSE;
}

int32_t ffa_client_expect(const struct ffa_regs *r, uint32_t fid)
{
	if (ffa_w(r, 0) == fid)
		return FFA_RET_SUCCESS;
	return ffa_client_error_of(r);
}

int32_t ffa_client_simple(struct ffa_client *c, struct ffa_regs *r)
{
	ffa_client_call(c, r);
	return ffa_client_expect(r, FFA_SUCCESS_32);
}

uint32_t ffa_client_buf_size(const struct ffa_client *c)
{
	return c->pages * FFA_PAGE_SIZE;
}

/* Tell the SPMC which version we speak; returns its answer in *got. */
static int32_t version_call(struct ffa_client *c, uint32_t v, uint32_t *got)
{
	struct ffa_regs r;

	ffa_regs_clear(&r);
	r.x[0] = FFA_VERSION;
	r.x[1] = v;
	ffa_client_call(c, &r);
	*got = ffa_w(&r, 0);
	if (*got == FFA_VERSION_NOT_SUPPORTED)
		return FFA_RET_NOT_SUPPORTED;
	if (!ffa_version_valid(*got))
		return FFA_CLIENT_BAD_RESPONSE;
	return FFA_RET_SUCCESS;
}

int32_t ffa_client_negotiate(struct ffa_client *c, uint32_t wanted)
{
	uint32_t got, again, use;
	int32_t ret;

	/* The codec only knows the 1.0 and 1.1+ layouts up to 1.2. */
	if (!ffa_version_valid(wanted) || wanted < FFA_VERSION_1_0 ||
	    wanted > FFA_VERSION_1_2)
		return FFA_RET_INVALID_PARAMETERS;
	/* The SPMC would keep the old layout while we switched to another. */
	if (c->version_locked && wanted != c->version)
		return FFA_RET_DENIED;
	ret = version_call(c, wanted, &got);
	if (ret)
		return ret;
	if (FFA_VERSION_MAJOR(got) != FFA_VERSION_MAJOR(wanted))
		return FFA_RET_NOT_SUPPORTED;
	use = ffa_version_min(wanted, got);
	if (!ffa_version_compatible(use, got))
		return FFA_RET_NOT_SUPPORTED;
	if (use != wanted) {
		/*
		 * The SPMC picks descriptor layouts from the version we asked
		 * for, so having gone down we must say so before any other call.
		 */
		ret = version_call(c, use, &again);
		if (ret)
			return ret;
		if (again != got)
			return FFA_CLIENT_BAD_RESPONSE;
	}
	c->version = use;
	c->spmc_version = got;
	return FFA_RET_SUCCESS;
}

int32_t ffa_client_id_get(struct ffa_client *c, uint16_t *id)
{
	struct ffa_regs r;
	int32_t ret;

	ffa_regs_clear(&r);
	r.x[0] = FFA_ID_GET;
	ret = ffa_client_simple(c, &r);
	if (ret)
		return ret;
	/* The ID is 16 bits; anything above is not an ID we could use. */
	if (ffa_w(&r, 2) > 0xFFFFu)
		return FFA_CLIENT_BAD_RESPONSE;
	c->id = (uint16_t)ffa_w(&r, 2);
	if (id)
		*id = c->id;
	return FFA_RET_SUCCESS;
}

/* fid(a1, a2, a3) with every other register zero, answered by SUCCESS or an error. */
static int32_t simple3(struct ffa_client *c, struct ffa_regs *r, uint32_t fid, uint64_t a1,
		       uint64_t a2, uint64_t a3)
{
	ffa_regs_clear(r);
	r->x[0] = fid;
	r->x[1] = a1;
	r->x[2] = a2;
	r->x[3] = a3;
	return ffa_client_simple(c, r);
}

int32_t ffa_client_features(struct ffa_client *c, uint32_t fid, uint32_t in,
			    uint32_t *props, uint32_t *props2)
{
	struct ffa_regs r;
	int32_t ret;

	ret = simple3(c, &r, FFA_FEATURES, fid, in, 0);
	if (ret)
		return ret;
	if (props)
		*props = ffa_w(&r, 2);
	if (props2)
		*props2 = ffa_w(&r, 3);
	return FFA_RET_SUCCESS;
}

/* Record the buffers the SPMC now holds for us (all zero: none mapped). */
static void set_mapping(struct ffa_client *c, uint8_t *tx, uint8_t *rx, uint64_t tx_pa,
			uint64_t rx_pa, uint32_t pages)
{
	c->tx = tx;
	c->rx = rx;
	c->tx_pa = tx_pa;
	c->rx_pa = rx_pa;
	c->pages = pages;
	c->mapped = tx != NULL;
	c->rx_held = false;
}

int32_t ffa_client_map_rxtx(struct ffa_client *c, uint64_t tx_pa, uint64_t rx_pa,
			    uint32_t pages)
{
	uint64_t size = (uint64_t)pages * FFA_PAGE_SIZE;
	uint8_t *tx, *rx;
	struct ffa_regs r;
	int32_t ret;

	if (c->mapped)
		return FFA_RET_DENIED;
	if (pages == 0 || pages > FFA_RXTX_PAGE_COUNT_MASK)
		return FFA_RET_INVALID_PARAMETERS;
	if ((tx_pa | rx_pa) & (FFA_PAGE_SIZE - 1))
		return FFA_RET_INVALID_PARAMETERS;
	if (tx_pa + size < tx_pa || rx_pa + size < rx_pa)
		return FFA_RET_INVALID_PARAMETERS;
	if (tx_pa < rx_pa + size && rx_pa < tx_pa + size)
		return FFA_RET_INVALID_PARAMETERS;
	tx = c->ptr ? c->ptr(c->ctx, tx_pa, size) : NULL;
	rx = c->ptr ? c->ptr(c->ctx, rx_pa, size) : NULL;
	if (!tx || !rx)
		return FFA_RET_INVALID_PARAMETERS;

	ret = simple3(c, &r, FFA_RXTX_MAP_64, tx_pa, rx_pa, pages);
	if (ret)
		return ret;
	set_mapping(c, tx, rx, tx_pa, rx_pa, pages);
	return FFA_RET_SUCCESS;
}

/* RXTX_UNMAP and RX_RELEASE: about our mapped buffers, our ID in w1[31:16]. */
static int32_t buffers_call(struct ffa_client *c, uint32_t fid)
{
	struct ffa_regs r;

	if (!c->mapped)
		return FFA_RET_DENIED;
	ffa_regs_clear(&r);
	r.x[0] = fid;
	r.x[1] = (uint32_t)c->id << FFA_RXTX_UNMAP_ID_SHIFT;
	return ffa_client_simple(c, &r);
}

int32_t ffa_client_unmap_rxtx(struct ffa_client *c)
{
	int32_t ret = buffers_call(c, FFA_RXTX_UNMAP);

	if (ret)
		return ret;
	set_mapping(c, NULL, NULL, 0, 0, 0);
	return FFA_RET_SUCCESS;
}

int32_t ffa_client_rx_release(struct ffa_client *c)
{
	int32_t ret = buffers_call(c, FFA_RX_RELEASE);

	if (ret == FFA_RET_SUCCESS)
		c->rx_held = false;
	return ret;
}

static void put_uuid_words(struct ffa_regs *r, const struct ffa_uuid *uuid)
{
	for (unsigned int i = 0; uuid && i < 4; i++)
		r->x[1 + i] = ffa_uuid_word(uuid, i);
}

/* Read the descriptors of a successful PARTITION_INFO_GET out of RX. */
static int32_t partinfo_read(struct ffa_client *c, const struct ffa_regs *r,
			     struct ffa_partinfo *out, uint32_t cap, uint32_t *count)
{
	uint32_t rxlen = ffa_client_buf_size(c);
	uint32_t n = ffa_w(r, 2);
	uint32_t size;

	/* v1.0 has no size in w3: the descriptors are the 8-byte layout. */
	size = c->version == FFA_VERSION_1_0 ? FFA_PARTINFO_SIZE_V1_0 : ffa_w(r, 3);
	if (size < ffa_partinfo_size(c->version) || size > rxlen)
		return FFA_CLIENT_BAD_RESPONSE;
	if (n > rxlen / size)
		return FFA_CLIENT_BAD_RESPONSE;
	*count = n;
	for (uint32_t i = 0; i < n && i < cap; i++)
		if (ffa_partinfo_decode(c->rx, rxlen, size, i, &out[i]))
			return FFA_CLIENT_BAD_RESPONSE;
	return n > cap ? FFA_RET_NO_MEMORY : FFA_RET_SUCCESS;
}

int32_t ffa_client_partitions(struct ffa_client *c, const struct ffa_uuid *uuid,
			      struct ffa_partinfo *out, uint32_t cap, uint32_t *count)
{
	struct ffa_regs r;
	int32_t ret, rel;

	*count = 0;
	if (!c->version || !c->mapped)
		return FFA_RET_DENIED;
	if (c->rx_held)
		return FFA_RET_BUSY;
	if (!out && cap)
		return FFA_RET_INVALID_PARAMETERS;
	ffa_regs_clear(&r);
	r.x[0] = FFA_PARTITION_INFO_GET;
	put_uuid_words(&r, uuid);
	ret = ffa_client_simple(c, &r);
	if (ret)
		return ret;
	c->rx_held = true;
	ret = partinfo_read(c, &r, out, cap, count);
	/* RX goes back whatever we made of its contents. */
	rel = ffa_client_rx_release(c);
	return ret ? ret : rel;
}

/* DENIED before negotiation, NOT_SUPPORTED when we agreed on less than min. */
static int32_t need_version(const struct ffa_client *c, uint32_t min)
{
	if (!c->version)
		return FFA_RET_DENIED;
	if (c->version < min)
		return FFA_RET_NOT_SUPPORTED;
	return FFA_RET_SUCCESS;
}

int32_t ffa_client_partition_count(struct ffa_client *c, const struct ffa_uuid *uuid,
				   uint32_t *count)
{
	struct ffa_regs r;
	int32_t ret;

	*count = 0;
	/* The count-only flag arrived with v1.1. */
	ret = need_version(c, FFA_VERSION_1_1);
	if (ret)
		return ret;
	ffa_regs_clear(&r);
	r.x[0] = FFA_PARTITION_INFO_GET;
	put_uuid_words(&r, uuid);
	r.x[5] = FFA_PARTITION_INFO_FLAG_COUNT_ONLY;
	ret = ffa_client_simple(c, &r);
	if (ret)
		return ret;
	*count = ffa_w(&r, 2);
	return FFA_RET_SUCCESS;
}

/*
 * Check one GET_REGS answer against the request (start) and the first
 * answer of the sequence (*last, *tag; first tells whether there was one).
 */
static int32_t pigr_check(uint64_t x2, uint32_t start, bool first, uint32_t *last,
			  uint32_t *tag)
{
	uint32_t l = (uint32_t)(x2 >> FFA_PIGR_LAST_INDEX_SHIFT) & 0xFFFFu;
	uint32_t cur = (uint32_t)(x2 >> FFA_PIGR_CUR_INDEX_SHIFT) & 0xFFFFu;
	uint32_t t = (uint32_t)(x2 >> FFA_PIGR_UUID_TAG_SHIFT) & 0xFFFFu;
	uint32_t size = (uint32_t)(x2 >> FFA_PIGR_DESC_SIZE_SHIFT) & 0xFFFFu;

	if (size != FFA_PARTINFO_SIZE_V1_1)
		return FFA_CLIENT_BAD_RESPONSE;
	if (cur < start || cur - start >= FFA_PIGR_DESCS_PER_CALL || cur > l)
		return FFA_CLIENT_BAD_RESPONSE;
	if (!first && (l != *last || t != *tag))
		return FFA_CLIENT_BAD_RESPONSE;
	*last = l;
	*tag = t;
	return FFA_RET_SUCCESS;
}

int32_t ffa_client_partitions_regs(struct ffa_client *c, const struct ffa_uuid *uuid,
				   struct ffa_partinfo *out, uint32_t cap,
				   uint32_t *count)
{
	struct ffa_uuid nil = { { 0 } };
	uint32_t start = 0, last = 0, tag = 0;
	struct ffa_regs r;
	int32_t ret;

	*count = 0;
	ret = need_version(c, FFA_VERSION_1_2);
	if (ret)
		return ret;
	if (!out && cap)
		return FFA_RET_INVALID_PARAMETERS;
	if (!uuid)
		uuid = &nil;
	/* Each round advances start by at least one, and indices are 16 bits. */
	for (;;) {
		uint32_t cur;

		ffa_regs_clear(&r);
		r.x[0] = FFA_PARTITION_INFO_GET_REGS;
		r.x[1] = ffa_uuid_half(uuid, 0);
		r.x[2] = ffa_uuid_half(uuid, 1);
		r.x[3] = start | (uint64_t)tag << FFA_PIGR_TAG_SHIFT;
		ffa_client_call(c, &r);
		ret = ffa_client_expect(&r, FFA_SUCCESS_64);
		if (ret)
			return ret;
		ret = pigr_check(r.x[2], start, start == 0, &last, &tag);
		if (ret)
			return ret;
		cur = (uint32_t)(r.x[2] >> FFA_PIGR_CUR_INDEX_SHIFT) & 0xFFFFu;
		for (uint32_t i = start; i <= cur; i++)
			if (i < cap)
				ffa_partinfo_from_regs(&r.x[3 + 3 * (i - start)], &out[i]);
		if (cur == last)
			break;
		start = cur + 1;
	}
	*count = last + 1;
	return *count > cap ? FFA_RET_NO_MEMORY : FFA_RET_SUCCESS;
}

int32_t ffa_client_find_partition(struct ffa_client *c, const struct ffa_uuid *uuid,
				  uint16_t *id)
{
	struct ffa_partinfo p[4];
	uint32_t n;
	int32_t ret;

	if (!uuid || ffa_uuid_is_nil(uuid))
		return FFA_RET_INVALID_PARAMETERS;
	ret = ffa_client_partitions(c, uuid, p, 4, &n);
	/* More than four partitions sharing a UUID: the first still answers. */
	if (ret && ret != FFA_RET_NO_MEMORY)
		return ret;
	if (n == 0)
		return FFA_RET_INVALID_PARAMETERS;
	*id = p[0].id;
	return FFA_RET_SUCCESS;
}

/*
 * A direct response must come from the partition we asked, be addressed to
 * us and not be a framework message (those are not replies to our payload).
 */
static int32_t direct_check(const struct ffa_client *c, const struct ffa_regs *r,
			    uint32_t resp_fid, uint16_t dst)
{
	int32_t ret = ffa_client_expect(r, resp_fid);

	if (ret)
		return ret;
	if (ffa_sender_of(ffa_w(r, 1)) != dst || ffa_receiver_of(ffa_w(r, 1)) != c->id)
		return FFA_CLIENT_BAD_RESPONSE;
	if (resp_fid != FFA_MSG_SEND_DIRECT_RESP2 && (ffa_w(r, 2) & FFA_MSG_FLAG_FRAMEWORK))
		return FFA_CLIENT_BAD_RESPONSE;
	return FFA_RET_SUCCESS;
}

/*
 * One direct request: r holds the function id (and for REQ2 the UUID in x2,
 * x3); the n payload words go to x[first]..x[first + n - 1] and come back
 * from the same registers of the response.
 */
static int32_t direct_req(struct ffa_client *c, uint16_t dst, struct ffa_regs *r,
			  uint32_t resp_fid, unsigned int first, unsigned int n,
			  const uint64_t *in, uint64_t *out)
{
	int32_t ret;

	r->x[1] = ffa_pack_ids(c->id, dst);
	for (unsigned int i = 0; i < n; i++)
		r->x[first + i] = in[i];
	ffa_client_call(c, r);
	ret = direct_check(c, r, resp_fid, dst);
	if (ret)
		return ret;
	for (unsigned int i = 0; i < n; i++)
		out[i] = r->x[first + i];
	return FFA_RET_SUCCESS;
}

int32_t ffa_client_direct_req32(struct ffa_client *c, uint16_t dst,
				const uint32_t in[FFA_CLIENT_REQ_ARGS],
				uint32_t out[FFA_CLIENT_REQ_ARGS])
{
	uint64_t in64[FFA_CLIENT_REQ_ARGS], out64[FFA_CLIENT_REQ_ARGS];
	struct ffa_regs r;
	int32_t ret;

	if (dst == c->id)
		return FFA_RET_INVALID_PARAMETERS;
	for (unsigned int i = 0; i < FFA_CLIENT_REQ_ARGS; i++)
		in64[i] = in[i];
	ffa_regs_clear(&r);
	r.x[0] = FFA_MSG_SEND_DIRECT_REQ_32;
	ret = direct_req(c, dst, &r, FFA_MSG_SEND_DIRECT_RESP_32, 3,
			 FFA_CLIENT_REQ_ARGS, in64, out64);
	if (ret)
		return ret;
	/* SMC32: only the low half of each register is the payload. */
	for (unsigned int i = 0; i < FFA_CLIENT_REQ_ARGS; i++)
		out[i] = (uint32_t)out64[i];
	return FFA_RET_SUCCESS;
}

int32_t ffa_client_direct_req64(struct ffa_client *c, uint16_t dst,
				const uint64_t in[FFA_CLIENT_REQ_ARGS],
				uint64_t out[FFA_CLIENT_REQ_ARGS])
{
	struct ffa_regs r;

	if (dst == c->id)
		return FFA_RET_INVALID_PARAMETERS;
	ffa_regs_clear(&r);
	r.x[0] = FFA_MSG_SEND_DIRECT_REQ_64;
	return direct_req(c, dst, &r, FFA_MSG_SEND_DIRECT_RESP_64, 3,
			  FFA_CLIENT_REQ_ARGS, in, out);
}

int32_t ffa_client_direct_req2(struct ffa_client *c, uint16_t dst,
			       const struct ffa_uuid *uuid,
			       const uint64_t in[FFA_CLIENT_REQ2_ARGS],
			       uint64_t out[FFA_CLIENT_REQ2_ARGS])
{
	struct ffa_regs r;
	int32_t ret = need_version(c, FFA_VERSION_1_2);

	if (ret)
		return ret;
	if (dst == c->id || !uuid)
		return FFA_RET_INVALID_PARAMETERS;
	ffa_regs_clear(&r);
	r.x[0] = FFA_MSG_SEND_DIRECT_REQ2;
	r.x[2] = ffa_uuid_half(uuid, 0);
	r.x[3] = ffa_uuid_half(uuid, 1);
	return direct_req(c, dst, &r, FFA_MSG_SEND_DIRECT_RESP2, 4,
			  FFA_CLIENT_REQ2_ARGS, in, out);
}

int32_t ffa_client_direct_req2_uuid(struct ffa_client *c, const struct ffa_uuid *uuid,
				    const uint64_t in[FFA_CLIENT_REQ2_ARGS],
				    uint64_t out[FFA_CLIENT_REQ2_ARGS])
{
	uint16_t id;
	int32_t ret = ffa_client_find_partition(c, uuid, &id);

	if (ret)
		return ret;
	return ffa_client_direct_req2(c, id, uuid, in, out);
}
