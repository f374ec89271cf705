// SPDX-License-Identifier: MIT
/*
 * GET/SET/GET_NEXT/QUERY of UEFI variables with the UEFI rules on
 * attributes, deletion, append, sizes and boot phases. Lock and VAR_CHECK
 * rules live in rules.c. Every length comes from the normal world and is
 * checked against the request before use.
 */
#include "services/uefivar/vars.h"

#include "ffa/codec.h"
#include "common/byteorder.h"
#include "services/mm_var.h"

void uv_vars_init(struct uv_vars *v, struct uv_store *nv, struct uv_store *vol)
{
	ffa_memset(v, 0, sizeof(*v));
	v->nv = nv;
	v->vol = vol;
}

/* Where a variable is. */
struct uv_loc {
	struct uv_store *st;
	uint32_t i;
	struct uv_meta m;
};

static void uv_log(const struct uv_vars *v, const char *msg)
{
	if (v->log)
		v->log(v->log_ctx, msg);
}

static bool nv_ok(const struct uv_vars *v)
{
	return v->nv && v->nv->mounted;
}

static bool visible(const struct uv_vars *v, uint32_t attr)
{
	return !v->exit_boot || (attr & EFI_VAR_RT);
}

/* Variable by key in either store, visible in this phase. */
static bool lookup(const struct uv_vars *v, const struct uv_key *k, struct uv_loc *l)
{
	struct uv_store *st[2] = { nv_ok(v) ? v->nv : 0, v->vol };

	for (unsigned int s = 0; s < 2u; s++) {
		int i;

		if (!st[s])
			continue;
		i = uv_store_find(st[s], k);
		if (i < 0 || uv_store_meta(st[s], (uint32_t)i, &l->m))
			continue;
		if (!visible(v, l->m.attr))
			return false;
		l->st = st[s];
		l->i = (uint32_t)i;
		return true;
	}
	return false;
}

static uint64_t store_status(int err)
{
	switch (err) {
	case UV_OK:
		return EFI_ST_SUCCESS;
	case UV_E_FULL:
	case UV_E_TOOMANY:
		return EFI_ST_OUT_OF_RESOURCES;
	case UV_E_TOOBIG:
		return EFI_ST_INVALID_PARAMETER;
	case UV_E_NOTFOUND:
		return EFI_ST_NOT_FOUND;
	case UV_E_FOREIGN:
		return EFI_ST_WRITE_PROTECTED;
	default:
		return EFI_ST_DEVICE_ERROR;
	}
}

static uint64_t get_variable(struct uv_vars *v, uint8_t *p, uint64_t len, uint64_t cap,
			     uint64_t *out)
{
	uint64_t dsz, nsz, room;
	struct uv_key k;
	struct uv_loc l;

	if (len < MM_ACC_NAME)
		return EFI_ST_INVALID_PARAMETER;
	dsz = load_le64(p + MM_ACC_DATASIZE);
	nsz = load_le64(p + MM_ACC_NAMESIZE);
	if (nsz > len - MM_ACC_NAME || !uv_name_ok(p + MM_ACC_NAME, nsz))
		return EFI_ST_INVALID_PARAMETER;
	/* The client's buffer, but never past the shared buffer. */
	room = cap - MM_ACC_NAME - nsz;
	if (dsz > room)
		dsz = room;
	k.guid = p + MM_ACC_GUID;
	k.name = p + MM_ACC_NAME;
	k.name_size = (uint32_t)nsz;
	if (!lookup(v, &k, &l))
		return EFI_ST_NOT_FOUND;
	store_le64(p + MM_ACC_DATASIZE, l.m.data_size);
	store_le32(p + MM_ACC_ATTR, l.m.attr);
	*out = MM_ACC_NAME + nsz;
	if (l.m.data_size > dsz)
		return EFI_ST_BUFFER_TOO_SMALL;
	if (uv_store_read_data(l.st, l.i, 0, p + MM_ACC_NAME + nsz, l.m.data_size))
		return EFI_ST_DEVICE_ERROR;
	*out += l.m.data_size;
	return EFI_ST_SUCCESS;
}

