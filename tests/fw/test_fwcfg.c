// SPDX-License-Identifier: MIT
/*
 * fw_cfg access and the Linux loader (fw/common/fwcfg.c) against a fake
 * fw_cfg device: selector, data port and DMA engine over a simulated NS RAM.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "fw/common/fwcfg.h"
#include "fw/common/nsmem.h"
#include "fw/common/util.h"
#include "tests/harness/check.h"

#define RAM_BASE 0x40000000ull
#define RAM_SIZE (64ull << 20)
#define DESC_PA (RAM_BASE + 0x100000)
#define CMDLINE_PA (RAM_BASE + 0x101000)
#define KBASE (RAM_BASE + 0x200000)

struct item {
	uint8_t *data;
	uint32_t len;
};

struct fake_dev {
	struct item items[0x28];
	uint16_t sel;
	uint32_t off;
	bool no_sig, no_dma_bit, bad_dma_sig, dma_error, dma_stuck;
	int dmas;
};

static struct fake_dev dev;
static struct nsmem ram;
static uint8_t *mem;
static uint8_t kernel[8192], initrd[5000];

static const struct item *cur(void)
{
	static uint8_t id[4], sig[4] = { 'Q', 'E', 'M', 'U' };
	static struct item tmp;

	if (dev.sel == FWCFG_SIGNATURE) {
		tmp = (struct item){ sig, dev.no_sig ? 0 : 4 };
		return &tmp;
	}
	if (dev.sel == FWCFG_ID) {
		id[0] = dev.no_dma_bit ? 1 : 3;
		tmp = (struct item){ id, 4 };
		return &tmp;
	}
	return dev.sel < 0x28 ? &dev.items[dev.sel] : NULL;
}

static void d_select(void *ctx, uint16_t key)
{
	(void)ctx;
	dev.sel = key;
	dev.off = 0;
}

static uint8_t d_read8(void *ctx)
{
	const struct item *it = cur();

	(void)ctx;
	/* Past the end (or no such item) reads as zero, as on QEMU. */
	return it && dev.off < it->len ? it->data[dev.off++] : 0;
}

static uint64_t d_dma_sig(void *ctx)
{
	(void)ctx;
	return dev.bad_dma_sig ? 0 : FWCFG_DMA_SIGNATURE;
}

static void d_dma_start(void *ctx, uint64_t pa)
{
	uint8_t *d = nsmem_ptr(&ram, pa, FWCFG_DMA_DESC_SIZE);
	uint32_t ctl, len;
	uint8_t *dst;

	(void)ctx;
	dev.dmas++;
	if (!d || dev.dma_stuck)
		return;
	ctl = load_be32(d);
	len = load_be32(d + 4);
	dst = nsmem_ptr(&ram, load_be64(d + 8), len);
	if (ctl & FWCFG_DMA_CTL_SELECT)
		d_select(NULL, (uint16_t)(ctl >> 16));
	if (dev.dma_error || !dst || !(ctl & FWCFG_DMA_CTL_READ)) {
		store_be32(d, FWCFG_DMA_CTL_ERROR);
		return;
	}
	for (uint32_t i = 0; i < len; i++)
		dst[i] = d_read8(NULL);
	store_be32(d, 0);
}

static uint8_t *d_map(void *ctx, uint64_t pa, uint64_t len)
{
	(void)ctx;
	return nsmem_ptr(&ram, pa, len);
}

static const struct fwcfg_io io = {
	.select = d_select, .read8 = d_read8, .dma_sig = d_dma_sig,
	.dma_start = d_dma_start, .ns_map = d_map, .desc_pa = DESC_PA,
};

static const struct boot_cfg cfg = {
	.ram_base = RAM_BASE, .ram_size = RAM_SIZE, .kernel_base = KBASE,
	.cmdline_pa = CMDLINE_PA, .cmdline_max = 64,
};

static uint8_t size_le[3][4];

