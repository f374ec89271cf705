/* SPDX-License-Identifier: MIT */
/* Helpers shared by the uefivar suites. */
#ifndef TESTS_UEFIVAR_UVTEST_H
#define TESTS_UEFIVAR_UVTEST_H

#include <stdbool.h>
#include <stdint.h>

#include "host/uvflash/uvflash.h"
#include "services/uefivar/store.h"

/* The tiny flash of the store tests: 2 banks of 2 KiB in 512-byte blocks,
 * so a few variables force garbage collection. */
#define UVT_FLASH_SIZE 4096u
#define UVT_ERASE_SIZE 512u
#define UVT_NAME_BUF   32

extern const uint8_t uvt_guid[16];

/* Key of test variable n: uvt_guid, name "Var<n>" in UCS-2 (in buf). */
void uvt_key(struct uv_key *k, uint8_t *buf, int n);
/* UCS-2 of an ASCII string with its NUL; returns the byte size. */
uint32_t uvt_ucs2(uint8_t *out, const char *s);
int uvt_flash(struct uvf *f, const char *path, bool create);

#endif /* TESTS_UEFIVAR_UVTEST_H */
