/* SPDX-License-Identifier: MIT */
#include "tests/client/fake.h"

#include <string.h>

static uint8_t *fake_ptr(void *ctx, uint64_t pa, uint64_t size)
{
	struct fake *f = ctx;

	if (pa < FAKE_BASE || size > sizeof(f->mem) || pa - FAKE_BASE > sizeof(f->mem) - size)
		return NULL;
	return f->mem + (pa - FAKE_BASE);
}

static void fake_call(void *ctx, struct ffa_regs *r)
{
	struct fake *f = ctx;
	uint32_t fid = (uint32_t)r->x[0];

	f->calls++;
	f->count[FFA_FN_NUM(fid) & 0xFFu]++;
	if (f->script && f->script(f, r))
		return;
	switch (fid) {
	case FFA_VERSION:
		ffa_regs_clear(r);
		r->x[0] = f->version;
		return;
	case FFA_ID_GET:
		ffa_set_success32(r, 0, 0);
		return;
	case FFA_RXTX_MAP_64:
	case FFA_RXTX_UNMAP:
	case FFA_RX_RELEASE:
	case FFA_MEM_RECLAIM:
		ffa_set_success32(r, 0, 0);
		return;
	default:
		ffa_set_error(r, FFA_RET_NOT_SUPPORTED);
		return;
	}
}

void fake_setup(struct fake *f, struct ffa_client *c, bool map)
{
	memset(f, 0, sizeof(*f));
	f->version = FFA_VERSION_1_2;
	ffa_client_init(c, fake_call, fake_ptr, f);
	if (ffa_client_negotiate(c, FFA_VERSION_1_2))
		return;
	if (map)
		(void)ffa_client_map_rxtx(c, FAKE_TX_PA, FAKE_RX_PA, 1);
}

uint32_t fake_count(const struct fake *f, uint32_t fid)
{
	return f->count[FFA_FN_NUM(fid) & 0xFFu];
}

uint8_t *fake_rx(struct fake *f)
{
	return f->mem + (FAKE_RX_PA - FAKE_BASE);
}

uint8_t *fake_tx(struct fake *f)
{
	return f->mem + (FAKE_TX_PA - FAKE_BASE);
}
