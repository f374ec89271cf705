/* SPDX-License-Identifier: MIT */
/*
 * RAM that behaves like NOR flash, for the volatile-variable store: the same
 * store code serves both, so volatile variables get the same semantics.
 */
#ifndef SERVICES_UEFIVAR_RAMFLASH_H
#define SERVICES_UEFIVAR_RAMFLASH_H

#include <stdint.h>

#include "services/uefivar/store.h"

struct uv_ram {
	uint8_t *mem;
	struct uv_flash fl;
};

/* mem: size bytes (two banks of erase_size multiples), starts unformatted. */
void uv_ram_init(struct uv_ram *r, uint8_t *mem, uint32_t size, uint32_t erase_size);

#endif /* SERVICES_UEFIVAR_RAMFLASH_H */
