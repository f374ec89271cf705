/* SPDX-License-Identifier: MIT */
/*
 * Fault injection for the boot matrix's failure-path cells. QEMU's
 * `-fw_cfg name=opt/ffa-stack/fault,string=<name>` makes the SPMC misbehave
 * in one named way for the whole boot, so that the hypervisor's and the
 * kernel's failure paths run for real and the end state (who holds the
 * normal world's RX/TX registration) can be read off the secure log:
 *   refuse-hyp-rxtx-map  the first FFA_RXTX_MAP from EL2 gets DENIED
 *   version-2.0          FFA_VERSION answers 2.0 (an incompatible major)
 *   id-get-fails         FFA_ID_GET answers NOT_SUPPORTED
 * Without the file nothing changes. An unknown name stops the boot: a
 * matrix cell must never pass because its fault silently did not apply.
 */
#ifndef FW_QEMU_VIRT_FAULT_H
#define FW_QEMU_VIRT_FAULT_H

#include <stdbool.h>

#include "ffa/regs.h"
#include "fw/common/fwcfg.h"

#define PLAT_FAULT_FILE "opt/ffa-stack/fault"

/* Read the fault file, if any, and say on the secure console what it is. */
void plat_fault_init(const struct fwcfg_io *io);
/*
 * Before the SPMC sees the call in @r from exception level @el: true when
 * the fault answered it instead (the answer is in @r).
 */
bool plat_fault_apply(struct ffa_regs *r, unsigned int el);

#endif /* FW_QEMU_VIRT_FAULT_H */
