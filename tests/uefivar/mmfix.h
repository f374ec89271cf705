/* SPDX-License-Identifier: MIT */
/* Fixture of the MM/semantics suite: a partition over a hosted flash file
 * and a shared buffer in host memory at a fake physical address. */
#ifndef TESTS_UEFIVAR_MMFIX_H
#define TESTS_UEFIVAR_MMFIX_H

#include <stdint.h>

#include "services/mm_var.h"
#include "services/uefivar/uefivar.h"
#include "tests/uefivar/uvtest.h"

#define MMF_PA 0x88000000ull
#define MMF_BUF_SIZE (64u * 1024u)
#define MMF_NV_SIZE (64u * 1024u)
#define MMF_NV_ERASE 4096u

extern struct uv_sp mmf_sp;
extern uint8_t mmf_buf[MMF_BUF_SIZE];
extern struct uvf mmf_flash;
extern const uint8_t mmf_guid2[16];

/* Re-create the partition over the same flash file, as after a reboot. */
void mmf_reboot(void);
/* Partition without flash (no pflash unit). */
void mmf_no_flash(void);

/* Write an MM message (var GUID, func, payload) at off; returns the
 * payload pointer in the buffer (after the SMM variable header). */
uint8_t *mmf_msg(uint64_t off, uint64_t func, const void *payload, uint64_t plen);
/* The ReturnStatus of the message at off, and its MessageLength. */
uint64_t mmf_status(uint64_t off);
uint64_t mmf_msglen(uint64_t off);

/* High-level calls at offset 0; each asserts the MM return code is 0. */
uint64_t mmf_set(const uint8_t *guid, const char *name, uint32_t attr, const void *data,
		 uint64_t dsz);
uint64_t mmf_get(const uint8_t *guid, const char *name, uint32_t *attr, void *data,
		 uint64_t *dsz);
/* GET_NEXT from (guid, name) with a NameSize buffer of nsz bytes; the next
 * name comes back in ASCII in out (when it fits). */
uint64_t mmf_next(uint8_t *guid, const char *name, uint64_t nsz, char *out, uint64_t *nsz_out);
uint64_t mmf_simple(uint64_t func);   /* READY_TO_BOOT etc. */

#endif /* TESTS_UEFIVAR_MMFIX_H */
