// SPDX-License-Identifier: MIT
/* Locks and VAR_CHECK properties of UEFI variables (see rules.h). */
#include "services/uefivar/rules.h"

#include "ffa/codec.h"
#include "common/byteorder.h"
#include "services/mm_var.h"

bool uv_name_ok(const uint8_t *name, uint64_t nsz)
{
	if (nsz < 2u || (nsz & 1u) || nsz > UV_NAME_MAX)
		return false;
	for (uint64_t i = 0; i + 2u < nsz; i += 2u)
		if (!name[i] && !name[i + 1u])
			return false;
	return !name[nsz - 2u] && !name[nsz - 1u];
}

static bool rule_is(const struct uv_rule *r, const struct uv_key *k)
{
	if (r->name_size != k->name_size)
		return false;
	for (unsigned int i = 0; i < 16u; i++)
		if (r->guid[i] != k->guid[i])
			return false;
	for (uint32_t i = 0; i < k->name_size; i++)
		if (r->name[i] != k->name[i])
			return false;
	return true;
}

static const struct uv_rule *find(const struct uv_rule *t, uint32_t n, const struct uv_key *k)
{
	for (uint32_t i = 0; i < n; i++)
		if (rule_is(&t[i], k))
			return &t[i];
	return 0;
}

bool uv_rules_locked(const struct uv_rules *r, const struct uv_key *k, bool frozen)
{
	const struct uv_rule *p = find(r->props, r->nprops, k);

	if (p && (p->property & MM_VCP_READ_ONLY))
		return true;
	return frozen && find(r->locks, r->nlocks, k);
}

uint64_t uv_rules_check_set(const struct uv_rules *r, const struct uv_key *k, uint32_t attr,
			    uint64_t data_size)
{
	const struct uv_rule *p = find(r->props, r->nprops, k);

	if (!p)
		return EFI_ST_SUCCESS;
	if (p->attr && p->attr != attr)
		return EFI_ST_INVALID_PARAMETER;
	if (data_size < p->min_size || data_size > p->max_size)
		return EFI_ST_INVALID_PARAMETER;
	return EFI_ST_SUCCESS;
}

/* Key of a rule request: guid at 0, NameSize u64 at nsz_off, name at name_off. */
static uint64_t rule_key(const uint8_t *p, uint64_t len, uint64_t nsz_off, uint64_t name_off,
			 struct uv_key *k)
{
	uint64_t nsz;

	if (len < name_off)
		return EFI_ST_INVALID_PARAMETER;
	nsz = load_le64(p + nsz_off);
	if (nsz > len - name_off || !uv_name_ok(p + name_off, nsz) || nsz == 2u)
		return EFI_ST_INVALID_PARAMETER;
	k->guid = p;
	k->name = p + name_off;
	k->name_size = (uint32_t)nsz;
	return EFI_ST_SUCCESS;
}

/* The rule for k in table t (count *n), added if new. */
static struct uv_rule *slot(struct uv_rule *t, uint32_t *n, uint32_t max, const struct uv_key *k)
{
	struct uv_rule *r = (struct uv_rule *)find(t, *n, k);

	if (r)
		return r;
	if (*n == max || k->name_size > UV_RULE_NAME_MAX)
		return 0;
	r = &t[(*n)++];
	ffa_memset(r, 0, sizeof(*r));
	ffa_memcpy(r->guid, k->guid, 16);
	ffa_memcpy(r->name, k->name, k->name_size);
	r->name_size = k->name_size;
	return r;
}

uint64_t uv_rules_lock(struct uv_rules *r, uint8_t *p, uint64_t len, bool frozen)
{
	struct uv_key k;
	uint64_t st = rule_key(p, len, MM_LOCK_NAMESIZE, MM_LOCK_NAME, &k);

	if (st)
		return st;
	if (frozen)
		return EFI_ST_ACCESS_DENIED;
	return slot(r->locks, &r->nlocks, UV_MAX_LOCKS, &k) ? EFI_ST_SUCCESS
							     : EFI_ST_OUT_OF_RESOURCES;
}

uint64_t uv_rules_prop_set(struct uv_rules *r, uint8_t *p, uint64_t len, bool frozen)
{
	const uint8_t *q = p + MM_VCP_PROP;
	struct uv_rule *rule;
	struct uv_key k;
	uint64_t st = rule_key(p, len, MM_VCP_NAMESIZE, MM_VCP_NAME, &k);
	uint16_t prop;
	uint32_t attr;

	if (st)
		return st;
	prop = load_le16(q + MM_VCP_PROPERTY);
	attr = load_le32(q + MM_VCP_ATTR);
	if (load_le16(q + MM_VCP_REVISION) != MM_VCP_REVISION_1 || (prop & ~MM_VCP_READ_ONLY) ||
	    (attr & ~EFI_VAR_STORED_MASK) ||
	    load_le64(q + MM_VCP_MINSIZE) > load_le64(q + MM_VCP_MAXSIZE))
		return EFI_ST_INVALID_PARAMETER;
	if (frozen)
		return EFI_ST_ACCESS_DENIED;
	rule = slot(r->props, &r->nprops, UV_MAX_PROPS, &k);
	if (!rule)
		return EFI_ST_OUT_OF_RESOURCES;
	rule->property = prop;
	rule->attr = attr;
	rule->min_size = load_le64(q + MM_VCP_MINSIZE);
	rule->max_size = load_le64(q + MM_VCP_MAXSIZE);
	return EFI_ST_SUCCESS;
}

uint64_t uv_rules_prop_get(const struct uv_rules *r, uint8_t *p, uint64_t len, uint64_t *out)
{
	uint8_t *q = p + MM_VCP_PROP;
	const struct uv_rule *rule;
	struct uv_key k;
	uint64_t st = rule_key(p, len, MM_VCP_NAMESIZE, MM_VCP_NAME, &k);

	if (st)
		return st;
	rule = find(r->props, r->nprops, &k);
	if (!rule)
		return EFI_ST_NOT_FOUND;
	store_le16(q + MM_VCP_REVISION, MM_VCP_REVISION_1);
	store_le16(q + MM_VCP_PROPERTY, rule->property);
	store_le32(q + MM_VCP_ATTR, rule->attr);
	store_le64(q + MM_VCP_MINSIZE, rule->min_size);
	store_le64(q + MM_VCP_MAXSIZE, rule->max_size);
	*out = MM_VCP_NAME + k.name_size;
	return EFI_ST_SUCCESS;
}

uint64_t uv_rules_read_only(struct uv_rules *r, const struct uv_key *k, uint32_t attr,
			    uint64_t size)
{
	struct uv_rule *rule = slot(r->props, &r->nprops, UV_MAX_PROPS, k);

	if (!rule)
		return EFI_ST_OUT_OF_RESOURCES;
	rule->property = MM_VCP_READ_ONLY;
	rule->attr = attr;
	rule->min_size = size;
	rule->max_size = size;
	return EFI_ST_SUCCESS;
}
