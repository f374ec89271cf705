// SPDX-License-Identifier: MIT
/*
 * CFI flash programming for the variable store (pflash.h). Every access is
 * 32 bits wide, the bank's width: QEMU's pflash takes the command from the
 * low byte, and two interleaved 16-bit devices would need it in each half,
 * so commands are written replicated. After each program or erase the bank
 * goes back to read-array mode, where reads are plain memory reads.
 */
#include "fw/qemu-virt/pflash.h"

#include "fw/qemu-virt/fw.h"
#include "fw/qemu-virt/sysreg.h"

#define CMD(c) ((uint32_t)(c) * 0x00010001u)
#define CFI_READ_ARRAY 0xffu
#define CFI_READ_STATUS 0x70u
#define CFI_PROGRAM 0x40u
#define CFI_ERASE 0x20u
#define CFI_CONFIRM 0xd0u
#define CFI_CLEAR_STATUS 0x50u
#define SR_READY 0x80u
#define SR_ERRORS 0x3au  /* erase, program, VPP, lock */
#define POLL_MAX 1000000u

static uintptr_t addr(uint32_t off)
{
	return (uintptr_t)PLAT_VARSTORE_BASE + off;
}

static int wait_ready(uint32_t off)
{
	for (uint32_t i = 0; i < POLL_MAX; i++) {
		uint32_t sr = mmio_read32(addr(off));

		if (!(sr & SR_READY))
			continue;
		if (sr & SR_ERRORS) {
			mmio_write32(addr(off), CMD(CFI_CLEAR_STATUS));
			mmio_write32(addr(off), CMD(CFI_READ_ARRAY));
			return -1;
		}
		mmio_write32(addr(off), CMD(CFI_READ_ARRAY));
		return 0;
	}
	mmio_write32(addr(off), CMD(CFI_READ_ARRAY));
	return -1;
}

static int pf_read(void *ctx, uint32_t off, void *buf, uint32_t len)
{
	uint8_t *b = buf;

	(void)ctx;
	if (off > PFLASH_STORE_SIZE || len > PFLASH_STORE_SIZE - off)
		return -1;
	for (uint32_t i = 0; i < len; i++)
		b[i] = mmio_read8(addr(off + i));
	return 0;
}

static int pf_program(void *ctx, uint32_t off, const void *buf, uint32_t len)
{
	const uint8_t *b = buf;

	(void)ctx;
	if (off > PFLASH_STORE_SIZE || len > PFLASH_STORE_SIZE - off || (off | len) & 3u)
		return -1;
	for (uint32_t i = 0; i < len; i += 4u) {
		uint32_t w = (uint32_t)b[i] | (uint32_t)b[i + 1] << 8 | (uint32_t)b[i + 2] << 16 |
			     (uint32_t)b[i + 3] << 24;

		/* Nothing to clear: skip (QEMU writes the file per program). */
		if (w == 0xffffffffu)
			continue;
		mmio_write32(addr(off + i), CMD(CFI_PROGRAM));
		mmio_write32(addr(off + i), w);
		if (wait_ready(off + i))
			return -1;
	}
	return 0;
}

static int pf_erase(void *ctx, uint32_t off)
{
	(void)ctx;
	if (off % PFLASH_ERASE_SIZE || off >= PFLASH_STORE_SIZE)
		return -1;
	mmio_write32(addr(off), CMD(CFI_ERASE));
	mmio_write32(addr(off), CMD(CFI_CONFIRM));
	return wait_ready(off);
}

/*
 * The CFI query table answers only at the start of the bank, where the
 * firmware image is mapped read-only; the status register answers at any
 * address: "ready" in both halves means CFI flash (plain memory would read
 * back the store's own bytes; bank 0 of this machine is always a pflash).
 */
int pflash_probe(void)
{
	uint32_t sr;

	mmio_write32(addr(0), CMD(CFI_READ_STATUS));
	sr = mmio_read32(addr(0));
	/* Clearing leftover error bits also returns to read-array mode. */
	mmio_write32(addr(0), CMD(CFI_CLEAR_STATUS));
	mmio_write32(addr(0), CMD(CFI_READ_ARRAY));
	return (sr & CMD(SR_READY)) == CMD(SR_READY) ? 0 : -1;
}

int pflash_blank(void)
{
	for (uint32_t o = 0; o < PFLASH_STORE_SIZE; o += 4u)
		if (mmio_read32(addr(o)))
			return 0;
	return 1;
}

const struct uv_flash *pflash_store(void)
{
	static const struct uv_flash fl = {
		.ctx = 0, .size = PFLASH_STORE_SIZE, .erase_size = PFLASH_ERASE_SIZE,
		.read = pf_read, .program = pf_program, .erase = pf_erase,
	};

	return &fl;
}
