// SPDX-License-Identifier: MIT
/*
 * Glue between the platform-independent services (PSCI state machine, SMC
 * dispatcher, SPMC core with the test partition) and this machine: locks,
 * the holding pens, the normal world's memory map.
 */
#include "fw/qemu-virt/plat.h"

#include "fw/common/linux_dt.h"
#include "fw/common/spmc_glue.h"
#include "fw/qemu-virt/fault.h"
#include "fw/qemu-virt/mmu.h"
#include "fw/qemu-virt/sysreg.h"
#include "services/test/test_sp.h"

struct fw_pen fw_pens[PLAT_MAX_CPUS] __attribute__((aligned(PLAT_PEN_SIZE)));
uint8_t fw_stacks[PLAT_MAX_CPUS][PLAT_STACK_SIZE] __attribute__((aligned(16)));

struct psci plat_psci;
struct nsmem plat_ns;
struct smc_services plat_smc;
static struct spmc plat_spmc;
static struct fw_lock psci_lock;
/* Refusal reasons on the secure UART: build with -DFW_DEBUG_REFUSALS, or
 * boot with fw_cfg PLAT_DEBUG_FILE = "1" (tools/qemu-boot.sh: FFA_STACK_DEBUG=1). */
#ifdef FW_DEBUG_REFUSALS
static unsigned int plat_debug = 1;
#else
static unsigned int plat_debug;
#endif
#define PLAT_DEBUG_FILE "opt/ffa-stack/debug"
static struct fw_lock spmc_locks[1u + SPMC_MAX_PARTITIONS];

static void psci_lock_take(void *ctx)
{
	(void)ctx;
	fw_lock_take(&psci_lock);
}

static void psci_lock_give(void *ctx)
{
	(void)ctx;
	fw_lock_give(&psci_lock);
}

static bool psci_entry_ok(void *ctx, uint64_t entry)
{
	(void)ctx;
	return (entry & 3u) == 0 && nsmem_ok(&plat_ns, entry, 4);
}

/* Context first, entry last: the pen polls entry, so once it is non-zero
 * the context must already be visible. */
static void psci_release(void *ctx, unsigned int idx, uint64_t entry, uint64_t context)
{
	(void)ctx;
	fw_pens[idx].context = context;
	dsb_sy();
	fw_pens[idx].entry = entry;
	/* The parked CPU reads its pen with the MMU and caches off. */
	mmu_clean_range(&fw_pens[idx], sizeof(fw_pens[idx]));
	sev();
}

static void spmc_lock(void *ctx, unsigned int id)
{
	(void)ctx;
	if (id >= FW_ARRAY_SIZE(spmc_locks))
		fw_fatal("SPMC asked for lock %u, which does not exist", id);
	fw_lock_take(&spmc_locks[id]);
}

static void spmc_unlock(void *ctx, unsigned int id)
{
	(void)ctx;
	if (id >= FW_ARRAY_SIZE(spmc_locks))
		fw_fatal("SPMC released lock %u, which does not exist", id);
	fw_lock_give(&spmc_locks[id]);
}

static uint8_t *spmc_ns_ptr(void *ctx, uint64_t pa, uint64_t size)
{
	(void)ctx;
	return nsmem_ptr(&plat_ns, pa, size);
}

static void spmc_log(void *ctx, const char *msg)
{
	(void)ctx;
	fw_slog("spmc: %s", msg);
}

#ifdef FW_TRACE_FFA
/* FW_EXTRA_CFLAGS=-DFW_TRACE_FFA: every FF-A call on the secure UART. */
static void ffa_call_traced(void *ctx, struct ffa_regs *r)
{
	uint32_t fid = (uint32_t)r->x[0], a1 = (uint32_t)r->x[1];
	uint64_t a2 = r->x[2];

	fw_spmc_call(ctx, r);
	fw_slog("ffa: cpu %u 0x%x(0x%x, 0x%lx) -> 0x%lx 0x%lx 0x%lx 0x%lx", cpu_index(), fid, a1,
		(unsigned long)a2, (unsigned long)r->x[0], (unsigned long)r->x[1],
		(unsigned long)r->x[2], (unsigned long)r->x[3]);
}
#define FW_FFA_TRACED ffa_call_traced
#else
#define FW_FFA_TRACED fw_spmc_call
#endif

