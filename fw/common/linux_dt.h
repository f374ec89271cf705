/* SPDX-License-Identifier: MIT */
/*
 * What the firmware reads from and adds to the device tree it hands Linux,
 * on top of the generic editor in fdt.h.
 */
#ifndef FW_COMMON_LINUX_DT_H
#define FW_COMMON_LINUX_DT_H

#include <stdint.h>

#include "fw/common/fdt.h"

#define DT_MAX_CPUS 64u

struct dt_mem {
	uint64_t base;
	uint64_t size;
};

struct dt_cpus {
	unsigned int count;
	uint64_t mpidr[DT_MAX_CPUS];   /* the cpu nodes' reg, in tree order */
};

/* Extra errors beside enum fdt_error. */
enum dt_error {
	DT_ERR_NOMEM = -100,      /* no enabled /memory node with a usable reg */
	DT_ERR_NOCPUS = -101,     /* no /cpus or no cpu node in it */
	DT_ERR_TOOMANYCPUS = -102,
	DT_ERR_BADREG = -103,     /* a reg with the wrong size or cell count */
	DT_ERR_RANGE = -104,      /* a value that does not fit the node's cells */
};

/*
 * The first enabled memory node (device_type "memory", status absent or
 * okay; QEMU's secure RAM node is disabled and skipped) whose first reg
 * entry contains `hint` (any region when hint is 0). Cells per the root's
 * #address-cells / #size-cells.
 */
int dt_read_memory(const struct fdt *f, uint64_t hint, struct dt_mem *out);
/* MPIDRs of every /cpus/cpu node (device_type "cpu"). */
int dt_read_cpus(const struct fdt *f, struct dt_cpus *out);

/* /psci with the PSCI 1.0 binding (method "smc") and enable-method "psci" on
 * every cpu node. Replaces properties that already exist. */
int dt_add_psci(struct fdt *f);
/* /chosen linux,initrd-start/-end (64-bit cells), /chosen created if absent. */
int dt_set_initrd(struct fdt *f, uint64_t start, uint64_t end);
/* /chosen bootargs, unless the tree already has a non-empty one. */
int dt_set_bootargs_default(struct fdt *f, const char *args);
/*
 * A no-map /reserved-memory child "<name>@<base in hex>" covering
 * [base, base + size), creating /reserved-memory (cells as the root's) if
 * needed. For firmware carveouts a service shares with the normal world.
 */
int dt_add_reserved(struct fdt *f, const char *name, uint64_t base, uint64_t size);

const char *dt_strerror(int err);

#endif /* FW_COMMON_LINUX_DT_H */
