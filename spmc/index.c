// SPDX-License-Identifier: MIT
/*
 * The live-range index: every constituent of every live transaction, in
 * address order, so a new SHARE/LEND (or RXTX_MAP) is checked against all
 * of them in O(log) instead of walking every live transaction.
 *
 * Live ranges never overlap (one transaction per page), so they form one
 * sorted sequence. It is kept as segments: runs of consecutive pool
 * entries of one transaction that are also consecutive in that global
 * order. A transaction whose pages do not interleave with another's is one
 * segment whatever its constituent count, so the index costs O(log S) per
 * transaction, not per constituent. Segments live in an AVL tree keyed by
 * their first address; a segment's node is its first pool entry's
 * (spmc_state.h, struct spmc_seg). Node numbers are pool index + 1, so a
 * zeroed state is the empty tree; seg[0] and seg_h[0] stand for "none"
 * (height 0, never written), so heights need no test. No recursion: parent links.
 *
 * A query for [a, e) finds the segment with the greatest start below e, then
 * within it the last range starting below e: it overlaps iff that range
 * ends past a. Removing a transaction removes its segments; neighbours it
 * had split stay split (still correct, never more segments than ranges).
 */
#include "spmc/spmc_int.h"

#define NIL 0u

static inline struct spmc_seg *node(struct spmc *s, uint32_t n)
{
	return &s->seg[n];
}

static inline uint64_t key(const struct spmc *s, uint32_t n)
{
	return s->pool[n - 1].addr;
}

static inline uint32_t height(const struct spmc *s, uint32_t n)
{
	return s->seg_h[n];   /* seg_h[NIL] is a sentinel 0 */
}

static void fix_height(struct spmc *s, uint32_t n)
{
	uint32_t l = height(s, node(s, n)->left), r = height(s, node(s, n)->right);

	s->seg_h[n] = (uint8_t)(1 + (l > r ? l : r));
}

/* Point whatever pointed at `old` (its parent's link or the root) at `nu`. */
static void replace_child(struct spmc *s, uint32_t parent, uint32_t old, uint32_t nu)
{
	if (parent == NIL)
		s->seg_root = (uint16_t)nu;
	else if (node(s, parent)->left == old)
		node(s, parent)->left = (uint16_t)nu;
	else
		node(s, parent)->right = (uint16_t)nu;
	if (nu != NIL)
		node(s, nu)->parent = (uint16_t)parent;
}

/* Rotate n's child c (left if dir is 0) up into n's place; returns c. */
static uint32_t rotate_up(struct spmc *s, uint32_t n, bool left_child)
{
	struct spmc_seg *x = node(s, n);
	uint32_t c = left_child ? x->left : x->right;
	struct spmc_seg *y = node(s, c);
	uint32_t inner = left_child ? y->right : y->left;

	replace_child(s, x->parent, n, c);
	if (left_child) {
		x->left = (uint16_t)inner;
		y->right = (uint16_t)n;
	} else {
		x->right = (uint16_t)inner;
		y->left = (uint16_t)n;
	}
	if (inner != NIL)
		node(s, inner)->parent = (uint16_t)n;
	x->parent = (uint16_t)c;
	fix_height(s, n);
	fix_height(s, c);
	return c;
}

/* Restore the AVL balance at n; returns the subtree's (possibly new) root. */
static uint32_t rebalance(struct spmc *s, uint32_t n)
{
	struct spmc_seg *x = node(s, n);
	int bal = (int)height(s, x->left) - (int)height(s, x->right);

	if (bal > 1) {
		struct spmc_seg *l = node(s, x->left);

		if (height(s, l->left) < height(s, l->right))
			rotate_up(s, x->left, false);
		return rotate_up(s, n, true);
	}
	if (bal < -1) {
		struct spmc_seg *r = node(s, x->right);

		if (height(s, r->right) < height(s, r->left))
			rotate_up(s, x->right, true);
		return rotate_up(s, n, false);
	}
	fix_height(s, n);
	return n;
}

/*
 * Walk up from n restoring heights and balance; stops at the first subtree
 * whose height comes out unchanged (nothing above it can have changed).
 * Inline height arithmetic: this loop is most of what a share or a reclaim
 * pays for a large table.
 */
