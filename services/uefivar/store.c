// SPDX-License-Identifier: MIT
/*
 * The log-structured variable store (store.h). Every multi-byte field is
 * little-endian and accessed bytewise: the firmware reads flash with its MMU
 * off, where unaligned accesses fault.
 */
#include "services/uefivar/store.h"

#include "ffa/codec.h"
#include "common/byteorder.h"
#include "services/uefivar/crc32.h"

#define BANK_MAGIC   0x4b6e4275u   /* "uBnK" */
#define BANK_VERSION 1u
#define REC_MAGIC    0x52765575u   /* "uUvR" */
/* Any value other than all-ones works; a half-programmed word is not it. */
#define COMMIT_WORD  0x3ca5a53cu
#define ERASED_WORD  0xffffffffu
#define REC_DELETED  1u

/* Bank header */
#define BH_MAGIC    0u
#define BH_VERSION  4u
#define BH_SEQ      8u
#define BH_SIZE    12u
#define BH_CRC     16u
#define BH_COMPLETE 20u
/* Record header */
#define RH_MAGIC    0u
#define RH_LEN      4u
#define RH_CRC      8u
#define RH_COMMIT  12u
#define RH_GUID    16u
#define RH_ATTR    32u
#define RH_FLAGS   36u
#define RH_NAMESZ  40u
#define RH_DATASZ  44u

#define CHUNK 256u

static uint32_t align_up(uint32_t v, uint32_t a)
{
	return (v + a - 1u) & ~(a - 1u);
}

static uint32_t bank_base(const struct uv_store *s, uint32_t bank)
{
	return bank * s->bank_size;
}

static int rd(const struct uv_store *s, uint32_t off, void *buf, uint32_t len)
{
	return s->fl->read(s->fl->ctx, off, buf, len) ? UV_E_IO : UV_OK;
}

static uint32_t hash_key(const uint8_t *guid, const uint8_t *name, uint32_t n)
{
	uint32_t h = 0x811c9dc5u;

	for (uint32_t i = 0; i < 16u; i++)
		h = (h ^ guid[i]) * 0x01000193u;
	for (uint32_t i = 0; i < n; i++)
		h = (h ^ name[i]) * 0x01000193u;
	return h;
}

/* CRC of flash bytes [off, off + len), continuing from crc. */
static int crc_flash(const struct uv_store *s, uint32_t off, uint32_t len, uint32_t *crc)
{
	uint8_t buf[64];

	while (len) {
		uint32_t n = len < sizeof(buf) ? len : (uint32_t)sizeof(buf);

		if (rd(s, off, buf, n))
			return UV_E_IO;
		*crc = uv_crc32_update(*crc, buf, n);
		off += n;
		len -= n;
	}
	return UV_OK;
}

/* Flash [off, off + len) all 0xFF? 1 yes, 0 no, UV_E_IO. */
static int is_erased(const struct uv_store *s, uint32_t off, uint32_t len)
{
	uint8_t buf[CHUNK];

	while (len) {
		uint32_t n = len < CHUNK ? len : CHUNK;

		if (rd(s, off, buf, n))
			return UV_E_IO;
		for (uint32_t i = 0; i < n; i++)
			if (buf[i] != 0xffu)
				return 0;
		off += n;
		len -= n;
	}
	return 1;
}

/* Streams bytes to flash in aligned chunks. */
struct writer {
	const struct uv_store *s;
	uint32_t off;            /* flash offset of buf[0] */
	uint32_t fill;
	int err;
	uint8_t buf[CHUNK];
};

static void wr_init(struct writer *w, const struct uv_store *s, uint32_t off)
{
	w->s = s;
	w->off = off;
	w->fill = 0;
	w->err = UV_OK;
}

static void wr_emit(struct writer *w, uint32_t len)
{
	if (!w->err && w->s->fl->program(w->s->fl->ctx, w->off, w->buf, len))
		w->err = UV_E_IO;
	w->off += len;
	w->fill = 0;
}

static void wr_put(struct writer *w, const uint8_t *p, uint32_t n)
{
	while (n) {
		uint32_t room = CHUNK - w->fill;
		uint32_t k = n < room ? n : room;

		ffa_memcpy(w->buf + w->fill, p, k);
		w->fill += k;
		p += k;
		n -= k;
		if (w->fill == CHUNK)
			wr_emit(w, CHUNK);
	}
}

