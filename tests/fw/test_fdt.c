// SPDX-License-Identifier: MIT
/* The FDT reader/editor (fw/common/fdt.c). */
#include <stdint.h>
#include <string.h>

#include "fw/common/fdt.h"
#include "fw/common/util.h"
#include "tests/fw/fwtest.h"
#include "tests/harness/check.h"

#define CAP 8192u

static uint8_t buf[CAP];
static struct fdt f;

static uint32_t hdr(uint32_t off)
{
	return load_be32(buf + off);
}

static void set_hdr(uint32_t off, uint32_t v)
{
	store_be32(buf + off, v);
}

static int reopen(void)
{
	return fdt_open(&f, buf, CAP, CAP);
}

/* Structure-block offset -> absolute offset in buf. */
static uint8_t *sptr(uint32_t off)
{
	return buf + hdr(8) + off;
}

TEST(fdt_empty_tree_is_valid)
{
	CHECK_EQ(fdt_create_empty(&f, buf, CAP), 0);
	CHECK_EQ(fdt_check(&f), 0);
	CHECK_EQ(reopen(), 0);
	CHECK(fdt_path_offset(&f, "/") >= 0);
	CHECK_EQ(fdt_first_child(&f, fdt_path_offset(&f, "/")), FDT_ERR_NOTFOUND);
	CHECK_EQ(fdt_strings_size(&f), 0);
}

TEST(fdt_nodes_and_properties_roundtrip)
{
	uint32_t len;
	const uint8_t *p;
	int a, b;

	fdt_create_empty(&f, buf, CAP);
	a = fdt_add_subnode(&f, fdt_path_offset(&f, "/"), "a");
	CHECK(a >= 0);
	b = fdt_add_subnode(&f, a, "b@10");
	CHECK(b >= 0);
	CHECK_EQ(fdt_setprop_u32(&f, b, "x", 0x12345678), 0);
	CHECK_EQ(fdt_setprop_u64(&f, b, "y", 0x1122334455667788ull), 0);
	CHECK_EQ(fdt_setprop_string(&f, fdt_path_offset(&f, "/a"), "name-ish", "hello"), 0);
	CHECK_EQ(fdt_check(&f), 0);
	b = fdt_path_offset(&f, "/a/b@10");
	CHECK_EQ(fdt_getprop_u32(&f, b, "x", 0), 0x12345678);
	p = fdt_getprop(&f, b, "y", &len);
	CHECK(p && len == 8);
	CHECK_EQ(p ? load_be64(p) : 0, 0x1122334455667788ull);
	p = fdt_getprop(&f, fdt_path_offset(&f, "/a"), "name-ish", &len);
	CHECK(p && len == 6 && memcmp(p, "hello", 6) == 0);
	CHECK(strcmp(fdt_node_name(&f, b), "b@10") == 0);
}

TEST(fdt_setprop_replaces_in_place_when_same_size)
{
	int n;
	uint32_t used;

	fdt_create_empty(&f, buf, CAP);
	n = fdt_path_offset(&f, "/");
	fdt_setprop_u32(&f, n, "v", 1);
	used = fdt_used_size(&f);
	CHECK_EQ(fdt_setprop_u32(&f, n, "v", 2), 0);
	CHECK_EQ(fdt_used_size(&f), used);
	CHECK_EQ(fdt_getprop_u32(&f, n, "v", 0), 2);
}

TEST(fdt_setprop_grows_and_shrinks_keeping_neighbours)
{
	int root, kid;
	uint32_t len;
	const char *s;

	fdt_create_empty(&f, buf, CAP);
	root = fdt_path_offset(&f, "/");
	fdt_setprop_string(&f, root, "s", "ab");
	kid = fdt_add_subnode(&f, root, "kid");
	fdt_setprop_u32(&f, kid, "k", 7);
	CHECK_EQ(fdt_setprop_string(&f, root, "s", "a much longer value than before"), 0);
	CHECK_EQ(fdt_getprop_u32(&f, fdt_path_offset(&f, "/kid"), "k", 0), 7);
	CHECK_EQ(fdt_setprop_string(&f, root, "s", "z"), 0);
	s = fdt_getprop(&f, root, "s", &len);
	CHECK(s && len == 2 && strcmp(s, "z") == 0);
	CHECK_EQ(fdt_getprop_u32(&f, fdt_path_offset(&f, "/kid"), "k", 0), 7);
	CHECK_EQ(fdt_check(&f), 0);
}

