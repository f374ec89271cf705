// SPDX-License-Identifier: MIT
/*
 * Boot flow and EL3 runtime entry of the QEMU virt firmware.
 *
 * Primary CPU: EL3 and GIC setup, device tree and fw_cfg (kernel, initrd,
 * command line), PSCI and SPMC, then Linux at EL2. Secondary CPUs: EL3 and
 * redistributor setup when PSCI CPU_ON releases them, then the entry point
 * the caller gave. Afterwards every CPU comes back here only through an SMC
 * (or a fault, which is reported and powers the machine off).
 */
#include "fw/common/fwcfg.h"
#include "fw/qemu-virt/fault.h"
#include "fw/qemu-virt/mmu.h"
#include "fw/qemu-virt/plat.h"
#include "fw/qemu-virt/sysreg.h"

#define ESR_EC_SHIFT 26
#define ESR_EC_SMC64 0x17u

static struct fdt boot_fdt;

static uint64_t stack_top(unsigned int idx)
{
	return (uint64_t)(uintptr_t)&fw_stacks[idx][0] + PLAT_STACK_SIZE;
}

/* fw_cfg registers: selector and DMA address are big-endian. */
static void fc_select(void *ctx, uint16_t key)
{
	(void)ctx;
	mmio_write16(PLAT_FWCFG_BASE + 8, __builtin_bswap16(key));
}

static uint8_t fc_read8(void *ctx)
{
	(void)ctx;
	return mmio_read8(PLAT_FWCFG_BASE);
}

static uint64_t fc_dma_sig(void *ctx)
{
	(void)ctx;
	return __builtin_bswap64(mmio_read64(PLAT_FWCFG_BASE + 16));
}

static void fc_dma_start(void *ctx, uint64_t desc_pa)
{
	(void)ctx;
	/* The device reads the descriptor from memory, not from our cache. */
	mmu_clean_range((void *)(uintptr_t)desc_pa, 16);
	mmio_write64(PLAT_FWCFG_BASE + 16, __builtin_bswap64(desc_pa));
	dsb_sy();
}

static uint8_t *fc_ns_map(void *ctx, uint64_t pa, uint64_t len)
{
	(void)ctx;
	return nsmem_ptr(&plat_ns, pa, len);
}

static void load_linux(const struct dt_mem *mem, struct boot_info *bi)
{
	const struct fwcfg_io io = {
		.select = fc_select, .read8 = fc_read8, .dma_sig = fc_dma_sig,
		.dma_start = fc_dma_start, .ns_map = fc_ns_map,
		.desc_pa = PLAT_SCRATCH_BASE,
	};
	const struct boot_cfg cfg = {
		.ram_base = mem->base, .ram_size = mem->size,
		.kernel_base = PLAT_KERNEL_BASE,
		.cmdline_pa = PLAT_SCRATCH_CMDLINE, .cmdline_max = PLAT_CMDLINE_MAX,
	};
	int err = boot_load_linux(&io, &cfg, bi);

	if (err)
		fw_fatal("%s", boot_strerror(err));
	plat_fault_init(&io);
	plat_uefivar_config(&io);
	plat_debug_config(&io);
}

static void fixup_dt(const struct boot_info *bi)
{
	int err = dt_add_psci(&boot_fdt);

	if (!err && bi->initrd_size)
		err = dt_set_initrd(&boot_fdt, bi->plan.initrd_start, bi->plan.initrd_end);
	if (!err && bi->cmdline)
		err = dt_set_bootargs_default(&boot_fdt, bi->cmdline);
	if (err == FDT_ERR_NOSPACE)
		fw_fatal("DTB too small for edits (%u bytes used, %u allowed)",
			 fdt_used_size(&boot_fdt), (unsigned int)PLAT_DTB_MAX);
	if (err)
		fw_fatal("device tree edit failed: %s", dt_strerror(err));
	/* Linux gets the tree only if it still passes our own full check. */
	err = fdt_check(&boot_fdt);
	if (err)
		fw_fatal("edited device tree is invalid (%s): firmware bug", fdt_strerror(err));
}

