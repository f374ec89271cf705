/* SPDX-License-Identifier: GPL-2.0 */
/* See stdint.h here: bool, true and false come from the kernel's headers. */
#ifndef TPM_FFA_COMPAT_STDBOOL_H
#define TPM_FFA_COMPAT_STDBOOL_H
#include <linux/stddef.h>
#include <linux/types.h>
#endif