TEST(fdt_string_table_reuses_names)
{
	int a, b;
	uint32_t before;

	fdt_create_empty(&f, buf, CAP);
	a = fdt_add_subnode(&f, fdt_path_offset(&f, "/"), "a");
	fdt_setprop_u32(&f, a, "reg", 1);
	before = fdt_strings_size(&f);
	CHECK_EQ(before, 4);
	b = fdt_add_subnode(&f, fdt_path_offset(&f, "/"), "b");
	CHECK_EQ(fdt_setprop_u32(&f, b, "reg", 2), 0);
	CHECK_EQ(fdt_strings_size(&f), before);
	/* A suffix of an existing name is reused too. */
	fdt_setprop_u32(&f, fdt_path_offset(&f, "/b"), "#size-cells", 2);
	before = fdt_strings_size(&f);
	CHECK_EQ(fdt_setprop_u32(&f, fdt_path_offset(&f, "/b"), "size-cells", 2), 0);
	CHECK_EQ(fdt_strings_size(&f), before);
	CHECK_EQ(fdt_getprop_u32(&f, fdt_path_offset(&f, "/b"), "size-cells", 0), 2);
}

TEST(fdt_path_matches_unit_addresses)
{
	CHECK_EQ(fwtest_virt_tree(&f, buf, CAP, 4, 1), 0);
	CHECK(fdt_path_offset(&f, "/memory") >= 0);
	CHECK(strcmp(fdt_node_name(&f, fdt_path_offset(&f, "/memory")), "memory@40000000") == 0);
	CHECK(strcmp(fdt_node_name(&f, fdt_path_offset(&f, "/cpus/cpu@2")), "cpu@2") == 0);
	CHECK(fdt_path_offset(&f, "//cpus/") >= 0);
}

TEST(fdt_children_iterate_in_order)
{
	const char *want[] = { "cpu-map", "cpu@0", "cpu@1", "cpu@2" };
	unsigned int n = 0;
	int c;

	CHECK_EQ(fwtest_virt_tree(&f, buf, CAP, 3, 1), 0);
	for (c = fdt_first_child(&f, fdt_path_offset(&f, "/cpus")); c >= 0;
	     c = fdt_next_sibling(&f, c), n++)
		CHECK(n < 4 && strcmp(fdt_node_name(&f, c), want[n]) == 0);
	CHECK_EQ(n, 4);
	CHECK_EQ(c, FDT_ERR_NOTFOUND);
}

TEST(fdt_string_lists_and_status)
{
	static const char list[] = "one\0two\0three";
	int root;

	fdt_create_empty(&f, buf, CAP);
	root = fdt_path_offset(&f, "/");
	fdt_setprop(&f, root, "compatible", list, sizeof(list));
	CHECK(fdt_prop_has_string(&f, root, "compatible", "two"));
	CHECK(fdt_prop_has_string(&f, root, "compatible", "three"));
	CHECK(!fdt_prop_has_string(&f, root, "compatible", "four"));
	CHECK(fdt_node_enabled(&f, root));
	fdt_setprop_string(&f, root, "status", "okay");
	CHECK(fdt_node_enabled(&f, root));
	fdt_setprop_string(&f, root, "status", "disabled");
	CHECK(!fdt_node_enabled(&f, root));
}

TEST(fdt_edits_use_free_space_inside_totalsize)
{
	uint32_t total;

	CHECK_EQ(fwtest_virt_tree(&f, buf, CAP, 2, 1), 0);
	/* Pretend the producer left padding, as QEMU's 1 MiB blob does. */
	set_hdr(4, 4096);
	CHECK_EQ(reopen(), 0);
	total = fdt_totalsize(&f);
	CHECK_EQ(fdt_setprop_string(&f, fdt_path_offset(&f, "/chosen"), "extra", "x"), 0);
	CHECK_EQ(fdt_totalsize(&f), total);
	CHECK(fdt_used_size(&f) <= total);
	CHECK_EQ(fdt_check(&f), 0);
}

TEST(fdt_find_or_add_returns_existing)
{
	int a, again;

	fdt_create_empty(&f, buf, CAP);
	a = fdt_find_or_add_subnode(&f, fdt_path_offset(&f, "/"), "psci");
	again = fdt_find_or_add_subnode(&f, fdt_path_offset(&f, "/"), "psci");
	CHECK(a >= 0);
	CHECK_EQ(again, a);
}

