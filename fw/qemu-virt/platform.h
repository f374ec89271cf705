/* SPDX-License-Identifier: MIT */
/*
 * QEMU virt (secure=on, gic-version=3) as the firmware sees it. Shared by
 * C and assembly: constants only.
 */
#ifndef FW_QEMU_VIRT_PLATFORM_H
#define FW_QEMU_VIRT_PLATFORM_H

/* Flash bank 0 (secure only with secure=on): the firmware image, then the
 * UEFI variable store. Bank 1 (0x04000000) is the normal world's. */
#define PLAT_FLASH_BASE 0x00000000
#define PLAT_FLASH_SIZE 0x04000000
#define PLAT_VARSTORE_BASE 0x00400000  /* 256 KiB sectors; the image stays below */
#define PLAT_VARSTORE_SIZE 0x00080000
#define PLAT_SECRAM_BASE 0x0E000000
#define PLAT_SECRAM_SIZE 0x01000000

#define PLAT_GICD_BASE 0x08000000
#define PLAT_GICD_SIZE 0x00010000
#define PLAT_GICR_BASE 0x080A0000
#define PLAT_GICR_STRIDE 0x20000

#define PLAT_UART0_BASE 0x09000000   /* Linux's console, boot messages */
#define PLAT_UART_SEC_BASE 0x09040000 /* secure UART: runtime SPMC log */
#define PLAT_FWCFG_BASE 0x09020000
#define PLAT_SEC_GPIO_BASE 0x090B0000
#define PLAT_GPIO_PIN_POWEROFF 0
#define PLAT_GPIO_PIN_RESET 1

/* Dynamic sysbus devices (-device tpm-tis-device) are placed here. */
#define PLAT_PLATBUS_BASE 0x0C000000
#define PLAT_PLATBUS_SIZE 0x02000000

#define PLAT_NS_RAM_BASE 0x40000000
/* QEMU copies its DTB to the start of RAM and keeps 1 MiB free for it. */
#define PLAT_DTB_BASE 0x40000000
#define PLAT_DTB_MAX 0x00100000
/* NS scratch for fw_cfg DMA descriptors and the command line, between the
 * DTB and the kernel; only used before Linux runs. */
#define PLAT_SCRATCH_BASE 0x40100000
#define PLAT_SCRATCH_CMDLINE (PLAT_SCRATCH_BASE + 0x1000)
#define PLAT_CMDLINE_MAX 2048        /* Linux's arm64 COMMAND_LINE_SIZE */
#define PLAT_KERNEL_BASE 0x40200000

/* Per-CPU pen and stack: index = MPIDR.Aff0 with every other affinity
 * level zero (QEMU numbers up to 16 CPUs per cluster with GICv3). */
#define PLAT_MAX_CPUS 16
#define PLAT_STACK_SIZE 0x8000
#define PLAT_PEN_SIZE 64             /* one cache line per CPU */

/* Entering Linux: EL2h with DAIF masked. */
#define PLAT_SPSR_EL2H 0x3C9

#endif /* FW_QEMU_VIRT_PLATFORM_H */