static void put_item(uint16_t key, void *data, uint32_t len)
{
	dev.items[key] = (struct item){ data, len };
}

static void set_size(unsigned int slot, uint16_t key, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		size_le[slot][i] = (uint8_t)(v >> (8 * i));
	put_item(key, size_le[slot], 4);
}

/* A 8 KiB "kernel" claiming a 3 MiB footprint, a 5000-byte initrd. */
static void setup(void)
{
	static char cmdline[] = "console=ttyAMA0 quiet";

	if (!mem)
		mem = calloc(1, RAM_SIZE);
	memset(mem, 0, RAM_SIZE);
	memset(&dev, 0, sizeof(dev));
	nsmem_init(&ram, RAM_BASE, RAM_SIZE, (uintptr_t)mem);
	for (unsigned int i = 0; i < sizeof(kernel); i++)
		kernel[i] = (uint8_t)(i * 7);
	memset(kernel + 8, 0, 16);
	store_be32(kernel + 16, 0);
	kernel[18] = 0x30;                 /* image_size = 0x300000 (LE) */
	memcpy(kernel + 56, "ARM\x64", 4);
	memset(initrd, 0x5A, sizeof(initrd));
	set_size(0, FWCFG_KERNEL_SIZE, sizeof(kernel));
	put_item(FWCFG_KERNEL_DATA, kernel, sizeof(kernel));
	set_size(1, FWCFG_INITRD_SIZE, sizeof(initrd));
	put_item(FWCFG_INITRD_DATA, initrd, sizeof(initrd));
	set_size(2, FWCFG_CMDLINE_SIZE, sizeof(cmdline));
	put_item(FWCFG_CMDLINE_DATA, cmdline, sizeof(cmdline));
}

static uint8_t *at(uint64_t pa)
{
	return mem + (pa - RAM_BASE);
}

TEST(fwcfg_probe_finds_dma_interface)
{
	setup();
	CHECK_EQ(fwcfg_probe(&io), 0);
}

TEST(fwcfg_integers_are_little_endian)
{
	setup();
	CHECK_EQ(fwcfg_read_u32(&io, FWCFG_KERNEL_SIZE), sizeof(kernel));
	CHECK_EQ(fwcfg_read_u32(&io, 0x1F), 0);      /* absent item reads as 0 */
}

TEST(fwcfg_dma_copies_into_ns_ram)
{
	setup();
	CHECK_EQ(fwcfg_dma_read(&io, FWCFG_INITRD_DATA, RAM_BASE + 0x400000, 100), 0);
	CHECK(memcmp(at(RAM_BASE + 0x400000), initrd, 100) == 0);
	CHECK_EQ(at(RAM_BASE + 0x400000)[100], 0);
	CHECK_EQ(load_be32(at(DESC_PA)), 0);             /* device cleared control */
	CHECK_EQ(load_be64(at(DESC_PA) + 8), RAM_BASE + 0x400000);
	CHECK_EQ(fwcfg_dma_read(&io, FWCFG_INITRD_DATA, RAM_BASE, 0), 0);
	CHECK_EQ(dev.dmas, 1);                          /* nothing to do: no DMA */
}

TEST(boot_load_places_kernel_initrd_and_cmdline)
{
	struct boot_info bi;

	setup();
	CHECK_EQ(boot_load_linux(&io, &cfg, &bi), 0);
	CHECK_EQ(bi.plan.kernel_load, KBASE);
	CHECK_EQ(bi.plan.kernel_end, KBASE + 0x300000);
	CHECK(memcmp(at(KBASE), kernel, sizeof(kernel)) == 0);
	/* After the image_size footprint, 2 MiB aligned. */
	CHECK_EQ(bi.plan.initrd_start, RAM_BASE + 0x600000);
	CHECK_EQ(bi.plan.initrd_end, RAM_BASE + 0x600000 + sizeof(initrd));
	CHECK(memcmp(at(bi.plan.initrd_start), initrd, sizeof(initrd)) == 0);
	CHECK(bi.cmdline && strcmp(bi.cmdline, "console=ttyAMA0 quiet") == 0);
	CHECK_EQ(bi.kernel_size, sizeof(kernel));
}