TEST_NEG(fdt_rejects_bad_magic)
{
	fdt_create_empty(&f, buf, CAP);
	buf[0] ^= 0xFF;
	CHECK_EQ(reopen(), FDT_ERR_BADMAGIC);
}

TEST_NEG(fdt_rejects_truncated_input)
{
	fwtest_virt_tree(&f, buf, CAP, 2, 1);
	CHECK_EQ(fdt_open(&f, buf, 39, CAP), FDT_ERR_TRUNCATED);
	CHECK_EQ(fdt_open(&f, buf, hdr(4) - 1, CAP), FDT_ERR_TRUNCATED);
	CHECK_EQ(fdt_open(&f, NULL, CAP, CAP), FDT_ERR_TRUNCATED);
}

TEST_NEG(fdt_rejects_tree_larger_than_cap)
{
	fwtest_virt_tree(&f, buf, CAP, 2, 1);
	CHECK_EQ(fdt_open(&f, buf, CAP, hdr(4) - 4), FDT_ERR_NOSPACE);
}

TEST_NEG(fdt_rejects_old_or_incompatible_version)
{
	fdt_create_empty(&f, buf, CAP);
	set_hdr(20, 16);
	CHECK_EQ(reopen(), FDT_ERR_BADVERSION);
	set_hdr(20, 17);
	set_hdr(24, 18);
	CHECK_EQ(reopen(), FDT_ERR_BADVERSION);
}

TEST_NEG(fdt_rejects_bad_block_layout)
{
	uint32_t st = 0;

	fwtest_virt_tree(&f, buf, CAP, 2, 1);
	st = hdr(8);
	set_hdr(8, st + 2);                 /* misaligned structure block */
	CHECK_EQ(reopen(), FDT_ERR_BADLAYOUT);
	set_hdr(8, st);
	set_hdr(36, 0xFFFFFFF0u);           /* structure runs past the strings */
	CHECK_EQ(reopen(), FDT_ERR_BADLAYOUT);
	fwtest_virt_tree(&f, buf, CAP, 2, 1);
	set_hdr(12, 48);                    /* strings before the structure */
	CHECK_EQ(reopen(), FDT_ERR_BADLAYOUT);
	fwtest_virt_tree(&f, buf, CAP, 2, 1);
	set_hdr(32, hdr(4));                /* strings past totalsize */
	CHECK_EQ(reopen(), FDT_ERR_BADLAYOUT);
}

TEST_NEG(fdt_rejects_unterminated_reservation_map)
{
	fdt_create_empty(&f, buf, CAP);
	store_be64(buf + 40, 0x1000);      /* the only entry is no longer zero */
	CHECK_EQ(reopen(), FDT_ERR_BADLAYOUT);
}

/* Structure offset of the root's first property. */
static uint32_t first_prop(void)
{
	/* Root: BEGIN_NODE, 4 bytes of empty name, then the first PROP. */
	return 8;
}

TEST_NEG(fdt_rejects_property_length_past_block)
{
	fdt_create_empty(&f, buf, CAP);
	fdt_setprop_u32(&f, fdt_path_offset(&f, "/"), "v", 1);
	CHECK_EQ(load_be32(sptr(first_prop())), FDT_TOKEN_PROP);
	store_be32(sptr(first_prop()) + 4, 0x7FFFFFF0u);
	CHECK_EQ(reopen(), FDT_ERR_BADSTRUCT);
	store_be32(sptr(first_prop()) + 4, 0xFFFFFFFFu);
	CHECK_EQ(reopen(), FDT_ERR_BADSTRUCT);
}

TEST_NEG(fdt_rejects_name_offset_out_of_bounds)
{
	fdt_create_empty(&f, buf, CAP);
	fdt_setprop_u32(&f, fdt_path_offset(&f, "/"), "v", 1);
	store_be32(sptr(first_prop()) + 8, hdr(32));
	CHECK_EQ(reopen(), FDT_ERR_BADSTRUCT);
	/* In bounds but not NUL-terminated inside the strings block. */
	fdt_create_empty(&f, buf, CAP);
	fdt_setprop_u32(&f, fdt_path_offset(&f, "/"), "v", 1);
	buf[hdr(12) + hdr(32) - 1] = 'x';
	CHECK_EQ(reopen(), FDT_ERR_BADSTRUCT);
}