#ifdef FW_CHECK_INVARIANTS
/*
 * FW_EXTRA_CFLAGS=-DFW_CHECK_INVARIANTS (make fw-debug, build/fw-debug.bin):
 * the SPMC core checks its whole state from scratch after every call from
 * the normal world, so a hostile caller that breaks a rule is caught at the
 * call that did it, not when the damage shows. tools/fuzz-qemu.py counts
 * these lines. Quadratic in the table sizes: a debug build only.
 */
static void ffa_call_checked(void *ctx, struct ffa_regs *r)
{
	uint32_t fid = (uint32_t)r->x[0];
	uint64_t a1 = r->x[1], a2 = r->x[2], a3 = r->x[3];
	const char *why = "";

	FW_FFA_TRACED(ctx, r);
	if (spmc_check_invariants(ctx, &why))
		fw_slog("spmc: invariant violation after 0x%x(0x%lx, 0x%lx, 0x%lx) -> 0x%lx 0x%lx: %s",
			fid, (unsigned long)a1, (unsigned long)a2, (unsigned long)a3,
			(unsigned long)r->x[0], (unsigned long)r->x[2], why);
}
#define FW_FFA_INNER ffa_call_checked
#else
#define FW_FFA_INNER FW_FFA_TRACED
#endif

/*
 * Who registers the normal world's RX/TX pair is what the boot matrix checks
 * under pKVM: the hypervisor's FF-A proxy (EL2) or the kernel behind its back
 * (EL1). SPSR_EL3 holds the EL the SMC came from; logged on every change.
 */
static void ffa_call_logged(void *ctx, struct ffa_regs *r)
{
	uint32_t fid = (uint32_t)r->x[0];
	uint64_t tx = r->x[1], rx = r->x[2], pages = r->x[3] & 0xFFFFFFFFu;
	unsigned int el = (unsigned int)(read_sysreg(spsr_el3) >> 2) & 3u;
	const char *who = el == 2 ? "hypervisor" : el == 1 ? "kernel" : "?";

	if (plat_fault_apply(r, el))
		return;
	FW_FFA_INNER(ctx, r);
	if ((uint32_t)r->x[0] != FFA_SUCCESS_32) {
		/* A refused registration change is evidence too (pKVM's revocation
		 * at hyp_ffa_init is refused when nothing is registered). */
		if (fid == FFA_RXTX_MAP_32 || fid == FFA_RXTX_MAP_64 || fid == FFA_RXTX_UNMAP)
			fw_slog("ffa: refused %s by EL%u (%s): FF-A error %ld",
				fid == FFA_RXTX_UNMAP ? "RXTX_UNMAP" : "RXTX_MAP", el, who,
				(long)(int32_t)r->x[2]);
		return;
	}
	if (fid == FFA_RXTX_MAP_32 || fid == FFA_RXTX_MAP_64)
		fw_slog("ffa: RXTX_MAP by EL%u (%s): tx 0x%lx rx 0x%lx, %lu pages", el, who,
			(unsigned long)tx, (unsigned long)rx, (unsigned long)pages);
	else if (fid == FFA_RXTX_UNMAP)
		fw_slog("ffa: RXTX_UNMAP by EL%u (%s)", el, who);
}
#define FW_FFA_CALL ffa_call_logged

