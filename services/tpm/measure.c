// SPDX-License-Identifier: MIT
/*
 * Measured boot over a TPM backend (see measure.h). Every measurement is
 * extended before it is logged, so a log entry always stands for a PCR
 * change that happened.
 */
#include "common/byteorder.h"
#include "services/tpm/measure.h"

#define PW_SESSION_SIZE 9u  /* handle(4) nonce(2) attributes(1) hmac(2) */

static void header(uint8_t *b, uint16_t tag, uint32_t size, uint32_t cc)
{
	store_be16(b, tag);
	store_be32(b + 2, size);
	store_be32(b + 6, cc);
}

uint32_t tpm2_cmd_startup(uint8_t *buf, uint32_t cap, uint16_t type)
{
	if (cap < 12u)
		return 0;
	header(buf, TPM2_ST_NO_SESSIONS, 12u, TPM2_CC_STARTUP);
	store_be16(buf + 10, type);
	return 12u;
}

uint32_t tpm2_cmd_pcr_extend(uint8_t *buf, uint32_t cap, uint32_t pcr,
			     const uint8_t digest[SHA256_DIGEST_SIZE])
{
	/* header, pcrHandle, authorization size + password session,
	 * TPML_DIGEST_VALUES with one SHA-256 digest */
	const uint32_t size = 10u + 4u + 4u + PW_SESSION_SIZE + 4u + 2u + SHA256_DIGEST_SIZE;
	uint8_t *p = buf + 10;

	if (cap < size || pcr >= TPM2_PCR_COUNT)
		return 0;
	header(buf, TPM2_ST_SESSIONS, size, TPM2_CC_PCR_EXTEND);
	store_be32(p, pcr);
	store_be32(p + 4, PW_SESSION_SIZE);
	store_be32(p + 8, TPM2_RS_PW);
	store_be16(p + 12, 0);    /* nonce */
	p[14] = 0;          /* session attributes */
	store_be16(p + 15, 0);    /* empty password */
	store_be32(p + 17, 1);
	store_be16(p + 21, TPM2_ALG_SHA256);
	for (uint32_t i = 0; i < SHA256_DIGEST_SIZE; i++)
		p[23 + i] = digest[i];
	return size;
}

uint32_t tpm2_cmd_pcr_read(uint8_t *buf, uint32_t cap, uint32_t pcr)
{
	const uint32_t size = 10u + 4u + 2u + 1u + 3u;

	if (cap < size || pcr >= TPM2_PCR_COUNT)
		return 0;
	header(buf, TPM2_ST_NO_SESSIONS, size, TPM2_CC_PCR_READ);
	store_be32(buf + 10, 1);
	store_be16(buf + 14, TPM2_ALG_SHA256);
	buf[16] = 3;
	buf[17] = buf[18] = buf[19] = 0;
	buf[17 + pcr / 8u] = (uint8_t)(1u << (pcr % 8u));
	return size;
}

int64_t tpm2_rsp_code(const uint8_t *rsp, uint32_t len)
{
	if (len < TPM2_HEADER_SIZE || load_be32(rsp + 2) != len)
		return -1;
	return load_be32(rsp + 6);
}

int tpm2_rsp_pcr_read(const uint8_t *rsp, uint32_t len, uint8_t out[SHA256_DIGEST_SIZE])
{
	/* header, update counter, TPML_PCR_SELECTION (count, alg, size, map),
	 * TPML_DIGEST count, TPM2B_DIGEST size + bytes */
	uint32_t off = 10u + 4u, sel_size;

	if (tpm2_rsp_code(rsp, len) != TPM2_RC_SUCCESS || len < off + 4u + 3u)
		return -1;
	if (load_be32(rsp + off) != 1u)
		return -1;
	sel_size = rsp[off + 6u];
	off += 7u;
	if (sel_size > 4u || len - off < sel_size + 4u + 2u)
		return -1;
	off += sel_size;
	if (load_be32(rsp + off) != 1u)
		return -1;
	off += 4u;
	if (((uint32_t)rsp[off] << 8 | rsp[off + 1u]) != SHA256_DIGEST_SIZE ||
	    len - off - 2u < SHA256_DIGEST_SIZE)
		return -1;
	for (uint32_t i = 0; i < SHA256_DIGEST_SIZE; i++)
		out[i] = rsp[off + 2u + i];
	return 0;
}

