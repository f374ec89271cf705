// SPDX-License-Identifier: MIT
/*
 * fw_cfg access and the Linux loader (see fwcfg.h).
 */
#include "fw/common/fwcfg.h"

#include "fw/common/util.h"

/* Initrd placement: 2 MiB keeps it off the kernel's block mappings. */
#define INITRD_ALIGN (2ull << 20)

static void read_bytes(const struct fwcfg_io *io, uint16_t key, uint8_t *out, unsigned int n)
{
	io->select(io->ctx, key);
	for (unsigned int i = 0; i < n; i++)
		out[i] = io->read8(io->ctx);
}

int fwcfg_probe(const struct fwcfg_io *io)
{
	uint8_t b[4];

	read_bytes(io, FWCFG_SIGNATURE, b, 4);
	if (b[0] != 'Q' || b[1] != 'E' || b[2] != 'M' || b[3] != 'U')
		return FWCFG_ERR_ABSENT;
	read_bytes(io, FWCFG_ID, b, 4);
	if (!(load_le32(b) & FWCFG_ID_DMA) || io->dma_sig(io->ctx) != FWCFG_DMA_SIGNATURE)
		return FWCFG_ERR_NODMA;
	return 0;
}

uint32_t fwcfg_read_u32(const struct fwcfg_io *io, uint16_t key)
{
	uint8_t b[4];

	/* Integer items are little-endian. */
	read_bytes(io, key, b, 4);
	return load_le32(b);
}

static int name_is(const uint8_t *entry_name, const char *name)
{
	for (unsigned int i = 0; i < FWCFG_FILE_NAME_MAX; i++) {
		if ((char)entry_name[i] != name[i])
			return 0;
		if (!name[i])
			return 1;
	}
	/* An entry without a NUL in its 56 bytes names nothing. */
	return 0;
}

int fwcfg_read_file(const struct fwcfg_io *io, const char *name, uint8_t *buf, uint32_t max,
		    uint32_t *len)
{
	uint8_t e[FWCFG_FILE_ENTRY_SIZE];
	uint32_t count;

	read_bytes(io, FWCFG_FILE_DIR, e, 4);
	count = load_be32(e);
	if (count > FWCFG_FILE_COUNT_MAX)
		return FWCFG_ERR_DIR;
	/* The directory streams on from the count; the selector stays put. */
	for (uint32_t i = 0; i < count; i++) {
		uint32_t size;
		uint16_t key;

		for (unsigned int j = 0; j < FWCFG_FILE_ENTRY_SIZE; j++)
			e[j] = io->read8(io->ctx);
		if (!name_is(e + 8, name))
			continue;
		size = load_be32(e);
		key = (uint16_t)(e[4] << 8 | e[5]);
		if (size > max)
			return FWCFG_ERR_SIZE;
		read_bytes(io, key, buf, size);
		*len = size;
		return 0;
	}
	return FWCFG_ERR_NOFILE;
}

int fwcfg_dma_read(const struct fwcfg_io *io, uint16_t key, uint64_t dst, uint32_t len)
{
	uint8_t *d;

	if (len == 0)
		return 0;
	if (!io->ns_map(io->ctx, dst, len))
		return FWCFG_ERR_MAP;
	d = io->ns_map(io->ctx, io->desc_pa, FWCFG_DMA_DESC_SIZE);
	if (!d)
		return FWCFG_ERR_MAP;
	store_be32(d, (uint32_t)key << 16 | FWCFG_DMA_CTL_SELECT | FWCFG_DMA_CTL_READ);
	store_be32(d + 4, len);
	store_be64(d + 8, dst);
	fw_compiler_barrier();
	io->dma_start(io->ctx, io->desc_pa);
	for (uint32_t i = 0; i < FWCFG_DMA_POLL_LIMIT; i++) {
		uint32_t ctl;

		fw_compiler_barrier();
		ctl = load_be32(d);
		if (ctl & FWCFG_DMA_CTL_ERROR)
			return FWCFG_ERR_DMA;
		if (ctl == 0)
			return 0;
	}
	return FWCFG_ERR_DMA;
}

int boot_parse_image(const uint8_t *hdr, uint64_t file_size, uint64_t *text_offset,
		     uint64_t *image_size)
{
	if (file_size < ARM64_IMAGE_HEADER_SIZE || load_le32(hdr + 56) != ARM64_IMAGE_MAGIC)
		return BOOT_ERR_NOTIMAGE;
	*text_offset = load_le64(hdr + 8);
	*image_size = load_le64(hdr + 16);
	/* A text_offset beyond the 2 MiB alignment unit is not a real kernel. */
	if (*text_offset >= INITRD_ALIGN || (*text_offset & 0xFFFu))
		return BOOT_ERR_NOTIMAGE;
	/* image_size 0 comes from kernels before 3.17: the file is all we know. */
	if (*image_size < file_size)
		*image_size = file_size;
	return 0;
}

