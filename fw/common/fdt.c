// SPDX-License-Identifier: MIT
/*
 * Flattened device tree reader/editor (see fdt.h for the model). Written
 * from the devicetree format description: a 40-byte big-endian header, the
 * memory reservation map, the structure block (a token stream) and the
 * strings block (property names).
 */
#include "fw/common/fdt.h"

#include "fw/common/util.h"

/* Header field offsets. */
#define H_MAGIC 0u
#define H_TOTALSIZE 4u
#define H_OFF_STRUCT 8u
#define H_OFF_STRINGS 12u
#define H_OFF_RSVMAP 16u
#define H_VERSION 20u
#define H_LAST_COMP 24u
#define H_BOOT_CPUID 28u
#define H_SIZE_STRINGS 32u
#define H_SIZE_STRUCT 36u

#define ALIGN4(x) (((x) + 3u) & ~3u)

static uint32_t hdr(const struct fdt *f, uint32_t field)
{
	return load_be32(f->buf + field);
}

static void set_hdr(struct fdt *f, uint32_t field, uint32_t v)
{
	store_be32(f->buf + field, v);
}

uint32_t fdt_totalsize(const struct fdt *f)
{
	return hdr(f, H_TOTALSIZE);
}

uint32_t fdt_strings_size(const struct fdt *f)
{
	return hdr(f, H_SIZE_STRINGS);
}

uint32_t fdt_struct_size(const struct fdt *f)
{
	return hdr(f, H_SIZE_STRUCT);
}

uint32_t fdt_used_size(const struct fdt *f)
{
	return hdr(f, H_OFF_STRINGS) + hdr(f, H_SIZE_STRINGS);
}

static const uint8_t *sblock(const struct fdt *f)
{
	return f->buf + hdr(f, H_OFF_STRUCT);
}

static const char *strblock(const struct fdt *f)
{
	return (const char *)f->buf + hdr(f, H_OFF_STRINGS);
}

/* The name at nameoff in the strings block, or NULL if out of bounds. */
static const char *string_at(const struct fdt *f, uint32_t nameoff)
{
	uint32_t size = hdr(f, H_SIZE_STRINGS);
	const char *s = strblock(f);

	if (nameoff >= size || fw_strnlen(s + nameoff, size - nameoff) == size - nameoff)
		return NULL;
	return s + nameoff;
}

/*
 * Decode the token at structure offset off: returns its tag (or a negative
 * error) and the offset of the following token in *next. Every length is
 * checked against the structure block, so a corrupt tree cannot walk out.
 */
static int next_token(const struct fdt *f, uint32_t off, uint32_t *next)
{
	uint32_t size = hdr(f, H_SIZE_STRUCT);
	const uint8_t *base = sblock(f);
	uint32_t tag, len, room;
	size_t n;

	if (off % 4u || off > size || size - off < 4u)
		return FDT_ERR_BADSTRUCT;
	tag = load_be32(base + off);
	off += 4u;
	room = size - off;
	switch (tag) {
	case FDT_TOKEN_BEGIN_NODE:
		n = fw_strnlen((const char *)base + off, room < FDT_MAX_NAME ? room : FDT_MAX_NAME);
		if (n == room || n >= FDT_MAX_NAME || ALIGN4((uint32_t)n + 1u) > room)
			return FDT_ERR_BADSTRUCT;
		off += ALIGN4((uint32_t)n + 1u);
		break;
	case FDT_TOKEN_PROP:
		if (room < 8u)
			return FDT_ERR_BADSTRUCT;
		len = load_be32(base + off);
		if (!string_at(f, load_be32(base + off + 4u)))
			return FDT_ERR_BADSTRUCT;
		room -= 8u;
		if (len > room || ALIGN4(len) > room)
			return FDT_ERR_BADSTRUCT;
		off += 8u + ALIGN4(len);
		break;
	case FDT_TOKEN_END_NODE:
	case FDT_TOKEN_NOP:
	case FDT_TOKEN_END:
		break;
	default:
		return FDT_ERR_BADSTRUCT;
	}
	*next = off;
	return (int)tag;
}

