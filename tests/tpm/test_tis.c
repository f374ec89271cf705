// SPDX-License-Identifier: MIT
/*
 * The TIS driver (services/tpm/tis.c) against a register-level model of a
 * TIS FIFO device in front of the fake TPM, with a fake clock: the normal
 * protocol with small burst counts, and every way a device can misbehave
 * ending in a bounded error.
 */
#include <string.h>

#include "services/tpm/measure.h"
#include "services/tpm/tis.h"
#include "tests/harness/check.h"
#include "tests/tpm/faketpm.h"
#include "tests/tpm/tcrb.h"

enum dev_state { D_IDLE, D_READY, D_RECEPTION, D_EXECUTED };

static struct {
	int active;               /* -1: none */
	enum dev_state st;
	uint8_t buf[4096];
	uint32_t wr, rd, rsp_len;
	uint32_t burst;
	uint32_t did_vid;
	unsigned int locality_seen;
	/* misbehaviour */
	int never_grant, never_respond, never_ready;
	uint32_t force_rsp_size;  /* nonzero: overwrite the response size */
	uint64_t clock;
} dev;

static struct faketpm ft;
static struct tis tis;

static uint32_t expected_size(void)
{
	if (dev.wr < 6)
		return 0xffffffffu;
	return (uint32_t)dev.buf[2] << 24 | (uint32_t)dev.buf[3] << 16 |
	       (uint32_t)dev.buf[4] << 8 | dev.buf[5];
}

static uint32_t status(unsigned int loc)
{
	uint32_t s = TIS_STS_VALID;

	if ((int)loc != dev.active)
		return 0xff;
	if (dev.st == D_READY && !dev.never_ready)
		s |= TIS_STS_COMMAND_READY;
	if (dev.st == D_RECEPTION && dev.wr < expected_size())
		s |= TIS_STS_EXPECT;
	if (dev.st == D_EXECUTED && !dev.never_respond && dev.rd < dev.rsp_len)
		s |= TIS_STS_DATA_AVAIL;
	return s | dev.burst << TIS_STS_BURST_SHIFT;
}

static uint8_t r8(void *ctx, uint32_t off)
{
	unsigned int loc = off / TIS_LOCALITY_STRIDE;
	uint32_t r = off % TIS_LOCALITY_STRIDE;

	(void)ctx;
	if (r == TIS_ACCESS)
		return TIS_ACCESS_VALID | (dev.active == (int)loc ? TIS_ACCESS_ACTIVE : 0);
	if (r == TIS_DATA_FIFO && dev.st == D_EXECUTED && dev.rd < dev.rsp_len)
		return dev.buf[dev.rd++];
	return 0xff;
}

static uint32_t r32(void *ctx, uint32_t off)
{
	(void)ctx;
	if (off == TIS_DID_VID)
		return dev.did_vid;
	if (off % TIS_LOCALITY_STRIDE == TIS_STS)
		return status(off / TIS_LOCALITY_STRIDE);
	return 0xffffffffu;
}

static void execute(void)
{
	uint8_t rsp[4096];
	uint32_t n = 0;

	if (faketpm_submit(&ft, dev.locality_seen, dev.buf, dev.wr, rsp, sizeof(rsp), &n))
		n = 0;
	if (dev.force_rsp_size) {
		rsp[2] = (uint8_t)(dev.force_rsp_size >> 24);
		rsp[3] = (uint8_t)(dev.force_rsp_size >> 16);
		rsp[4] = (uint8_t)(dev.force_rsp_size >> 8);
		rsp[5] = (uint8_t)dev.force_rsp_size;
	}
	memcpy(dev.buf, rsp, n);
	dev.rsp_len = n;
	dev.rd = 0;
	dev.st = D_EXECUTED;
}

static void w8(void *ctx, uint32_t off, uint8_t v)
{
	unsigned int loc = off / TIS_LOCALITY_STRIDE;
	uint32_t r = off % TIS_LOCALITY_STRIDE;

	(void)ctx;
	if (r == TIS_ACCESS) {
		if ((v & TIS_ACCESS_REQUEST_USE) && dev.active < 0 && !dev.never_grant)
			dev.active = (int)loc;
		if ((v & TIS_ACCESS_ACTIVE) && dev.active == (int)loc)
			dev.active = -1;
		return;
	}
	if (dev.active != (int)loc)
		return;
	dev.locality_seen = loc;
	if (r == TIS_STS && (v & TIS_STS_COMMAND_READY)) {
		dev.st = D_READY;
		dev.wr = 0;
	} else if (r == TIS_STS && (v & TIS_STS_GO) && dev.st == D_RECEPTION &&
		   dev.wr == expected_size()) {
		execute();
	} else if (r == TIS_DATA_FIFO && (dev.st == D_READY || dev.st == D_RECEPTION) &&
		   dev.wr < sizeof(dev.buf)) {
		dev.st = D_RECEPTION;
		dev.buf[dev.wr++] = v;
	}
}

