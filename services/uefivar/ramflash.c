// SPDX-License-Identifier: MIT
#include "services/uefivar/ramflash.h"

#include "ffa/codec.h"

static int in_range(const struct uv_ram *r, uint32_t off, uint32_t len)
{
	return off <= r->fl.size && len <= r->fl.size - off;
}

static int ram_read(void *ctx, uint32_t off, void *buf, uint32_t len)
{
	struct uv_ram *r = ctx;

	if (!in_range(r, off, len))
		return -1;
	ffa_memcpy(buf, r->mem + off, len);
	return 0;
}

static int ram_program(void *ctx, uint32_t off, const void *buf, uint32_t len)
{
	struct uv_ram *r = ctx;
	const uint8_t *b = buf;

	if (!in_range(r, off, len))
		return -1;
	for (uint32_t i = 0; i < len; i++)
		r->mem[off + i] &= b[i];
	return 0;
}

static int ram_erase(void *ctx, uint32_t off)
{
	struct uv_ram *r = ctx;

	if (off % r->fl.erase_size || !in_range(r, off, r->fl.erase_size))
		return -1;
	ffa_memset(r->mem + off, 0xff, r->fl.erase_size);
	return 0;
}

void uv_ram_init(struct uv_ram *r, uint8_t *mem, uint32_t size, uint32_t erase_size)
{
	r->mem = mem;
	r->fl.ctx = r;
	r->fl.size = size;
	r->fl.erase_size = erase_size;
	r->fl.read = ram_read;
	r->fl.program = ram_program;
	r->fl.erase = ram_erase;
}
