// SPDX-License-Identifier: MIT
/*
 * Deterministic mutation testing of ffa_mtd_parse: valid descriptors of
 * every kind and layout are perturbed at every offset (single bytes, 32-bit
 * words with boundary values, random multi-byte edits, truncation) and
 * parsed as every kind. The parser sees an exact-size heap copy, so ASan
 * fails the run on any out-of-bounds read; whenever the parser accepts,
 * everything it reports must lie inside the buffer and be self-consistent.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tcodec.h"

#define NKINDS 4
#define MAX_LEN 512u

struct base {
	const char *name;
	uint32_t layout;
	enum ffa_mtd_kind kind;
	uint32_t len;
	uint8_t buf[MAX_LEN];
};

struct tally {
	uint32_t accepted;
	uint32_t rejected;
	uint32_t violations;
};

static struct base bases[8];
static unsigned int nbases;

static void add_base(const char *name, uint32_t layout, enum ffa_mtd_kind kind,
		     const uint8_t *buf, uint32_t len)
{
	struct base *b = &bases[nbases++];

	b->name = name;
	b->layout = layout;
	b->kind = kind;
	b->len = len;
	memcpy(b->buf, buf, len);
}

static void make_bases(void)
{
	static uint8_t buf[T_CAP];

	if (nbases)
		return;
	add_base("send-1.0", FFA_VERSION_1_0, FFA_MTD_KIND_SEND, buf,
		 t_send(buf, FFA_VERSION_1_0, 2, 3));
	add_base("send-1.1", FFA_VERSION_1_1, FFA_MTD_KIND_SEND, buf,
		 t_send(buf, FFA_VERSION_1_1, 3, 2));
	add_base("send-1.2-emad32", FFA_VERSION_1_2, FFA_MTD_KIND_SEND, buf,
		 t_build(buf, FFA_VERSION_1_2, 64, FFA_EMAD_SIZE_V1_2, 2, 2));
	add_base("resp-1.1", FFA_VERSION_1_1, FFA_MTD_KIND_RETRIEVE_RESP, buf,
		 t_resp(buf, FFA_VERSION_1_1, 1, 4));
	add_base("resp-1.0", FFA_VERSION_1_0, FFA_MTD_KIND_RETRIEVE_RESP, buf,
		 t_resp(buf, FFA_VERSION_1_0, 4, 1));
	t_resp(buf, FFA_VERSION_1_2, 2, 1);
	/* A retrieve request without a composite: only the EMADs. */
	store_le32(buf + t_emad(FFA_VERSION_1_2, 0) + FFA_EMAD_COMPOSITE_OFF, 0);
	store_le32(buf + t_emad(FFA_VERSION_1_2, 1) + FFA_EMAD_COMPOSITE_OFF, 0);
	add_base("req-1.2", FFA_VERSION_1_2, FFA_MTD_KIND_RETRIEVE_REQ, buf,
		 t_comp(FFA_VERSION_1_2, 2));
	add_base("hyp-1.1", FFA_VERSION_1_1, FFA_MTD_KIND_HYP_RETRIEVE, buf,
		 ffa_mtd_encode_hyp_retrieve(buf, T_CAP, FFA_VERSION_1_1, 0, T_HANDLE));
	add_base("hyp-1.0", FFA_VERSION_1_0, FFA_MTD_KIND_HYP_RETRIEVE, buf,
		 ffa_mtd_encode_hyp_retrieve(buf, T_CAP, FFA_VERSION_1_0, 0, T_HANDLE));
}

/*
 * Parse buf[0, len) as `kind` from an exact-size heap copy and, if it is
 * accepted, check its report against that same copy (so reading the
 * constituents through ffa_mtd_range is also under ASan).
 */
static int32_t probe(const uint8_t *buf, uint32_t len, uint32_t layout,
		     enum ffa_mtd_kind kind, struct tally *t)
{
	uint8_t *copy = malloc(len ? len : 1);
	struct ffa_mtd d;
	int32_t ret;

	if (!copy)
		abort();
	memcpy(copy, buf, len);
	ret = ffa_mtd_parse(copy, len, layout, kind, &d);
	if (ret == FFA_RET_SUCCESS) {
		t->accepted++;
		if (!t_parsed_in_bounds(copy, len, &d, kind)) {
			if (t->violations++ == 0)
				fprintf(stderr, "mutate: accepted with out-of-bounds report "
						"(kind %d, len %u)\n", (int)kind, len);
		}
	} else {
		t->rejected++;
		if (ret != FFA_RET_INVALID_PARAMETERS && ret != FFA_RET_NO_MEMORY &&
		    t->violations++ == 0)
			fprintf(stderr, "mutate: unexpected status %d\n", (int)ret);
	}
	free(copy);
	return ret;
}

/* Every kind for a mutated buffer; the base's own kind goes to `own`. */
static void probe_all(const struct base *b, const uint8_t *buf, uint32_t len,
		      struct tally *own, struct tally *other)
{
	for (int k = 0; k < NKINDS; k++)
		probe(buf, len, b->layout, (enum ffa_mtd_kind)k,
		      (enum ffa_mtd_kind)k == b->kind ? own : other);
}