static void retrace(struct spmc *s, uint32_t n)
{
	while (n != NIL) {
		struct spmc_seg *x = node(s, n);
		uint32_t hl = s->seg_h[x->left], hr = s->seg_h[x->right], h, top;

		if (hl <= hr + 1 && hr <= hl + 1) {
			h = 1 + (hl > hr ? hl : hr);
			if (h == s->seg_h[n])
				return;
			s->seg_h[n] = (uint8_t)h;
			n = x->parent;
			continue;
		}
		h = s->seg_h[n];
		top = rebalance(s, n);
		if (s->seg_h[top] == h)
			return;
		n = node(s, top)->parent;
	}
}

/*
 * Insert node n between its neighbours in key order, pred and succ (NIL at
 * either end): in a search tree one of the two has the free link n takes,
 * so no descent is needed.
 */
static void tree_insert(struct spmc *s, uint32_t n, uint32_t pred, uint32_t succ)
{
	struct spmc_seg *x = node(s, n);
	uint32_t parent;

	x->left = x->right = NIL;
	s->seg_h[n] = 1;
	if (pred != NIL && node(s, pred)->right == NIL) {
		parent = pred;
		node(s, pred)->right = (uint16_t)n;
	} else if (succ != NIL) {
		parent = succ;
		node(s, succ)->left = (uint16_t)n;
	} else {
		parent = NIL;
		s->seg_root = (uint16_t)n;
	}
	x->parent = (uint16_t)parent;
	retrace(s, parent);
}

static void tree_remove(struct spmc *s, uint32_t n)
{
	struct spmc_seg *x = node(s, n);
	uint32_t from;

	if (x->left == NIL || x->right == NIL) {
		from = x->parent;
		replace_child(s, from, n, x->left != NIL ? x->left : x->right);
	} else {
		/* Two children: the successor m (leftmost on the right) takes n's place. */
		uint32_t m = x->right;
		struct spmc_seg *y;

		while (node(s, m)->left != NIL)
			m = node(s, m)->left;
		y = node(s, m);
		if (y->parent == n) {
			from = m;
		} else {
			from = y->parent;
			replace_child(s, from, m, y->right);
			y->right = x->right;
			node(s, y->right)->parent = (uint16_t)m;
		}
		replace_child(s, x->parent, n, m);
		y->left = x->left;
		node(s, y->left)->parent = (uint16_t)m;
		s->seg_h[m] = s->seg_h[n];
	}
	x->left = x->right = x->parent = NIL;
	s->seg_h[n] = 0;
	retrace(s, from);
}

/*
 * The segment with the greatest start below `end` (NIL if none) and the one
 * with the least start at or past it (*ceil, NIL if none), in one descent.
 */
static uint32_t seg_below(const struct spmc *s, uint64_t end, uint32_t *ceil)
{
	uint32_t cur = s->seg_root, best = NIL, up = NIL;

	while (cur != NIL) {
		if (key(s, cur) < end) {
			best = cur;
			cur = s->seg[cur].right;
		} else {
			up = cur;
			cur = s->seg[cur].left;
		}
	}
	*ceil = up;
	return best;
}

/* The segment after n in address order, or NIL. */
static uint32_t seg_next(const struct spmc *s, uint32_t n)
{
	const struct spmc_seg *x = &s->seg[n];
	uint32_t p;

	if (x->right != NIL) {
		n = x->right;
		while (s->seg[n].left != NIL)
			n = s->seg[n].left;
		return n;
	}
	p = x->parent;
	while (p != NIL && s->seg[p].right == n) {
		n = p;
		p = s->seg[p].parent;
	}
	return p;
}

static uint32_t seg_first(const struct spmc *s)
{
	uint32_t n = s->seg_root;

	while (n != NIL && s->seg[n].left != NIL)
		n = s->seg[n].left;
	return n;
}

/*
 * The lookups below are forced inline: as calls, their frames were a third
 * of what checking a one-range share against the index cost.
 */
/*
 * In segment n (NIL: none), the last entry starting below end (*at, or
 * SPMC_NO_SLOT) and the start of the entry after it, if the segment has one
 * (*next, else left alone).
 */