TEST(boot_without_initrd_or_cmdline)
{
	struct boot_info bi;

	setup();
	set_size(1, FWCFG_INITRD_SIZE, 0);
	set_size(2, FWCFG_CMDLINE_SIZE, 0);
	CHECK_EQ(boot_load_linux(&io, &cfg, &bi), 0);
	CHECK_EQ(bi.plan.initrd_start, 0);
	CHECK(bi.cmdline == NULL);
}

TEST(boot_image_header_rules)
{
	uint64_t off, size;

	setup();
	CHECK_EQ(boot_parse_image(kernel, sizeof(kernel), &off, &size), 0);
	CHECK_EQ(off, 0);
	CHECK_EQ(size, 0x300000);
	/* Before 3.17 image_size was 0: the file size is the footprint. */
	kernel[18] = 0;
	CHECK_EQ(boot_parse_image(kernel, sizeof(kernel), &off, &size), 0);
	CHECK_EQ(size, sizeof(kernel));
	kernel[9] = 0x80;                   /* text_offset 0x8000 (old kernels) */
	CHECK_EQ(boot_parse_image(kernel, sizeof(kernel), &off, &size), 0);
	CHECK_EQ(off, 0x8000);
}

TEST(boot_plan_fits_exactly_at_the_end_of_ram)
{
	struct boot_plan p;

	CHECK_EQ(boot_plan_layout(&cfg, 0, RAM_SIZE - 0x200000 - 0x200000, 0x200000, &p), 0);
	CHECK_EQ(p.initrd_end, RAM_BASE + RAM_SIZE);
}

/* A file directory with @n entries: "etc/other" at 0x20, then @name at 0x21. */
static uint8_t dir[4 + 3 * FWCFG_FILE_ENTRY_SIZE];

static void put_file_dir(uint32_t count, const char *name, uint32_t size)
{
	static uint8_t other[3] = { 1, 2, 3 };
	uint8_t *e = dir + 4;

	memset(dir, 0, sizeof(dir));
	store_be32(dir, count);
	store_be32(e, sizeof(other));
	e[5] = 0x20;
	memcpy(e + 8, "etc/other", 9);
	e += FWCFG_FILE_ENTRY_SIZE;
	store_be32(e, size);
	e[5] = 0x21;
	memcpy(e + 8, name, strlen(name) < FWCFG_FILE_NAME_MAX ? strlen(name) : FWCFG_FILE_NAME_MAX);
	put_item(FWCFG_FILE_DIR, dir, sizeof(dir));
	put_item(0x20, other, sizeof(other));
}

TEST(fwcfg_file_found_by_exact_name)
{
	static char fault[] = "version-2.0";
	uint8_t buf[32];
	uint32_t len = 0;

	setup();
	put_file_dir(2, "opt/ffa-stack/fault", 11);
	put_item(0x21, fault, 11);
	CHECK_EQ(fwcfg_read_file(&io, "opt/ffa-stack/fault", buf, sizeof(buf), &len), 0);
	CHECK_EQ(len, 11);
	CHECK(memcmp(buf, "version-2.0", 11) == 0);
	CHECK_EQ(fwcfg_read_file(&io, "etc/other", buf, sizeof(buf), &len), 0);
	CHECK_EQ(len, 3);
	CHECK_EQ(buf[2], 3);
}

