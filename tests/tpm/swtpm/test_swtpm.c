// SPDX-License-Identifier: MIT
/*
 * The TPM service's CRB state machine and measured boot against a real
 * TPM 2.0: swtpm's data socket (raw TPM commands, path in TPM_SWTPM_SOCK),
 * driven by the same code the firmware runs. Started by swtpm-test.sh.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "services/tpm/crb.h"
#include "services/tpm/measure.h"
#include "tests/harness/check.h"
#include "tests/tpm/replay.h"

static int sock = -1;
static int started;
static struct tpm_backend be;
static struct tpm_crb crb;
static uint8_t pages[TPM_CRB_SIZE] __attribute__((aligned(4096)));
static uint8_t logbuf[8192];

static int xfer_all(int write_side, uint8_t *p, size_t n)
{
	while (n) {
		ssize_t r = write_side ? write(sock, p, n) : read(sock, p, n);

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return -1;
		p += r;
		n -= (size_t)r;
	}
	return 0;
}

/* swtpm's data channel: the raw command in, the raw response out. */
static int sw_submit(void *ctx, unsigned int loc, const uint8_t *cmd, uint32_t len,
		     uint8_t *rsp, uint32_t cap, uint32_t *rsp_len)
{
	uint32_t size;

	(void)ctx;
	(void)loc;
	if (xfer_all(1, (uint8_t *)cmd, len) || cap < 10 || xfer_all(0, rsp, 10))
		return -1;
	size = (uint32_t)rsp[2] << 24 | (uint32_t)rsp[3] << 16 | (uint32_t)rsp[4] << 8 | rsp[5];
	if (size < 10 || size > cap || xfer_all(0, rsp + 10, size - 10))
		return -1;
	*rsp_len = size;
	return 0;
}

static void setup(void)
{
	const char *path = getenv("TPM_SWTPM_SOCK");
	struct sockaddr_un a = { .sun_family = AF_UNIX };

	if (sock < 0) {
		if (!path || strlen(path) >= sizeof(a.sun_path)) {
			fprintf(stderr, "tpm-swtpm-tests: set TPM_SWTPM_SOCK (run swtpm-test.sh)\n");
			exit(2);
		}
		strcpy(a.sun_path, path);
		sock = socket(AF_UNIX, SOCK_STREAM, 0);
		if (sock < 0 || connect(sock, (struct sockaddr *)&a, sizeof(a))) {
			perror("tpm-swtpm-tests: connect to swtpm");
			exit(2);
		}
	}
	be.ctx = NULL;
	be.submit = sw_submit;
	if (!started) {
		/* A fresh TPM needs Startup; measured boot's test redoes it. */
		uint8_t cmd[12], rsp[64];
		uint32_t n = 0;

		sw_submit(NULL, 0, cmd, tpm2_cmd_startup(cmd, sizeof(cmd), TPM2_SU_CLEAR), rsp,
			  sizeof(rsp), &n);
		started = 1;
	}
	memset(pages, 0, sizeof(pages));
	tpm_crb_init(&crb, pages, 0x7f000000, &be);
}

__attribute__((constructor)) static void init(void)
{
	check_setup = setup;
}

static uint32_t rd(unsigned int loc, uint32_t off)
{
	uint32_t v;

	memcpy(&v, pages + loc * TPM_CRB_PAGE_SIZE + off, 4);
	return v;
}

static void wr(unsigned int loc, uint32_t off, uint32_t v)
{
	memcpy(pages + loc * TPM_CRB_PAGE_SIZE + off, &v, 4);
}

static uint32_t start(uint64_t q, uint64_t loc)
{
	uint64_t a[3] = { q, loc, 0 };

	return tpm_crb_call(&crb, TPM_FFA_START, a);
}

