// SPDX-License-Identifier: MIT
#include "tests/tpm/replay.h"

#include <string.h>

#include "services/tpm/eventlog.h"

static uint32_t le32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

int replay_log(const uint8_t *log, uint32_t len, uint8_t pcr[24][SHA256_DIGEST_SIZE])
{
	uint32_t off, n = 0;

	memset(pcr, 0, 24 * SHA256_DIGEST_SIZE);
	if (len < TCG2_LOG_HEADER_SIZE || le32(log + 4) != TCG_EV_NO_ACTION ||
	    le32(log + 28) != TCG2_LOG_HEADER_SIZE - 32u || memcmp(log + 32, "Spec ID Event03", 16))
		return -1;
	off = TCG2_LOG_HEADER_SIZE;
	while (len - off >= TCG2_LOG_EVENT_SIZE(0)) {
		const uint8_t *e = log + off;
		uint32_t idx = le32(e), type = le32(e + 4), size = le32(e + 46);
		struct sha256 s;

		if (type == 0 && idx == 0 && le32(e + 8) == 0)
			break;   /* zero fill: end of log */
		if (idx >= 24 || le32(e + 8) != 1 || (e[12] | e[13] << 8) != TPM2_ALG_SHA256 ||
		    size > len - off - TCG2_LOG_EVENT_SIZE(0))
			return -1;
		sha256_init(&s);
		sha256_update(&s, pcr[idx], SHA256_DIGEST_SIZE);
		sha256_update(&s, e + 14, SHA256_DIGEST_SIZE);
		sha256_final(&s, pcr[idx]);
		off += TCG2_LOG_EVENT_SIZE(size);
		n++;
	}
	return (int)n;
}

void boot_aggregate(uint8_t pcr[24][SHA256_DIGEST_SIZE], uint8_t out[SHA256_DIGEST_SIZE])
{
	struct sha256 s;

	sha256_init(&s);
	for (unsigned int i = 0; i < 10; i++)
		sha256_update(&s, pcr[i], SHA256_DIGEST_SIZE);
	sha256_final(&s, out);
}
