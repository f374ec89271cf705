// SPDX-License-Identifier: MIT
/*
 * System power through QEMU virt's secure PL061 GPIO: a rising edge on pin
 * 0 powers the machine off, on pin 1 resets it. Both requests complete
 * asynchronously in QEMU, so the CPU then waits.
 */
#include <stdarg.h>

#include "fw/common/util.h"
#include "fw/qemu-virt/fw.h"
#include "fw/qemu-virt/sysreg.h"

#define GPIO_DIR 0x400
/* GPIODATA is masked by address bits 9:2: this address writes only `pin`. */
#define GPIO_DATA_PIN(pin) ((uintptr_t)(1u << (pin)) << 2)

__attribute__((noreturn)) static void gpio_pulse(unsigned int pin)
{
	uintptr_t data = PLAT_SEC_GPIO_BASE + GPIO_DATA_PIN(pin);

	mmio_write32(data, 0);
	mmio_write32(PLAT_SEC_GPIO_BASE + GPIO_DIR,
		     mmio_read32(PLAT_SEC_GPIO_BASE + GPIO_DIR) | (1u << pin));
	mmio_write32(data, 1u << pin);
	dsb_sy();
	for (;;)
		wfi();
}

void plat_power_off(void)
{
	gpio_pulse(PLAT_GPIO_PIN_POWEROFF);
}

void plat_reset(void)
{
	gpio_pulse(PLAT_GPIO_PIN_RESET);
}

void fw_fatal(const char *fmt, ...)
{
	char line[256];
	va_list ap;

	va_start(ap, fmt);
	fw_vformat(line, sizeof(line), fmt, ap);
	va_end(ap);
	fw_print_unlocked("%s", line);
	fw_print_unlocked("powering off");
	plat_power_off();
}
