// SPDX-License-Identifier: MIT
/*
 * MM communicate framing and the FF-A face of the UEFI variable partition.
 * The shared buffer is normal-world memory that other CPUs may rewrite at
 * any time, so a message is validated, copied into secure memory, checked
 * again there and only then handled; the response goes back in one copy.
 */
#include "services/uefivar/uefivar.h"

#include "ffa/codec.h"
#include "common/byteorder.h"
#include "services/mm_var.h"

static const uint8_t var_guid[16] = MM_VAR_GUID_BYTES;

static bool guid_is_var(const uint8_t *g)
{
	for (unsigned int i = 0; i < 16u; i++)
		if (g[i] != var_guid[i])
			return false;
	return true;
}

int64_t uv_mm_handle(struct uv_sp *sp, uint64_t off)
{
	uint64_t size = sp->buf_size, len, cap, out = 0, status;
	uint8_t *s = sp->scratch;

	if (!sp->buf || size > UV_MM_BUF_MAX)
		return MM_RET_DENIED;
	if (off > size || size - off < MM_HDR_SIZE)
		return MM_RET_INVALID_PARAMETER;
	len = load_le64(sp->buf + off + MM_HDR_LEN);
	if (len > size - off - MM_HDR_SIZE)
		return MM_RET_INVALID_PARAMETER;
	ffa_memcpy(s, sp->buf + off, MM_HDR_SIZE + len);
	/* Changed under us between the two reads: refuse rather than guess. */
	if (load_le64(s + MM_HDR_LEN) != len)
		return MM_RET_INVALID_PARAMETER;
	if (!guid_is_var(s + MM_HDR_GUID))
		return MM_RET_NOT_SUPPORTED;
	if (len < MM_VAR_HDR_SIZE)
		return MM_RET_DENIED;
	cap = size - off - MM_HDR_SIZE - MM_VAR_HDR_SIZE;
	status = uv_vars_call(&sp->vars, load_le64(s + MM_HDR_SIZE + MM_VAR_FUNC),
			      s + MM_HDR_SIZE + MM_VAR_HDR_SIZE, len - MM_VAR_HDR_SIZE, cap, &out);
	if (out > cap)
		return MM_RET_NO_MEMORY;
	store_le64(s + MM_HDR_SIZE + MM_VAR_STATUS, status);
	store_le64(s + MM_HDR_LEN, MM_VAR_HDR_SIZE + out);
	ffa_memcpy(sp->buf + off, s, MM_HDR_SIZE + MM_VAR_HDR_SIZE + out);
	return MM_RET_SUCCESS;
}

static int64_t dispatch(struct spmc *s, struct uv_sp *sp, bool conv_c, const struct spmc_msg *m)
{
	uint64_t x3 = m->args[0];

	/* Offsets and addresses need 64-bit registers. */
	if (m->kind != SPMC_MSG_REQ64)
		return SPMC_REFUSE(s, m->sender, MM_RET_NOT_SUPPORTED, "m->kind != SPMC_MSG_REQ64");
	if (conv_c) {
		if (x3 < sp->buf_pa || x3 - sp->buf_pa >= sp->buf_size)
			return SPMC_REFUSE(s, m->sender, MM_RET_INVALID_PARAMETER,
					   "x3 outside the MM buffer");
		x3 -= sp->buf_pa;
	}
	return uv_mm_handle(sp, x3);
}

static int32_t uv_direct(struct spmc *s, const struct spmc_partition *p, struct spmc_msg *m)
{
	struct uv_sp *sp = p->priv;
	bool conv_c = p->id == MM_VAR_ID_C;
	int64_t ret;

	if (sp->lock)
		sp->lock(sp->lock_ctx);
	ret = dispatch(s, sp, conv_c, m);
	if (sp->unlock)
		sp->unlock(sp->lock_ctx);
	for (unsigned int i = 0; i < SPMC_MSG_ARGS; i++)
		m->args[i] = 0;
	m->args[0] = conv_c && ret == MM_RET_SUCCESS ? MM_RET_C_SUCCESS : (uint64_t)ret;
	return FFA_RET_SUCCESS;
}

