/* SPDX-License-Identifier: MIT */
/*
 * A small flattened-device-tree reader and in-place editor, enough for the
 * firmware to fix up the tree QEMU hands over (add /psci, cpu enable-method,
 * /chosen initrd properties, /reserved-memory carveouts).
 *
 * The tree is checked completely once by fdt_open(); every later access is
 * still bounds-checked, so a tree the firmware edits can never make it read
 * or write outside [buf, buf + cap). Only the standard block order is
 * accepted (header, memory reservation map, structure, strings): the editor
 * grows the structure block in place by moving the strings block up, and
 * appends new strings after the last one. Anything past the strings block up
 * to cap is treated as free space.
 *
 * Node handles are offsets of a node's FDT_BEGIN_NODE token inside the
 * structure block. An edit moves everything after its insertion point, so
 * look nodes up again after editing (a handle for the edited node itself or
 * for one of its ancestors stays valid).
 */
#ifndef FW_COMMON_FDT_H
#define FW_COMMON_FDT_H

#include <stdbool.h>
#include <stdint.h>

#define FDT_MAGIC 0xd00dfeedu
#define FDT_HEADER_SIZE 40u
#define FDT_VERSION 17u
#define FDT_LAST_COMP_VERSION 16u

#define FDT_TOKEN_BEGIN_NODE 1u
#define FDT_TOKEN_END_NODE 2u
#define FDT_TOKEN_PROP 3u
#define FDT_TOKEN_NOP 4u
#define FDT_TOKEN_END 9u

/* Deeper trees are refused: the walkers keep no stack, but a bound keeps a
 * hostile tree from turning every lookup into a long walk. */
#define FDT_MAX_DEPTH 32
#define FDT_MAX_NAME 256u        /* node and property names, NUL included */

enum fdt_error {
	FDT_ERR_BADMAGIC = -1,    /* not a flattened device tree */
	FDT_ERR_TRUNCATED = -2,   /* header/totalsize beyond the readable bytes */
	FDT_ERR_BADVERSION = -3,  /* older than v17 or incompatible */
	FDT_ERR_BADLAYOUT = -4,   /* blocks misaligned, overlapping, out of order */
	FDT_ERR_BADSTRUCT = -5,   /* malformed structure block */
	FDT_ERR_NOSPACE = -6,     /* the edit does not fit in cap */
	FDT_ERR_NOTFOUND = -7,
	FDT_ERR_EXISTS = -8,      /* subnode already present */
	FDT_ERR_BADARG = -9,      /* bad name, path or length */
};

struct fdt {
	uint8_t *buf;
	uint32_t cap;             /* bytes the tree may occupy (edits grow to this) */
};

/*
 * Validate the tree at buf: `avail` bytes are readable, the tree may grow to
 * `cap` bytes (cap >= avail is not required; both bound totalsize). Returns
 * 0 or a negative enum fdt_error.
 */
int fdt_open(struct fdt *f, void *buf, uint32_t avail, uint32_t cap);
/* Write an empty tree (a root node only) into buf; cap as above. */
int fdt_create_empty(struct fdt *f, void *buf, uint32_t cap);
/* Re-run fdt_open's checks on an opened tree (for tests and debugging). */
int fdt_check(const struct fdt *f);

uint32_t fdt_totalsize(const struct fdt *f);
/* Bytes actually used: the end of the strings block. */
uint32_t fdt_used_size(const struct fdt *f);
uint32_t fdt_strings_size(const struct fdt *f);
uint32_t fdt_struct_size(const struct fdt *f);

/* Node at an absolute path ("/", "/cpus", "/chosen"); a component without a
 * unit address also matches "name@addr". Returns an offset or an error. */
int fdt_path_offset(const struct fdt *f, const char *path);
int fdt_first_child(const struct fdt *f, int node);
int fdt_next_sibling(const struct fdt *f, int node);
int fdt_subnode(const struct fdt *f, int parent, const char *name);
/* The node's name (unit address included), or NULL for a bad handle. */
const char *fdt_node_name(const struct fdt *f, int node);

/* Property value and length, or NULL when absent. */
const void *fdt_getprop(const struct fdt *f, int node, const char *name, uint32_t *len);
/* A property holding one 32-bit cell; def when absent or not 4 bytes long. */
uint32_t fdt_getprop_u32(const struct fdt *f, int node, const char *name, uint32_t def);
/* True when the property is a string list containing str. */
bool fdt_prop_has_string(const struct fdt *f, int node, const char *name, const char *str);
/* True unless the node has a status other than "okay"/"ok". */
bool fdt_node_enabled(const struct fdt *f, int node);

int fdt_setprop(struct fdt *f, int node, const char *name, const void *val, uint32_t len);
int fdt_setprop_u32(struct fdt *f, int node, const char *name, uint32_t v);
int fdt_setprop_u64(struct fdt *f, int node, const char *name, uint64_t v);
int fdt_setprop_string(struct fdt *f, int node, const char *name, const char *s);
/* Add an empty child as the parent's last child; returns its offset. */
int fdt_add_subnode(struct fdt *f, int parent, const char *name);
/* The child named `name`, added if absent. */
int fdt_find_or_add_subnode(struct fdt *f, int parent, const char *name);
/* Remove the node and everything under it, in place: its tokens become NOPs
 * (offsets of other nodes do not move). Not the root. 0 or an error. */
int fdt_nop_node(struct fdt *f, int node);

const char *fdt_strerror(int err);

#endif /* FW_COMMON_FDT_H */