static inline __attribute__((always_inline)) void
in_segment(const struct spmc *s, uint32_t n, uint64_t end, uint32_t *at, uint64_t *next)
{
	uint32_t lo, hi;

	if (n == NIL || key(s, n) >= end) {
		*at = SPMC_NO_SLOT;
		return;
	}
	/* The segment's last range first (it usually is the one), then bisect. */
	lo = n - 1;
	hi = lo + s->seg[n].len;
	if (s->pool[hi - 1].addr < end) {
		*at = hi - 1;
		return;
	}
	while (hi - lo > 1) {
		uint32_t mid = lo + (hi - lo) / 2;

		if (s->pool[mid].addr < end)
			lo = mid;
		else
			hi = mid;
	}
	*at = lo;
	*next = s->pool[hi].addr;
}

/* Where a range ending at `end` falls, in the tree alone. */
static inline __attribute__((always_inline)) void
locate_tree(const struct spmc *s, uint64_t end, struct spmc_spot *p)
{
	p->seg = seg_below(s, end, &p->next_seg);
	p->next_start = p->next_seg == NIL ? UINT64_MAX : key(s, p->next_seg);
	in_segment(s, p->seg, end, &p->at, &p->next_start);
}

/*
 * Where a range ending at `end` falls among all live ranges: the tree's and
 * those of the segment held outside it (seg_extra), whichever is nearer.
 */
static inline __attribute__((always_inline)) void
locate(const struct spmc *s, uint64_t end, struct spmc_spot *p)
{
	uint32_t e = s->seg_extra, at;
	uint64_t next = UINT64_MAX;

	locate_tree(s, end, p);
	if (e == NIL)
		return;
	in_segment(s, e, end, &at, &next);
	if (at == SPMC_NO_SLOT)
		next = key(s, e);
	else if (p->at == SPMC_NO_SLOT || s->pool[at].addr > s->pool[p->at].addr) {
		p->at = at;
		p->seg = e;
	}
	if (next < p->next_start)
		p->next_start = next;
}

bool spmc_index_overlaps(const struct spmc *s, uint64_t addr, uint64_t end)
{
	struct spmc_spot p;

	if (end <= addr)
		return false;
	locate(s, end, &p);
	return p.at != SPMC_NO_SLOT && spmc_range_end(&s->pool[p.at]) > addr;
}

/* Adds pool[first + i, first + k) as a segment at spot p (see walk). */
static void add_gap(struct spmc *s, const struct spmc_spot *p, uint32_t first, uint32_t i,
		    uint32_t k)
{
	uint32_t pred = p->seg, succ = p->next_seg;

	/* Falling inside a segment: its tail becomes a segment of its own. */
	if (p->seg != NIL && p->at + 1 < p->seg - 1 + s->seg[p->seg].len) {
		uint32_t seg_end = p->seg - 1 + s->seg[p->seg].len, tail = p->at + 2;

		s->seg[p->seg].len = (uint16_t)(p->at + 1 - (p->seg - 1));
		s->seg[p->at + 2].len = (uint16_t)(seg_end - (p->at + 1));
		tree_insert(s, tail, p->seg, p->next_seg);
		succ = tail;
	}
	s->seg[first + i + 1].len = (uint16_t)(k - i);
	tree_insert(s, first + i + 1, pred, succ);
}

/*
 * Walks the sorted, internally disjoint ranges pool[first, first + n) gap
 * by gap (a gap: between two consecutive live ranges). Without `apply` it
 * only checks for overlap (DENIED); with it (after a successful check) it
 * adds them: a segment per gap, splitting the segment a gap falls inside.
 * *gaps (check only) counts the gaps. Inline: each caller gets its own copy
 * with `apply` constant.
 */
static inline __attribute__((always_inline)) int32_t
walk(struct spmc *s, uint32_t first, uint32_t n, bool apply, uint32_t *gaps)
{
	const struct ffa_mem_range *r = &s->pool[first];
	uint32_t i = 0;

	*gaps = 0;
	while (i < n) {
		struct spmc_spot p;
		uint32_t k = i + 1;

		locate(s, spmc_range_end(&r[i]), &p);
		if (!apply && p.at != SPMC_NO_SLOT && spmc_range_end(&s->pool[p.at]) > r[i].addr)
			return FFA_RET_DENIED;
		while (k < n && spmc_range_end(&r[k]) <= p.next_start)
			k++;
		if (apply)
			add_gap(s, &p, first, i, k);
		else
			s->index_spot = p;
		(*gaps)++;
		i = k;
	}
	return FFA_RET_SUCCESS;
}

