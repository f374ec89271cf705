/* SPDX-License-Identifier: MIT */
/*
 * The variable store's flash: PLAT_VARSTORE_SIZE bytes at PLAT_VARSTORE_BASE
 * in QEMU virt's first flash bank (`-drive if=pflash,unit=0`), which with
 * secure=on only the secure world can reach; the firmware image sits below
 * it in the same bank. CFI Intel/Sharp command set (0x0001/0x0003 family as
 * QEMU's pflash_cfi01 implements it), 32-bit bank, 256 KiB erase blocks.
 */
#ifndef FW_QEMU_VIRT_PFLASH_H
#define FW_QEMU_VIRT_PFLASH_H

#include "services/uefivar/store.h"

#include "fw/qemu-virt/platform.h"

#define PFLASH_ERASE_SIZE 0x40000u           /* QEMU virt's sector size */
#define PFLASH_STORE_SIZE PLAT_VARSTORE_SIZE
_Static_assert(PLAT_VARSTORE_SIZE == 2u * PFLASH_ERASE_SIZE && PLAT_VARSTORE_BASE % 0x40000u == 0,
	       "the store is two whole sectors");

/* 0 when a CFI flash answers at the store, else -1. */
int pflash_probe(void);
/* 1 when the store region reads as all zeros (a new sparse file, or no
 * -drive at all: QEMU then backs the bank with zeroed RAM). */
int pflash_blank(void);
const struct uv_flash *pflash_store(void);

#endif /* FW_QEMU_VIRT_PFLASH_H */
