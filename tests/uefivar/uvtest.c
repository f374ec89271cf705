// SPDX-License-Identifier: MIT
#include "tests/uefivar/uvtest.h"

#include <stdio.h>

const uint8_t uvt_guid[16] = { 0x8b, 0xe4, 0xdf, 0x61, 0x93, 0xca, 0x11, 0xd2,
			       0xaa, 0x0d, 0x00, 0xe0, 0x98, 0x03, 0x2b, 0x8c };

uint32_t uvt_ucs2(uint8_t *out, const char *s)
{
	uint32_t n = 0;

	do {
		out[n++] = (uint8_t)*s;
		out[n++] = 0;
	} while (*s++);
	return n;
}

void uvt_key(struct uv_key *k, uint8_t *buf, int n)
{
	char ascii[16];

	snprintf(ascii, sizeof(ascii), "Var%d", n);
	k->guid = uvt_guid;
	k->name = buf;
	k->name_size = uvt_ucs2(buf, ascii);
}

int uvt_flash(struct uvf *f, const char *path, bool create)
{
	return uvf_open(f, path, UVT_FLASH_SIZE, UVT_ERASE_SIZE, create);
}