int32_t spmc_index_check(struct spmc *s, uint32_t first, uint32_t n)
{
	int32_t ret = walk(s, first, n, false, &s->index_gaps);

	if (ret != FFA_RET_SUCCESS)
		s->index_gaps = 0;
	return ret;
}

/* Put the segment held outside the tree into it (between its neighbours). */
static void flush_extra(struct spmc *s)
{
	uint32_t e = s->seg_extra, pred, succ;

	if (e == NIL)
		return;
	s->seg_extra = NIL;
	pred = seg_below(s, key(s, e), &succ);
	tree_insert(s, e, pred, succ);
}

void spmc_index_add(struct spmc *s, uint32_t first, uint32_t n)
{
	const struct spmc_spot *p = &s->index_spot;
	uint32_t gaps;

	/*
	 * One gap that splits nothing (ranges that do not interleave any live
	 * transaction's): the new segment is held outside the tree, the previous
	 * one so held going into it. A transaction reclaimed before the next
	 * share (a short-lived share, the common case) so never costs a tree
	 * update. Anything else: everything into the tree, walking again.
	 */
	if (s->index_gaps == 1 &&
	    (p->seg == NIL || p->at + 1 == p->seg - 1 + s->seg[p->seg].len)) {
		if (s->seg_extra != NIL)
			flush_extra(s);
		s->seg[first + 1].len = (uint16_t)n;
		s->seg_extra = (uint16_t)(first + 1);
	} else {
		flush_extra(s);
		(void)walk(s, first, n, true, &gaps);
	}
	s->index_gaps = 0;
}

static __attribute__((noinline)) void remove_walk(struct spmc *s, uint32_t first, uint32_t n)
{
	for (uint32_t i = first; i < first + n; i++) {
		if (!s->seg[i + 1].len)
			continue;
		if (s->seg_extra == i + 1)
			s->seg_extra = NIL;
		else
			tree_remove(s, i + 1);
		s->seg[i + 1].len = 0;
	}
}

void spmc_index_remove(struct spmc *s, uint32_t first, uint32_t n)
{
	/*
	 * The usual reclaim: the newest one-range share, held outside the tree.
	 * The loop is out of line so that this case pays for no frame.
	 */
	if (n == 1 && s->seg_extra == first + 1) {
		s->seg_extra = NIL;
		s->seg[first + 1].len = 0;
		return;
	}
	remove_walk(s, first, n);
}

#define FAIL(msg) do { *why = (msg); return 1; } while (0)

/* One pool entry of a live slice: a valid node, or all zero. */
static int check_node(const struct spmc *s, uint32_t i, uint32_t *nodes, const char **why)
{
	const struct spmc_seg *x = &s->seg[i + 1];
	uint32_t n = i + 1, l = x->left, r = x->right, hl, hr;

	if (n == s->seg_extra) {
		if (!x->len || x->left || x->right || x->parent || s->seg_h[n] || s->seg_root == n)
			FAIL("index: the segment outside the tree is linked or empty");
		return 0;
	}
	if (!x->len) {
		if (x->left || x->right || x->parent || s->seg_h[n] || s->seg_root == n)
			FAIL("index entry of a non-segment not cleared");
		return 0;
	}
	(*nodes)++;
	if (l > SPMC_RANGE_POOL || r > SPMC_RANGE_POOL || x->parent > SPMC_RANGE_POOL)
		FAIL("index link out of range");
	if ((l && (s->seg[l].parent != n || key(s, l) >= key(s, n))) ||
	    (r && (s->seg[r].parent != n || key(s, r) <= key(s, n))))
		FAIL("index links or order broken");
	if ((x->parent == NIL) != (s->seg_root == n))
		FAIL("index root wrong");
	hl = height(s, l);
	hr = height(s, r);
	if (s->seg_h[n] != 1 + (hl > hr ? hl : hr) || hl > hr + 1 || hr > hl + 1)
		FAIL("index out of balance");
	return 0;
}