TEST_NEG(fwcfg_file_absent_or_a_prefix_is_not_found)
{
	uint8_t buf[32];
	uint32_t len = 7;

	setup();
	put_file_dir(2, "opt/ffa-stack/fault", 11);
	CHECK_EQ(fwcfg_read_file(&io, "opt/ffa-stack", buf, sizeof(buf), &len), FWCFG_ERR_NOFILE);
	CHECK_EQ(fwcfg_read_file(&io, "opt/ffa-stack/fault2", buf, sizeof(buf), &len),
		 FWCFG_ERR_NOFILE);
	/* Only the first entry counted: the second is never read. */
	put_file_dir(1, "opt/ffa-stack/fault", 11);
	CHECK_EQ(fwcfg_read_file(&io, "opt/ffa-stack/fault", buf, sizeof(buf), &len),
		 FWCFG_ERR_NOFILE);
	CHECK_EQ(len, 7);
}

TEST_NEG(fwcfg_file_unterminated_name_or_too_big_or_bad_dir)
{
	char longname[FWCFG_FILE_NAME_MAX + 1];
	uint8_t buf[8];
	uint32_t len = 0;

	setup();
	memset(longname, 'a', FWCFG_FILE_NAME_MAX);
	longname[FWCFG_FILE_NAME_MAX] = '\0';
	put_file_dir(2, longname, 4);
	CHECK_EQ(fwcfg_read_file(&io, longname, buf, sizeof(buf), &len), FWCFG_ERR_NOFILE);
	put_file_dir(2, "big", 9);
	CHECK_EQ(fwcfg_read_file(&io, "big", buf, sizeof(buf), &len), FWCFG_ERR_SIZE);
	put_file_dir(FWCFG_FILE_COUNT_MAX + 1, "big", 4);
	CHECK_EQ(fwcfg_read_file(&io, "big", buf, sizeof(buf), &len), FWCFG_ERR_DIR);
	CHECK_EQ(len, 0);
}

/* The device as set up: probing fails with probe_err, booting with boot_err. */
static void probe_and_boot_fail(int probe_err, int boot_err)
{
	struct boot_info bi;

	CHECK_EQ(fwcfg_probe(&io), probe_err);
	CHECK_EQ(boot_load_linux(&io, &cfg, &bi), boot_err);
}

TEST_NEG(fwcfg_absent_device)
{
	setup();
	dev.no_sig = true;
	probe_and_boot_fail(FWCFG_ERR_ABSENT, BOOT_ERR_NOFWCFG);
}

TEST_NEG(fwcfg_without_dma)
{
	setup();
	dev.no_dma_bit = true;
	probe_and_boot_fail(FWCFG_ERR_NODMA, BOOT_ERR_NODMA);
	setup();
	dev.bad_dma_sig = true;
	CHECK_EQ(fwcfg_probe(&io), FWCFG_ERR_NODMA);
}

TEST_NEG(boot_without_kernel_says_pass_kernel)
{
	struct boot_info bi;

	setup();
	set_size(0, FWCFG_KERNEL_SIZE, 0);
	CHECK_EQ(boot_load_linux(&io, &cfg, &bi), BOOT_ERR_NOKERNEL);
	CHECK(strcmp(boot_strerror(BOOT_ERR_NOKERNEL),
		     "kernel not found in fw_cfg: pass -kernel") == 0);
	CHECK_EQ(dev.dmas, 0);
}

TEST_NEG(boot_rejects_a_non_image_kernel)
{
	struct boot_info bi;
	uint64_t off, size;

	setup();
	kernel[56] = 'X';
	CHECK_EQ(boot_load_linux(&io, &cfg, &bi), BOOT_ERR_NOTIMAGE);
	setup();
	CHECK_EQ(boot_parse_image(kernel, 63, &off, &size), BOOT_ERR_NOTIMAGE);
	kernel[10] = 0x20;                  /* text_offset 2 MiB: not a real one */
	CHECK_EQ(boot_parse_image(kernel, sizeof(kernel), &off, &size), BOOT_ERR_NOTIMAGE);
	setup();
	kernel[8] = 0x10;                   /* not page aligned */
	CHECK_EQ(boot_parse_image(kernel, sizeof(kernel), &off, &size), BOOT_ERR_NOTIMAGE);
}

