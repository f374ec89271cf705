/* SPDX-License-Identifier: MIT */
/*
 * plat.c: the firmware's service instances and their platform glue.
 */
#ifndef FW_QEMU_VIRT_PLAT_H
#define FW_QEMU_VIRT_PLAT_H

#include "fw/common/linux_dt.h"
#include "fw/common/fwcfg.h"
#include "fw/common/nsmem.h"
#include "fw/common/psci.h"
#include "fw/common/smc.h"
#include "fw/common/util.h"
#include "fw/qemu-virt/fw.h"
#include "spmc/spmc.h"

extern struct psci plat_psci;
extern struct nsmem plat_ns;
extern struct smc_services plat_smc;

/* CPUs from the device tree; the boot CPU starts ON. Fatal on a bad tree. */
void plat_psci_init(const struct dt_cpus *cpus, uint64_t boot_mpidr);
/* The normal world's RAM as the SPMC may touch it (minus the DTB). */
int plat_ns_init(uint64_t base, uint64_t size);
/*
 * A firmware carveout in NS RAM for a service: a no-map /reserved-memory
 * node for Linux and a hole in what the SPMC accepts from the normal world.
 * None is needed yet. Returns 0 or a dt/fdt error.
 */
int plat_add_carveout(struct fdt *f, const char *name, uint64_t base, uint64_t size);
/* Whether refusal reasons are logged (fw_cfg or -DFW_DEBUG_REFUSALS). */
void plat_debug_config(const struct fwcfg_io *io);
/* SPMC core with the test partition and the given service partitions
 * (collected by main.c from tpm.c and uefivar.c, which plat.c does not
 * call); then plat_smc routes FF-A to it. */
void plat_spmc_init(const struct spmc_partition *const *services, unsigned int count);
/*
 * tpm.c: takes over QEMU's TIS TPM if the tree has one, measures firmware,
 * kernel, initrd and the final tree, and publishes the CRB-over-FF-A
 * service in the tree. Must be the last device tree edit. Without a
 * working TPM it says so and the machine boots without the service.
 */
void plat_tpm_boot(struct fdt *f, const struct dt_mem *mem, const struct boot_info *bi);
/* The TPM partition, or NULL when plat_tpm_boot() found no TPM. */
const struct spmc_partition *plat_tpm_partition(void);
/*
 * uefivar.c: plat_uefivar_config() reads its fw_cfg setting (with the
 * loader's fw_cfg access); plat_uefivar_boot() the MM buffer carveout (a
 * device tree edit, so before plat_tpm_boot) and the variable store in
 * secure flash bank 0; then plat_uefivar_partitions() gives its two
 * partitions (2 entries of out).
 */
void plat_uefivar_config(const struct fwcfg_io *io);
void plat_uefivar_boot(struct fdt *f, const struct dt_mem *mem, const struct boot_info *bi);
unsigned int plat_uefivar_partitions(const struct spmc_partition **out);

#endif /* FW_QEMU_VIRT_PLAT_H */