static uint64_t now(void *ctx)
{
	(void)ctx;
	return dev.clock += 1000;   /* every look at the clock costs 1 ms */
}

static const struct tis_io io = { .read8 = r8, .write8 = w8, .read32 = r32, .now_us = now };
static const struct tis_timeouts to = { .locality = 750000, .ready = 2000000,
					.command = 10000000 };

void ttis_setup(void)
{
	memset(&dev, 0, sizeof(dev));
	dev.active = -1;
	dev.burst = 3;
	dev.did_vid = 0x00011014;
	faketpm_reset(&ft);
	CHECK_EQ(tis_init(&tis, &io, &to), TIS_OK);
}

static int submit(unsigned int loc, const uint8_t *cmd, uint32_t len, uint8_t *rsp,
		  uint32_t cap, uint32_t *rlen)
{
	return tis_submit(&tis, loc, cmd, len, rsp, cap, rlen);
}

TEST(tis_startup_and_extend)
{
	uint8_t cmd[96], rsp[256], d[SHA256_DIGEST_SIZE] = { 1 };
	uint32_t n = 0;

	CHECK_EQ(submit(0, cmd, tpm2_cmd_startup(cmd, sizeof(cmd), 0), rsp, sizeof(rsp), &n), 0);
	CHECK_EQ(n, 10);
	CHECK_EQ(tpm2_rsp_code(rsp, n), 0);
	CHECK(ft.started);
	CHECK_EQ(submit(0, cmd, tpm2_cmd_pcr_extend(cmd, sizeof(cmd), 4, d), rsp, sizeof(rsp), &n), 0);
	CHECK_EQ(tpm2_rsp_code(rsp, n), 0);
	CHECK_EQ(submit(0, cmd, tpm2_cmd_pcr_read(cmd, sizeof(cmd), 4), rsp, sizeof(rsp), &n), 0);
	CHECK_EQ(tpm2_rsp_pcr_read(rsp, n, d), 0);
	CHECK(memcmp(d, ft.pcr[4], sizeof(d)) == 0);
	/* The locality is given back after each command. */
	CHECK_EQ(dev.active, -1);
}

TEST(tis_burst_sizes)
{
	uint8_t cmd[16], rsp[64];
	uint32_t n;

	for (uint32_t b = 1; b < 20; b++) {
		dev.burst = b;
		n = 0;
		CHECK_EQ(submit(0, cmd, tpm2_cmd_startup(cmd, sizeof(cmd), 0), rsp, sizeof(rsp), &n), 0);
		CHECK_EQ(n, 10);
	}
}

TEST(tis_other_locality)
{
	uint8_t cmd[16], rsp[64];
	uint32_t n = 0;

	CHECK_EQ(submit(4, cmd, tpm2_cmd_startup(cmd, sizeof(cmd), 0), rsp, sizeof(rsp), &n), 0);
	CHECK_EQ(dev.locality_seen, 4);
	CHECK_EQ(ft.last_locality, 4);
}

TEST(tis_as_crb_backend)
{
	static uint8_t pages[TPM_CRB_SIZE] __attribute__((aligned(4096)));
	struct tpm_backend be = { .ctx = &tis, .submit = tis_submit };
	static struct tpm_crb crb;
	uint64_t a[3] = { TPM_FFA_START_LOCALITY, 0, 0 };

	tpm_crb_init(&crb, pages, 0x1000, &be);
	pages[TPM_CRB_LOC_CTRL] = TPM_CRB_LOC_CTRL_REQUEST;
	CHECK_EQ(tpm_crb_call(&crb, TPM_FFA_START, a), TPM_FFA_OK);
	pages[TPM_CRB_CTRL_REQ] = TPM_CRB_CTRL_REQ_CMD_READY;
	a[0] = TPM_FFA_START_COMMAND;
	a[1] = 0;
	CHECK_EQ(tpm_crb_call(&crb, TPM_FFA_START, a), TPM_FFA_OK);
	tpm2_cmd_startup(pages + TPM_CRB_DATA, TPM_CRB_DATA_SIZE, 0);
	pages[TPM_CRB_CTRL_START] = 1;
	a[0] = TPM_FFA_START_COMMAND;
	a[1] = 0;
	CHECK_EQ(tpm_crb_call(&crb, TPM_FFA_START, a), TPM_FFA_OK);
	CHECK_EQ(pages[TPM_CRB_CTRL_START], 0);
	CHECK_EQ(pages[TPM_CRB_CTRL_STS] & TPM_CRB_CTRL_STS_FATAL, 0);
	CHECK_EQ(tpm2_rsp_code(pages + TPM_CRB_DATA, 10), 0);
	/* A dead device underneath: fatal, and the service still answers. */
	dev.never_respond = 1;
	pages[TPM_CRB_CTRL_START] = 1;
	a[0] = TPM_FFA_START_COMMAND;
	a[1] = 0;
	CHECK_EQ(tpm_crb_call(&crb, TPM_FFA_START, a), TPM_FFA_OK);
	CHECK_EQ(pages[TPM_CRB_CTRL_STS] & TPM_CRB_CTRL_STS_FATAL, TPM_CRB_CTRL_STS_FATAL);
}

