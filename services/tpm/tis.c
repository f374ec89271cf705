// SPDX-License-Identifier: MIT
/*
 * TIS FIFO protocol (see tis.h): request the locality, commandReady, write
 * the command byte by byte within the advertised burst count checking
 * Expect, tpmGo, wait for dataAvail, read the header and then exactly the
 * size it announces, back to commandReady, relinquish the locality.
 */
#include "services/tpm/tis.h"

#include "services/tpm_crb_ffa.h"

static uint32_t reg(unsigned int loc, uint32_t off)
{
	return loc * TIS_LOCALITY_STRIDE + off;
}

static uint32_t sts(const struct tis *t, unsigned int loc)
{
	return t->io->read32(t->io->ctx, reg(loc, TIS_STS));
}

/* Waits until (status & mask) == want; false on timeout. */
static int wait_sts(const struct tis *t, unsigned int loc, uint32_t mask, uint32_t want,
		    uint64_t timeout)
{
	uint64_t start = t->io->now_us(t->io->ctx);

	for (;;) {
		if ((sts(t, loc) & mask) == want)
			return 1;
		if (t->io->now_us(t->io->ctx) - start > timeout)
			return 0;
	}
}

static uint32_t burst(const struct tis *t, unsigned int loc, uint64_t timeout)
{
	uint64_t start = t->io->now_us(t->io->ctx);

	for (;;) {
		uint32_t b = (sts(t, loc) >> TIS_STS_BURST_SHIFT) & TIS_STS_BURST_MASK;

		if (b)
			return b;
		if (t->io->now_us(t->io->ctx) - start > timeout)
			return 0;
	}
}

static int request_locality(const struct tis *t, unsigned int loc)
{
	const uint8_t want = TIS_ACCESS_ACTIVE | TIS_ACCESS_VALID;
	uint64_t start;

	t->io->write8(t->io->ctx, reg(loc, TIS_ACCESS), TIS_ACCESS_REQUEST_USE);
	start = t->io->now_us(t->io->ctx);
	for (;;) {
		if ((t->io->read8(t->io->ctx, reg(loc, TIS_ACCESS)) & want) == want)
			return TIS_OK;
		if (t->io->now_us(t->io->ctx) - start > t->to.locality)
			return TIS_ERR_LOCALITY;
	}
}

static void release(const struct tis *t, unsigned int loc)
{
	/* Abort whatever is left and give the locality back. */
	t->io->write8(t->io->ctx, reg(loc, TIS_STS), TIS_STS_COMMAND_READY);
	t->io->write8(t->io->ctx, reg(loc, TIS_ACCESS), TIS_ACCESS_ACTIVE);
}

static int send(const struct tis *t, unsigned int loc, const uint8_t *cmd, uint32_t len)
{
	const uint32_t valid_expect = TIS_STS_VALID | TIS_STS_EXPECT;
	uint32_t i = 0;

	t->io->write8(t->io->ctx, reg(loc, TIS_STS), TIS_STS_COMMAND_READY);
	if (!wait_sts(t, loc, TIS_STS_COMMAND_READY, TIS_STS_COMMAND_READY, t->to.ready))
		return TIS_ERR_READY;
	while (i < len - 1u) {
		uint32_t n = burst(t, loc, t->to.ready);

		if (!n)
			return TIS_ERR_XFER;
		for (; n && i < len - 1u; n--, i++)
			t->io->write8(t->io->ctx, reg(loc, TIS_DATA_FIFO), cmd[i]);
		/* Until the last byte the TPM must still expect more. */
		if (!wait_sts(t, loc, valid_expect, valid_expect, t->to.ready))
			return TIS_ERR_XFER;
	}
	if (!burst(t, loc, t->to.ready))
		return TIS_ERR_XFER;
	t->io->write8(t->io->ctx, reg(loc, TIS_DATA_FIFO), cmd[len - 1u]);
	if (!wait_sts(t, loc, valid_expect, TIS_STS_VALID, t->to.ready))
		return TIS_ERR_XFER;
	t->io->write8(t->io->ctx, reg(loc, TIS_STS), TIS_STS_GO);
	return TIS_OK;
}