/* One command at locality 0; MEASURED_BOOT_ERR_TPM with last_rc for a TPM error. */
static int run(struct measured_boot *m, uint32_t len, uint32_t ok_rc)
{
	uint32_t rsp_len = 0;
	int64_t rc;

	if (!len)
		return MEASURED_BOOT_ERR_ARG;
	if (m->be->submit(m->be->ctx, 0, m->cmd, len, m->rsp, sizeof(m->rsp), &rsp_len))
		return MEASURED_BOOT_ERR_DEVICE;
	rc = tpm2_rsp_code(m->rsp, rsp_len);
	if (rc < 0)
		return MEASURED_BOOT_ERR_DEVICE;
	m->last_rc = (uint32_t)rc;
	if (rc != TPM2_RC_SUCCESS && rc != ok_rc)
		return MEASURED_BOOT_ERR_TPM;
	return MEASURED_BOOT_OK;
}

int measured_boot_start(struct measured_boot *m, const struct tpm_backend *be,
	     volatile uint8_t *log, uint32_t log_cap)
{
	m->be = be;
	m->last_rc = 0;
	if (tcg2_log_init(&m->log, log, log_cap))
		return MEASURED_BOOT_ERR_LOG;
	return run(m, tpm2_cmd_startup(m->cmd, sizeof(m->cmd), TPM2_SU_CLEAR),
		   TPM2_RC_INITIALIZE);
}

static uint32_t str_len(const char *s)
{
	uint32_t n = 0;

	while (s[n])
		n++;
	return n;
}

static int extend_and_log(struct measured_boot *m, uint32_t pcr, uint32_t type,
			  const uint8_t digest[SHA256_DIGEST_SIZE], const void *data,
			  uint32_t len)
{
	int err;

	/* Room in the log first: an extend without its entry breaks replay. */
	if (TCG2_LOG_EVENT_SIZE(len) > m->log.cap - m->log.len)
		return MEASURED_BOOT_ERR_LOG;
	err = run(m, tpm2_cmd_pcr_extend(m->cmd, sizeof(m->cmd), pcr, digest), TPM2_RC_SUCCESS);
	if (err)
		return err;
	return tcg2_log_add(&m->log, pcr, type, digest, data, len) ? MEASURED_BOOT_ERR_LOG : MEASURED_BOOT_OK;
}

int measured_boot_measure(struct measured_boot *m, uint32_t pcr, uint32_t type, const void *data,
	       size_t len, const char *desc)
{
	uint8_t d[SHA256_DIGEST_SIZE];

	if (pcr >= TPM2_PCR_COUNT || !desc)
		return MEASURED_BOOT_ERR_ARG;
	sha256(data, len, d);
	return extend_and_log(m, pcr, type, d, desc, str_len(desc));
}

int measured_boot_separators(struct measured_boot *m, uint32_t first, uint32_t last)
{
	static const uint8_t zero[4];
	uint8_t d[SHA256_DIGEST_SIZE];

	if (first > last || last >= TPM2_PCR_COUNT)
		return MEASURED_BOOT_ERR_ARG;
	sha256(zero, sizeof(zero), d);
	for (uint32_t pcr = first; pcr <= last; pcr++) {
		int err = extend_and_log(m, pcr, TCG_EV_SEPARATOR, d, zero, sizeof(zero));

		if (err)
			return err;
	}
	return MEASURED_BOOT_OK;
}

const char *measured_boot_strerror(int err)
{
	switch (err) {
	case MEASURED_BOOT_OK:
		return "ok";
	case MEASURED_BOOT_ERR_DEVICE:
		return "the TPM did not answer";
	case MEASURED_BOOT_ERR_TPM:
		return "the TPM returned an error";
	case MEASURED_BOOT_ERR_LOG:
		return "the event log is full";
	default:
		return "bad argument";
	}
}