/* The n-th variable in enumeration order (NV first), visible or not. */
static bool nth(const struct uv_vars *v, uint32_t n, struct uv_loc *l)
{
	uint32_t nvc = nv_ok(v) ? v->nv->count : 0;

	if (n < nvc) {
		l->st = v->nv;
		l->i = n;
	} else if (n - nvc < v->vol->count) {
		l->st = v->vol;
		l->i = n - nvc;
	} else {
		return false;
	}
	return uv_store_meta(l->st, l->i, &l->m) == UV_OK;
}

static uint32_t position(const struct uv_vars *v, const struct uv_loc *l)
{
	return l->st == v->vol && nv_ok(v) ? v->nv->count + l->i : l->i;
}

static uint64_t get_next(struct uv_vars *v, uint8_t *p, uint64_t len, uint64_t *out)
{
	uint64_t nsz, cur = 0;
	struct uv_key k;
	struct uv_loc l;
	uint32_t n = 0;

	if (len < MM_NEXT_NAME)
		return EFI_ST_INVALID_PARAMETER;
	nsz = load_le64(p + MM_NEXT_NAMESIZE);
	if (nsz < 2u || (nsz & 1u) || nsz > len - MM_NEXT_NAME)
		return EFI_ST_INVALID_PARAMETER;
	/* The name in: NUL-terminated anywhere inside the NameSize buffer. */
	while (cur + 2u <= nsz && (p[MM_NEXT_NAME + cur] || p[MM_NEXT_NAME + cur + 1u]))
		cur += 2u;
	if (cur + 2u > nsz)
		return EFI_ST_INVALID_PARAMETER;
	if (cur) {
		k.guid = p + MM_NEXT_GUID;
		k.name = p + MM_NEXT_NAME;
		k.name_size = (uint32_t)(cur + 2u);
		if (k.name_size > UV_NAME_MAX || !lookup(v, &k, &l))
			return EFI_ST_INVALID_PARAMETER;
		n = position(v, &l) + 1u;
	}
	for (;; n++) {
		if (!nth(v, n, &l))
			return EFI_ST_NOT_FOUND;
		if (visible(v, l.m.attr))
			break;
	}
	store_le64(p + MM_NEXT_NAMESIZE, l.m.name_size);
	*out = MM_NEXT_NAME;
	if (l.m.name_size > nsz)
		return EFI_ST_BUFFER_TOO_SMALL;
	ffa_memcpy(p + MM_NEXT_GUID, l.m.guid, 16);
	if (uv_store_read_name(l.st, l.i, p + MM_NEXT_NAME, l.m.name_size))
		return EFI_ST_DEVICE_ERROR;
	*out += l.m.name_size;
	return EFI_ST_SUCCESS;
}

/* Attribute rules shared by SET_VARIABLE and QUERY_VARIABLE_INFO. */
static uint64_t check_attr(struct uv_vars *v, uint32_t attr)
{
	if (attr & (EFI_VAR_AUTH_WRITE | EFI_VAR_TIME_AUTH | EFI_VAR_ENHANCED_AUTH)) {
		uv_log(v, "uefivar: authenticated variables are not supported (UNSUPPORTED)");
		return EFI_ST_UNSUPPORTED;
	}
	if (attr & EFI_VAR_HW_ERROR_RECORD)
		return EFI_ST_UNSUPPORTED;
	if (attr & ~(EFI_VAR_STORED_MASK | EFI_VAR_APPEND_WRITE))
		return EFI_ST_INVALID_PARAMETER;
	if ((attr & EFI_VAR_RT) && !(attr & EFI_VAR_BS))
		return EFI_ST_INVALID_PARAMETER;
	return EFI_ST_SUCCESS;
}