/*
 * Links, heights and balance of every node in a live slice; the node count.
 * Entries outside live slices are not walked (that would cost the whole
 * pool on every check): a node left there is still caught, by the in-order
 * walk finding a segment outside any live transaction.
 */
static int check_nodes(const struct spmc *s, uint32_t *nodes, const char **why)
{
	*nodes = 0;
	for (uint32_t t = 0; t < SPMC_MAX_TXNS; t++) {
		const struct spmc_txn *x = &s->txns[t];

		if (x->state != SPMC_TXN_LIVE)
			continue;
		for (uint32_t i = x->range_first; i < x->range_first + x->range_count; i++)
			if (check_node(s, i, nodes, why))
				return 1;
	}
	return 0;
}

/* The segment's entries are consecutive ranges of one live transaction. */
static int check_segment(const struct spmc *s, uint32_t first, uint32_t len, const char **why)
{
	for (uint32_t i = 0; i < SPMC_MAX_TXNS; i++) {
		const struct spmc_txn *t = &s->txns[i];

		if (t->state == SPMC_TXN_LIVE && first >= t->range_first &&
		    first - t->range_first < t->range_count)
			return len <= t->range_count - (first - t->range_first)
				       ? 0 : (*why = "index segment runs past its transaction", 1);
	}
	FAIL("index segment outside any live transaction");
}

/*
 * The segment held outside the tree: in a live slice, overlapping no tree
 * range, and consecutive in address order (no tree range between its own).
 */
static int check_extra(const struct spmc *s, uint32_t *entries, const char **why)
{
	uint32_t e = s->seg_extra;

	if (e == NIL)
		return 0;
	if (e > SPMC_RANGE_POOL || !s->seg[e].len)
		FAIL("index: bad segment outside the tree");
	if (check_segment(s, e - 1, s->seg[e].len, why))
		return 1;
	for (uint32_t i = e - 1; i < e - 1 + s->seg[e].len; i++) {
		struct spmc_spot p;

		locate_tree(s, spmc_range_end(&s->pool[i]), &p);
		if (p.at != SPMC_NO_SLOT && spmc_range_end(&s->pool[p.at]) > s->pool[i].addr)
			FAIL("index: the segment outside the tree overlaps a tree range");
		if (i > e - 1 && p.at != SPMC_NO_SLOT && s->pool[p.at].addr > s->pool[i - 1].addr)
			FAIL("index: a tree range lies inside the segment outside the tree");
	}
	*entries += s->seg[e].len;
	return 0;
}

int spmc_index_check_invariants(const struct spmc *s, const char **why)
{
	uint32_t nodes, seen = 0, entries = 0, live = 0;
	const struct ffa_mem_range *prev = NULL;

	if (s->seg_root > SPMC_RANGE_POOL)
		FAIL("index root out of range");
	if (s->seg[NIL].left || s->seg[NIL].right || s->seg[NIL].parent || s->seg[NIL].len ||
	    s->seg_h[NIL])
		FAIL("index sentinel written");
	if (check_nodes(s, &nodes, why))
		return 1;
	/* In order, the segments' entries are every live range, sorted, disjoint. */
	for (uint32_t n = seg_first(s); n != NIL; n = seg_next(s, n)) {
		uint32_t len = s->seg[n].len;

		if (++seen > nodes)
			FAIL("index walk does not end");
		if (check_segment(s, n - 1, len, why))
			return 1;
		for (uint32_t i = n - 1; i < n - 1 + len; i++) {
			if (prev && spmc_range_end(prev) > s->pool[i].addr)
				FAIL("live ranges overlap or the index is out of order");
			prev = &s->pool[i];
		}
		entries += len;
	}
	if (seen != nodes)
		FAIL("index nodes unreachable from the root");
	if (check_extra(s, &entries, why))
		return 1;
	for (uint32_t i = 0; i < SPMC_MAX_TXNS; i++)
		if (s->txns[i].state == SPMC_TXN_LIVE)
			live += s->txns[i].range_count;
	if (entries != live)
		FAIL("index does not hold every live range once");
	return 0;
}