static int check_header(const uint8_t *buf, uint32_t avail, uint32_t cap)
{
	uint64_t rsv, st, st_end, str, str_end, total;

	if (!buf || avail < FDT_HEADER_SIZE)
		return FDT_ERR_TRUNCATED;
	if (load_be32(buf + H_MAGIC) != FDT_MAGIC)
		return FDT_ERR_BADMAGIC;
	total = load_be32(buf + H_TOTALSIZE);
	if (total > avail)
		return FDT_ERR_TRUNCATED;
	if (total > cap)
		return FDT_ERR_NOSPACE;
	if (load_be32(buf + H_VERSION) < FDT_VERSION ||
	    load_be32(buf + H_LAST_COMP) > FDT_VERSION)
		return FDT_ERR_BADVERSION;
	rsv = load_be32(buf + H_OFF_RSVMAP);
	st = load_be32(buf + H_OFF_STRUCT);
	st_end = st + load_be32(buf + H_SIZE_STRUCT);
	str = load_be32(buf + H_OFF_STRINGS);
	str_end = str + load_be32(buf + H_SIZE_STRINGS);
	if (rsv < FDT_HEADER_SIZE || rsv % 8u || st % 4u || (st_end - st) % 4u)
		return FDT_ERR_BADLAYOUT;
	/* The editor relies on this order, with the strings block last. */
	if (rsv + 16u > st || st_end > str || str_end > total)
		return FDT_ERR_BADLAYOUT;
	/* The reservation map ends with an all-zero entry inside its block. */
	for (uint64_t e = rsv;; e += 16u) {
		if (e + 16u > st)
			return FDT_ERR_BADLAYOUT;
		if (load_be64(buf + e) == 0 && load_be64(buf + e + 8u) == 0)
			break;
	}
	return 0;
}

/* Structure walk: one root, balanced nodes, properties before subnodes. */
static int check_struct(const struct fdt *f)
{
	uint64_t had_child = 0;  /* bit d: the node at depth d has a subnode */
	uint32_t off = 0, next;
	int depth = 0, seen_root = 0;

	for (;;) {
		int tag = next_token(f, off, &next);

		if (tag < 0)
			return tag;
		switch (tag) {
		case FDT_TOKEN_BEGIN_NODE:
			if (depth == 0 && seen_root)
				return FDT_ERR_BADSTRUCT;
			if (depth == 0 && sblock(f)[off + 4u] != '\0')
				return FDT_ERR_BADSTRUCT;   /* the root is unnamed */
			if (depth > 0)
				had_child |= 1ull << depth;
			if (++depth > FDT_MAX_DEPTH)
				return FDT_ERR_BADSTRUCT;
			had_child &= ~(1ull << depth);
			seen_root = 1;
			break;
		case FDT_TOKEN_END_NODE:
			if (depth == 0)
				return FDT_ERR_BADSTRUCT;
			depth--;
			break;
		case FDT_TOKEN_PROP:
			if (depth == 0 || (had_child & (1ull << depth)))
				return FDT_ERR_BADSTRUCT;
			break;
		case FDT_TOKEN_END:
			if (depth != 0 || !seen_root || next != hdr(f, H_SIZE_STRUCT))
				return FDT_ERR_BADSTRUCT;
			return 0;
		default:
			break;
		}
		off = next;
	}
}

int fdt_check(const struct fdt *f)
{
	int err = check_header(f->buf, f->cap, f->cap);

	return err ? err : check_struct(f);
}

int fdt_open(struct fdt *f, void *buf, uint32_t avail, uint32_t cap)
{
	int err = check_header(buf, avail, cap);

	if (err)
		return err;
	f->buf = buf;
	f->cap = cap;
	err = check_struct(f);
	if (err) {
		f->buf = 0;
		f->cap = 0;
	}
	return err;
}

