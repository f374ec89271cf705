// SPDX-License-Identifier: MIT
/*
 * Measured boot (services/tpm/measure.c, eventlog.c) against the fake TPM:
 * command bytes, the log format, and that replaying the log gives the PCRs
 * the TPM holds.
 */
#include <string.h>

#include "services/tpm/measure.h"
#include "tests/harness/check.h"
#include "tests/tpm/faketpm.h"
#include "tests/tpm/tcrb.h"
#include "tests/tpm/replay.h"

static struct faketpm ft;
static struct tpm_backend be;
static struct measured_boot mb;
static uint8_t logbuf[4096];

void tmeasure_setup(void)
{
	faketpm_reset(&ft);
	faketpm_backend(&ft, &be);
	memset(logbuf, 0xcc, sizeof(logbuf));
}

static int read_pcr(uint32_t pcr, uint8_t out[SHA256_DIGEST_SIZE])
{
	uint8_t cmd[64], rsp[128];
	uint32_t n = tpm2_cmd_pcr_read(cmd, sizeof(cmd), pcr), rn = 0;

	if (!n || be.submit(be.ctx, 0, cmd, n, rsp, sizeof(rsp), &rn))
		return -1;
	return tpm2_rsp_pcr_read(rsp, rn, out);
}

TEST(measure_pcr_extend_bytes)
{
	uint8_t d[SHA256_DIGEST_SIZE], c[80];

	memset(d, 0x11, sizeof(d));
	CHECK_EQ(tpm2_cmd_pcr_extend(c, sizeof(c), 7, d), 65);
	CHECK_EQ(c[0], 0x80);
	CHECK_EQ(c[1], 0x02);
	CHECK_EQ(c[5], 65);
	CHECK_EQ(c[9], 0x82);
	CHECK_EQ(c[13], 7);
	CHECK_EQ(c[17], 9);
	CHECK_EQ(c[18], 0x40);
	CHECK_EQ(c[21], 0x09);
	CHECK_EQ(c[30], 1);
	CHECK_EQ(c[32], 0x0b);
	CHECK_EQ(c[64], 0x11);
}

TEST(measure_startup_bytes)
{
	uint8_t c[12];

	CHECK_EQ(tpm2_cmd_startup(c, sizeof(c), TPM2_SU_CLEAR), 12);
	CHECK_EQ(c[1], 0x01);
	CHECK_EQ(c[5], 12);
	CHECK_EQ(c[8], 0x01);
	CHECK_EQ(c[9], 0x44);
}

TEST(measure_log_header)
{
	struct tcg2_log l;

	CHECK_EQ(tcg2_log_init(&l, logbuf, sizeof(logbuf)), 0);
	CHECK_EQ(l.len, TCG2_LOG_HEADER_SIZE);
	CHECK_EQ(logbuf[4], TCG_EV_NO_ACTION);
	CHECK_EQ(logbuf[28], 33);
	CHECK(memcmp(logbuf + 32, "Spec ID Event03", 16) == 0);
	CHECK_EQ(logbuf[53], 2);        /* spec version major */
	CHECK_EQ(logbuf[55], 2);        /* uintnSize: 64-bit */
	CHECK_EQ(logbuf[56], 1);        /* one algorithm */
	CHECK_EQ(logbuf[60], 0x0b);
	CHECK_EQ(logbuf[62], 32);
	CHECK_EQ(logbuf[64], 0);        /* vendor info size */
	CHECK_EQ(logbuf[65], 0);        /* zero fill after the header */
	CHECK_EQ(logbuf[sizeof(logbuf) - 1], 0);
}

TEST(measure_boot_replays_to_tpm_pcrs)
{
	static const char kernel[] = "pretend kernel image", dtb[] = "pretend dtb";
	uint8_t replayed[24][SHA256_DIGEST_SIZE], got[SHA256_DIGEST_SIZE];

	CHECK_EQ(measured_boot_start(&mb, &be, logbuf, sizeof(logbuf)), MEASURED_BOOT_OK);
	CHECK(ft.started);
	CHECK_EQ(measured_boot_measure(&mb, 4, TCG_EV_IPL, kernel, sizeof(kernel), "kernel"), MEASURED_BOOT_OK);
	CHECK_EQ(measured_boot_measure(&mb, 1, TCG_EV_TABLE_OF_DEVICES, dtb, sizeof(dtb), "dtb"), MEASURED_BOOT_OK);
	CHECK_EQ(measured_boot_separators(&mb, 0, 7), MEASURED_BOOT_OK);
	CHECK_EQ(replay_log(logbuf, sizeof(logbuf), replayed), 10);
	for (uint32_t i = 0; i < 10; i++) {
		CHECK_EQ(read_pcr(i, got), 0);
		CHECK(memcmp(got, replayed[i], SHA256_DIGEST_SIZE) == 0);
	}
	CHECK_EQ(mb.log.len, TCG2_LOG_HEADER_SIZE + TCG2_LOG_EVENT_SIZE(6) +
		 TCG2_LOG_EVENT_SIZE(3) + 8 * TCG2_LOG_EVENT_SIZE(4));
}

TEST(measure_startup_twice_is_fine)
{
	CHECK_EQ(measured_boot_start(&mb, &be, logbuf, sizeof(logbuf)), MEASURED_BOOT_OK);
	CHECK_EQ(measured_boot_start(&mb, &be, logbuf, sizeof(logbuf)), MEASURED_BOOT_OK);
	CHECK_EQ(mb.last_rc, TPM2_RC_INITIALIZE);
}

