// SPDX-License-Identifier: MIT
/*
 * Fuzz target: the UEFI variable partition's MM message parser and the
 * variable semantics behind it (services/uefivar), over a RAM flash that
 * starts empty for every input. The input is a sequence of messages, each
 * written into the shared buffer (an allocation of exactly its size, so any
 * access past it is an ASan report) and handled at a chosen offset:
 *   off-u16 len-u16 how bytes[len]
 * how bit 0: handle at a raw u64 offset that follows instead of off. After
 * each message the MM return code must be one the protocol defines.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "services/mm_var.h"
#include "services/uefivar/ramflash.h"
#include "services/uefivar/uefivar.h"
#include "tests/fuzz/fz_input.h"

#define BUF_SIZE (16u * 1024u)
#define BUF_PA 0x50000000ull
#define NV_ERASE 4096u
#define NV_SIZE (4u * NV_ERASE)
#define MSGS_MAX 64u

static struct uv_sp sp;
static struct uv_ram nv;
static uint8_t nv_mem[NV_SIZE];
static uint8_t *buf;

static bool known_ret(int64_t r)
{
	return r == MM_RET_SUCCESS || r == MM_RET_NOT_SUPPORTED || r == MM_RET_INVALID_PARAMETER ||
	       r == MM_RET_DENIED || r == MM_RET_NO_MEMORY;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fz_in in = { data, size };

	if (!buf) {
		buf = malloc(BUF_SIZE);
		FZ_REQUIRE(buf != NULL, "out of memory");
	}
	memset(buf, 0, BUF_SIZE);
	memset(nv_mem, 0xff, sizeof(nv_mem));
	uv_ram_init(&nv, nv_mem, NV_SIZE, NV_ERASE);
	FZ_REQUIRE(uv_sp_init(&sp, &nv.fl, buf, BUF_PA, BUF_SIZE, NULL, NULL) == UV_OK,
		   "the partition does not start on an empty flash");
	for (unsigned int m = 0; fz_more(&in) && m < MSGS_MAX; m++) {
		uint16_t off = fz_u16(&in) % BUF_SIZE;
		uint16_t len = fz_u16(&in);
		uint8_t how = fz_u8(&in);
		uint64_t at = off;
		int64_t ret;

		for (uint32_t i = 0; i < len && fz_more(&in); i++)
			buf[(off + i) % BUF_SIZE] = fz_u8(&in);
		if (how & 1u)
			at = fz_u64(&in);
		ret = uv_mm_handle(&sp, at);
		FZ_REQUIRE(known_ret(ret), "unknown MM return code");
	}
	return 0;
}