TEST(mutate_bases_are_valid)
{
	struct tally t = { 0 };

	make_bases();
	CHECK_EQ(nbases, 8);
	for (unsigned int i = 0; i < nbases; i++) {
		CHECK(bases[i].len >= FFA_MTD10_SIZE && bases[i].len <= MAX_LEN);
		CHECK_EQ(probe(bases[i].buf, bases[i].len, bases[i].layout, bases[i].kind, &t), 0);
	}
	CHECK_EQ(t.violations, 0);
}

TEST_NEG(mutate_every_byte)
{
	static const uint8_t vals[] = { 0x00, 0x01, 0x02, 0x0F, 0x10, 0x30, 0x7F, 0x80, 0xF0, 0xFF };
	struct tally own = { 0 }, other = { 0 };
	uint8_t m[MAX_LEN];

	make_bases();
	for (unsigned int i = 0; i < nbases; i++) {
		const struct base *b = &bases[i];

		for (uint32_t off = 0; off < b->len; off++) {
			uint8_t orig = b->buf[off];
			uint8_t extra[] = { (uint8_t)(orig ^ 0x01), (uint8_t)(orig ^ 0x80),
					    (uint8_t)(orig + 1), (uint8_t)(orig - 1) };

			memcpy(m, b->buf, b->len);
			for (unsigned int v = 0; v < sizeof(vals) + sizeof(extra); v++) {
				m[off] = v < sizeof(vals) ? vals[v] : extra[v - sizeof(vals)];
				probe_all(b, m, b->len, &own, &other);
			}
		}
	}
	CHECK_EQ(own.violations + other.violations, 0);
	/* Both outcomes happen: the mutations reach real checks. */
	CHECK(own.accepted > 0);
	CHECK(own.rejected > own.accepted / 4);
}

TEST_NEG(mutate_every_word_with_boundary_values)
{
	struct tally own = { 0 }, other = { 0 };
	uint8_t m[MAX_LEN];

	make_bases();
	for (unsigned int i = 0; i < nbases; i++) {
		const struct base *b = &bases[i];
		const uint32_t vals[] = {
			0, 1, 8, 16, 24, 32, 48, 64, b->len - 16, b->len - 8, b->len, b->len + 16,
			0x7FFFFFFF, 0x80000000u, 0x0FFFFFFF, 0x10000000u, 0x10000001u,
			0xFFFFFFF0u, 0xFFFFFFFFu, 0x00001000,
		};

		for (uint32_t off = 0; off + 4 <= b->len; off++) {
			memcpy(m, b->buf, b->len);
			for (unsigned int v = 0; v < sizeof(vals) / sizeof(vals[0]); v++) {
				store_le32(m + off, vals[v]);
				probe_all(b, m, b->len, &own, &other);
			}
		}
	}
	CHECK_EQ(own.violations + other.violations, 0);
	CHECK(own.rejected > 0);
}

TEST_NEG(mutate_random_multi_byte_edits)
{
	struct tally own = { 0 }, other = { 0 };
	uint8_t m[MAX_LEN];
	uint32_t seed = 0x5eed;

	make_bases();
	for (unsigned int i = 0; i < nbases; i++) {
		const struct base *b = &bases[i];

		for (unsigned int iter = 0; iter < 3000; iter++) {
			uint32_t edits;

			memcpy(m, b->buf, b->len);
			seed = seed * 1664525u + 1013904223u;
			edits = 1 + (seed >> 28) % 4;
			for (uint32_t e = 0; e < edits; e++) {
				seed = seed * 1664525u + 1013904223u;
				m[(seed >> 8) % b->len] = (uint8_t)(seed >> 24);
			}
			probe_all(b, m, b->len, &own, &other);
		}
	}
	CHECK_EQ(own.violations + other.violations, 0);
	CHECK(own.rejected > 0);
}

TEST_NEG(mutate_truncations_and_extensions)
{
	struct tally own = { 0 }, other = { 0 };
	uint8_t m[MAX_LEN + 64];

	make_bases();
	for (unsigned int i = 0; i < nbases; i++) {
		const struct base *b = &bases[i];

		memcpy(m, b->buf, b->len);
		memset(m + b->len, 0xA5, 64);
		for (uint32_t len = 0; len <= b->len + 64; len++)
			probe_all(b, m, len, &own, &other);
	}
	CHECK_EQ(own.violations + other.violations, 0);
	/* Every base accepts at its length and with trailing bytes. */
	CHECK(own.accepted >= nbases * 65);
	CHECK(own.rejected > 0);
}

TEST(mutate_tag_bytes_are_accepted_and_reported)
{
	static uint8_t buf[T_CAP];
	struct ffa_mtd d;
	uint32_t len = t_send(buf, FFA_VERSION_1_1, 1, 1);

	/* The tag is opaque: any value is fine and comes back verbatim. */
	for (uint32_t i = 0; i < 8; i++)
		buf[FFA_MTD11_TAG + i] = (uint8_t)(0xF0 + i);
	CHECK_EQ(t_parse(buf, len, FFA_VERSION_1_1, FFA_MTD_KIND_SEND, &d), 0);
	CHECK_EQ(d.tag, 0xF7F6F5F4F3F2F1F0ull);
	CHECK(t_parsed_in_bounds(buf, len, &d, FFA_MTD_KIND_SEND));
}