/* What a client does: write, CTRL_START, START(0), read the response. */
static uint32_t run(unsigned int loc, const uint8_t *cmd, uint32_t len, uint8_t *rsp,
		    uint32_t *rlen)
{
	uint8_t *buf = pages + loc * TPM_CRB_PAGE_SIZE + TPM_CRB_DATA;
	uint32_t st;

	memcpy(buf, cmd, len);
	wr(loc, TPM_CRB_CTRL_START, 1);
	st = start(TPM_FFA_START_COMMAND, loc);
	if (st == TPM_FFA_OK && rsp) {
		*rlen = (uint32_t)buf[2] << 24 | (uint32_t)buf[3] << 16 | (uint32_t)buf[4] << 8 |
			buf[5];
		if (*rlen <= TPM_CRB_DATA_SIZE)
			memcpy(rsp, buf, *rlen);
	}
	return st;
}

static void open_locality(unsigned int loc)
{
	wr(loc, TPM_CRB_LOC_CTRL, TPM_CRB_LOC_CTRL_REQUEST);
	CHECK_EQ(start(TPM_FFA_START_LOCALITY, loc), TPM_FFA_OK);
	wr(loc, TPM_CRB_CTRL_REQ, TPM_CRB_CTRL_REQ_CMD_READY);
	CHECK_EQ(start(TPM_FFA_START_COMMAND, loc), TPM_FFA_OK);
}

static int crb_pcr_read(uint32_t pcr, uint8_t out[SHA256_DIGEST_SIZE])
{
	uint8_t cmd[32], rsp[TPM_CRB_DATA_SIZE];
	uint32_t n = tpm2_cmd_pcr_read(cmd, sizeof(cmd), pcr), rn = 0;

	if (run(0, cmd, n, rsp, &rn) != TPM_FFA_OK)
		return -1;
	return tpm2_rsp_pcr_read(rsp, rn, out);
}

/* Measured boot straight on the TPM, then verified through the CRB. */
TEST(swtpm_measured_boot_replays_through_crb)
{
	static const char kernel[] = "kernel bytes", initrd[] = "initrd bytes";
	struct measured_boot mb;
	uint8_t replayed[24][SHA256_DIGEST_SIZE], got[SHA256_DIGEST_SIZE];
	uint8_t agg_tpm[SHA256_DIGEST_SIZE], agg_log[SHA256_DIGEST_SIZE];
	uint8_t pcrs[24][SHA256_DIGEST_SIZE];

	CHECK_EQ(measured_boot_start(&mb, &be, logbuf, sizeof(logbuf)), MEASURED_BOOT_OK);
	CHECK_EQ(measured_boot_measure(&mb, 4, TCG_EV_IPL, kernel, sizeof(kernel), "kernel"), MEASURED_BOOT_OK);
	CHECK_EQ(measured_boot_measure(&mb, 5, TCG_EV_IPL, initrd, sizeof(initrd), "initrd"), MEASURED_BOOT_OK);
	CHECK_EQ(measured_boot_separators(&mb, 0, 7), MEASURED_BOOT_OK);
	CHECK_EQ(replay_log(logbuf, sizeof(logbuf), replayed), 10);
	open_locality(0);
	memset(pcrs, 0, sizeof(pcrs));
	for (uint32_t i = 0; i < 10; i++) {
		CHECK_EQ(crb_pcr_read(i, got), 0);
		memcpy(pcrs[i], got, sizeof(got));
	}
	/* PCRs 8/9 are not ours: take the TPM's values on both sides. */
	memcpy(replayed[8], pcrs[8], SHA256_DIGEST_SIZE);
	memcpy(replayed[9], pcrs[9], SHA256_DIGEST_SIZE);
	for (uint32_t i = 0; i < 8; i++)
		CHECK(memcmp(pcrs[i], replayed[i], SHA256_DIGEST_SIZE) == 0);
	boot_aggregate(pcrs, agg_tpm);
	boot_aggregate(replayed, agg_log);
	CHECK(memcmp(agg_tpm, agg_log, sizeof(agg_tpm)) == 0);
}

/* TPM2_GetRandom (no sessions, 12 bytes) for 4 and for 16 bytes. */
static const uint8_t get_random_4[] = { 0x80, 0x01, 0, 0, 0, 12, 0, 0, 0x01, 0x7b, 0, 4 };
static const uint8_t get_random_16[] = { 0x80, 0x01, 0, 0, 0, 12, 0, 0, 0x01, 0x7b, 0, 16 };