/* Copy flash bytes into the writer (the source never overlaps the target). */
static void wr_copy(struct writer *w, uint32_t src, uint32_t n)
{
	uint8_t tmp[64];

	while (n && !w->err) {
		uint32_t k = n < sizeof(tmp) ? n : (uint32_t)sizeof(tmp);

		if (rd(w->s, src, tmp, k))
			w->err = UV_E_IO;
		else
			wr_put(w, tmp, k);
		src += k;
		n -= k;
	}
}

/* Pad with erased bytes to the program size and write what is left. */
static int wr_flush(struct writer *w)
{
	if (w->fill) {
		uint32_t len = align_up(w->fill, UV_PROG_ALIGN);

		ffa_memset(w->buf + w->fill, 0xff, len - w->fill);
		wr_emit(w, len);
	}
	return w->err;
}

static int program_word(const struct uv_store *s, uint32_t off, uint32_t v)
{
	uint8_t b[4];

	store_le32(b, v);
	return s->fl->program(s->fl->ctx, off, b, 4) ? UV_E_IO : UV_OK;
}

/* A record about to be written: header fields plus where its data is. */
struct newrec {
	const struct uv_key *k;
	uint32_t attr;
	uint32_t flags;
	uint32_t keep;           /* bytes copied from keep_from's data */
	uint32_t keep_from;      /* flash offset of that record */
	const uint8_t *data;
	uint32_t len;
};

static uint32_t rec_len(const struct newrec *r)
{
	return UV_REC_HDR + r->k->name_size + r->keep + r->len;
}

static int rec_write(const struct uv_store *s, uint32_t off, const struct newrec *r)
{
	uint8_t h[UV_REC_HDR];
	uint32_t crc = UV_CRC32_INIT;
	uint32_t keep_src = r->keep_from + UV_REC_HDR;
	struct writer w;
	uint8_t nsz[4];

	ffa_memset(h, 0xff, sizeof(h));
	store_le32(h + RH_MAGIC, REC_MAGIC);
	store_le32(h + RH_LEN, rec_len(r));
	ffa_memcpy(h + RH_GUID, r->k->guid, 16);
	store_le32(h + RH_ATTR, r->attr);
	store_le32(h + RH_FLAGS, r->flags);
	store_le32(h + RH_NAMESZ, r->k->name_size);
	store_le32(h + RH_DATASZ, r->keep + r->len);
	if (r->keep) {
		/* The kept data follows the old record's name. */
		if (rd(s, r->keep_from + RH_NAMESZ, nsz, 4))
			return UV_E_IO;
		keep_src += load_le32(nsz);
	}
	crc = uv_crc32_update(crc, h, RH_CRC);
	crc = uv_crc32_update(crc, h + RH_GUID, UV_REC_HDR - RH_GUID);
	crc = uv_crc32_update(crc, r->k->name, r->k->name_size);
	if (r->keep && crc_flash(s, keep_src, r->keep, &crc))
		return UV_E_IO;
	crc = uv_crc32_update(crc, r->data, r->len);
	store_le32(h + RH_CRC, uv_crc32_final(crc));

	wr_init(&w, s, off);
	wr_put(&w, h, UV_REC_HDR);
	wr_put(&w, r->k->name, r->k->name_size);
	if (r->keep)
		wr_copy(&w, keep_src, r->keep);
	wr_put(&w, r->data, r->len);
	if (wr_flush(&w))
		return UV_E_IO;
	/* The commit point: before this word the record does not exist. */
	return program_word(s, off + RH_COMMIT, COMMIT_WORD);
}

/* ---- the index ---- */

static int ent_name_eq(const struct uv_store *s, const struct uv_ent *e, const struct uv_key *k)
{
	uint8_t buf[64];
	uint32_t off = e->off + RH_GUID;

	if (rd(s, off, buf, 16))
		return UV_E_IO;
	for (uint32_t i = 0; i < 16u; i++)
		if (buf[i] != k->guid[i])
			return 0;
	if (rd(s, e->off + RH_NAMESZ, buf, 4))
		return UV_E_IO;
	if (load_le32(buf) != k->name_size)
		return 0;
	off = e->off + UV_REC_HDR;
	for (uint32_t done = 0; done < k->name_size;) {
		uint32_t n = k->name_size - done;

		n = n < sizeof(buf) ? n : (uint32_t)sizeof(buf);
		if (rd(s, off + done, buf, n))
			return UV_E_IO;
		for (uint32_t i = 0; i < n; i++)
			if (buf[i] != k->name[done + i])
				return 0;
		done += n;
	}
	return 1;
}