int fdt_create_empty(struct fdt *f, void *buf, uint32_t cap)
{
	static const uint32_t tokens[] = { FDT_TOKEN_BEGIN_NODE, 0, FDT_TOKEN_END_NODE,
					   FDT_TOKEN_END };
	const uint32_t rsv = FDT_HEADER_SIZE, st = rsv + 16u;
	const uint32_t total = st + (uint32_t)sizeof(tokens);
	uint8_t *b = buf;

	if (!buf || cap < total)
		return FDT_ERR_NOSPACE;
	ffa_memset(b, 0, total);
	f->buf = b;
	f->cap = cap;
	set_hdr(f, H_MAGIC, FDT_MAGIC);
	set_hdr(f, H_TOTALSIZE, total);
	set_hdr(f, H_OFF_STRUCT, st);
	set_hdr(f, H_OFF_STRINGS, total);
	set_hdr(f, H_OFF_RSVMAP, rsv);
	set_hdr(f, H_VERSION, FDT_VERSION);
	set_hdr(f, H_LAST_COMP, FDT_LAST_COMP_VERSION);
	set_hdr(f, H_BOOT_CPUID, 0);
	set_hdr(f, H_SIZE_STRINGS, 0);
	set_hdr(f, H_SIZE_STRUCT, (uint32_t)sizeof(tokens));
	for (uint32_t i = 0; i < FW_ARRAY_SIZE(tokens); i++)
		store_be32(b + st + 4u * i, tokens[i]);
	return 0;
}

/* A node handle must point at a BEGIN_NODE token. */
static int node_ok(const struct fdt *f, int node, uint32_t *after)
{
	uint32_t next;

	if (!f->buf || node < 0 || next_token(f, (uint32_t)node, &next) != FDT_TOKEN_BEGIN_NODE)
		return 0;
	if (after)
		*after = next;
	return 1;
}

const char *fdt_node_name(const struct fdt *f, int node)
{
	if (!node_ok(f, node, 0))
		return 0;
	return (const char *)sblock(f) + (uint32_t)node + 4u;
}

/* Offset of the node's matching END_NODE token. */
static int node_end(const struct fdt *f, int node, uint32_t *end)
{
	uint32_t off, next;
	int depth = 1;

	if (!node_ok(f, node, &off))
		return FDT_ERR_BADARG;
	for (;;) {
		int tag = next_token(f, off, &next);

		if (tag < 0)
			return tag;
		if (tag == FDT_TOKEN_BEGIN_NODE && ++depth > FDT_MAX_DEPTH)
			return FDT_ERR_BADSTRUCT;
		if (tag == FDT_TOKEN_END)
			return FDT_ERR_BADSTRUCT;
		if (tag == FDT_TOKEN_END_NODE && --depth == 0) {
			*end = off;
			return 0;
		}
		off = next;
	}
}

/* The first BEGIN_NODE at or after off at the current level, else NOTFOUND. */
static int child_from(const struct fdt *f, uint32_t off)
{
	uint32_t next;

	for (;;) {
		int tag = next_token(f, off, &next);

		if (tag < 0)
			return tag;
		if (tag == FDT_TOKEN_BEGIN_NODE)
			return (int)off;
		if (tag == FDT_TOKEN_END_NODE || tag == FDT_TOKEN_END)
			return FDT_ERR_NOTFOUND;
		off = next;
	}
}

int fdt_first_child(const struct fdt *f, int node)
{
	uint32_t off;

	if (!node_ok(f, node, &off))
		return FDT_ERR_BADARG;
	return child_from(f, off);
}

int fdt_next_sibling(const struct fdt *f, int node)
{
	uint32_t end, next;
	int err = node_end(f, node, &end);

	if (err)
		return err;
	if (next_token(f, end, &next) != FDT_TOKEN_END_NODE)
		return FDT_ERR_BADSTRUCT;
	return child_from(f, next);
}

static int root_offset(const struct fdt *f)
{
	if (!f->buf)
		return FDT_ERR_BADARG;
	return child_from(f, 0);
}

/* "cpu" matches "cpu" and "cpu@0"; "cpu@0" matches only itself. */
static int name_matches(const char *node_name, const char *want, size_t want_len)
{
	size_t i;

	for (i = 0; i < want_len; i++)
		if (node_name[i] != want[i])
			return 0;
	if (node_name[i] == '\0')
		return 1;
	for (size_t j = 0; j < want_len; j++)
		if (want[j] == '@')
			return 0;
	return node_name[i] == '@';
}

