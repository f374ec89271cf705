// SPDX-License-Identifier: MIT
/*
 * DEN0138 calls on a TCG PTP CRB (see crb.h). Commands run synchronously
 * inside START, so "executing" never outlives a call: CTRL_START is clear
 * again by the time the caller polls it, and a cancel can only stop a
 * command that was started and not yet executed (one announced in the same
 * START). Documented outcomes are in services/tpm/README.md.
 */
#include "common/byteorder.h"
#include "services/tpm/crb.h"

#define TPM_RC_CANCELED 0x0909u
#define TPM_ST_NO_SESSIONS 0x8001u

static volatile uint8_t *page(struct tpm_crb *c, unsigned int loc)
{
	return c->pages + (uint64_t)loc * TPM_CRB_PAGE_SIZE;
}

/* The registers are only ever accessed as aligned 32-bit words, as the CRB
 * interface defines them: never a wider, merged or unaligned access. */
static uint32_t rd32(volatile uint8_t *p, uint32_t off)
{
	return *(volatile uint32_t *)(void *)(p + off);
}

static void wr32(volatile uint8_t *p, uint32_t off, uint32_t v)
{
	*(volatile uint32_t *)(void *)(p + off) = v;
}

static void wr64(volatile uint8_t *p, uint32_t off, uint64_t v)
{
	wr32(p, off, (uint32_t)v);
	wr32(p, off + 4u, (uint32_t)(v >> 32));
}

/* Word copies between the data buffer and secure memory; n is a multiple
 * of 4 or the tail is padded (the buffer is 4-aligned and 3968 bytes). */
static void copy_in(uint8_t *dst, volatile uint8_t *p, uint32_t off, uint32_t n)
{
	for (uint32_t i = 0; i < n; i += 4u) {
		uint32_t w = rd32(p, off + i);

		for (uint32_t k = 0; k < 4u && i + k < n; k++)
			dst[i + k] = (uint8_t)(w >> (8u * k));
	}
}

static void copy_out(volatile uint8_t *p, uint32_t off, const uint8_t *src, uint32_t n)
{
	for (uint32_t i = 0; i < n; i += 4u) {
		uint32_t w = 0;

		for (uint32_t k = 0; k < 4u && i + k < n; k++)
			w |= (uint32_t)src[i + k] << (8u * k);
		wr32(p, off + i, w);
	}
}

static uint32_t loc_state(const struct tpm_crb *c)
{
	uint32_t v = TPM_CRB_LOC_STATE_VALID;

	if (c->established)
		v |= TPM_CRB_LOC_STATE_ESTABLISHED;
	if (c->active != TPM_CRB_NO_LOCALITY)
		v |= TPM_CRB_LOC_STATE_ASSIGNED |
		     (uint32_t)c->active << TPM_CRB_LOC_STATE_ACTIVE_SHIFT;
	return v;
}

/*
 * Rewrites every register the service owns in every locality page: the
 * normal world can scribble on them, and a client must always read the
 * service's view. LOC_STS is per locality; the rest is shared.
 */
static void publish(struct tpm_crb *c)
{
	uint64_t intf = TPM_CRB_INTF_TYPE_CRB | TPM_CRB_INTF_VERSION_CRB |
			TPM_CRB_INTF_CAP_LOCALITY | TPM_CRB_INTF_CAP_XFER_64 |
			TPM_CRB_INTF_CAP_CRB | TPM_CRB_INTF_SEL_CRB;
	uint32_t sts = (c->state == TPM_CRB_IDLE ? TPM_CRB_CTRL_STS_IDLE : 0) |
		       (c->fatal ? TPM_CRB_CTRL_STS_FATAL : 0);

	for (unsigned int l = 0; l < TPM_CRB_LOCALITIES; l++) {
		volatile uint8_t *p = page(c, l);
		uint64_t buf = c->pa + (uint64_t)l * TPM_CRB_PAGE_SIZE + TPM_CRB_DATA;

		wr32(p, TPM_CRB_LOC_STATE, loc_state(c));
		wr32(p, TPM_CRB_LOC_STS, c->active == l ? TPM_CRB_LOC_STS_GRANTED : 0);
		wr64(p, TPM_CRB_INTF_ID, intf);
		wr64(p, TPM_CRB_CTRL_EXT, 0);
		wr32(p, TPM_CRB_CTRL_STS, sts);
		wr32(p, TPM_CRB_INT_ENABLE, 0);
		wr32(p, TPM_CRB_INT_STS, 0);
		wr32(p, TPM_CRB_CMD_SIZE, TPM_CRB_DATA_SIZE);
		wr32(p, TPM_CRB_CMD_LADDR, (uint32_t)buf);
		wr32(p, TPM_CRB_CMD_HADDR, (uint32_t)(buf >> 32));
		wr32(p, TPM_CRB_RSP_SIZE, TPM_CRB_DATA_SIZE);
		wr64(p, TPM_CRB_RSP_ADDR, buf);
	}
}

