/* SPDX-License-Identifier: MIT */
/*
 * QEMU's fw_cfg device and the Linux loader built on it. The register
 * accesses go through struct fwcfg_io so the same code drives the real MMIO
 * device in the firmware and a fake device in the unit tests.
 *
 * Protocol facts used: a 16-bit big-endian selector picks an item; the data
 * register streams its bytes in order; item 0 reads "QEMU", item 1 (ID) has
 * bit 1 set when the DMA interface exists, and then the DMA register reads
 * "QEMU CFG". A DMA transfer is a 16-byte big-endian descriptor {control,
 * length, address} in guest (non-secure) RAM whose address is written to
 * the DMA register; the device clears control when done, or leaves the
 * error bit set.
 */
#ifndef FW_COMMON_FWCFG_H
#define FW_COMMON_FWCFG_H

#include <stdint.h>

#define FWCFG_SIGNATURE 0x0000u
#define FWCFG_ID 0x0001u
#define FWCFG_KERNEL_SIZE 0x0008u
#define FWCFG_INITRD_SIZE 0x000Bu
#define FWCFG_KERNEL_DATA 0x0011u
#define FWCFG_INITRD_DATA 0x0012u
#define FWCFG_CMDLINE_SIZE 0x0014u
#define FWCFG_CMDLINE_DATA 0x0015u
/* The file directory: a big-endian count, then 64-byte entries {size (BE
 * 32), selector (BE 16), reserved 16, name[56], NUL-terminated}. */
#define FWCFG_FILE_DIR 0x0019u
#define FWCFG_FILE_ENTRY_SIZE 64u
#define FWCFG_FILE_NAME_MAX 56u
/* More entries than QEMU could ever list: a corrupt directory. */
#define FWCFG_FILE_COUNT_MAX 4096u

#define FWCFG_ID_DMA (1u << 1)
#define FWCFG_DMA_SIGNATURE 0x51454D5520434647ull  /* "QEMU CFG" */

#define FWCFG_DMA_CTL_ERROR (1u << 0)
#define FWCFG_DMA_CTL_READ (1u << 1)
#define FWCFG_DMA_CTL_SKIP (1u << 2)
#define FWCFG_DMA_CTL_SELECT (1u << 3)
#define FWCFG_DMA_DESC_SIZE 16u
/* QEMU completes a transfer before the doorbell write returns; the bound
 * only turns a broken device into an error instead of a hang. */
#define FWCFG_DMA_POLL_LIMIT 10000000u

struct fwcfg_io {
	void *ctx;
	void (*select)(void *ctx, uint16_t key);
	uint8_t (*read8)(void *ctx);
	/* The DMA register read as a big-endian 64-bit number. */
	uint64_t (*dma_sig)(void *ctx);
	/* Write a descriptor's address to the DMA register (starts it). */
	void (*dma_start)(void *ctx, uint64_t desc_pa);
	/* Access to NS RAM [pa, pa + len), or NULL. */
	uint8_t *(*ns_map)(void *ctx, uint64_t pa, uint64_t len);
	uint64_t desc_pa;         /* 16 bytes of NS RAM for the descriptor */
};

enum fwcfg_error {
	FWCFG_ERR_ABSENT = -1,    /* no "QEMU" signature */
	FWCFG_ERR_NODMA = -2,     /* no DMA interface */
	FWCFG_ERR_DMA = -3,       /* transfer failed or never completed */
	FWCFG_ERR_MAP = -4,       /* descriptor or target not in NS RAM */
	FWCFG_ERR_NOFILE = -5,    /* no file of that name */
	FWCFG_ERR_SIZE = -6,      /* file larger than the caller's buffer */
	FWCFG_ERR_DIR = -7,       /* implausible file directory */
};

int fwcfg_probe(const struct fwcfg_io *io);
uint32_t fwcfg_read_u32(const struct fwcfg_io *io, uint16_t key);
/* Copy the first len bytes of item key to NS RAM at dst. */
/*
 * Read the fw_cfg file @name (e.g. "opt/ffa-stack/fault", given with QEMU's
 * -fw_cfg name=...,string=...) into @buf by PIO: 0 and its size in *@len,
 * or FWCFG_ERR_NOFILE, FWCFG_ERR_SIZE (larger than @max), FWCFG_ERR_DIR.
 */
int fwcfg_read_file(const struct fwcfg_io *io, const char *name, uint8_t *buf, uint32_t max,
		    uint32_t *len);
int fwcfg_dma_read(const struct fwcfg_io *io, uint16_t key, uint64_t dst, uint32_t len);

/* The arm64 Image header (Documentation/arch/arm64/booting: 64 bytes,
 * little-endian, magic "ARM\x64" at 56). */
#define ARM64_IMAGE_HEADER_SIZE 64u
#define ARM64_IMAGE_MAGIC 0x644D5241u

/* Where things go; all addresses are physical. */
struct boot_cfg {
	uint64_t ram_base;
	uint64_t ram_size;
	uint64_t kernel_base;     /* 2 MiB aligned; text_offset is added */
	uint64_t cmdline_pa;      /* scratch NS RAM for the command line */
	uint32_t cmdline_max;     /* its size, NUL included */
};

struct boot_plan {
	uint64_t kernel_load;     /* = entry point */
	uint64_t kernel_end;      /* load + max(file size, image_size) */
	uint64_t initrd_start;    /* 0 when there is no initrd */
	uint64_t initrd_end;
};

struct boot_info {
	struct boot_plan plan;
	uint32_t kernel_size;
	uint32_t initrd_size;
	uint32_t cmdline_size;    /* NUL included; 0 when none */
	const char *cmdline;      /* NUL-terminated copy in NS scratch, or NULL */
};

enum boot_error {
	BOOT_ERR_NOFWCFG = -10,
	BOOT_ERR_NODMA = -11,
	BOOT_ERR_NOKERNEL = -12,
	BOOT_ERR_NOTIMAGE = -13,
	BOOT_ERR_KERNEL_FIT = -14,
	BOOT_ERR_INITRD_FIT = -15,
	BOOT_ERR_CMDLINE = -16,
	BOOT_ERR_DMA = -17,
	BOOT_ERR_CFG = -18,
};

/* Parse the Image header: 0, or BOOT_ERR_NOTIMAGE. */
int boot_parse_image(const uint8_t *hdr, uint64_t file_size, uint64_t *text_offset,
		     uint64_t *image_size);
/* Lay out kernel and initrd in RAM, with every sum overflow-checked. */
int boot_plan_layout(const struct boot_cfg *cfg, uint64_t text_offset, uint64_t footprint,
		     uint64_t initrd_size, struct boot_plan *out);
/* Probe fw_cfg, load kernel, initrd and command line. */
int boot_load_linux(const struct fwcfg_io *io, const struct boot_cfg *cfg,
		    struct boot_info *out);
/* A message for the console that says what to do. */
const char *boot_strerror(int err);

#endif /* FW_COMMON_FWCFG_H */