static int subnode_n(const struct fdt *f, int parent, const char *name, size_t len)
{
	int child = fdt_first_child(f, parent);

	while (child >= 0) {
		if (name_matches(fdt_node_name(f, child), name, len))
			return child;
		child = fdt_next_sibling(f, child);
	}
	return child;
}

int fdt_subnode(const struct fdt *f, int parent, const char *name)
{
	if (!name || !*name)
		return FDT_ERR_BADARG;
	return subnode_n(f, parent, name, fw_strlen(name));
}

/* The child whose full name (unit address included) is name. */
static int subnode_exact(const struct fdt *f, int parent, const char *name)
{
	int child = fdt_first_child(f, parent);

	while (child >= 0) {
		if (fw_streq(fdt_node_name(f, child), name))
			return child;
		child = fdt_next_sibling(f, child);
	}
	return child;
}

int fdt_path_offset(const struct fdt *f, const char *path)
{
	int node = root_offset(f);

	if (!path || path[0] != '/')
		return FDT_ERR_BADARG;
	while (node >= 0 && *path) {
		size_t len = 0;

		while (*path == '/')
			path++;
		while (path[len] && path[len] != '/')
			len++;
		if (len == 0)
			break;
		if (len >= FDT_MAX_NAME)
			return FDT_ERR_BADARG;
		node = subnode_n(f, node, path, len);
		path += len;
	}
	return node;
}

/* Structure offset of the named property's PROP token, or NOTFOUND. */
static int find_prop(const struct fdt *f, int node, const char *name)
{
	uint32_t off, next;

	if (!node_ok(f, node, &off) || !name)
		return FDT_ERR_BADARG;
	for (;;) {
		int tag = next_token(f, off, &next);

		if (tag < 0)
			return tag;
		if (tag != FDT_TOKEN_PROP && tag != FDT_TOKEN_NOP)
			return FDT_ERR_NOTFOUND;
		if (tag == FDT_TOKEN_PROP &&
		    fw_streq(string_at(f, load_be32(sblock(f) + off + 8u)), name))
			return (int)off;
		off = next;
	}
}

const void *fdt_getprop(const struct fdt *f, int node, const char *name, uint32_t *len)
{
	int off = find_prop(f, node, name);

	if (off < 0)
		return 0;
	if (len)
		*len = load_be32(sblock(f) + (uint32_t)off + 4u);
	return sblock(f) + (uint32_t)off + 12u;
}

uint32_t fdt_getprop_u32(const struct fdt *f, int node, const char *name, uint32_t def)
{
	uint32_t len;
	const void *p = fdt_getprop(f, node, name, &len);

	return p && len == 4u ? load_be32(p) : def;
}

bool fdt_prop_has_string(const struct fdt *f, int node, const char *name, const char *str)
{
	uint32_t len, pos = 0;
	const char *p = fdt_getprop(f, node, name, &len);

	if (!p)
		return false;
	while (pos < len) {
		size_t n = fw_strnlen(p + pos, len - pos);

		if (n == len - pos)
			return false;   /* unterminated: not a string list */
		if (fw_streq(p + pos, str))
			return true;
		pos += (uint32_t)n + 1u;
	}
	return false;
}

bool fdt_node_enabled(const struct fdt *f, int node)
{
	uint32_t len;
	const char *s = fdt_getprop(f, node, "status", &len);

	if (!s)
		return true;
	if (len == 0 || s[len - 1] != '\0')
		return false;
	return fw_streq(s, "okay") || fw_streq(s, "ok");
}

/* Room for `grow` more bytes after the strings block, within cap. */
static int has_room(const struct fdt *f, uint64_t grow)
{
	return (uint64_t)fdt_used_size(f) + grow <= f->cap;
}

static void bump_totalsize(struct fdt *f)
{
	if (fdt_totalsize(f) < fdt_used_size(f))
		set_hdr(f, H_TOTALSIZE, fdt_used_size(f));
}

