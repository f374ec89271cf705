/* SPDX-License-Identifier: MIT */
/*
 * QEMU virt's second flash bank (0x04000000, 64 MiB, `-drive if=pflash,
 * unit=1`) as the variable store's flash: CFI Intel/Sharp command set
 * (0x0001/0x0003 family as QEMU's pflash_cfi01 implements it), 32-bit bank,
 * 256 KiB erase blocks. Only the first PFLASH_STORE_SIZE bytes are used.
 */
#ifndef FW_QEMU_VIRT_PFLASH_H
#define FW_QEMU_VIRT_PFLASH_H

#include "services/uefivar/store.h"

#define PFLASH1_BASE 0x04000000u
#define PFLASH1_SIZE 0x04000000u
#define PFLASH_ERASE_SIZE 0x40000u           /* QEMU virt's sector size */
#define PFLASH_STORE_SIZE (2u * PFLASH_ERASE_SIZE)

/* 0 when a CFI flash answers the query at PFLASH1_BASE, else -1. */
int pflash_probe(void);
/* 1 when the store region reads as all zeros (a new sparse file, or no
 * -drive at all: QEMU then backs the bank with zeroed RAM). */
int pflash_blank(void);
const struct uv_flash *pflash_store(void);

#endif /* FW_QEMU_VIRT_PFLASH_H */
