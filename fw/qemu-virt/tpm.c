// SPDX-License-Identifier: MIT
/*
 * The TPM on QEMU virt: QEMU's tpm-tis-device (swtpm behind it) appears in
 * its DTB as a "tcg,tpm-tis-mmio" node on the platform bus. The firmware
 * takes it over: it drives the TIS itself, measures what it boots (PCR 0
 * firmware image, PCR 1 device tree, PCR 9 kernel and initrd, then
 * separators in PCRs 0-7, all SHA-256, with a TCG2 event log), disables
 * the node so Linux cannot bypass the secure world, and serves the TPM to
 * Linux as a CRB over FF-A (services/tpm) with the CRB pages and the event
 * log in a carveout at the top of RAM, described by a TPM_FFA_DT_COMPATIBLE
 * node. No device or a dead one: the machine boots without the service.
 */
#include "fw/qemu-virt/mmu.h"
#include "fw/qemu-virt/plat.h"
#include "fw/qemu-virt/sysreg.h"
#include "fw/common/xlat.h"
#include "services/tpm/measure.h"
#include "services/tpm/tis.h"
#include "services/tpm/tpm_sp.h"

#define TIS_COMPATIBLE "tcg,tpm-tis-mmio"
#define TIS_MMIO_SIZE 0x5000u   /* five localities, 4 KiB each */
/* The carveout: CRB pages at its base, the event log 64 KiB in. */
#define TPM_CARVE_SIZE 0x20000ull
#define TPM_LOG_OFFSET 0x10000ull
#define TPM_LOG_SIZE 0x10000u
#define TPM_DT_DEPTH 8

static uint64_t tis_base;
static struct tis tis;
static struct tpm_backend tis_be;
static struct tpm_crb crb;
static struct spmc_partition tpm_part;
static struct measured_boot mb;
static bool tpm_present;

extern char __image_flash_end[];

static uint8_t tis_read8(void *ctx, uint32_t off)
{
	(void)ctx;
	return mmio_read8(tis_base + off);
}

static void tis_write8(void *ctx, uint32_t off, uint8_t v)
{
	(void)ctx;
	*(volatile uint8_t *)(tis_base + off) = v;
}

static uint32_t tis_read32(void *ctx, uint32_t off)
{
	(void)ctx;
	return mmio_read32(tis_base + off);
}

static uint64_t now_us(void *ctx)
{
	uint64_t cnt = read_sysreg(cntpct_el0), frq = read_sysreg(cntfrq_el0);

	(void)ctx;
	if (!frq)
		frq = 62500000u;
	return cnt / frq * 1000000u + cnt % frq * 1000000u / frq;
}

/*
 * Depth-first search (explicit stack: no recursion here) for the TIS node,
 * translating its reg through each ancestor's single-entry "ranges" as
 * QEMU's platform bus has. Returns the node offset or a negative error.
 */
static int find_tis(const struct fdt *f, uint64_t *base)
{
	int stack[TPM_DT_DEPTH], depth = 0;
	int node = fdt_path_offset(f, "/");

	if (node < 0)
		return node;
	stack[0] = node;
	node = fdt_first_child(f, node);
	while (depth >= 0) {
		if (node < 0) {
			if (--depth < 0)
				break;
			node = fdt_next_sibling(f, stack[depth + 1]);
			continue;
		}
		if (fdt_prop_has_string(f, node, "compatible", TIS_COMPATIBLE) &&
		    fdt_node_enabled(f, node)) {
			uint32_t ac = fdt_getprop_u32(f, stack[depth], "#address-cells", 2u), len;
			const uint8_t *reg = fdt_getprop(f, node, "reg", &len);
			const uint8_t *rng;
			uint64_t addr;

			if (!reg || (ac != 1u && ac != 2u) || len < 4u * ac)
				return DT_ERR_BADREG;
			addr = ac == 1u ? load_be32(reg) : load_be64(reg);
			/* ranges = <child (ac) parent (2) size (1)> on one bus level. */
			rng = fdt_getprop(f, stack[depth], "ranges", &len);
			if (depth > 0 && rng && len == 4u * (ac + 3u)) {
				uint64_t child = ac == 1u ? load_be32(rng) : load_be64(rng);

				addr = addr - child + load_be64(rng + 4u * ac);
			}
			*base = addr;
			return node;
		}
		if (depth + 1 < TPM_DT_DEPTH && fdt_first_child(f, node) >= 0) {
			stack[++depth] = node;
			node = fdt_first_child(f, node);
		} else {
			node = fdt_next_sibling(f, node);
		}
	}
	return FDT_ERR_NOTFOUND;
}