/*
 * Replace old_len bytes at structure offset off with new_len bytes (left
 * uninitialised), moving the rest of the structure block and the strings
 * block. Both lengths are multiples of 4, so alignment is kept.
 */
static int splice(struct fdt *f, uint32_t off, uint32_t old_len, uint32_t new_len)
{
	uint32_t abs = hdr(f, H_OFF_STRUCT) + off;
	uint32_t used = fdt_used_size(f);

	if (new_len > old_len && !has_room(f, (uint64_t)new_len - old_len))
		return FDT_ERR_NOSPACE;
	if (old_len > used - abs)
		return FDT_ERR_BADARG;
	ffa_memmove(f->buf + abs + new_len, f->buf + abs + old_len, used - abs - old_len);
	set_hdr(f, H_SIZE_STRUCT, hdr(f, H_SIZE_STRUCT) - old_len + new_len);
	set_hdr(f, H_OFF_STRINGS, hdr(f, H_OFF_STRINGS) - old_len + new_len);
	bump_totalsize(f);
	return 0;
}

/* Offset of name in the strings block (suffixes of longer names count). */
static int find_string(const struct fdt *f, const char *name, uint32_t len)
{
	uint32_t size = hdr(f, H_SIZE_STRINGS);
	const char *s = strblock(f);

	for (uint32_t i = 0; size >= len + 1u && i <= size - (len + 1u); i++)
		if (ffa_memcmp(s + i, name, len + 1u) == 0)
			return (int)i;
	return FDT_ERR_NOTFOUND;
}

static int valid_name(const char *name, int node)
{
	size_t n;

	if (!name)
		return 0;
	n = fw_strnlen(name, FDT_MAX_NAME);
	if (n == 0 || n >= FDT_MAX_NAME)
		return 0;
	for (size_t i = 0; node && i < n; i++)
		if (name[i] == '/')
			return 0;
	return 1;
}

static int setprop_existing(struct fdt *f, uint32_t poff, const void *val, uint32_t len)
{
	uint32_t old = ALIGN4(load_be32(sblock(f) + poff + 4u));
	int err = splice(f, poff + 12u, old, ALIGN4(len));
	uint8_t *p;

	if (err)
		return err;
	p = f->buf + hdr(f, H_OFF_STRUCT) + poff;
	store_be32(p + 4u, len);
	ffa_memmove(p + 12u, val, len);
	ffa_memset(p + 12u + len, 0, ALIGN4(len) - len);
	return 0;
}

int fdt_setprop(struct fdt *f, int node, const char *name, const void *val, uint32_t len)
{
	uint32_t after, next, nlen, nameoff;
	int poff, soff;
	uint8_t *p;

	if (!node_ok(f, node, &after) || !valid_name(name, 0) || (len && !val))
		return FDT_ERR_BADARG;
	/* Also keeps ALIGN4(len) below from wrapping. */
	if (len > f->cap || len > UINT32_MAX - 3u)
		return FDT_ERR_NOSPACE;
	poff = find_prop(f, node, name);
	if (poff >= 0)
		return setprop_existing(f, (uint32_t)poff, val, len);
	if (poff != FDT_ERR_NOTFOUND)
		return poff;
	nlen = (uint32_t)fw_strlen(name);
	soff = find_string(f, name, nlen);
	/* Check the whole edit fits first, so a refused one changes nothing. */
	if (!has_room(f, 12u + (uint64_t)ALIGN4(len) + (soff < 0 ? nlen + 1u : 0)))
		return FDT_ERR_NOSPACE;
	if (soff < 0) {
		soff = (int)hdr(f, H_SIZE_STRINGS);
		ffa_memmove(f->buf + fdt_used_size(f), name, nlen + 1u);
		set_hdr(f, H_SIZE_STRINGS, hdr(f, H_SIZE_STRINGS) + nlen + 1u);
		bump_totalsize(f);
	}
	nameoff = (uint32_t)soff;
	/* After the node's last property: tools print them in insertion order. */
	while (next_token(f, after, &next) == FDT_TOKEN_PROP)
		after = next;
	if (splice(f, after, 0, 12u + ALIGN4(len)))
		return FDT_ERR_NOSPACE;   /* unreachable: room was checked */
	p = f->buf + hdr(f, H_OFF_STRUCT) + after;
	store_be32(p, FDT_TOKEN_PROP);
	store_be32(p + 4u, len);
	store_be32(p + 8u, nameoff);
	ffa_memmove(p + 12u, val, len);
	ffa_memset(p + 12u + len, 0, ALIGN4(len) - len);
	return 0;
}