TEST_NEG(fdt_rejects_unterminated_node_name)
{
	int n;

	fdt_create_empty(&f, buf, CAP);
	n = fdt_add_subnode(&f, fdt_path_offset(&f, "/"), "abc");
	CHECK(n >= 0);
	/* Fill the name's padding and everything after it with letters. */
	memset(sptr((uint32_t)n + 4), 'a', hdr(36) - (uint32_t)n - 4);
	CHECK_EQ(reopen(), FDT_ERR_BADSTRUCT);
}

TEST_NEG(fdt_rejects_unbalanced_or_unknown_tokens)
{
	uint32_t end;

	fdt_create_empty(&f, buf, CAP);
	end = hdr(36) - 8;                  /* the root's END_NODE */
	store_be32(sptr(end), FDT_TOKEN_NOP);
	CHECK_EQ(reopen(), FDT_ERR_BADSTRUCT);
	fdt_create_empty(&f, buf, CAP);
	store_be32(sptr(end), 7);
	CHECK_EQ(reopen(), FDT_ERR_BADSTRUCT);
	fdt_create_empty(&f, buf, CAP);
	store_be32(sptr(end + 4), FDT_TOKEN_END_NODE);   /* END missing */
	CHECK_EQ(reopen(), FDT_ERR_BADSTRUCT);
}

TEST_NEG(fdt_rejects_trees_deeper_than_the_limit)
{
	int node;

	fdt_create_empty(&f, buf, CAP);
	node = fdt_path_offset(&f, "/");
	for (int i = 0; i < FDT_MAX_DEPTH && node >= 0; i++)
		node = fdt_add_subnode(&f, node, "d");
	CHECK(node >= 0);
	CHECK_EQ(fdt_check(&f), FDT_ERR_BADSTRUCT);
}

TEST_NEG(fdt_rejects_property_after_subnode)
{
	uint8_t prop[16];

	/* root{ kid{ v; } } -> root{ kid{} v; }: same tokens, bad order. */
	fdt_create_empty(&f, buf, CAP);
	fdt_add_subnode(&f, fdt_path_offset(&f, "/"), "kid");
	fdt_setprop_u32(&f, fdt_path_offset(&f, "/kid"), "v", 1);
	CHECK_EQ(fdt_check(&f), 0);
	memcpy(prop, sptr(16), sizeof(prop));
	CHECK_EQ(load_be32(prop), FDT_TOKEN_PROP);
	CHECK_EQ(load_be32(sptr(32)), FDT_TOKEN_END_NODE);
	store_be32(sptr(16), FDT_TOKEN_END_NODE);
	memcpy(sptr(20), prop, sizeof(prop));
	CHECK_EQ(fdt_check(&f), FDT_ERR_BADSTRUCT);
}

TEST_NEG(fdt_edit_beyond_cap_fails_and_changes_nothing)
{
	static uint8_t before[CAP], big[512];
	uint32_t used;

	fdt_create_empty(&f, buf, CAP);
	fdt_setprop_u32(&f, fdt_path_offset(&f, "/"), "v", 1);
	used = fdt_used_size(&f);
	f.cap = used + 64;
	memcpy(before, buf, CAP);
	CHECK_EQ(fdt_setprop(&f, fdt_path_offset(&f, "/"), "big", big, sizeof(big)),
		 FDT_ERR_NOSPACE);
	CHECK_EQ(fdt_setprop(&f, fdt_path_offset(&f, "/"), "v", big, sizeof(big)),
		 FDT_ERR_NOSPACE);
	CHECK_EQ(fdt_add_subnode(&f, fdt_path_offset(&f, "/"),
				 "a-node-name-long-enough-to-overflow-the-sixty-four-byte-budget"),
		 FDT_ERR_NOSPACE);
	CHECK(memcmp(before, buf, CAP) == 0);
}

TEST_NEG(fdt_duplicate_subnode_is_refused)
{
	int root;

	fdt_create_empty(&f, buf, CAP);
	root = fdt_path_offset(&f, "/");
	CHECK(fdt_add_subnode(&f, root, "x@1") >= 0);
	CHECK_EQ(fdt_add_subnode(&f, fdt_path_offset(&f, "/"), "x@1"), FDT_ERR_EXISTS);
	/* A different unit address is a different node. */
	CHECK(fdt_add_subnode(&f, fdt_path_offset(&f, "/"), "x@2") >= 0);
}

