/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/ffa/uuid.h is written for C11 and includes <stdint.h>, which a
 * kernel build (-nostdinc) does not have. The kernel's own types cover what
 * that header uses. Unused once uuid.h picks <linux/types.h> under __KERNEL__.
 */
#ifndef FFA_FUZZ_COMPAT_STDINT_H
#define FFA_FUZZ_COMPAT_STDINT_H
#include <linux/types.h>
#endif
