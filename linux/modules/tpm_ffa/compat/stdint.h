/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/ffa/uuid.h is C11 and includes <stdint.h>, which a kernel build
 * (-nostdinc) does not have; the kernel's own types cover what it uses.
 */
#ifndef TPM_FFA_COMPAT_STDINT_H
#define TPM_FFA_COMPAT_STDINT_H
#include <linux/types.h>
#endif