static void read_dt(struct dt_mem *mem, struct dt_cpus *cpus)
{
	int err = fdt_open(&boot_fdt, (void *)(uintptr_t)PLAT_DTB_BASE, PLAT_DTB_MAX, PLAT_DTB_MAX);

	if (err)
		fw_fatal("no valid device tree at 0x%x (%s): boot with QEMU -machine virt -bios",
			 PLAT_DTB_BASE, fdt_strerror(err));
	err = dt_read_memory(&boot_fdt, PLAT_KERNEL_BASE, mem);
	if (err)
		fw_fatal("no RAM at 0x%x in the device tree (%s): give QEMU more memory (-m)",
			 PLAT_KERNEL_BASE, dt_strerror(err));
	err = dt_read_cpus(&boot_fdt, cpus);
	if (err)
		fw_fatal("cannot read /cpus from the device tree: %s", dt_strerror(err));
}

/* The service partitions that came up at boot, then the SPMC. */
static void start_spmc(void)
{
	const struct spmc_partition *svc[3];
	unsigned int n = 0;

	/* The TPM service exists only when plat_tpm_boot() found a TPM. */
	if (plat_tpm_partition())
		svc[n++] = plat_tpm_partition();
	n += plat_uefivar_partitions(&svc[n]);
	plat_spmc_init(svc, n);
}

void fw_primary_main(void)
{
	struct cpu_setup cs;
	struct dt_mem mem;
	struct dt_cpus cpus;
	struct boot_info bi;

	console_init();
	mmu_boot();
	cpu_el3_setup(&cs);
	gic_dist_init();
	if (gic_rdist_init(cpu_mpidr_aff()))
		fw_fatal("no GIC redistributor for the boot CPU: use -machine virt,gic-version=3");
	read_dt(&mem, &cpus);
	mmu_map_ns_ram(mem.base, mem.size);
	fw_print("ffa-stack EL3 firmware on QEMU virt: %u CPUs, %lu MiB RAM at 0x%lx",
		 cpus.count, (unsigned long)(mem.size >> 20), (unsigned long)mem.base);
	plat_psci_init(&cpus, cpu_mpidr_aff());
	if (plat_ns_init(mem.base, mem.size))
		fw_fatal("bad RAM range in the device tree");
	load_linux(&mem, &bi);
	fixup_dt(&bi);
	plat_uefivar_boot(&boot_fdt, &mem, &bi);
	plat_tpm_boot(&boot_fdt, &mem, &bi);
	start_spmc();
	if (bi.initrd_size)
		fw_print("kernel %u bytes at 0x%lx, initrd %u bytes at 0x%lx, SCR_EL3 0x%lx",
			 bi.kernel_size, (unsigned long)bi.plan.kernel_load, bi.initrd_size,
			 (unsigned long)bi.plan.initrd_start, (unsigned long)cs.scr);
	else
		fw_print("kernel %u bytes at 0x%lx, no initrd, SCR_EL3 0x%lx", bi.kernel_size,
			 (unsigned long)bi.plan.kernel_load, (unsigned long)cs.scr);
	/* The counter starts with the machine: reset-to-kernel time. */
	fw_print("SPMC ready (FF-A v1.2, test partition); entering Linux at EL2, %lu us after "
		 "reset", (unsigned long)(read_sysreg(cntpct_el0) / (read_sysreg(cntfrq_el0) / 1000000u)));
	fw_slog("fw: secure console: SPMC log");
	mmu_finish_boot();
	/* Linux starts with its MMU and caches off. */
	mmu_clean_range((void *)(uintptr_t)PLAT_DTB_BASE, fdt_totalsize(&boot_fdt));
	fw_enter_ns(bi.plan.kernel_load, PLAT_DTB_BASE, PLAT_SPSR_EL2H, stack_top(0));
}

