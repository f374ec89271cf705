// SPDX-License-Identifier: MIT
/*
 * The UEFI variable partition on QEMU virt: the MM shared buffer is a 64 KiB
 * no-map carveout below the TPM's at the top of RAM, published as
 * /reserved-memory/uefivar-mm@<base> (compatible MM_VAR_DT_COMPAT); the
 * non-volatile store lives in flash bank 1 (pflash.c).
 *
 * Caveat of this machine: QEMU maps bank 1 non-secure, so the normal world
 * could write the store behind the partition's back. Real hardware keeps
 * the store in secure flash; the format and the partition do not change.
 */
#include "fw/qemu-virt/plat.h"
#include "fw/qemu-virt/pflash.h"
#include "services/mm_var.h"
#include "services/uefivar/uefivar.h"

#define UV_BUF_SIZE 0x10000ull
#define UV_BUF_BELOW_TOP 0x30000ull  /* the TPM keeps the top 128 KiB */

static struct uv_sp uv;
static struct spmc_partition uv_parts[2];
static struct fw_lock uv_lock;

static void uv_lock_take(void *ctx)
{
	(void)ctx;
	fw_lock_take(&uv_lock);
}

static void uv_lock_give(void *ctx)
{
	(void)ctx;
	fw_lock_give(&uv_lock);
}

static void uv_log(void *ctx, const char *msg)
{
	(void)ctx;
	fw_slog("%s", msg);
}

/* The carveout and its compatible; returns its base or 0. */
static uint64_t publish_buffer(struct fdt *f, const struct dt_mem *mem, const struct boot_info *bi)
{
	uint64_t top = mem->base + mem->size, end, base;
	char name[FDT_MAX_NAME];
	int err, node;

	end = bi->initrd_size ? bi->plan.initrd_end : bi->plan.kernel_end;
	base = (top - UV_BUF_BELOW_TOP) & ~(UV_BUF_SIZE - 1u);
	if (mem->size < 2u * UV_BUF_BELOW_TOP || base < end) {
		fw_slog("uefivar: no room for the MM buffer above the kernel and initrd: "
			"variable service disabled (give QEMU more memory, -m)");
		return 0;
	}
	err = plat_add_carveout(f, MM_VAR_DT_NODE, base, UV_BUF_SIZE);
	fw_format(name, sizeof(name), "%s@%lx", MM_VAR_DT_NODE, (unsigned long)base);
	node = err ? err : fdt_path_offset(f, "/reserved-memory");
	node = node < 0 ? node : fdt_subnode(f, node, name);
	err = node < 0 ? node : fdt_setprop_string(f, node, "compatible", MM_VAR_DT_COMPAT);
	if (err)
		fw_fatal("uefivar: device tree edit for the MM buffer failed: %s", dt_strerror(err));
	return base;
}

void plat_uefivar_boot(struct fdt *f, const struct dt_mem *mem, const struct boot_info *bi)
{
	uint64_t base = publish_buffer(f, mem, bi);
	const struct uv_flash *fl = 0;
	int err;

	if (pflash_probe()) {
		fw_slog("uefivar: no CFI flash answers at 0x%x: non-volatile variables fail "
			"with DEVICE_ERROR", PFLASH1_BASE);
	} else {
		if (pflash_blank())
			fw_slog("uefivar: flash bank 1 is blank, formatting it (without -drive "
				"if=pflash,unit=1 variables do not survive a reboot)");
		fl = pflash_store();
	}
	uv.lock = uv_lock_take;
	uv.unlock = uv_lock_give;
	err = uv_sp_init(&uv, fl, (uint8_t *)(uintptr_t)base, base, base ? UV_BUF_SIZE : 0, 0,
			 uv_log);
	if (fl && err)
		fw_slog("uefivar: variable store in flash bank 1 unusable (%s): non-volatile "
			"variables fail with DEVICE_ERROR; delete build/uefivars.flash to start over",
			uv_strerror(err));
	else if (fl)
		fw_slog("uefivar: %u variables in flash bank 1 (bank %u, sequence %u)",
			uv.nv.count, uv.nv.active, uv.nv.seq);
	uv_sp_partitions(&uv, uv_parts);
}

unsigned int plat_uefivar_partitions(const struct spmc_partition **out)
{
	out[0] = &uv_parts[0];
	out[1] = &uv_parts[1];
	return 2;
}