/* The highest phandle in the tree, so ours is new (same walk as above). */
static uint32_t max_phandle(const struct fdt *f)
{
	int stack[TPM_DT_DEPTH], depth = 0;
	int node = fdt_first_child(f, fdt_path_offset(f, "/"));
	uint32_t max = 0;

	stack[0] = fdt_path_offset(f, "/");
	while (depth >= 0) {
		uint32_t ph;

		if (node < 0) {
			if (--depth < 0)
				break;
			node = fdt_next_sibling(f, stack[depth + 1]);
			continue;
		}
		ph = fdt_getprop_u32(f, node, "phandle", 0);
		if (ph > max && ph != 0xffffffffu)
			max = ph;
		if (depth + 1 < TPM_DT_DEPTH && fdt_first_child(f, node) >= 0) {
			stack[++depth] = node;
			node = fdt_first_child(f, node);
		} else {
			node = fdt_next_sibling(f, node);
		}
	}
	return max;
}

static int disable_tis(struct fdt *f)
{
	uint64_t base;
	int node = find_tis(f, &base);

	return node < 0 ? node : fdt_setprop_string(f, node, "status", "disabled");
}

/* Carveouts, the event log's phandle and the service node. */
static int publish_dt(struct fdt *f, uint64_t base)
{
	uint64_t log = base + TPM_LOG_OFFSET;
	uint32_t ph = max_phandle(f) + 1u;
	uint8_t reg[16];
	char path[64];
	int err, node, root;

	err = disable_tis(f);
	err = err ? err : plat_add_carveout(f, "tpm-crb", base, TPM_CRB_SIZE);
	err = err ? err : plat_add_carveout(f, "tpm-event-log", log, TPM_LOG_SIZE);
	if (err)
		return err;
	fw_format(path, sizeof(path), "/reserved-memory/tpm-event-log@%lx", (unsigned long)log);
	node = fdt_path_offset(f, path);
	err = node < 0 ? node : fdt_setprop_u32(f, node, "phandle", ph);
	if (err)
		return err;
	root = fdt_path_offset(f, "/");
	fw_format(path, sizeof(path), "tpm@%lx", (unsigned long)base);
	node = root < 0 ? root : fdt_add_subnode(f, root, path);
	if (node < 0)
		return node;
	/* The root's cells are 2/2 on virt; reg follows them. */
	store_be64(reg, base);
	store_be64(reg + 8, TPM_CRB_SIZE);
	err = fdt_setprop_string(f, node, "compatible", TPM_FFA_DT_COMPATIBLE);
	err = err ? err : fdt_setprop(f, node, "reg", reg, sizeof(reg));
	err = err ? err : fdt_setprop_u32(f, node, "memory-region", ph);
	return err;
}

static int measure_all(struct fdt *f, const struct boot_info *bi)
{
	uint64_t fw_size = (uint64_t)(uintptr_t)__image_flash_end;
	uintptr_t flash = PLAT_FLASH_BASE;
	int err;

	/* Flash starts at address 0: hide that from the compiler, which may
	 * otherwise treat reads through the pointer as undefined. */
	__asm__("" : "+r"(flash));
	err = measured_boot_measure(&mb, 0, TCG_EV_POST_CODE, (const void *)flash, fw_size,
			 "ffa-stack EL3 firmware");
	/* The OS loader's files go to PCR 9 as EV_IPL (TCG PC Client PFP: PCRs
	 * 8-9 are the OS loader's; 4 and 5 hold UEFI boot applications and
	 * their configuration, which this firmware does not run). */
	err = err ? err : measured_boot_measure(&mb, 9, TCG_EV_IPL,
				      (const void *)(uintptr_t)bi->plan.kernel_load,
				      bi->kernel_size, "linux kernel image");
	if (!err && bi->initrd_size)
		err = measured_boot_measure(&mb, 9, TCG_EV_IPL, (const void *)(uintptr_t)bi->plan.initrd_start,
				 bi->initrd_size, "linux initrd");
	/* The tree exactly as Linux gets it: no edit may follow this. */
	err = err ? err : measured_boot_measure(&mb, 1, TCG_EV_TABLE_OF_DEVICES,
				      (const void *)(uintptr_t)PLAT_DTB_BASE, fdt_totalsize(f),
				      "device tree");
	return err ? err : measured_boot_separators(&mb, 0, 7);
}

