// SPDX-License-Identifier: MIT
/*
 * Fault injection for the boot matrix (see fault.h).
 */
#include "fw/qemu-virt/fault.h"

#include "ffa/abi.h"
#include "fw/qemu-virt/fw.h"

enum fault {
	FAULT_NONE,
	FAULT_HYP_RXTX_MAP,
	FAULT_VERSION,
	FAULT_ID_GET,
};

static const char *const fault_names[] = {
	[FAULT_HYP_RXTX_MAP] = "refuse-hyp-rxtx-map",
	[FAULT_VERSION] = "version-2.0",
	[FAULT_ID_GET] = "id-get-fails",
};

static enum fault plat_fault;
/* A one-shot fault has fired; the lock of the SPMC call path is not held
 * here, so two CPUs could both see it unfired: only EL2's first RXTX_MAP,
 * made once by the proxy under its own lock, uses it. */
static bool plat_fault_fired;

static bool same(const uint8_t *a, uint32_t n, const char *b)
{
	uint32_t i;

	/* QEMU's string= files carry no NUL; tolerate one, and a newline. */
	while (n && (a[n - 1] == '\0' || a[n - 1] == '\n'))
		n--;
	for (i = 0; i < n; i++)
		if (!b[i] || (char)a[i] != b[i])
			return false;
	return b[i] == '\0';
}

void plat_fault_init(const struct fwcfg_io *io)
{
	uint8_t buf[32];
	uint32_t len = 0;
	int err = fwcfg_read_file(io, PLAT_FAULT_FILE, buf, sizeof(buf), &len);

	if (err == FWCFG_ERR_NOFILE)
		return;
	if (err)
		fw_fatal("fault: cannot read fw_cfg %s (error %d): remove it or name a fault",
			 PLAT_FAULT_FILE, err);
	for (unsigned int f = FAULT_HYP_RXTX_MAP; f <= FAULT_ID_GET; f++) {
		if (same(buf, len, fault_names[f])) {
			plat_fault = (enum fault)f;
			fw_slog("fault: injecting %s (fw_cfg %s)", fault_names[f], PLAT_FAULT_FILE);
			return;
		}
	}
	fw_fatal("fault: unknown fault in fw_cfg %s: use refuse-hyp-rxtx-map, version-2.0 "
		 "or id-get-fails", PLAT_FAULT_FILE);
}

static void answer_error(struct ffa_regs *r, int32_t code)
{
	ffa_regs_clear(r);
	r->x[0] = FFA_ERROR;
	r->x[2] = (uint64_t)(int64_t)code;
}

bool plat_fault_apply(struct ffa_regs *r, unsigned int el)
{
	uint32_t fid = (uint32_t)r->x[0];

	switch (plat_fault) {
	case FAULT_HYP_RXTX_MAP:
		if (plat_fault_fired || el != 2 || (fid != FFA_RXTX_MAP_64 && fid != FFA_RXTX_MAP_32))
			return false;
		plat_fault_fired = true;
		answer_error(r, FFA_RET_DENIED);
		fw_slog("fault: RXTX_MAP by EL2 refused with DENIED (injected, once)");
		return true;
	case FAULT_VERSION:
		if (fid != FFA_VERSION)
			return false;
		ffa_regs_clear(r);
		r->x[0] = FFA_MAKE_VERSION(2, 0);
		fw_slog("fault: FFA_VERSION by EL%u answered 2.0 (injected)", el);
		return true;
	case FAULT_ID_GET:
		if (fid != FFA_ID_GET)
			return false;
		answer_error(r, FFA_RET_NOT_SUPPORTED);
		fw_slog("fault: FFA_ID_GET by EL%u refused with NOT_SUPPORTED (injected)", el);
		return true;
	case FAULT_NONE:
		break;
	}
	return false;
}