static int read_fifo(const struct tis *t, unsigned int loc, uint8_t *buf, uint32_t n)
{
	const uint32_t avail = TIS_STS_VALID | TIS_STS_DATA_AVAIL;
	uint32_t i = 0;

	while (i < n) {
		uint32_t b;

		if (!wait_sts(t, loc, avail, avail, t->to.ready))
			return TIS_ERR_RESPONSE;
		b = burst(t, loc, t->to.ready);
		if (!b)
			return TIS_ERR_RESPONSE;
		for (; b && i < n; b--, i++)
			buf[i] = t->io->read8(t->io->ctx, reg(loc, TIS_DATA_FIFO));
	}
	return TIS_OK;
}

static int receive(const struct tis *t, unsigned int loc, uint8_t *rsp, uint32_t cap,
		   uint32_t *rsp_len)
{
	const uint32_t avail = TIS_STS_VALID | TIS_STS_DATA_AVAIL;
	uint32_t size;
	int err;

	if (!wait_sts(t, loc, avail, avail, t->to.command))
		return TIS_ERR_TIMEOUT;
	err = read_fifo(t, loc, rsp, TPM2_HEADER_SIZE);
	if (err)
		return err;
	size = (uint32_t)rsp[2] << 24 | (uint32_t)rsp[3] << 16 | (uint32_t)rsp[4] << 8 | rsp[5];
	if (size < TPM2_HEADER_SIZE || size > cap)
		return TIS_ERR_RESPONSE;
	err = read_fifo(t, loc, rsp + TPM2_HEADER_SIZE, size - TPM2_HEADER_SIZE);
	if (err)
		return err;
	/* All of it read: the TPM must have nothing more to say. */
	if (!wait_sts(t, loc, avail, TIS_STS_VALID, t->to.ready))
		return TIS_ERR_RESPONSE;
	*rsp_len = size;
	return TIS_OK;
}

int tis_init(struct tis *t, const struct tis_io *io, const struct tis_timeouts *to)
{
	t->io = io;
	t->to = *to;
	t->last_error = TIS_OK;
	t->did_vid = io->read32(io->ctx, reg(0, TIS_DID_VID));
	if (t->did_vid == 0 || t->did_vid == 0xffffffffu)
		return TIS_ERR_ABSENT;
	/* Polled; interrupts stay off as they come out of reset. */
	return TIS_OK;
}

int tis_submit(void *ctx, unsigned int locality, const uint8_t *cmd, uint32_t len,
	       uint8_t *rsp, uint32_t cap, uint32_t *rsp_len)
{
	struct tis *t = ctx;
	int err;

	if (locality > TPM_FFA_MAX_LOCALITY || len < TPM2_HEADER_SIZE || cap < TPM2_HEADER_SIZE) {
		t->last_error = TIS_ERR_ARG;
		return -1;
	}
	err = request_locality(t, locality);
	if (!err)
		err = send(t, locality, cmd, len);
	if (!err)
		err = receive(t, locality, rsp, cap, rsp_len);
	release(t, locality);
	t->last_error = err;
	return err ? -1 : 0;
}

const char *tis_strerror(int err)
{
	switch (err) {
	case TIS_OK:
		return "ok";
	case TIS_ERR_ABSENT:
		return "no TIS device answers";
	case TIS_ERR_LOCALITY:
		return "locality not granted";
	case TIS_ERR_READY:
		return "TPM not ready for a command";
	case TIS_ERR_XFER:
		return "TPM did not accept the command bytes";
	case TIS_ERR_TIMEOUT:
		return "no response in time";
	case TIS_ERR_RESPONSE:
		return "malformed response";
	default:
		return "bad argument";
	}
}