void tpm_crb_init(struct tpm_crb *c, volatile uint8_t *pages, uint64_t pa,
		  const struct tpm_backend *be)
{
	c->pages = pages;
	c->pa = pa;
	c->be = be;
	c->state = TPM_CRB_IDLE;
	c->active = TPM_CRB_NO_LOCALITY;
	c->established = false;
	c->fatal = false;
	c->commands = 0;
	for (unsigned int l = 0; l < TPM_CRB_LOCALITIES; l++) {
		wr32(page(c, l), TPM_CRB_LOC_CTRL, 0);
		wr32(page(c, l), TPM_CRB_CTRL_REQ, 0);
		wr32(page(c, l), TPM_CRB_CTRL_CANCEL, 0);
		wr32(page(c, l), TPM_CRB_CTRL_START, 0);
	}
	publish(c);
}

/* The response a cancelled command gets: header only, TPM_RC_CANCELED. */
static uint32_t canceled_response(uint8_t *rsp)
{
	store_be16(rsp, TPM_ST_NO_SESSIONS);
	store_be32(rsp + 2, TPM2_HEADER_SIZE);
	store_be32(rsp + 6, TPM_RC_CANCELED);
	return TPM2_HEADER_SIZE;
}

/*
 * Runs the command in locality `loc`'s buffer. The size is read from the
 * header once, validated, and the copied header keeps exactly that size,
 * so what the TPM sees is what was checked.
 */
static uint32_t execute(struct tpm_crb *c, unsigned int loc, bool cancel)
{
	volatile uint8_t *p = page(c, loc);
	uint32_t size, rsp_len = 0;

	copy_in(c->cmd, p, TPM_CRB_DATA, TPM2_HEADER_SIZE);
	size = load_be32(c->cmd + TPM2_HEADER_SIZE_OFFSET);
	if (size < TPM2_HEADER_SIZE || size > TPM_CRB_DATA_SIZE)
		return TPM_FFA_INV_CRB_CTRL_DATA;
	if (size > TPM2_HEADER_SIZE) {
		/* Copy from the aligned word containing byte 10 onwards. */
		uint8_t head[TPM2_HEADER_SIZE];

		for (uint32_t i = 0; i < TPM2_HEADER_SIZE; i++)
			head[i] = c->cmd[i];
		copy_in(c->cmd + 8u, p, TPM_CRB_DATA + 8u, size - 8u);
		for (uint32_t i = 0; i < TPM2_HEADER_SIZE; i++)
			c->cmd[i] = head[i];
	}
	if (cancel) {
		rsp_len = canceled_response(c->rsp);
	} else if (c->be->submit(c->be->ctx, loc, c->cmd, size, c->rsp, sizeof(c->rsp),
				 &rsp_len) != 0 ||
		   rsp_len < TPM2_HEADER_SIZE || rsp_len > sizeof(c->rsp) ||
		   load_be32(c->rsp + TPM2_HEADER_SIZE_OFFSET) != rsp_len) {
		/* PTP: a TPM that cannot answer reports fatal, not garbage. */
		c->fatal = true;
		c->state = TPM_CRB_COMPLETE;
		return TPM_FFA_OK;
	}
	copy_out(p, TPM_CRB_DATA, c->rsp, rsp_len);
	c->fatal = false;
	c->state = TPM_CRB_COMPLETE;
	c->commands++;
	return TPM_FFA_OK;
}

/* START(0): cmdReady/goIdle requests, then a command or a cancel. */
static uint32_t start_command(struct tpm_crb *c, unsigned int loc)
{
	volatile uint8_t *p = page(c, loc);
	uint32_t req, cancel, start, ret = TPM_FFA_OK;

	if (loc != c->active) {
		/* Not the caller's page to change, but the registers the
		 * service owns are rewritten so it reads the truth. */
		publish(c);
		return TPM_FFA_DENIED;
	}
	req = rd32(p, TPM_CRB_CTRL_REQ);
	cancel = rd32(p, TPM_CRB_CTRL_CANCEL);
	start = rd32(p, TPM_CRB_CTRL_START);
	if (!(req & (TPM_CRB_CTRL_REQ_CMD_READY | TPM_CRB_CTRL_REQ_GO_IDLE)) &&
	    !(start & TPM_CRB_CTRL_START_INVOKE) && !(cancel & TPM_CRB_CTRL_CANCEL_INVOKE))
		return TPM_FFA_INV_CRB_CTRL_DATA;
	/* Requests are consumed whatever happens next, as PTP's self-clearing
	 * bits are; a rejected START must never leave the client polling. */
	wr32(p, TPM_CRB_CTRL_REQ, 0);
	if ((req & TPM_CRB_CTRL_REQ_CMD_READY) && (req & TPM_CRB_CTRL_REQ_GO_IDLE)) {
		ret = TPM_FFA_INV_CRB_CTRL_DATA;
	} else if (req & TPM_CRB_CTRL_REQ_GO_IDLE) {
		c->state = TPM_CRB_IDLE;
		if (start & TPM_CRB_CTRL_START_INVOKE)
			ret = TPM_FFA_DENIED;
	} else {
		if (req & TPM_CRB_CTRL_REQ_CMD_READY)
			c->state = TPM_CRB_READY;
		if (!(start & TPM_CRB_CTRL_START_INVOKE))
			ret = TPM_FFA_OK; /* a cancel with nothing pending is a no-op */
		else if (c->state == TPM_CRB_IDLE)
			ret = TPM_FFA_DENIED;
		else
			ret = execute(c, loc, cancel & TPM_CRB_CTRL_CANCEL_INVOKE);
	}
	if (start & TPM_CRB_CTRL_START_INVOKE)
		wr32(p, TPM_CRB_CTRL_START, 0);
	publish(c);
	return ret;
}