TEST_NEG(boot_kernel_larger_than_ram)
{
	struct boot_info bi;

	setup();
	kernel[19] = 0x10;                  /* image_size 256 MiB > 62 MiB left */
	CHECK_EQ(boot_load_linux(&io, &cfg, &bi), BOOT_ERR_KERNEL_FIT);
	CHECK_EQ(dev.dmas, 1);              /* only the header was read */
}

TEST_NEG(boot_initrd_past_the_end_of_ram)
{
	struct boot_info bi;

	setup();
	set_size(1, FWCFG_INITRD_SIZE, (uint32_t)RAM_SIZE);
	CHECK_EQ(boot_load_linux(&io, &cfg, &bi), BOOT_ERR_INITRD_FIT);
}

TEST_NEG(boot_plan_overflows_are_caught)
{
	struct boot_cfg c = cfg;
	struct boot_plan p;

	CHECK_EQ(boot_plan_layout(&cfg, 0, ~0ull - 0x1000, 0, &p), BOOT_ERR_KERNEL_FIT);
	CHECK_EQ(boot_plan_layout(&cfg, 0, 0, 0, &p), BOOT_ERR_KERNEL_FIT);
	CHECK_EQ(boot_plan_layout(&cfg, 0, 0x1000, ~0ull - 0x1000, &p), BOOT_ERR_INITRD_FIT);
	c.ram_size = ~0ull;                 /* RAM range wraps */
	CHECK_EQ(boot_plan_layout(&c, 0, 0x1000, 0, &p), BOOT_ERR_CFG);
	c = cfg;
	c.kernel_base = KBASE + 0x1000;     /* not 2 MiB aligned */
	CHECK_EQ(boot_plan_layout(&c, 0, 0x1000, 0, &p), BOOT_ERR_CFG);
	c.kernel_base = RAM_BASE - 0x200000;  /* below RAM */
	CHECK_EQ(boot_plan_layout(&c, 0, 0x1000, 0, &p), BOOT_ERR_CFG);
}

TEST_NEG(boot_cmdline_longer_than_the_scratch)
{
	static char longcmd[100];
	struct boot_info bi;

	setup();
	memset(longcmd, 'c', sizeof(longcmd) - 1);
	set_size(2, FWCFG_CMDLINE_SIZE, sizeof(longcmd));
	put_item(FWCFG_CMDLINE_DATA, longcmd, sizeof(longcmd));
	CHECK_EQ(boot_load_linux(&io, &cfg, &bi), BOOT_ERR_CMDLINE);
}

TEST_NEG(fwcfg_dma_error_bit_is_an_error)
{
	struct boot_info bi;

	setup();
	dev.dma_error = true;
	CHECK_EQ(fwcfg_dma_read(&io, FWCFG_KERNEL_DATA, KBASE, 64), FWCFG_ERR_DMA);
	CHECK_EQ(boot_load_linux(&io, &cfg, &bi), BOOT_ERR_DMA);
}

TEST_NEG(fwcfg_dma_that_never_completes_is_an_error)
{
	setup();
	dev.dma_stuck = true;
	CHECK_EQ(fwcfg_dma_read(&io, FWCFG_KERNEL_DATA, KBASE, 64), FWCFG_ERR_DMA);
}

TEST_NEG(fwcfg_dma_outside_ns_ram_is_refused)
{
	struct fwcfg_io bad = io;

	setup();
	CHECK_EQ(fwcfg_dma_read(&io, FWCFG_KERNEL_DATA, 0x0E000000, 64), FWCFG_ERR_MAP);
	CHECK_EQ(fwcfg_dma_read(&io, FWCFG_KERNEL_DATA, RAM_BASE + RAM_SIZE - 8, 64),
		 FWCFG_ERR_MAP);
	bad.desc_pa = 0x0E000000;           /* descriptor in secure RAM */
	CHECK_EQ(fwcfg_dma_read(&bad, FWCFG_KERNEL_DATA, KBASE, 64), FWCFG_ERR_MAP);
	CHECK_EQ(dev.dmas, 0);
}