TEST_NEG(fdt_bad_names_are_refused)
{
	char longname[FDT_MAX_NAME + 8];
	int root;

	memset(longname, 'n', sizeof(longname) - 1);
	longname[sizeof(longname) - 1] = '\0';
	fdt_create_empty(&f, buf, CAP);
	root = fdt_path_offset(&f, "/");
	CHECK_EQ(fdt_add_subnode(&f, root, ""), FDT_ERR_BADARG);
	CHECK_EQ(fdt_add_subnode(&f, root, "a/b"), FDT_ERR_BADARG);
	CHECK_EQ(fdt_add_subnode(&f, root, longname), FDT_ERR_BADARG);
	CHECK_EQ(fdt_setprop_u32(&f, root, "", 1), FDT_ERR_BADARG);
	CHECK_EQ(fdt_setprop_u32(&f, root, longname, 1), FDT_ERR_BADARG);
	CHECK_EQ(fdt_path_offset(&f, "relative"), FDT_ERR_BADARG);
}

TEST_NEG(fdt_bad_node_handles_are_refused)
{
	int root;

	fdt_create_empty(&f, buf, CAP);
	root = fdt_path_offset(&f, "/");
	fdt_setprop_u32(&f, root, "v", 1);
	CHECK_EQ(fdt_setprop_u32(&f, -1, "v", 1), FDT_ERR_BADARG);
	CHECK_EQ(fdt_setprop_u32(&f, 2, "v", 1), FDT_ERR_BADARG);          /* misaligned */
	CHECK_EQ(fdt_setprop_u32(&f, (int)first_prop(), "v", 1), FDT_ERR_BADARG);
	CHECK_EQ(fdt_add_subnode(&f, 1 << 20, "x"), FDT_ERR_BADARG);        /* outside */
	CHECK(fdt_getprop(&f, 4, "v", NULL) == NULL);
	CHECK(fdt_node_name(&f, -7) == NULL);
}

TEST_NEG(fdt_lookup_of_missing_things)
{
	CHECK_EQ(fwtest_virt_tree(&f, buf, CAP, 1, 1), 0);
	CHECK_EQ(fdt_path_offset(&f, "/nope"), FDT_ERR_NOTFOUND);
	CHECK_EQ(fdt_path_offset(&f, "/cpus/cpu@9"), FDT_ERR_NOTFOUND);
	/* "cpu@0" must not match a query with another unit address. */
	CHECK_EQ(fdt_subnode(&f, fdt_path_offset(&f, "/cpus"), "cpu@00"), FDT_ERR_NOTFOUND);
	CHECK(fdt_getprop(&f, fdt_path_offset(&f, "/chosen"), "nope", NULL) == NULL);
	CHECK_EQ(fdt_getprop_u32(&f, fdt_path_offset(&f, "/chosen"), "bootargs", 42), 42);
}

TEST(fdt_nop_node_removes_a_subtree_and_keeps_the_rest)
{
	int root, a, b, c;

	fdt_create_empty(&f, buf, CAP);
	root = fdt_path_offset(&f, "/");
	a = fdt_add_subnode(&f, root, "secflash@0");
	CHECK(a >= 0);
	CHECK(fdt_add_subnode(&f, a, "inner") >= 0);
	CHECK_EQ(fdt_setprop_u32(&f, fdt_path_offset(&f, "/secflash@0"), "x", 1), 0);
	b = fdt_add_subnode(&f, root, "flash@4000000");
	CHECK_EQ(fdt_setprop_u32(&f, b, "y", 2), 0);
	a = fdt_path_offset(&f, "/secflash@0");
	CHECK_EQ(fdt_nop_node(&f, a), 0);
	CHECK_EQ(fdt_check(&f), 0);
	CHECK_EQ(reopen(), 0);
	CHECK(fdt_path_offset(&f, "/secflash@0") < 0);
	CHECK(fdt_path_offset(&f, "/secflash@0/inner") < 0);
	c = fdt_path_offset(&f, "/flash@4000000");
	CHECK(c >= 0);
	CHECK_EQ(fdt_getprop_u32(&f, c, "y", 0), 2);
	/* The first child is now the one after the removed node. */
	CHECK_EQ(fdt_first_child(&f, fdt_path_offset(&f, "/")), c);
}

TEST_NEG(fdt_nop_node_refuses_the_root_and_bad_offsets)
{
	fdt_create_empty(&f, buf, CAP);
	CHECK(fdt_nop_node(&f, 0) < 0);
	CHECK(fdt_nop_node(&f, 3) < 0);        /* not a BEGIN_NODE offset */
	CHECK(fdt_nop_node(&f, -1) < 0);
	CHECK_EQ(fdt_check(&f), 0);
}