static uint32_t loc_request(struct tpm_crb *c, unsigned int loc, uint32_t ctrl)
{
	switch (ctrl) {
	case TPM_CRB_LOC_CTRL_REQUEST:
		/* Calls are synchronous, so there is no queue to wait in. */
		if (c->active != TPM_CRB_NO_LOCALITY && c->active != loc)
			return TPM_FFA_DENIED;
		c->active = (uint8_t)loc;
		return TPM_FFA_OK;
	case TPM_CRB_LOC_CTRL_RELINQUISH:
		if (c->active != loc)
			return TPM_FFA_DENIED;
		c->active = TPM_CRB_NO_LOCALITY;
		return TPM_FFA_OK;
	case TPM_CRB_LOC_CTRL_SEIZE:
		if (c->active != TPM_CRB_NO_LOCALITY && c->active >= loc)
			return TPM_FFA_DENIED;
		if (c->active != TPM_CRB_NO_LOCALITY)
			wr32(page(c, c->active), TPM_CRB_LOC_STS, TPM_CRB_LOC_STS_SEIZED);
		c->active = (uint8_t)loc;
		return TPM_FFA_OK;
	case TPM_CRB_LOC_CTRL_RESET_EST:
		/* Only the D-RTM localities own the establishment flag. */
		if (loc < 3u || c->active != loc)
			return TPM_FFA_DENIED;
		c->established = false;
		return TPM_FFA_OK;
	default:
		/* None, several at once, or reserved bits. */
		return TPM_FFA_INV_CRB_CTRL_DATA;
	}
}

static uint32_t start_locality(struct tpm_crb *c, unsigned int loc)
{
	volatile uint8_t *p = page(c, loc);
	uint32_t ctrl = rd32(p, TPM_CRB_LOC_CTRL);
	uint8_t seized_from = c->active;
	uint32_t ret;

	wr32(p, TPM_CRB_LOC_CTRL, 0);
	ret = loc_request(c, loc, ctrl);
	publish(c);
	/* publish() rewrote LOC_STS everywhere; the loser of a seize keeps
	 * its beenSeized bit until it next asks for something. */
	if (ret == TPM_FFA_OK && ctrl == TPM_CRB_LOC_CTRL_SEIZE &&
	    seized_from != TPM_CRB_NO_LOCALITY && seized_from != loc)
		wr32(page(c, seized_from), TPM_CRB_LOC_STS, TPM_CRB_LOC_STS_SEIZED);
	return ret;
}

static uint32_t start(struct tpm_crb *c, uint64_t qualifier, uint64_t locality)
{
	if (locality > TPM_FFA_MAX_LOCALITY)
		return TPM_FFA_INVARG;
	if (!c->be)
		return TPM_FFA_NOTSUP;
	switch (qualifier) {
	case TPM_FFA_START_COMMAND:
		return start_command(c, (unsigned int)locality);
	case TPM_FFA_START_LOCALITY:
		return start_locality(c, (unsigned int)locality);
	default:
		return TPM_FFA_INVARG;
	}
}

uint32_t tpm_crb_call(struct tpm_crb *c, uint64_t fid, uint64_t args[3])
{
	uint64_t a0 = args[0], a1 = args[1];

	args[0] = args[1] = args[2] = 0;
	/* A function ID with stray high bits is not that function. */
	if (fid >> 32)
		return TPM_FFA_NOFUNC;
	switch ((uint32_t)fid) {
	case TPM_FFA_GET_INTERFACE_VERSION:
		args[0] = TPM_FFA_VERSION_1_0;
		return TPM_FFA_OK_RESULTS_RETURNED;
	case TPM_FFA_GET_FEATURE_INFO:
		return a0 == TPM_FFA_FEATURE_NOTIFICATION ? TPM_FFA_NOTSUP : TPM_FFA_INVARG;
	case TPM_FFA_START:
		/* x5 bits 63:8 are reserved: anything there is malformed. */
		if (a0 >> 8)
			return TPM_FFA_INVARG;
		return start(c, a0, a1);
	case TPM_FFA_REGISTER_FOR_NOTIFICATION:
	case TPM_FFA_UNREGISTER_FROM_NOTIFICATION:
	case TPM_FFA_FINISH_NOTIFIED:
		return TPM_FFA_NOTSUP;
	default:
		return TPM_FFA_NOFUNC;
	}
}