TEST_NEG(tis_absent_device)
{
	dev.did_vid = 0xffffffffu;
	CHECK_EQ(tis_init(&tis, &io, &to), TIS_ERR_ABSENT);
	dev.did_vid = 0;
	CHECK_EQ(tis_init(&tis, &io, &to), TIS_ERR_ABSENT);
}

#define STARTUP_RSP_CAP 64u

/* TPM2_Startup through TIS with room for a 64-byte response; tis_submit's result. */
static int startup_rsp64(void)
{
	uint8_t cmd[16], rsp[STARTUP_RSP_CAP];
	uint32_t n = 0;

	return submit(0, cmd, tpm2_cmd_startup(cmd, sizeof(cmd), 0), rsp, sizeof(rsp), &n);
}

TEST_NEG(tis_locality_never_granted)
{
	dev.never_grant = 1;
	CHECK_EQ(startup_rsp64(), -1);
	CHECK_EQ(tis.last_error, TIS_ERR_LOCALITY);
	CHECK(dev.clock <= 2 * to.locality);
	CHECK_EQ(ft.calls, 0);
}

TEST_NEG(tis_never_ready)
{
	dev.never_ready = 1;
	CHECK_EQ(startup_rsp64(), -1);
	CHECK_EQ(tis.last_error, TIS_ERR_READY);
	CHECK_EQ(dev.active, -1);
}

TEST_NEG(tis_zero_burst_forever)
{
	dev.burst = 0;
	CHECK_EQ(startup_rsp64(), -1);
	CHECK_EQ(tis.last_error, TIS_ERR_XFER);
}

TEST_NEG(tis_no_response)
{
	dev.never_respond = 1;
	CHECK_EQ(startup_rsp64(), -1);
	CHECK_EQ(tis.last_error, TIS_ERR_TIMEOUT);
	CHECK(dev.clock <= to.command + to.ready + 100000);
}

TEST_NEG(tis_oversized_or_short_response)
{
	dev.force_rsp_size = STARTUP_RSP_CAP + 1;
	CHECK_EQ(startup_rsp64(), -1);
	CHECK_EQ(tis.last_error, TIS_ERR_RESPONSE);
	dev.force_rsp_size = 9;
	CHECK_EQ(startup_rsp64(), -1);
	CHECK_EQ(tis.last_error, TIS_ERR_RESPONSE);
	/* Announces more than the device has: reading runs dry. */
	dev.force_rsp_size = 20;
	CHECK_EQ(startup_rsp64(), -1);
	CHECK_EQ(tis.last_error, TIS_ERR_RESPONSE);
	/* Announces less than it has: data left over. */
	dev.force_rsp_size = 0;
	ft.reply_len = 30;
	dev.force_rsp_size = 12;
	CHECK_EQ(startup_rsp64(), -1);
	CHECK_EQ(tis.last_error, TIS_ERR_RESPONSE);
}

TEST_NEG(tis_bad_arguments)
{
	uint8_t cmd[16] = { 0 }, rsp[64];
	uint32_t n = 0;

	CHECK_EQ(submit(5, cmd, 12, rsp, sizeof(rsp), &n), -1);
	CHECK_EQ(tis.last_error, TIS_ERR_ARG);
	CHECK_EQ(submit(0, cmd, 9, rsp, sizeof(rsp), &n), -1);
	CHECK_EQ(submit(0, cmd, 12, rsp, 9, &n), -1);
	CHECK_EQ(ft.calls, 0);
}