int uv_store_find(const struct uv_store *s, const struct uv_key *k)
{
	uint32_t h = hash_key(k->guid, k->name, k->name_size);

	for (uint32_t i = 0; i < s->count; i++) {
		if (s->ent[i].hash != h)
			continue;
		if (ent_name_eq(s, &s->ent[i], k) == 1)
			return (int)i;
	}
	return -1;
}

static void ent_remove(struct uv_store *s, uint32_t i)
{
	s->live -= s->ent[i].size;
	for (uint32_t j = i; j + 1u < s->count; j++)
		s->ent[j] = s->ent[j + 1u];
	s->count--;
}

/* Record the new version of key k at off (replacing index i, or adding). */
static int ent_set(struct uv_store *s, int i, const struct uv_key *k, uint32_t off,
		   uint32_t size, bool deleted)
{
	if (i >= 0) {
		s->live -= s->ent[i].size;
		s->ent[i].off = off;
		s->ent[i].size = size;
		s->live += size;
		if (deleted)
			ent_remove(s, (uint32_t)i);
		return UV_OK;
	}
	if (deleted)
		return UV_OK;
	if (s->count == UV_STORE_MAX_VARS)
		return UV_E_TOOMANY;
	s->ent[s->count].off = off;
	s->ent[s->count].size = size;
	s->ent[s->count].hash = hash_key(k->guid, k->name, k->name_size);
	s->count++;
	s->live += size;
	return UV_OK;
}

/* ---- mount ---- */

static int bank_valid(const struct uv_store *s, uint32_t bank, uint32_t *seq)
{
	uint8_t h[UV_BANK_HDR];

	if (rd(s, bank_base(s, bank), h, sizeof(h)))
		return UV_E_IO;
	if (load_le32(h + BH_MAGIC) != BANK_MAGIC || load_le32(h + BH_VERSION) != BANK_VERSION ||
	    load_le32(h + BH_SIZE) != s->bank_size || load_le32(h + BH_COMPLETE) != COMMIT_WORD ||
	    load_le32(h + BH_CRC) != uv_crc32(h, BH_CRC))
		return 0;
	*seq = load_le32(h + BH_SEQ);
	return 1;
}

/* A whole, committed record at off (bank-relative pos)? Fills *len. */
static int rec_valid(const struct uv_store *s, uint32_t base, uint32_t pos, uint32_t *len)
{
	uint8_t h[UV_REC_HDR];
	uint32_t crc = UV_CRC32_INIT;
	uint64_t total;
	uint32_t nsz, dsz, flags;

	if (rd(s, base + pos, h, sizeof(h)))
		return UV_E_IO;
	if (load_le32(h + RH_MAGIC) != REC_MAGIC || load_le32(h + RH_COMMIT) != COMMIT_WORD)
		return 0;
	nsz = load_le32(h + RH_NAMESZ);
	dsz = load_le32(h + RH_DATASZ);
	flags = load_le32(h + RH_FLAGS);
	total = (uint64_t)UV_REC_HDR + nsz + dsz;
	if (total != load_le32(h + RH_LEN) || total > s->bank_size - pos || nsz < 2u ||
	    (nsz & 1u) || nsz > UV_NAME_MAX || (flags & ~REC_DELETED))
		return 0;
	crc = uv_crc32_update(crc, h, RH_CRC);
	crc = uv_crc32_update(crc, h + RH_GUID, UV_REC_HDR - RH_GUID);
	if (crc_flash(s, base + pos + UV_REC_HDR, (uint32_t)total - UV_REC_HDR, &crc))
		return UV_E_IO;
	if (uv_crc32_final(crc) != load_le32(h + RH_CRC))
		return 0;
	*len = (uint32_t)total;
	return 1;
}