int fdt_setprop_u32(struct fdt *f, int node, const char *name, uint32_t v)
{
	uint8_t b[4];

	store_be32(b, v);
	return fdt_setprop(f, node, name, b, sizeof(b));
}

int fdt_setprop_u64(struct fdt *f, int node, const char *name, uint64_t v)
{
	uint8_t b[8];

	store_be64(b, v);
	return fdt_setprop(f, node, name, b, sizeof(b));
}

int fdt_setprop_string(struct fdt *f, int node, const char *name, const char *s)
{
	size_t n;

	if (!s)
		return FDT_ERR_BADARG;
	n = fw_strnlen(s, f->cap);
	if (n >= f->cap)
		return FDT_ERR_BADARG;
	return fdt_setprop(f, node, name, s, (uint32_t)n + 1u);
}

int fdt_add_subnode(struct fdt *f, int parent, const char *name)
{
	uint32_t end, nlen, size;
	uint8_t *p;
	int err;

	if (!node_ok(f, parent, 0) || !valid_name(name, 1))
		return FDT_ERR_BADARG;
	err = subnode_exact(f, parent, name);
	if (err >= 0)
		return FDT_ERR_EXISTS;
	if (err != FDT_ERR_NOTFOUND)
		return err;
	err = node_end(f, parent, &end);
	if (err)
		return err;
	nlen = (uint32_t)fw_strlen(name);
	size = 4u + ALIGN4(nlen + 1u) + 4u;
	err = splice(f, end, 0, size);
	if (err)
		return err;
	p = f->buf + hdr(f, H_OFF_STRUCT) + end;
	store_be32(p, FDT_TOKEN_BEGIN_NODE);
	ffa_memset(p + 4u, 0, ALIGN4(nlen + 1u));
	ffa_memmove(p + 4u, name, nlen);
	store_be32(p + size - 4u, FDT_TOKEN_END_NODE);
	return (int)end;
}

int fdt_find_or_add_subnode(struct fdt *f, int parent, const char *name)
{
	int node;

	if (!valid_name(name, 1))
		return FDT_ERR_BADARG;
	node = subnode_exact(f, parent, name);
	if (node != FDT_ERR_NOTFOUND)
		return node;
	return fdt_add_subnode(f, parent, name);
}

const char *fdt_strerror(int err)
{
	switch (err) {
	case 0:
		return "ok";
	case FDT_ERR_BADMAGIC:
		return "bad magic";
	case FDT_ERR_TRUNCATED:
		return "truncated";
	case FDT_ERR_BADVERSION:
		return "unsupported version";
	case FDT_ERR_BADLAYOUT:
		return "bad block layout";
	case FDT_ERR_BADSTRUCT:
		return "malformed structure block";
	case FDT_ERR_NOSPACE:
		return "no space";
	case FDT_ERR_NOTFOUND:
		return "not found";
	case FDT_ERR_EXISTS:
		return "already exists";
	case FDT_ERR_BADARG:
		return "bad argument";
	default:
		return "unknown error";
	}
}

int fdt_nop_node(struct fdt *f, int node)
{
	uint8_t *base = f->buf + hdr(f, H_OFF_STRUCT);
	uint32_t end;
	int err;

	/* The root holds everything: removing it would leave no tree. */
	if (node <= 0)
		return FDT_ERR_BADARG;
	err = node_end(f, node, &end);
	if (err)
		return err;
	for (uint32_t off = (uint32_t)node; off <= end; off += 4u)
		store_be32(base + off, FDT_TOKEN_NOP);
	return 0;
}
