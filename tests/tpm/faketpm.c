// SPDX-License-Identifier: MIT
#include "tests/tpm/faketpm.h"

#include <string.h>

#include "services/tpm/measure.h"

static uint32_t rd32(const uint8_t *b)
{
	return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

static void wr32(uint8_t *b, uint32_t v)
{
	b[0] = (uint8_t)(v >> 24);
	b[1] = (uint8_t)(v >> 16);
	b[2] = (uint8_t)(v >> 8);
	b[3] = (uint8_t)v;
}

static uint32_t reply(uint8_t *rsp, uint16_t tag, uint32_t rc, uint32_t len)
{
	rsp[0] = (uint8_t)(tag >> 8);
	rsp[1] = (uint8_t)tag;
	wr32(rsp + 2, len);
	wr32(rsp + 6, rc);
	return len;
}

void faketpm_reset(struct faketpm *t)
{
	memset(t, 0, sizeof(*t));
}

static uint32_t extend(struct faketpm *t, const uint8_t *cmd, uint32_t len, uint8_t *rsp)
{
	uint32_t pcr, auth;
	struct sha256 s;

	if (len != 65u)
		return reply(rsp, TPM2_ST_NO_SESSIONS, 0x095u /* RC_SIZE */, 10u);
	pcr = rd32(cmd + 10);
	auth = rd32(cmd + 14);
	if (pcr >= 24u || auth != 9u || rd32(cmd + 18) != TPM2_RS_PW || rd32(cmd + 27) != 1u)
		return reply(rsp, TPM2_ST_NO_SESSIONS, 0x1c4u /* RC_VALUE */, 10u);
	sha256_init(&s);
	sha256_update(&s, t->pcr[pcr], SHA256_DIGEST_SIZE);
	sha256_update(&s, cmd + 33, SHA256_DIGEST_SIZE);
	sha256_final(&s, t->pcr[pcr]);
	/* header, parameterSize, the password session's response (5 bytes) */
	wr32(rsp + 10, 0);
	memset(rsp + 14, 0, 5);
	rsp[16] = 1; /* continueSession */
	return reply(rsp, TPM2_ST_SESSIONS, 0, 19u);
}

static uint32_t pcr_read(struct faketpm *t, const uint8_t *cmd, uint32_t len, uint8_t *rsp)
{
	int pcr = -1;

	if (len != 20u || rd32(cmd + 10) != 1u || cmd[16] != 3u)
		return reply(rsp, TPM2_ST_NO_SESSIONS, 0x1c4u, 10u);
	for (int i = 0; i < 24; i++)
		if (cmd[17 + i / 8] & (1u << (i % 8)))
			pcr = pcr < 0 ? i : 99;
	if (pcr < 0 || pcr > 23)
		return reply(rsp, TPM2_ST_NO_SESSIONS, 0x1c4u, 10u);
	wr32(rsp + 10, 7);         /* update counter */
	memcpy(rsp + 14, cmd + 10, 10);  /* the selection, echoed */
	wr32(rsp + 24, 1);
	rsp[28] = 0;
	rsp[29] = SHA256_DIGEST_SIZE;
	memcpy(rsp + 30, t->pcr[pcr], SHA256_DIGEST_SIZE);
	return reply(rsp, TPM2_ST_NO_SESSIONS, 0, 30u + SHA256_DIGEST_SIZE);
}

int faketpm_submit(void *ctx, unsigned int locality, const uint8_t *cmd, uint32_t len,
		   uint8_t *rsp, uint32_t cap, uint32_t *rsp_len)
{
	struct faketpm *t = ctx;
	uint32_t n;

	t->calls++;
	t->last_locality = locality;
	t->last_len = len;
	memcpy(t->last_cmd, cmd, len < sizeof(t->last_cmd) ? len : sizeof(t->last_cmd));
	if (t->fail || cap < 128u)
		return -1;
	if (t->reply_len) {
		n = t->reply_len <= cap ? t->reply_len : cap;
		memset(rsp, 0xa5, n);
		reply(rsp, TPM2_ST_NO_SESSIONS, 0, n);
	} else if (rd32(cmd + 6) == TPM2_CC_STARTUP) {
		n = reply(rsp, TPM2_ST_NO_SESSIONS, t->started ? TPM2_RC_INITIALIZE : 0, 10u);
		if (!t->started)
			memset(t->pcr, 0, sizeof(t->pcr));
		t->started = true;
	} else if (!t->started) {
		n = reply(rsp, TPM2_ST_NO_SESSIONS, TPM2_RC_INITIALIZE, 10u);
	} else if (rd32(cmd + 6) == TPM2_CC_PCR_EXTEND) {
		n = extend(t, cmd, len, rsp);
	} else if (rd32(cmd + 6) == TPM2_CC_PCR_READ) {
		n = pcr_read(t, cmd, len, rsp);
	} else {
		n = reply(rsp, TPM2_ST_NO_SESSIONS, FAKETPM_RC_COMMAND_CODE, 10u);
	}
	if (t->bad_size)
		wr32(rsp + 2, n + 1u);
	*rsp_len = n;
	return 0;
}

void faketpm_backend(struct faketpm *t, struct tpm_backend *be)
{
	be->ctx = t;
	be->submit = faketpm_submit;
}