/* Add the record at off to the index, superseding an older version. */
static int replay_rec(struct uv_store *s, uint32_t off, uint32_t len)
{
	uint8_t h[UV_REC_HDR];
	uint8_t name[UV_NAME_MAX];
	struct uv_key k;

	if (rd(s, off, h, sizeof(h)))
		return UV_E_IO;
	k.guid = h + RH_GUID;
	k.name_size = load_le32(h + RH_NAMESZ);
	k.name = name;
	if (rd(s, off + UV_REC_HDR, name, k.name_size))
		return UV_E_IO;
	return ent_set(s, uv_store_find(s, &k), &k, off,
		       align_up(len, UV_REC_ALIGN), load_le32(h + RH_FLAGS) & REC_DELETED);
}

static int replay(struct uv_store *s)
{
	uint32_t base = bank_base(s, s->active);
	uint32_t pos = UV_BANK_HDR, len;
	int ok, err;

	for (;;) {
		if (s->bank_size - pos < UV_REC_HDR)
			break;
		ok = rec_valid(s, base, pos, &len);
		if (ok < 0)
			return ok;
		if (!ok)
			break;
		err = replay_rec(s, base + pos, len);
		if (err)
			return err == UV_E_TOOMANY ? UV_E_CORRUPT : err;
		pos += align_up(len, UV_REC_ALIGN);
		if (pos > s->bank_size)
			pos = s->bank_size;
	}
	s->tail = pos;
	/* A torn record (or anything else) after the log: never append to it. */
	ok = is_erased(s, base + pos, s->bank_size - pos);
	if (ok < 0)
		return ok;
	s->dirty = !ok;
	return UV_OK;
}

static int erase_bank(const struct uv_store *s, uint32_t bank)
{
	for (uint32_t o = 0; o < s->bank_size; o += s->fl->erase_size)
		if (s->fl->erase(s->fl->ctx, bank_base(s, bank) + o))
			return UV_E_IO;
	return UV_OK;
}

/* Erase a bank and write its header; "complete" is left for the caller. */
static int start_bank(const struct uv_store *s, uint32_t bank, uint32_t seq)
{
	uint8_t h[UV_BANK_HDR];
	int err = erase_bank(s, bank);

	if (err)
		return err;
	ffa_memset(h, 0xff, sizeof(h));
	store_le32(h + BH_MAGIC, BANK_MAGIC);
	store_le32(h + BH_VERSION, BANK_VERSION);
	store_le32(h + BH_SEQ, seq);
	store_le32(h + BH_SIZE, s->bank_size);
	store_le32(h + BH_CRC, uv_crc32(h, BH_CRC));
	return s->fl->program(s->fl->ctx, bank_base(s, bank), h, sizeof(h)) ? UV_E_IO : UV_OK;
}

static int finish_bank(const struct uv_store *s, uint32_t bank)
{
	return program_word(s, bank_base(s, bank) + BH_COMPLETE, COMMIT_WORD);
}

static int format(struct uv_store *s)
{
	int err = start_bank(s, 0, 1);

	err = err ? err : finish_bank(s, 0);
	if (err)
		return err;
	s->active = 0;
	s->seq = 1;
	return UV_OK;
}

/*
 * A bank that is not valid: 1 when someone else wrote it, 0 when not,
 * UV_E_IO. Only its first word is judged: this store only ever leaves
 * there 0xFFFFFFFF (erased, or an erase cut short, which clears from the
 * start or not at all), our header magic (a format or collection cut short)
 * or zero (a new sparse flash file). Anything else is another writer's,
 * e.g. a boot loader saving its environment over the first sector.
 */
static int bank_foreign(const struct uv_store *s, uint32_t bank)
{
	uint8_t h[4];
	uint32_t w;

	if (rd(s, bank_base(s, bank), h, sizeof(h)))
		return UV_E_IO;
	w = load_le32(h);
	return w != 0xFFFFFFFFu && w != 0 && w != BANK_MAGIC;
}

int uv_store_mount(struct uv_store *s, const struct uv_flash *fl)
{
	return uv_store_mount_opt(s, fl, 0);
}

