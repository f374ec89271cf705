/* SPDX-License-Identifier: GPL-2.0 */
/* See stdint.h here: bool, true and false come from the kernel's headers. */
#ifndef FFA_FUZZ_COMPAT_STDBOOL_H
#define FFA_FUZZ_COMPAT_STDBOOL_H
#include <linux/stddef.h>
#include <linux/types.h>
#endif