int boot_plan_layout(const struct boot_cfg *cfg, uint64_t text_offset, uint64_t footprint,
		     uint64_t initrd_size, struct boot_plan *out)
{
	uint64_t ram_end = cfg->ram_base + cfg->ram_size;
	uint64_t load = cfg->kernel_base + text_offset;

	ffa_memset(out, 0, sizeof(*out));
	if (ram_end < cfg->ram_base || cfg->kernel_base < cfg->ram_base ||
	    (cfg->kernel_base & (INITRD_ALIGN - 1)))
		return BOOT_ERR_CFG;
	if (load < cfg->kernel_base || footprint == 0 || load + footprint < load ||
	    load + footprint > ram_end)
		return BOOT_ERR_KERNEL_FIT;
	out->kernel_load = load;
	out->kernel_end = load + footprint;
	if (initrd_size == 0)
		return 0;
	if (!fw_align_up(out->kernel_end, INITRD_ALIGN, &out->initrd_start) ||
	    out->initrd_start + initrd_size < out->initrd_start ||
	    out->initrd_start + initrd_size > ram_end) {
		out->initrd_start = 0;
		return BOOT_ERR_INITRD_FIT;
	}
	out->initrd_end = out->initrd_start + initrd_size;
	return 0;
}

static int load_cmdline(const struct fwcfg_io *io, const struct boot_cfg *cfg,
			struct boot_info *out)
{
	uint32_t size = fwcfg_read_u32(io, FWCFG_CMDLINE_SIZE);
	char *p;

	if (size == 0)
		return 0;
	if (size > cfg->cmdline_max)
		return BOOT_ERR_CMDLINE;
	if (fwcfg_dma_read(io, FWCFG_CMDLINE_DATA, cfg->cmdline_pa, size))
		return BOOT_ERR_DMA;
	p = (char *)io->ns_map(io->ctx, cfg->cmdline_pa, size);
	if (!p)
		return BOOT_ERR_DMA;
	p[size - 1] = '\0';   /* whatever the device sent, it is a C string now */
	out->cmdline = p;
	out->cmdline_size = size;
	return 0;
}

int boot_load_linux(const struct fwcfg_io *io, const struct boot_cfg *cfg,
		    struct boot_info *out)
{
	uint64_t text_offset, image_size;
	const uint8_t *hdr;
	int err;

	ffa_memset(out, 0, sizeof(*out));
	err = fwcfg_probe(io);
	if (err)
		return err == FWCFG_ERR_ABSENT ? BOOT_ERR_NOFWCFG : BOOT_ERR_NODMA;
	out->kernel_size = fwcfg_read_u32(io, FWCFG_KERNEL_SIZE);
	out->initrd_size = fwcfg_read_u32(io, FWCFG_INITRD_SIZE);
	if (out->kernel_size == 0)
		return BOOT_ERR_NOKERNEL;
	/* The header first (into where the kernel goes anyway), to learn its
	 * real footprint before anything big is copied. */
	if (fwcfg_dma_read(io, FWCFG_KERNEL_DATA, cfg->kernel_base, ARM64_IMAGE_HEADER_SIZE))
		return BOOT_ERR_DMA;
	hdr = io->ns_map(io->ctx, cfg->kernel_base, ARM64_IMAGE_HEADER_SIZE);
	if (!hdr)
		return BOOT_ERR_CFG;
	err = boot_parse_image(hdr, out->kernel_size, &text_offset, &image_size);
	if (err)
		return err;
	err = boot_plan_layout(cfg, text_offset, image_size, out->initrd_size, &out->plan);
	if (err)
		return err;
	if (fwcfg_dma_read(io, FWCFG_KERNEL_DATA, out->plan.kernel_load, out->kernel_size) ||
	    fwcfg_dma_read(io, FWCFG_INITRD_DATA, out->plan.initrd_start, out->initrd_size))
		return BOOT_ERR_DMA;
	return load_cmdline(io, cfg, out);
}

const char *boot_strerror(int err)
{
	switch (err) {
	case BOOT_ERR_NOFWCFG:
		return "fw_cfg device not found: run on QEMU's virt machine";
	case BOOT_ERR_NODMA:
		return "fw_cfg has no DMA interface: use QEMU 2.9 or later";
	case BOOT_ERR_NOKERNEL:
		return "kernel not found in fw_cfg: pass -kernel";
	case BOOT_ERR_NOTIMAGE:
		return "kernel is not an arm64 Image (bad header): pass arch/arm64/boot/Image";
	case BOOT_ERR_KERNEL_FIT:
		return "kernel does not fit in RAM: give QEMU more memory (-m)";
	case BOOT_ERR_INITRD_FIT:
		return "initrd does not fit in RAM after the kernel: give QEMU more memory (-m)";
	case BOOT_ERR_CMDLINE:
		return "kernel command line too long: shorten -append";
	case BOOT_ERR_DMA:
		return "fw_cfg DMA transfer failed";
	case BOOT_ERR_CFG:
		return "load address outside RAM (firmware bug)";
	default:
		return "unknown loader error";
	}
}