void uv_sp_partitions(struct uv_sp *sp, struct spmc_partition out[2])
{
	static const struct ffa_uuid uuid_a = FFA_UUID_UEFI_VAR;
	static const struct ffa_uuid uuid_c = FFA_UUID_EDK2_MM;

	for (unsigned int i = 0; i < 2u; i++) {
		ffa_memset(&out[i], 0, sizeof(out[i]));
		out[i].id = i ? MM_VAR_ID_C : MM_VAR_ID_A;
		out[i].name = i ? "uefivar (EDK2 MM UUID)" : "uefivar";
		ffa_memcpy(&out[i].uuid, i ? &uuid_c : &uuid_a, sizeof(out[i].uuid));
		out[i].properties = FFA_PART_PROP_DIRECT_REQ_RECV | FFA_PART_PROP_AARCH64 |
				    FFA_PART_PROP_ID_TYPE_PE;
		out[i].priv = sp;
		out[i].direct = uv_direct;
	}
}

/* EFI_GLOBAL_VARIABLE, 8be4df61-93ca-11d2-aa0d-00e098032b8c, as stored. */
static const uint8_t efi_global_guid[16] = {
	0x61, 0xdf, 0xe4, 0x8b, 0xca, 0x93, 0xd2, 0x11,
	0xaa, 0x0d, 0x00, 0xe0, 0x98, 0x03, 0x2b, 0x8c,
};
static const uint8_t name_secure_boot[] = {
	'S', 0, 'e', 0, 'c', 0, 'u', 0, 'r', 0, 'e', 0, 'B', 0, 'o', 0, 'o', 0, 't', 0, 0, 0,
};
static const uint8_t name_setup_mode[] = {
	'S', 0, 'e', 0, 't', 0, 'u', 0, 'p', 0, 'M', 0, 'o', 0, 'd', 0, 'e', 0, 0, 0,
};

/*
 * What the UEFI specification has the platform state, truthfully: no
 * Platform Key can be enrolled (authenticated variables are unsupported),
 * so the platform is in Setup Mode and Secure Boot is off. Clients such as
 * mokutil refuse to run without these.
 */
static void publish_platform_state(struct uv_sp *sp)
{
	static const uint8_t off = 0, on = 1;
	const struct uv_key sb = { efi_global_guid, name_secure_boot, sizeof(name_secure_boot) };
	const struct uv_key sm = { efi_global_guid, name_setup_mode, sizeof(name_setup_mode) };

	if ((uv_vars_publish(&sp->vars, &sb, &off, 1) || uv_vars_publish(&sp->vars, &sm, &on, 1)) &&
	    sp->vars.log)
		sp->vars.log(sp->vars.log_ctx, "uefivar: cannot publish SecureBoot/SetupMode: firmware bug");
}

int uv_sp_init(struct uv_sp *sp, const struct uv_flash *nv_flash, uint8_t *buf, uint64_t buf_pa,
	       uint64_t buf_size, void *log_ctx, void (*log)(void *ctx, const char *msg))
{
	int err = UV_E_IO;

	sp->buf = buf;
	sp->buf_pa = buf_pa;
	sp->buf_size = buf_size;
	uv_ram_init(&sp->vol_flash, sp->vol_mem, UV_VOL_SIZE, UV_VOL_ERASE);
	/* RAM starts as whatever the loader left: mount formats it. */
	ffa_memset(sp->vol_mem, 0, UV_VOL_SIZE);
	if (uv_store_mount(&sp->vol, &sp->vol_flash.fl) != UV_OK && log)
		log(log_ctx, "uefivar: volatile store failed to initialise: firmware bug");
	if (nv_flash)
		err = uv_store_mount_opt(&sp->nv, nv_flash, sp->nv_mount_flags);
	else
		ffa_memset(&sp->nv, 0, sizeof(sp->nv));
	uv_vars_init(&sp->vars, err == UV_OK ? &sp->nv : 0, &sp->vol);
	sp->vars.log_ctx = log_ctx;
	sp->vars.log = log;
	publish_platform_state(sp);
	return err;
}