void plat_psci_init(const struct dt_cpus *cpus, uint64_t boot_mpidr)
{
	static const struct psci_platform pp = {
		.lock = psci_lock_take, .unlock = psci_lock_give,
		.entry_ok = psci_entry_ok, .release = psci_release,
	};

	if (psci_init(&plat_psci, &pp))
		fw_fatal("PSCI setup failed");
	for (unsigned int i = 0; i < cpus->count; i++) {
		uint64_t m = cpus->mpidr[i];

		/* entry.S parks any CPU it cannot index; refuse such a tree. */
		if ((m & ~0xFFull) || m >= PLAT_MAX_CPUS)
			fw_fatal("cpu with MPIDR 0x%lx is beyond this firmware's %d-CPU limit: "
				 "use -smp %d or fewer", m, PLAT_MAX_CPUS, PLAT_MAX_CPUS);
		if (psci_add_cpu(&plat_psci, (unsigned int)m, m, m == boot_mpidr))
			fw_fatal("device tree lists cpu 0x%lx twice", m);
	}
	if (psci_index_of(&plat_psci, boot_mpidr) < 0)
		fw_fatal("the boot CPU (MPIDR 0x%lx) is not in the device tree", boot_mpidr);
}

int plat_ns_init(uint64_t base, uint64_t size)
{
	if (nsmem_init(&plat_ns, base, size, (uintptr_t)base))
		return -1;
	/* The SPMC must never be pointed at the DTB it cannot see change. */
	return nsmem_exclude(&plat_ns, PLAT_DTB_BASE, PLAT_DTB_MAX);
}

int plat_add_carveout(struct fdt *f, const char *name, uint64_t base, uint64_t size)
{
	int err = dt_add_reserved(f, name, base, size);

	if (err)
		return err;
	return nsmem_exclude(&plat_ns, base, size) ? DT_ERR_RANGE : 0;
}

/*
 * The schedule-receiver interrupt: Linux takes SGIs 0-7 for its own IPIs,
 * so the first free one. FF-A has the SPMC publish it with FFA_FEATURES;
 * Linux maps it as a per-CPU interrupt and answers with INFO_GET.
 */
#define PLAT_SRI_SGI 8u

static void spmc_raise_sri(void *ctx, uint32_t intid)
{
	(void)ctx;
	gic_raise_ns_sgi_self(intid);
}

void plat_debug_config(const struct fwcfg_io *io)
{
	uint8_t v[4];
	uint32_t len = 0;

	if (!fwcfg_read_file(io, PLAT_DEBUG_FILE, v, sizeof(v), &len) && len >= 1 && v[0] == '1')
		plat_debug = 1;
	if (plat_debug)
		fw_slog("fw: SPMC and partitions log why they refuse a call (%s)",
			PLAT_DEBUG_FILE);
}

void plat_spmc_init(const struct spmc_partition *const *services, unsigned int count)
{
	const struct spmc_platform sp = {
		.lock = spmc_lock, .unlock = spmc_unlock,
		.ns_ptr = spmc_ns_ptr, .log = spmc_log, .debug = plat_debug,
	};
	const struct spmc_partition *parts[SPMC_MAX_PARTITIONS] = { test_sp_partition() };
	int32_t ret;

	if (count > SPMC_MAX_PARTITIONS - 1u)
		fw_fatal("%u service partitions: the SPMC takes %u", count, SPMC_MAX_PARTITIONS - 1u);
	for (unsigned int i = 0; i < count; i++)
		parts[1 + i] = services[i];
	ret = spmc_init(&plat_spmc, &sp, parts, count + 1u);

	if (ret == FFA_RET_SUCCESS)
		ret = spmc_notif_set_sri(&plat_spmc, PLAT_SRI_SGI, spmc_raise_sri);
	if (ret != FFA_RET_SUCCESS)
		fw_fatal("SPMC init failed (%d)", (int)ret);
	plat_smc.psci = &plat_psci;
	plat_smc.ffa_call = FW_FFA_CALL;
	plat_smc.ffa_ctx = &plat_spmc;
}