int uv_store_mount_opt(struct uv_store *s, const struct uv_flash *fl, unsigned int flags)
{
	uint32_t seq[2] = { 0, 0 };
	int ok[2], err;

	ffa_memset(s, 0, sizeof(*s));
	s->fl = fl;
	if (!fl->erase_size || (fl->erase_size & (fl->erase_size - 1u)) ||
	    fl->size % (2u * fl->erase_size) || fl->size / 2u < 4u * UV_REC_HDR)
		return UV_E_GEOMETRY;
	s->bank_size = fl->size / 2u;
	for (uint32_t b = 0; b < 2u; b++) {
		ok[b] = bank_valid(s, b, &seq[b]);
		err = ok[b] ? 0 : bank_foreign(s, b);
		if (ok[b] < 0 || err < 0)
			return ok[b] < 0 ? ok[b] : err;
		s->foreign |= err ? 1u << b : 0u;
	}
	if (!ok[0] && !ok[1] && s->foreign && !(flags & UV_MOUNT_FORMAT_FOREIGN))
		return UV_E_FOREIGN;
	if (!ok[0] && !ok[1]) {
		s->foreign = 0;
		err = format(s);
		if (err)
			return err;
	} else {
		s->active = (!ok[0] || (ok[1] && seq[1] > seq[0])) ? 1u : 0u;
		s->seq = seq[s->active];
	}
	err = replay(s);
	if (err)
		return err;
	s->max_var = (s->bank_size - UV_BANK_HDR) / 4u - UV_REC_HDR;
	if (s->max_var > UV_VAR_MAX)
		s->max_var = UV_VAR_MAX;
	s->mounted = true;
	return UV_OK;
}

/* ---- updates ---- */

/*
 * Copy every live record but `skip` (-1: none) into the other bank, append
 * r (if any) and commit the bank: the one atomic step that frees space.
 */
static int collect(struct uv_store *s, int skip, const struct newrec *r, int idx_of_r)
{
	uint32_t target = s->active ^ 1u, tbase = bank_base(s, target);
	uint32_t newoff[UV_STORE_MAX_VARS];
	uint32_t pos = UV_BANK_HDR, rpos = 0;
	struct writer w;
	int err = start_bank(s, target, s->seq + 1u);

	for (uint32_t j = 0; !err && j < s->count; j++) {
		if ((int)j == skip)
			continue;
		newoff[j] = tbase + pos;
		wr_init(&w, s, tbase + pos);
		wr_copy(&w, s->ent[j].off, s->ent[j].size);
		err = wr_flush(&w);
		pos += s->ent[j].size;
	}
	if (!err && r) {
		rpos = tbase + pos;
		err = rec_write(s, rpos, r);
		pos += align_up(rec_len(r), UV_REC_ALIGN);
	}
	err = err ? err : finish_bank(s, target);
	if (err)
		return err;         /* the old bank is untouched and still active */
	s->active = target;
	s->seq++;
	s->tail = pos;
	s->dirty = false;
	s->gcs++;
	for (uint32_t j = 0; j < s->count; j++)
		if ((int)j != skip)
			s->ent[j].off = newoff[j];
	if (skip >= 0 && !r)
		ent_remove(s, (uint32_t)skip);
	if (r)
		return ent_set(s, idx_of_r, r->k, rpos, align_up(rec_len(r), UV_REC_ALIGN),
			       false);
	return UV_OK;
}

static int apply(struct uv_store *s, int i, const struct newrec *r)
{
	uint32_t size = align_up(rec_len(r), UV_REC_ALIGN);
	bool deleted = r->flags & REC_DELETED;
	int err;

	if (!s->dirty && size <= s->bank_size - s->tail) {
		err = rec_write(s, bank_base(s, s->active) + s->tail, r);
		if (err) {
			s->dirty = true;  /* partly programmed: never append there */
			return err;
		}
		err = ent_set(s, i, r->k, bank_base(s, s->active) + s->tail, size, deleted);
		s->tail += size;
		return err;
	}
	/* No room in the log: a deletion simply leaves the record behind. */
	return deleted ? collect(s, i, NULL, -1) : collect(s, i, r, i);
}

