// SPDX-License-Identifier: MIT
/*
 * QEMU virt's EL3 map (memmap.h). Only what the firmware touches is mapped:
 * its own sections, the flash it reads (its image, measured by the TPM
 * code) and programs (the variable store), the devices it drives, and NS
 * RAM. NS RAM is Non-secure in the descriptors, so the SPMC's accesses to
 * the normal world's buffers are Non-secure accesses that can never reach
 * secure memory, and coherent with the normal world's cacheable mappings.
 */
#include "fw/qemu-virt/memmap.h"

#include "fw/qemu-virt/platform.h"

#define DEV (XLAT_DEVICE | XLAT_W)

static uint64_t page_up(uint64_t v)
{
	return (v + XLAT_PAGE - 1u) & ~(XLAT_PAGE - 1u);
}

int plat_memmap_boot(struct xlat *x, const struct plat_image *im)
{
	static const struct {
		const char *name;
		uint64_t base, size;
	} dev[] = {
		{ "GIC distributor", PLAT_GICD_BASE, PLAT_GICD_SIZE },
		{ "GIC redistributors", PLAT_GICR_BASE, PLAT_GICR_STRIDE * PLAT_MAX_CPUS },
		{ "UART0 (Linux console)", PLAT_UART0_BASE, XLAT_PAGE },
		{ "fw_cfg", PLAT_FWCFG_BASE, XLAT_PAGE },
		{ "secure UART", PLAT_UART_SEC_BASE, XLAT_PAGE },
		{ "secure GPIO (power)", PLAT_SEC_GPIO_BASE, XLAT_PAGE },
		{ "flash: variable store", PLAT_VARSTORE_BASE, PLAT_VARSTORE_SIZE },
	};
	int err;

	if (im->flash_end > PLAT_VARSTORE_BASE)
		return XLAT_ERR_OVERLAP;
	err = xlat_map(x, "fw text", im->text_start, im->text_end - im->text_start, XLAT_X);
	err = err ? err : xlat_map(x, "fw rodata", im->ro_start, im->ro_end - im->ro_start, 0);
	err = err ? err : xlat_map(x, "fw data, bss, stacks", im->rw_start,
				   im->rw_end - im->rw_start, XLAT_W);
	err = err ? err : xlat_map(x, "flash: fw image", PLAT_FLASH_BASE,
				   page_up(im->flash_end), XLAT_DEVICE);
	for (unsigned int i = 0; !err && i < sizeof(dev) / sizeof(dev[0]); i++)
		err = xlat_map(x, dev[i].name, dev[i].base, dev[i].size, DEV);
	return err ? err : xlat_map(x, "NS DTB + boot scratch", PLAT_DTB_BASE,
				    PLAT_KERNEL_BASE - PLAT_DTB_BASE, XLAT_NS | XLAT_W);
}

int plat_memmap_ns_ram(struct xlat *x, uint64_t base, uint64_t size)
{
	uint64_t end = base + size;

	/* The boot window is already mapped and must stay part of RAM. */
	if (end < base || base > PLAT_DTB_BASE || end <= PLAT_KERNEL_BASE)
		return XLAT_ERR_RANGE;
	if (base < PLAT_DTB_BASE) {
		int err = xlat_map(x, "NS DRAM", base, PLAT_DTB_BASE - base, XLAT_NS | XLAT_W);

		if (err)
			return err;
	}
	return xlat_map(x, "NS DRAM", PLAT_KERNEL_BASE, end - PLAT_KERNEL_BASE, XLAT_NS | XLAT_W);
}