void fw_secondary_main(unsigned int idx)
{
	struct cpu_setup cs;
	uint64_t entry, context;

	cpu_el3_setup(&cs);
	if (gic_rdist_init(cpu_mpidr_aff()))
		fw_fatal("no GIC redistributor for cpu %u", idx);
	context = fw_pens[idx].context;
	entry = fw_pens[idx].entry;
	/* Consumed: the next CPU_OFF parks on an empty pen. */
	fw_pens[idx].entry = 0;
	dsb_sy();
	psci_cpu_on_finish(&plat_psci, idx);
	fw_enter_ns(entry, context, PLAT_SPSR_EL2H, stack_top(idx));
}

__attribute__((noreturn)) static void lower_trap(uint64_t esr)
{
	fw_fatal("unexpected trap from the normal world on cpu %u: ESR_EL3 0x%lx (EC 0x%lx) "
		 "ELR_EL3 0x%lx FAR_EL3 0x%lx SPSR_EL3 0x%lx",
		 cpu_index(), (unsigned long)esr, (unsigned long)(esr >> ESR_EC_SHIFT),
		 (unsigned long)read_sysreg(elr_el3), (unsigned long)read_sysreg(far_el3),
		 (unsigned long)read_sysreg(spsr_el3));
}

void fw_lower_sync(struct el3_frame *f)
{
	uint64_t esr = read_sysreg(esr_el3);
	unsigned int cpu = cpu_index();

	if ((esr >> ESR_EC_SHIFT) != ESR_EC_SMC64)
		lower_trap(esr);
#ifdef FW_TRACE_SMC
	uint64_t in0 = f->smccc.x[0], in1 = f->smccc.x[1];
	enum smc_action act = smc_dispatch(&plat_smc, cpu, &f->smccc);

	fw_slog("smc: cpu %u 0x%lx(0x%lx) -> 0x%lx act %d", cpu, (unsigned long)in0,
		(unsigned long)in1, (unsigned long)f->smccc.x[0], (int)act);
	switch (act) {
#else
	switch (smc_dispatch(&plat_smc, cpu, &f->smccc)) {
#endif
	case SMC_ACT_RETURN:
		return;
	case SMC_ACT_STANDBY:
		/* Interrupts are routed below EL3 but still end the wfi. */
		dsb_sy();
		wfi();
		return;
	case SMC_ACT_CPU_OFF:
		fw_pen_wait(cpu);
	case SMC_ACT_SYSTEM_OFF:
		fw_slog("fw: PSCI SYSTEM_OFF from cpu %u", cpu);
		plat_power_off();
	case SMC_ACT_SYSTEM_RESET:
		fw_slog("fw: PSCI SYSTEM_RESET from cpu %u", cpu);
		plat_reset();
	}
	lower_trap(esr);
}

void fw_unexpected(uint64_t kind)
{
	static const char *const what[16] = {
		"EL3 sync (SP_EL0)", "EL3 IRQ (SP_EL0)", "EL3 FIQ (SP_EL0)", "EL3 SError (SP_EL0)",
		"EL3 synchronous exception", "EL3 IRQ", "EL3 FIQ", "EL3 SError",
		"lower-EL sync", "lower-EL IRQ", "lower-EL FIQ", "lower-EL SError",
		"AArch32 lower-EL sync", "AArch32 lower-EL IRQ", "AArch32 lower-EL FIQ",
		"AArch32 lower-EL SError",
	};

	fw_fatal("PANIC: %s on cpu %u: ESR_EL3 0x%lx ELR_EL3 0x%lx FAR_EL3 0x%lx SPSR_EL3 0x%lx",
		 what[kind & 15u], cpu_index(), (unsigned long)read_sysreg(esr_el3),
		 (unsigned long)read_sysreg(elr_el3), (unsigned long)read_sysreg(far_el3),
		 (unsigned long)read_sysreg(spsr_el3));
}