/* Equal to the stored data? Then a rewrite would only wear the flash. */
static bool same_data(const struct uv_loc *l, const uint8_t *d, uint64_t n)
{
	uint8_t buf[64];

	if (l->m.data_size != n)
		return false;
	for (uint32_t o = 0; o < n; o += (uint32_t)sizeof(buf)) {
		uint32_t k = (uint32_t)(n - o < sizeof(buf) ? n - o : sizeof(buf));

		if (uv_store_read_data(l->st, l->i, o, buf, k))
			return false;
		for (uint32_t j = 0; j < k; j++)
			if (buf[j] != d[o + j])
				return false;
	}
	return true;
}

static uint64_t do_set(struct uv_vars *v, const struct uv_key *k, uint32_t attr,
		       const uint8_t *data, uint64_t dsz, bool exists, struct uv_loc *l)
{
	bool append = attr & EFI_VAR_APPEND_WRITE;
	uint32_t stored = attr & EFI_VAR_STORED_MASK;
	uint32_t keep = exists && append ? l->m.data_size : 0;
	struct uv_store *st = (stored & EFI_VAR_NV) ? v->nv : v->vol;
	uint64_t status;

	if (append && dsz == 0)
		return EFI_ST_SUCCESS;  /* appending nothing changes nothing */
	if ((stored & EFI_VAR_NV) && !nv_ok(v))
		return EFI_ST_DEVICE_ERROR;
	if ((uint64_t)k->name_size + keep + dsz > st->max_var)
		return EFI_ST_INVALID_PARAMETER;
	status = uv_rules_check_set(&v->rules, k, stored, keep + dsz);
	if (status)
		return status;
	if (exists && !append && same_data(l, data, dsz))
		return EFI_ST_SUCCESS;
	return store_status(uv_store_put(st, k, stored, keep, data, (uint32_t)dsz));
}

static uint64_t set_variable(struct uv_vars *v, uint8_t *p, uint64_t len)
{
	uint64_t dsz, nsz, status;
	uint32_t attr;
	struct uv_key k;
	struct uv_loc l;
	bool del, exists;

	if (len < MM_ACC_NAME)
		return EFI_ST_INVALID_PARAMETER;
	dsz = load_le64(p + MM_ACC_DATASIZE);
	nsz = load_le64(p + MM_ACC_NAMESIZE);
	attr = load_le32(p + MM_ACC_ATTR);
	if (nsz > len - MM_ACC_NAME || !uv_name_ok(p + MM_ACC_NAME, nsz) ||
	    dsz > len - MM_ACC_NAME - nsz || nsz == 2u)
		return EFI_ST_INVALID_PARAMETER;
	status = check_attr(v, attr);
	if (status)
		return status;
	k.guid = p + MM_ACC_GUID;
	k.name = p + MM_ACC_NAME;
	k.name_size = (uint32_t)nsz;
	del = (dsz == 0 && !(attr & EFI_VAR_APPEND_WRITE)) ||
	      !(attr & (EFI_VAR_BS | EFI_VAR_RT));
	/* After ExitBootServices only runtime variables can be written. */
	if (v->exit_boot && !del && !(attr & EFI_VAR_RT))
		return EFI_ST_INVALID_PARAMETER;
	exists = lookup(v, &k, &l);
	if (uv_rules_locked(&v->rules, &k, v->ready_to_boot))
		return EFI_ST_WRITE_PROTECTED;
	if (exists && (attr & ~EFI_VAR_APPEND_WRITE) &&
	    (attr & EFI_VAR_STORED_MASK) != l.m.attr)
		return EFI_ST_INVALID_PARAMETER;
	if (!del)
		return do_set(v, &k, attr, p + MM_ACC_NAME + nsz, dsz, exists, &l);
	if (!exists)
		return EFI_ST_NOT_FOUND;
	if ((l.m.attr & EFI_VAR_NV) && !nv_ok(v))
		return EFI_ST_DEVICE_ERROR;
	return store_status(uv_store_delete(l.st, l.i));
}