/* Take locality loc and run cmd there. */
static uint32_t run_at(unsigned int loc, const uint8_t *cmd, uint32_t len, uint8_t *rsp,
		       uint32_t *n)
{
	open_locality(loc);
	return run(loc, cmd, len, rsp, n);
}

TEST(swtpm_get_random_through_crb)
{
	uint8_t rsp[TPM_CRB_DATA_SIZE];
	uint32_t n = 0;

	CHECK_EQ(run_at(0, get_random_16, sizeof(get_random_16), rsp, &n), TPM_FFA_OK);
	CHECK_EQ(tpm2_rsp_code(rsp, n), 0);
	CHECK_EQ(n, 10 + 2 + 16);
	CHECK_EQ(rd(0, TPM_CRB_CTRL_START), 0);
	CHECK_EQ(rd(0, TPM_CRB_CTRL_STS), 0);
	wr(0, TPM_CRB_CTRL_REQ, TPM_CRB_CTRL_REQ_GO_IDLE);
	CHECK_EQ(start(TPM_FFA_START_COMMAND, 0), TPM_FFA_OK);
	CHECK_EQ(rd(0, TPM_CRB_CTRL_STS), TPM_CRB_CTRL_STS_IDLE);
}

TEST(swtpm_locality_3_command)
{
	uint8_t rsp[TPM_CRB_DATA_SIZE];
	uint32_t n = 0;

	CHECK_EQ(run_at(3, get_random_4, sizeof(get_random_4), rsp, &n), TPM_FFA_OK);
	CHECK_EQ(tpm2_rsp_code(rsp, n), 0);
}

TEST_NEG(swtpm_bad_input_leaves_service_working)
{
	uint8_t big[16] = { 0x80, 0x01, 0, 0, 0x0f, 0x81, 0, 0, 0x01, 0x7b };
	uint8_t rsp[TPM_CRB_DATA_SIZE];
	uint32_t n = 0;

	open_locality(0);
	CHECK_EQ(start(TPM_FFA_START_COMMAND, 5), TPM_FFA_INVARG);
	CHECK_EQ(start(TPM_FFA_START_LOCALITY, 5), TPM_FFA_INVARG);
	CHECK_EQ(start(TPM_FFA_START_COMMAND, 0), TPM_FFA_INV_CRB_CTRL_DATA);
	CHECK_EQ(run(0, big, sizeof(big), NULL, NULL), TPM_FFA_INV_CRB_CTRL_DATA);
	CHECK_EQ(rd(0, TPM_CRB_CTRL_START), 0);
	CHECK_EQ(run(0, get_random_4, sizeof(get_random_4), rsp, &n), TPM_FFA_OK);
	CHECK_EQ(tpm2_rsp_code(rsp, n), 0);
}

TEST_NEG(swtpm_malformed_command_gets_tpm_error)
{
	/* A bad tag is the TPM's to reject: a normal response, not fatal. */
	static const uint8_t cmd[] = { 0x12, 0x34, 0, 0, 0, 12, 0, 0, 0x01, 0x7b, 0, 4 };
	uint8_t rsp[TPM_CRB_DATA_SIZE];
	uint32_t n = 0;

	open_locality(0);
	CHECK_EQ(run(0, cmd, sizeof(cmd), rsp, &n), TPM_FFA_OK);
	CHECK(tpm2_rsp_code(rsp, n) != 0);
	CHECK_EQ(rd(0, TPM_CRB_CTRL_STS) & TPM_CRB_CTRL_STS_FATAL, 0);
}

TEST_NEG(swtpm_command_while_idle_denied)
{

	wr(0, TPM_CRB_LOC_CTRL, TPM_CRB_LOC_CTRL_REQUEST);
	CHECK_EQ(start(TPM_FFA_START_LOCALITY, 0), TPM_FFA_OK);
	CHECK_EQ(run(0, get_random_4, sizeof(get_random_4), NULL, NULL), TPM_FFA_DENIED);
	CHECK_EQ(rd(0, TPM_CRB_CTRL_START), 0);
}
