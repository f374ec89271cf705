// SPDX-License-Identifier: MIT
/*
 * Indirect messages (FFA_MSG_SEND2, v1.1+) from the normal world to a
 * partition that takes them (FFA_PART_PROP_INDIRECT_MSG). The sender puts
 * a header and the payload in its TX buffer; the SPMC copies the payload
 * into the receiver's RX buffer (one per partition, in struct spmc), which
 * then belongs to the receiver until it releases it: a message to a full
 * RX is refused with BUSY and nothing is copied.
 */
#include "spmc/spmc_int.h"

#include "common/byteorder.h"

struct imsg_hdr {
	uint16_t sender;
	uint16_t receiver;
	uint32_t offset;
	uint32_t size;
};

/* Reads the header once (the normal world may change TX meanwhile). */
static int32_t read_hdr(const uint8_t *tx, uint32_t bufsz, struct imsg_hdr *h)
{
	uint32_t ids;

	if (load_le32(tx + FFA_IMSG_FLAGS) != 0 || load_le32(tx + FFA_IMSG_RES0) != 0)
		return FFA_RET_INVALID_PARAMETERS;
	h->offset = load_le32(tx + FFA_IMSG_OFFSET);
	h->size = load_le32(tx + FFA_IMSG_SIZE);
	ids = load_le32(tx + FFA_IMSG_IDS);
	h->sender = ffa_sender_of(ids);
	h->receiver = ffa_receiver_of(ids);
	/* The payload lies after the header and inside TX (no wrap: both <= bufsz). */
	if (h->offset < FFA_IMSG_HDR_MIN || h->offset > bufsz || h->size > bufsz - h->offset)
		return FFA_RET_INVALID_PARAMETERS;
	if (h->size > SPMC_IMSG_SIZE)
		return FFA_RET_NO_MEMORY;
	return FFA_RET_SUCCESS;
}

static int32_t send2(struct spmc *s, const struct ffa_regs *r)
{
	const uint8_t *tx = spmc_tx_ptr(s);
	struct spmc_imsg_rx *rx;
	struct imsg_hdr h;
	int32_t ret;
	int idx;

	/* w1 31:16 names the sending VM when a hypervisor forwards; w2 flags. */
	if ((ffa_w(r, 1) & 0xFFFFu) || (ffa_w(r, 2) & ~FFA_MSG_SEND2_FLAG_DELAY_SRI))
		return FFA_RET_INVALID_PARAMETERS;
	if (!tx)
		return FFA_RET_DENIED;
	ret = read_hdr(tx, spmc_rxtx_size(s), &h);
	if (ret != FFA_RET_SUCCESS)
		return ret;
	if (ffa_id_is_secure(h.sender) || h.sender != ffa_sender_of(ffa_w(r, 1)))
		return FFA_RET_INVALID_PARAMETERS;
	idx = spmc_part_index(s, h.receiver);
	if (idx < 0 || !(s->parts[idx]->properties & FFA_PART_PROP_INDIRECT_MSG))
		return FFA_RET_INVALID_PARAMETERS;
	rx = &s->imsg[idx];
	if (rx->full)
		return FFA_RET_BUSY;
	rx->full = true;
	rx->sender = h.sender;
	rx->size = h.size;
	ffa_memcpy(rx->buf, tx + h.offset, h.size);
	return FFA_RET_SUCCESS;
}

void spmc_abi_msg_send2(struct spmc *s, struct ffa_regs *r)
{
	int32_t ret = spmc_ns_version(s) >= FFA_VERSION_1_1 ? send2(s, r) : FFA_RET_NOT_SUPPORTED;

	if (ret != FFA_RET_SUCCESS)
		ffa_set_error(r, ret);
	else
		ffa_set_success32(r, 0, 0);
}

static struct spmc_imsg_rx *imsg_of(struct spmc *s, uint16_t sp_id)
{
	int idx = spmc_part_index(s, sp_id);

	if (idx < 0 || !(s->parts[idx]->properties & FFA_PART_PROP_INDIRECT_MSG))
		return NULL;
	return &s->imsg[idx];
}

/* Read (out non-NULL) or release (out NULL) partition sp_id's RX. */
static int32_t imsg_op(struct spmc *s, uint16_t sp_id, struct spmc_sp_imsg *out)
{
	struct spmc_imsg_rx *rx;
	int32_t ret = FFA_RET_SUCCESS;

	spmc_lock(s, SPMC_LOCK_CORE);
	rx = imsg_of(s, sp_id);
	if (!rx) {
		ret = FFA_RET_INVALID_PARAMETERS;
	} else if (!rx->full) {
		ret = out ? FFA_RET_NO_DATA : FFA_RET_DENIED;
	} else if (out) {
		/* Stable until the partition releases it: no SEND2 writes a full RX. */
		out->sender = rx->sender;
		out->size = rx->size;
		out->payload = rx->buf;
	} else {
		/* Free buffers are kept zero, so a later short message leaks nothing. */
		ffa_memset(rx->buf, 0, rx->size);
		rx->full = false;
		rx->sender = 0;
		rx->size = 0;
	}
	spmc_unlock(s, SPMC_LOCK_CORE);
	return ret;
}

int32_t spmc_sp_msg_get(struct spmc *s, uint16_t sp_id, struct spmc_sp_imsg *out)
{
	return s && out ? imsg_op(s, sp_id, out) : FFA_RET_INVALID_PARAMETERS;
}

int32_t spmc_sp_msg_release(struct spmc *s, uint16_t sp_id)
{
	return s ? imsg_op(s, sp_id, NULL) : FFA_RET_INVALID_PARAMETERS;
}