static void absent(struct fdt *f, const char *why)
{
	fw_print("tpm: %s: no TPM service, no measured boot", why);
	fw_slog("fw: tpm: %s: no TPM service, no measured boot", why);
	/* A node we could not drive must not reach Linux either. */
	if (f)
		disable_tis(f);
}

void plat_tpm_boot(struct fdt *f, const struct dt_mem *mem, const struct boot_info *bi)
{
	static const struct tis_io io = {
		.read8 = tis_read8, .write8 = tis_write8, .read32 = tis_read32, .now_us = now_us,
	};
	static const struct tis_timeouts to = {
		.locality = 750000u, .ready = 2000000u, .command = 60000000u,
	};
	uint64_t base, end = bi->initrd_size ? bi->plan.initrd_end : bi->plan.kernel_end;
	int err;

	if (find_tis(f, &base) < 0) {
		absent(NULL, "no " TIS_COMPATIBLE " device in the device tree");
		return;
	}
	/* Mapped for this device only, inside the platform bus. */
	if (base < PLAT_PLATBUS_BASE || base > PLAT_PLATBUS_BASE + PLAT_PLATBUS_SIZE - TIS_MMIO_SIZE ||
	    base % XLAT_PAGE) {
		absent(f, "TIS registers outside QEMU's platform bus");
		return;
	}
	mmu_map_device("TPM TIS", base, TIS_MMIO_SIZE);
	tis_base = base;
	err = tis_init(&tis, &io, &to);
	if (err) {
		absent(f, tis_strerror(err));
		return;
	}
	tis_be.ctx = &tis;
	tis_be.submit = tis_submit;
	base = (mem->base + mem->size - TPM_CARVE_SIZE) & ~(TPM_CARVE_SIZE - 1u);
	if (base < end) {
		absent(f, "no room for the TPM carveout above the initrd");
		return;
	}
	err = measured_boot_start(&mb, &tis_be, (volatile uint8_t *)(uintptr_t)(base + TPM_LOG_OFFSET),
		       TPM_LOG_SIZE);
	if (err) {
		absent(f, err == MEASURED_BOOT_ERR_DEVICE ? tis_strerror(tis.last_error) :
		       "TPM2_Startup failed");
		return;
	}
	err = publish_dt(f, base);
	err = err ? err : fdt_check(f);
	if (err)
		fw_fatal("TPM device tree edits failed: %s", dt_strerror(err));
	err = measure_all(f, bi);
	if (err)
		fw_print("tpm: measured boot stopped: %s (TPM code 0x%x); the PCRs are incomplete",
			 measured_boot_strerror(err), mb.last_rc);
	tpm_crb_init(&crb, (volatile uint8_t *)(uintptr_t)base, base, &tis_be);
	tpm_sp_partition(&tpm_part, &crb);
	tpm_present = true;
	fw_print("tpm: TIS at 0x%lx (DID_VID 0x%x) serves CRB over FF-A at 0x%lx; event log "
		 "at 0x%lx, %u bytes (PCRs 0,1,9 + separators 0-7, SHA-256)",
		 (unsigned long)tis_base, tis.did_vid, (unsigned long)base,
		 (unsigned long)(base + TPM_LOG_OFFSET), mb.log.len);
}

const struct spmc_partition *plat_tpm_partition(void)
{
	return tpm_present ? &tpm_part : 0;
}