static uint64_t query_info(struct uv_vars *v, uint8_t *p, uint64_t len, uint64_t *out)
{
	uint32_t attr;
	uint64_t status, max, rem;
	struct uv_store *st;

	if (len < MM_QVI_SIZE)
		return EFI_ST_INVALID_PARAMETER;
	attr = load_le32(p + MM_QVI_ATTR);
	status = check_attr(v, attr);
	if (status)
		return status;
	if (!(attr & EFI_VAR_BS) || (attr & EFI_VAR_APPEND_WRITE) ||
	    (v->exit_boot && !(attr & EFI_VAR_RT)))
		return EFI_ST_INVALID_PARAMETER;
	if ((attr & EFI_VAR_NV) && !nv_ok(v))
		return EFI_ST_DEVICE_ERROR;
	st = (attr & EFI_VAR_NV) ? v->nv : v->vol;
	uv_store_space(st, &max, &rem);
	store_le64(p + MM_QVI_MAX_STORAGE, max);
	store_le64(p + MM_QVI_REMAINING, rem);
	store_le64(p + MM_QVI_MAX_VARSIZE, st->max_var);
	*out = MM_QVI_SIZE;
	return EFI_ST_SUCCESS;
}

static uint64_t payload_size(struct uv_vars *v, uint8_t *p, uint64_t len, uint64_t cap,
			     uint64_t *out)
{
	uint64_t n = MM_ACC_NAME + (nv_ok(v) ? v->nv : v->vol)->max_var;

	if (len < MM_PAYLOAD_SIZE)
		return EFI_ST_INVALID_PARAMETER;
	/* What one request can carry through the shared buffer. */
	store_le64(p, n < cap ? n : cap);
	*out = MM_PAYLOAD_SIZE;
	return EFI_ST_SUCCESS;
}

uint64_t uv_vars_call(struct uv_vars *v, uint64_t func, uint8_t *p, uint64_t len, uint64_t cap,
		      uint64_t *out_len)
{
	*out_len = len;
	switch (func) {
	case MM_VAR_FN_GET_VARIABLE:
		return get_variable(v, p, len, cap, out_len);
	case MM_VAR_FN_GET_NEXT_VARIABLE_NAME:
		return get_next(v, p, len, out_len);
	case MM_VAR_FN_SET_VARIABLE:
		return set_variable(v, p, len);
	case MM_VAR_FN_QUERY_VARIABLE_INFO:
		return query_info(v, p, len, out_len);
	case MM_VAR_FN_READY_TO_BOOT:
		v->ready_to_boot = true;
		return EFI_ST_SUCCESS;
	case MM_VAR_FN_EXIT_BOOT_SERVICE:
		v->ready_to_boot = true;
		v->exit_boot = true;
		return EFI_ST_SUCCESS;
	case MM_VAR_FN_LOCK_VARIABLE:
		return uv_rules_lock(&v->rules, p, len, v->ready_to_boot);
	case MM_VAR_FN_VAR_CHECK_SET:
		return uv_rules_prop_set(&v->rules, p, len, v->ready_to_boot);
	case MM_VAR_FN_VAR_CHECK_GET:
		return uv_rules_prop_get(&v->rules, p, len, out_len);
	case MM_VAR_FN_GET_PAYLOAD_SIZE:
		return payload_size(v, p, len, cap, out_len);
	default:
		return EFI_ST_UNSUPPORTED;
	}
}

uint64_t uv_vars_publish(struct uv_vars *v, const struct uv_key *k, const uint8_t *data,
			 uint32_t size)
{
	const uint32_t attr = EFI_VAR_BS | EFI_VAR_RT;
	uint64_t status = store_status(uv_store_put(v->vol, k, attr, 0, data, size));

	return status ? status : uv_rules_read_only(&v->rules, k, attr, size);
}
