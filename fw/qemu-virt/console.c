// SPDX-License-Identifier: MIT
/*
 * PL011 consoles. UART0 is Linux's console: the firmware writes a few boot
 * lines there before Linux starts, and panics. Everything at runtime goes
 * to the secure UART (QEMU's second serial port) so it never interleaves
 * with Linux's output.
 */
#include <stdarg.h>

#include "fw/common/util.h"
#include "fw/qemu-virt/fw.h"
#include "fw/qemu-virt/sysreg.h"

#define UART_DR 0x000
#define UART_FR 0x018
#define UART_LCR_H 0x02C
#define UART_CR 0x030
#define UART_FR_TXFF (1u << 5)
#define UART_LCR_H_8N1_FIFO 0x70u
#define UART_CR_ENABLE 0x301u     /* UARTEN | TXE | RXE */
/* A stuck FIFO must not hang a CPU forever (the log is best effort). */
#define UART_SPIN_LIMIT 1000000u

static struct fw_lock console_lock;

static void uart_putc(uintptr_t base, char c)
{
	for (uint32_t i = 0; i < UART_SPIN_LIMIT; i++)
		if (!(mmio_read32(base + UART_FR) & UART_FR_TXFF))
			break;
	mmio_write32(base + UART_DR, (uint8_t)c);
}

static void uart_puts(uintptr_t base, const char *s)
{
	for (; *s; s++) {
		if (*s == '\n')
			uart_putc(base, '\r');
		uart_putc(base, *s);
	}
}

void console_init(void)
{
	/* QEMU ignores the baud rate; enabling is what a real PL011 needs. */
	mmio_write32(PLAT_UART_SEC_BASE + UART_LCR_H, UART_LCR_H_8N1_FIFO);
	mmio_write32(PLAT_UART_SEC_BASE + UART_CR, UART_CR_ENABLE);
	if (!(mmio_read32(PLAT_UART0_BASE + UART_CR) & 1u)) {
		mmio_write32(PLAT_UART0_BASE + UART_LCR_H, UART_LCR_H_8N1_FIFO);
		mmio_write32(PLAT_UART0_BASE + UART_CR, UART_CR_ENABLE);
	}
}

static void vprint(uintptr_t base, bool lock, const char *prefix, const char *fmt, va_list ap)
{
	char line[256];

	fw_vformat(line, sizeof(line), fmt, ap);
	if (lock)
		fw_lock_take(&console_lock);
	uart_puts(base, prefix);
	uart_puts(base, line);
	uart_puts(base, "\n");
	if (lock)
		fw_lock_give(&console_lock);
}

void fw_print(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vprint(PLAT_UART0_BASE, true, "fw: ", fmt, ap);
	va_end(ap);
}

void fw_slog(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vprint(PLAT_UART_SEC_BASE, true, "", fmt, ap);
	va_end(ap);
}

void fw_print_unlocked(const char *fmt, ...)
{
	va_list ap, aq;

	va_start(ap, fmt);
	va_copy(aq, ap);
	vprint(PLAT_UART0_BASE, false, "fw: ", fmt, ap);
	vprint(PLAT_UART_SEC_BASE, false, "fw: ", fmt, aq);
	va_end(aq);
	va_end(ap);
}