int uv_store_put(struct uv_store *s, const struct uv_key *k, uint32_t attr, uint32_t keep,
		 const uint8_t *data, uint32_t len)
{
	struct newrec r = { .k = k, .attr = attr, .flags = 0, .keep = keep, .data = data,
			    .len = len };
	int i;
	uint64_t var, size, old, cap;

	if (s->mounted && s->foreign)
		return UV_E_FOREIGN;
	if (!s->mounted)
		return UV_E_IO;
	if (k->name_size < 2u || (k->name_size & 1u) || k->name_size > UV_NAME_MAX)
		return UV_E_TOOBIG;
	var = (uint64_t)k->name_size + keep + len;
	if (var > s->max_var)
		return UV_E_TOOBIG;
	i = uv_store_find(s, k);
	if (keep) {
		struct uv_meta m;

		if (i < 0 || uv_store_meta(s, (uint32_t)i, &m) || m.data_size != keep)
			return UV_E_NOTFOUND;
		r.keep_from = s->ent[i].off;
	}
	size = align_up((uint32_t)(UV_REC_HDR + var), UV_REC_ALIGN);
	old = i >= 0 ? s->ent[i].size : 0;
	cap = s->bank_size - UV_BANK_HDR;
	if (s->live - old + size > cap)
		return UV_E_FULL;
	if (i < 0 && s->count == UV_STORE_MAX_VARS)
		return UV_E_TOOMANY;
	return apply(s, i, &r);
}

int uv_store_delete(struct uv_store *s, uint32_t i)
{
	uint8_t h[UV_REC_HDR];
	uint8_t name[UV_NAME_MAX];
	struct uv_key k;
	struct newrec r = { .k = &k, .flags = REC_DELETED };

	if (s->mounted && s->foreign)
		return UV_E_FOREIGN;
	if (!s->mounted || i >= s->count)
		return UV_E_NOTFOUND;
	if (rd(s, s->ent[i].off, h, sizeof(h)))
		return UV_E_IO;
	k.guid = h + RH_GUID;
	k.name_size = load_le32(h + RH_NAMESZ);
	k.name = name;
	if (k.name_size > UV_NAME_MAX || rd(s, s->ent[i].off + UV_REC_HDR, name, k.name_size))
		return UV_E_IO;
	r.attr = load_le32(h + RH_ATTR);
	return apply(s, (int)i, &r);
}

/* ---- reads ---- */

int uv_store_meta(const struct uv_store *s, uint32_t i, struct uv_meta *m)
{
	uint8_t h[UV_REC_HDR];

	if (i >= s->count)
		return UV_E_NOTFOUND;
	if (rd(s, s->ent[i].off, h, sizeof(h)))
		return UV_E_IO;
	ffa_memcpy(m->guid, h + RH_GUID, 16);
	m->attr = load_le32(h + RH_ATTR);
	m->name_size = load_le32(h + RH_NAMESZ);
	m->data_size = load_le32(h + RH_DATASZ);
	return UV_OK;
}

int uv_store_read_name(const struct uv_store *s, uint32_t i, uint8_t *buf, uint32_t len)
{
	struct uv_meta m;
	int err = uv_store_meta(s, i, &m);

	if (err)
		return err;
	if (len > m.name_size)
		return UV_E_TOOBIG;
	return rd(s, s->ent[i].off + UV_REC_HDR, buf, len);
}

int uv_store_read_data(const struct uv_store *s, uint32_t i, uint32_t off, uint8_t *buf,
		       uint32_t len)
{
	struct uv_meta m;
	int err = uv_store_meta(s, i, &m);

	if (err)
		return err;
	if (off > m.data_size || len > m.data_size - off)
		return UV_E_TOOBIG;
	return rd(s, s->ent[i].off + UV_REC_HDR + m.name_size + off, buf, len);
}

void uv_store_space(const struct uv_store *s, uint64_t *max, uint64_t *remaining)
{
	uint64_t cap = s->bank_size - UV_BANK_HDR;

	*max = cap;
	*remaining = cap > s->live ? cap - s->live : 0;
}

uint32_t uv_store_rec_size(uint32_t name_size, uint32_t data_size)
{
	return align_up(UV_REC_HDR + name_size + data_size, UV_REC_ALIGN);
}

const char *uv_strerror(int err)
{
	switch (err) {
	case UV_OK:
		return "ok";
	case UV_E_IO:
		return "flash device error";
	case UV_E_FULL:
		return "store full";
	case UV_E_TOOMANY:
		return "too many variables";
	case UV_E_TOOBIG:
		return "variable too large";
	case UV_E_CORRUPT:
		return "store holds more variables than this build can index";
	case UV_E_GEOMETRY:
		return "flash region not two banks of whole erase blocks";
	case UV_E_NOTFOUND:
		return "not found";
	case UV_E_FOREIGN:
		return "flash holds data the store did not write";
	default:
		return "unknown error";
	}
}