TEST_NEG(measure_log_full_no_extend)
{
	static const uint8_t blob[8];

	CHECK_EQ(measured_boot_start(&mb, &be, logbuf, TCG2_LOG_HEADER_SIZE + TCG2_LOG_EVENT_SIZE(4)), MEASURED_BOOT_OK);
	CHECK_EQ(measured_boot_measure(&mb, 4, TCG_EV_IPL, blob, sizeof(blob), "abcde"), MEASURED_BOOT_ERR_LOG);
	CHECK_EQ(ft.calls, 1);   /* Startup only */
	CHECK_EQ(measured_boot_measure(&mb, 4, TCG_EV_IPL, blob, sizeof(blob), "abcd"), MEASURED_BOOT_OK);
	CHECK_EQ(measured_boot_measure(&mb, 4, TCG_EV_IPL, blob, sizeof(blob), ""), MEASURED_BOOT_ERR_LOG);
	CHECK_EQ(measured_boot_start(&mb, &be, logbuf, TCG2_LOG_HEADER_SIZE - 1), MEASURED_BOOT_ERR_LOG);
}

TEST_NEG(measure_device_failure)
{
	ft.fail = true;
	CHECK_EQ(measured_boot_start(&mb, &be, logbuf, sizeof(logbuf)), MEASURED_BOOT_ERR_DEVICE);
	ft.fail = false;
	ft.bad_size = true;
	CHECK_EQ(measured_boot_start(&mb, &be, logbuf, sizeof(logbuf)), MEASURED_BOOT_ERR_DEVICE);
}

TEST_NEG(measure_tpm_error_code)
{
	CHECK_EQ(measured_boot_start(&mb, &be, logbuf, sizeof(logbuf)), MEASURED_BOOT_OK);
	ft.started = false;  /* as if the TPM had been reset behind our back */
	CHECK_EQ(measured_boot_measure(&mb, 4, TCG_EV_IPL, "x", 1, "x"), MEASURED_BOOT_ERR_TPM);
	CHECK_EQ(mb.last_rc, TPM2_RC_INITIALIZE);
	/* Nothing logged for a failed extend. */
	CHECK_EQ(mb.log.len, TCG2_LOG_HEADER_SIZE);
}

TEST_NEG(measure_bad_arguments)
{
	uint8_t d[SHA256_DIGEST_SIZE] = { 0 }, c[128];

	CHECK_EQ(measured_boot_start(&mb, &be, logbuf, sizeof(logbuf)), MEASURED_BOOT_OK);
	CHECK_EQ(measured_boot_measure(&mb, 24, TCG_EV_IPL, "x", 1, "x"), MEASURED_BOOT_ERR_ARG);
	CHECK_EQ(measured_boot_measure(&mb, 4, TCG_EV_IPL, "x", 1, NULL), MEASURED_BOOT_ERR_ARG);
	CHECK_EQ(measured_boot_separators(&mb, 3, 2), MEASURED_BOOT_ERR_ARG);
	CHECK_EQ(measured_boot_separators(&mb, 0, 24), MEASURED_BOOT_ERR_ARG);
	CHECK_EQ(tpm2_cmd_pcr_extend(c, 64, 0, d), 0);
	CHECK_EQ(tpm2_cmd_pcr_extend(c, sizeof(c), 24, d), 0);
	CHECK_EQ(tpm2_cmd_pcr_read(c, sizeof(c), 24), 0);
	CHECK_EQ(tpm2_cmd_startup(c, 11, 0), 0);
}

TEST_NEG(measure_malformed_responses)
{
	uint8_t r[64] = { 0x80, 0x01, 0, 0, 0, 10, 0, 0, 0, 0 }, d[SHA256_DIGEST_SIZE];

	CHECK_EQ(tpm2_rsp_code(r, 10), 0);
	CHECK_EQ(tpm2_rsp_code(r, 9), (uint64_t)-1);
	CHECK_EQ(tpm2_rsp_code(r, 11), (uint64_t)-1);
	/* A successful PCR_Read header with no body, or a short digest. */
	CHECK_EQ(tpm2_rsp_pcr_read(r, 10, d), -1);
	r[5] = 62;
	memset(r + 10, 0, 52);
	r[17] = 1;   /* one selection */
	r[20] = 200; /* absurd sizeofSelect */
	CHECK_EQ(tpm2_rsp_pcr_read(r, 62, d), -1);
}

TEST_NEG(measure_log_add_oversized)
{
	struct tcg2_log l;
	uint8_t d[SHA256_DIGEST_SIZE] = { 0 };

	CHECK_EQ(tcg2_log_init(&l, logbuf, sizeof(logbuf)), 0);
	CHECK_EQ(tcg2_log_add(&l, 0, TCG_EV_IPL, d, logbuf, 0xffffffffu), TCG2_LOG_NOSPACE);
	CHECK_EQ(tcg2_log_add(&l, 0, TCG_EV_IPL, d, logbuf, 0xffffffffu - 20u), TCG2_LOG_NOSPACE);
	CHECK_EQ(tcg2_log_add(&l, 0, TCG_EV_IPL, d, logbuf, sizeof(logbuf)), TCG2_LOG_NOSPACE);
	CHECK_EQ(l.len, TCG2_LOG_HEADER_SIZE);
}
