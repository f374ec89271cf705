// SPDX-License-Identifier: MIT
/*
 * The UEFI variable partition on QEMU virt: the MM shared buffer is a 64 KiB
 * no-map carveout below the TPM's at the top of RAM, published as
 * /reserved-memory/uefivar-mm@<base> (compatible MM_VAR_DT_COMPAT); the
 * non-volatile store lives in secure flash, bank 0 after the firmware image
 * (pflash.c), which the normal world cannot address; its node is removed
 * from Linux's device tree.
 *
 * A store that does not mount is never formatted over: flash holding bytes
 * the store did not write (another program's data, or a store overwritten
 * in place) is reported on both consoles and left as it is, unless the
 * fw_cfg file UV_FORMAT_FILE says "foreign" (tools/qemu-boot.sh:
 * FFA_STACK_VARS_FORMAT=1).
 */
#include "fw/qemu-virt/plat.h"
#include "fw/qemu-virt/pflash.h"
#include "services/mm_var.h"
#include "services/uefivar/uefivar.h"

#define UV_BUF_SIZE 0x10000ull
#define UV_BUF_BELOW_TOP 0x30000ull  /* the TPM keeps the top 128 KiB */

#define UV_FORMAT_FILE "opt/ffa-stack/uefivar-format"

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

void plat_uefivar_config(const struct fwcfg_io *io)
{
	uint8_t v[8];
	uint32_t len = 0;

	if (fwcfg_read_file(io, UV_FORMAT_FILE, v, sizeof(v), &len) || len < 7 ||
	    ffa_memcmp(v, "foreign", 7))
		return;
	uv.nv_mount_flags = UV_MOUNT_FORMAT_FOREIGN;
	fw_print("uefivar: %s=foreign: a variable store holding foreign data will be formatted",
		 UV_FORMAT_FILE);
}

static void report_mount(int err)
{
	static const char *const banks[4] = { "", "bank 0", "bank 1", "both banks" };

	if (err == UV_E_FOREIGN) {
		fw_print_unlocked("uefivar: the variable store (flash bank 0 at 0x%x, %u KiB) holds data "
				  "it did not write (%s), no valid store: left untouched; "
				  "non-volatile variables fail with DEVICE_ERROR",
				  PLAT_VARSTORE_BASE, PLAT_VARSTORE_SIZE >> 10, banks[uv.nv.foreign & 3u]);
		fw_print_unlocked("uefivar: keep the flash file if it matters; to format over it, boot "
				  "once with FFA_STACK_VARS_FORMAT=1 (fw_cfg %s=foreign)", UV_FORMAT_FILE);
	} else if (err) {
		fw_print_unlocked("uefivar: variable store in flash bank 0 unusable (%s): non-volatile "
				  "variables fail with DEVICE_ERROR", uv_strerror(err));
	} else if (uv.nv.foreign) {
		fw_print_unlocked("uefivar: %s of the variable store overwritten by another writer: "
				  "%u variables readable, the store is read-only so nothing more is "
				  "lost; boot with FFA_STACK_VARS_FORMAT=1 to start over",
				  banks[uv.nv.foreign & 3u], uv.nv.count);
	} else {
		fw_slog("uefivar: %u variables in secure flash bank 0 at 0x%x (bank %u, sequence %u)",
			uv.nv.count, PLAT_VARSTORE_BASE, uv.nv.active, uv.nv.seq);
	}
}

/*
 * Linux gets no node for the flash that holds the store (QEMU's is
 * secflash@0, status "disabled"): nothing in the normal world's tree
 * describes it. Root cells are QEMU virt's 2/2.
 */
static void hide_store_flash(struct fdt *f)
{
	int root = fdt_path_offset(f, "/"), node, next;

	if (root < 0 || fdt_getprop_u32(f, root, "#address-cells", 0) != 2 ||
	    fdt_getprop_u32(f, root, "#size-cells", 0) != 2)
		return;
	for (node = fdt_first_child(f, root); node >= 0; node = next) {
		uint32_t rlen = 0, clen = 0;
		const uint8_t *reg = fdt_getprop(f, node, "reg", &rlen);
		const char *compat = fdt_getprop(f, node, "compatible", &clen);
		uint64_t b, sz;

		next = fdt_next_sibling(f, node);
		if (!reg || rlen < 16 || !compat || clen != sizeof("cfi-flash") ||
		    ffa_memcmp(compat, "cfi-flash", clen))
			continue;
		b = load_be64(reg);
		sz = load_be64(reg + 8);
		if (b <= PLAT_VARSTORE_BASE && PLAT_VARSTORE_BASE - b < sz && !fdt_nop_node(f, node))
			fw_slog("uefivar: flash at 0x%lx (holds the store) removed from Linux's device tree",
				(unsigned long)b);
	}
}

void plat_uefivar_boot(struct fdt *f, const struct dt_mem *mem, const struct boot_info *bi)
{
	uint64_t base = publish_buffer(f, mem, bi);
	const struct uv_flash *fl = 0;
	int err;

	if (pflash_probe()) {
		fw_slog("uefivar: no CFI flash answers at 0x%x: non-volatile variables fail "
			"with DEVICE_ERROR", PLAT_VARSTORE_BASE);
	} else {
		if (pflash_blank())
			fw_slog("uefivar: the variable store in flash bank 0 is blank, formatting it "
				"(with -bios instead of -drive if=pflash,unit=0 variables do not "
				"survive a reboot)");
		fl = pflash_store();
	}
	hide_store_flash(f);
	uv.lock = uv_lock_take;
	uv.unlock = uv_lock_give;
	err = uv_sp_init(&uv, fl, (uint8_t *)(uintptr_t)base, base, base ? UV_BUF_SIZE : 0, 0,
			 uv_log);
	if (fl)
		report_mount(err);
	uv_sp_partitions(&uv, uv_parts);
}

unsigned int plat_uefivar_partitions(const struct spmc_partition **out)
{
	out[0] = &uv_parts[0];
	out[1] = &uv_parts[1];
	return 2;
}
