// SPDX-License-Identifier: GPL-2.0
/*
 * ffa_fuzz: a hostile host kernel. It issues raw FF-A SMCs with mutated
 * registers and descriptors against whatever answers them (pKVM's FF-A proxy
 * at EL2 and the SPMC at EL3 under kvm-arm.mode=protected) and checks, every
 * `every` calls, that the system still works and that the host gained
 * nothing.
 *
 * Idle until asked: writing "seed=S seconds=T calls=N every=E trace=K hyp=PA"
 * (any subset) to /sys/kernel/debug/ffa_fuzz/run runs in the writer's
 * context until T seconds or N calls, whichever comes first; reading the
 * file gives the summary lines linux/tests/fuzz-run.c prints. trace=K prints
 * every call from index K on (replay of a failure by seed and call index).
 * avoid=emad-offset never mutates the v1.1 endpoint descriptor offset, which
 * takes Linux 6.12's unpatched proxy down at once (an out-of-bounds read at
 * EL2 in __do_ffa_mem_xfer), so a run on stock can look past it;
 * avoid=frag-handle sends FRAG_TX only for the send in progress (6.12 WARNs,
 * so panics, at EL2 when a FRAG_TX with an unsharable range names a handle
 * the SPMC will not reclaim: ours/0005). Both: avoid=emad-offset,frag-handle.
 *
 * RX/TX: the arm_ffa driver's pair is registered through the proxy and no
 * interface names its pages, so the fuzzer takes the registration over: it
 * unmaps the normal world's pair (FFA_RXTX_UNMAP, ID 0) and maps one of its
 * own, 4 KiB each, which it writes its descriptors into. The driver's RX/TX
 * users (partition info, memory sharing) need a reboot after a run; direct
 * messages keep working. Pages the fuzzer lends are never touched by the CPU
 * and never freed (the SPMC or proxy may still hold them).
 */
#define pr_fmt(fmt) "ffa_fuzz: " fmt

#include <linux/debugfs.h>
#include <linux/delay.h>
#include <linux/fs.h>
#include <linux/gfp.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include "ffa_fuzz.h"
#include "ffa_fuzz_corpus.h"

#define FZ_SUMMARY_LEN 1024
#define FZ_PROGRESS_EVERY 20000

static const char *const fz_answer_names[FZ_A_COUNT] = {
	[FZ_A_SUCCESS] = "SUCCESS",
	[1] = "NOT_SUPPORTED", [2] = "INVALID_PARAMETERS", [3] = "NO_MEMORY",
	[4] = "BUSY", [5] = "INTERRUPTED", [6] = "DENIED", [7] = "RETRY",
	[8] = "ABORTED", [9] = "NO_DATA", [10] = "NOT_READY",
	[FZ_A_ERROR_OTHER] = "ERROR_OTHER",
	[FZ_A_DIRECT_RESP] = "DIRECT_RESP",
	[FZ_A_FRAG_RX] = "MEM_FRAG_RX",
	[FZ_A_VERSION] = "VERSION",
	[FZ_A_OTHER] = "OTHER",
};

static DEFINE_MUTEX(fz_lock);
static struct fz_state *fz;
static char fz_summary[FZ_SUMMARY_LEN] = "idle: write a run to this file\n";
static struct dentry *fz_dir;

/* splitmix64: one u64 of state, every seed is a good seed. */
u64 fz_rand(struct fz_state *s)
{
	u64 z = (s->prng += 0x9e3779b97f4a7c15ull);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

/*
 * The next choice: a corpus byte while the tape lasts (one in 16 mutated),
 * then the PRNG.
 */
u32 fz_byte(struct fz_state *s)
{
	u32 b;

	if (s->tape_pos >= s->tape_len)
		return fz_rand(s) & 0xff;
	b = s->tape[s->tape_pos++];
	if ((fz_rand(s) & 15) == 0)
		b ^= 1u << (fz_rand(s) & 7);
	return b;
}

static enum fz_answer fz_classify(const struct arm_smccc_1_2_regs *r)
{
	u32 x0 = (u32)r->a0;
	s32 err;

	if (x0 == FFA_SUCCESS_32 || x0 == FFA_SUCCESS_64)
		return FZ_A_SUCCESS;
	if (x0 == FFA_ERROR) {
		err = (s32)r->a2;
		return err <= -1 && err >= -10 ? (enum fz_answer)-err : FZ_A_ERROR_OTHER;
	}
	if (r->a0 == (u64)-1 || x0 == FFA_VERSION_NOT_SUPPORTED)
		return FZ_A_NOT_SUPPORTED;
	if (x0 == FFA_MSG_SEND_DIRECT_RESP_32 || x0 == FFA_MSG_SEND_DIRECT_RESP_64 ||
	    x0 == FFA_MSG_SEND_DIRECT_RESP2)
		return FZ_A_DIRECT_RESP;
	if (x0 == FFA_MEM_FRAG_RX)
		return FZ_A_FRAG_RX;
	if (!(x0 & 0x80000000u) && FFA_VERSION_MAJOR(x0) == 1)
		return FZ_A_VERSION;
	return FZ_A_OTHER;
}

bool fz_ok(const struct arm_smccc_1_2_regs *r)
{
	return fz_classify(r) == FZ_A_SUCCESS;
}

/* Every call of a run goes through here: counted, classified, traced. */
void fz_smc(struct fz_state *s, const char *what, struct arm_smccc_1_2_regs *r)
{
	u64 fid = r->a0, a1 = r->a1, a2 = r->a2, a3 = r->a3;
	enum fz_answer a;

	s->last_what = what;
	if (s->calls >= s->trace_from)
		pr_info("call %llu %s 0x%llx(0x%llx, 0x%llx, 0x%llx)\n", s->calls, what, fid,
			a1, a2, a3);
	arm_smccc_1_2_smc(r, r);
	a = fz_classify(r);
	s->answers[a]++;
	s->calls++;
	if (s->calls > s->trace_from)
		pr_info("  -> 0x%lx 0x%lx 0x%lx 0x%lx %s\n", r->a0, r->a1, r->a2, r->a3,
			fz_answer_names[a]);
}

/* Full: the oldest is reclaimed, so no transaction is ever lost track of. */
void fz_remember(struct fz_state *s, u64 handle)
{
	struct arm_smccc_1_2_regs r = { .a0 = FFA_MEM_RECLAIM };

	if (s->nhandles == FZ_HANDLES) {
		r.a1 = (u32)s->handles[0];
		r.a2 = s->handles[0] >> 32;
		fz_smc(s, "evict-reclaim", &r);
		s->handles[0] = s->handles[--s->nhandles];
	}
	s->handles[s->nhandles++] = handle;
}

void fz_forget(struct fz_state *s, u64 handle)
{
	for (u32 i = 0; i < s->nhandles; i++)
		if (s->handles[i] == handle) {
			s->handles[i] = s->handles[--s->nhandles];
			return;
		}
}

bool fz_map_own(struct fz_state *s)
{
	struct arm_smccc_1_2_regs r = { .a0 = FFA_RXTX_MAP_64, .a1 = s->tx_pa,
					.a2 = s->rx_pa, .a3 = 1 };

	fz_smc(s, "map-own", &r);
	s->mapped = fz_ok(&r);
	return s->mapped;
}

static void fz_put16(u8 *p, u16 v) { memcpy(p, &v, 2); }
static void fz_put32(u8 *p, u32 v) { memcpy(p, &v, 4); }
static void fz_put64(u8 *p, u64 v) { memcpy(p, &v, 8); }

/*
 * A well-formed v1.1 SHARE/LEND descriptor into s->desc: one receiver (the
 * test partition), RW, one range. Returns its length.
 */
u32 fz_build_share(struct fz_state *s, phys_addr_t pa, u32 pages, bool lend)
{
	u8 *d = s->desc;
	u32 emad = FFA_MTD11_SIZE, comp = emad + FFA_EMAD_SIZE_V1_0;
	u32 cons = comp + FFA_COMP_SIZE;

	memset(d, 0, cons + FFA_CONS_SIZE);
	fz_put16(d + FFA_MTD11_SENDER, 0);
	fz_put16(d + FFA_MTD11_ATTRIBUTES, FFA_ATTR_NORMAL_WB_INNER);
	fz_put32(d + FFA_MTD11_EMAD_SIZE, FFA_EMAD_SIZE_V1_0);
	fz_put32(d + FFA_MTD11_EMAD_COUNT, 1);
	fz_put32(d + FFA_MTD11_EMAD_OFFSET, emad);
	fz_put16(d + emad + FFA_EMAD_ENDPOINT, TEST_SP_ID);
	d[emad + FFA_EMAD_PERMISSIONS] = lend ? FFA_PERM_DATA_RW | FFA_PERM_INSTR_NX :
						FFA_PERM_DATA_RW;
	fz_put32(d + emad + FFA_EMAD_COMPOSITE_OFF, comp);
	fz_put32(d + comp + FFA_COMP_TOTAL_PAGES, pages);
	fz_put32(d + comp + FFA_COMP_RANGE_COUNT, 1);
	fz_put64(d + cons + FFA_CONS_ADDRESS, pa);
	fz_put32(d + cons + FFA_CONS_PAGE_COUNT, pages);
	s->desc_len = cons + FFA_CONS_SIZE;
	return s->desc_len;
}

/* Send s->desc (whole, one fragment) as a SHARE; the handle or 0. */
static u64 fz_share_desc(struct fz_state *s, const char *what)
{
	struct arm_smccc_1_2_regs r = { .a0 = FFA_MEM_SHARE_64, .a1 = s->desc_len,
					.a2 = s->desc_len };

	memcpy(s->tx, s->desc, s->desc_len);
	fz_smc(s, what, &r);
	if (!fz_ok(&r))
		return 0;
	return (u32)r.a2 | (u64)r.a3 << 32;
}

static bool fz_reclaim(struct fz_state *s, u64 handle)
{
	struct arm_smccc_1_2_regs r = { .a0 = FFA_MEM_RECLAIM, .a1 = (u32)handle,
					.a2 = handle >> 32 };

	fz_smc(s, "health-reclaim", &r);
	return fz_ok(&r);
}

static bool fz_direct(struct fz_state *s, const char *what, u64 a0, u64 a1, u64 a2,
		      struct arm_smccc_1_2_regs *r)
{
	*r = (struct arm_smccc_1_2_regs){ .a0 = FFA_MSG_SEND_DIRECT_REQ_64, .a1 = TEST_SP_ID,
					  .a3 = a0, .a4 = a1, .a5 = a2 };
	fz_smc(s, what, r);
	return (u32)r->a0 == FFA_MSG_SEND_DIRECT_RESP_64;
}

/* A share the host must not be able to make: refused, or a failure. */
static int fz_must_refuse(struct fz_state *s, const char *what, phys_addr_t pa)
{
	u64 h;

	fz_build_share(s, pa, 1, false);
	h = fz_share_desc(s, what);
	if (!h)
		return 0;
	pr_err("health: %s at 0x%llx was accepted (handle 0x%llx): the host gained access\n",
	       what, (u64)pa, h);
	fz_reclaim(s, h);
	return 1;
}

/*
 * The system works and the host gained nothing: an echo, a checksummed
 * one-page share and reclaim, and shares of a hypervisor page, of our RX
 * and TX pages and of the page already shared all refused. Returns the
 * number of failed checks.
 */
static int fz_health(struct fz_state *s, struct page *page)
{
	struct arm_smccc_1_2_regs r;
	u64 tag = fz_rand(s), h, sum;
	int bad = 0;

	fz_cleanup(s);
	if (!s->mapped && !fz_map_own(s)) {
		pr_err("health: our RX/TX cannot be mapped again\n");
		return 1;
	}
	if (!fz_direct(s, "health-echo", TEST_SP_CMD_ECHO, tag, ~tag, &r) ||
	    r.a3 != TEST_SP_CMD_ECHO || r.a4 != tag || r.a5 != ~tag) {
		pr_err("health: echo failed (0x%lx 0x%lx)\n", r.a0, r.a2);
		bad++;
	}
	get_random_bytes(page_address(page), PAGE_SIZE);
	sum = test_sp_fnv1a(TEST_SP_FNV_OFFSET, page_address(page), FFA_PAGE_SIZE);
	fz_build_share(s, page_to_phys(page), 1, false);
	h = fz_share_desc(s, "health-share");
	if (!h) {
		pr_err("health: the 1-page share was refused (call %llu)\n", s->calls - 1);
		return bad + 1;
	}
	if (!fz_direct(s, "health-checksum", TEST_SP_CMD_MEM_CHECKSUM, (u32)h, h >> 32, &r) ||
	    r.a3 != 0 || (r.a4 | r.a5 << 32) != sum) {
		pr_err("health: checksum of the shared page wrong or missing (0x%lx 0x%lx)\n",
		       r.a3, r.a4);
		bad++;
	}
	bad += fz_must_refuse(s, "gain-reshare", page_to_phys(page));
	if (!fz_reclaim(s, h)) {
		pr_err("health: reclaim of 0x%llx failed\n", h);
		bad++;
	}
	if (s->hyp_pa)
		bad += fz_must_refuse(s, "gain-hyp", s->hyp_pa);
	bad += fz_must_refuse(s, "gain-tx", s->tx_pa);
	bad += fz_must_refuse(s, "gain-rx", s->rx_pa);
	return bad;
}

struct fz_run {
	u64 seed, calls, seconds, every, trace, hyp;
	bool avoid_emad, avoid_frag;
};

static int fz_parse(char *buf, struct fz_run *p)
{
	char *tok, *eq;
	u64 v;

	*p = (struct fz_run){ .seed = 1, .seconds = 10, .calls = U64_MAX, .every = 1000,
			      .trace = U64_MAX };
	while ((tok = strsep(&buf, " \t\n"))) {
		if (!*tok)
			continue;
		eq = strchr(tok, '=');
		if (!eq)
			return -EINVAL;
		*eq = '\0';
		/* Known bugs stepped around, so a run can look past them. */
		if (!strcmp(tok, "avoid")) {
			char *what, *list = eq + 1;

			while ((what = strsep(&list, ","))) {
				if (!strcmp(what, "emad-offset"))
					p->avoid_emad = true;
				else if (!strcmp(what, "frag-handle"))
					p->avoid_frag = true;
				else
					return -EINVAL;
			}
			continue;
		}
		if (kstrtou64(eq + 1, 0, &v))
			return -EINVAL;
		if (!strcmp(tok, "seed"))
			p->seed = v;
		else if (!strcmp(tok, "calls"))
			p->calls = v;
		else if (!strcmp(tok, "seconds"))
			p->seconds = v;
		else if (!strcmp(tok, "every"))
			p->every = v ? v : 1000;
		else if (!strcmp(tok, "trace"))
			p->trace = v;
		else if (!strcmp(tok, "hyp"))
			p->hyp = v;
		else
			return -EINVAL;
	}
	return 0;
}

static void fz_pick_tape(struct fz_state *s)
{
	const struct fz_seed *e = &fz_corpus[fz_rand(s) % ARRAY_SIZE(fz_corpus)];

	s->tape = e->bytes;
	s->tape_len = e->len;
	s->tape_pos = 0;
}

static int fz_print_summary(struct fz_state *s, const struct fz_run *p, u64 ms,
			    u64 checks, u64 failures, bool working)
{
	size_t n;

	n = scnprintf(fz_summary, sizeof(fz_summary),
		      "summary seed=%llu calls=%llu ms=%llu health_checks=%llu health_failures=%llu gained=%llu working=%d\nanswers",
		      p->seed, s->calls, ms, checks, failures, s->gained, working);
	for (int i = 0; i < FZ_A_COUNT; i++)
		if (s->answers[i])
			n += scnprintf(fz_summary + n, sizeof(fz_summary) - n, " %s=%llu",
				       fz_answer_names[i], s->answers[i]);
	scnprintf(fz_summary + n, sizeof(fz_summary) - n, "\n");
	return 0;
}

/* Takes over RX/TX (see the top of the file), runs, checks at the end. */
static void fz_run(struct fz_state *s, const struct fz_run *p, struct page *hp)
{
	struct arm_smccc_1_2_regs r = { .a0 = FFA_RXTX_UNMAP };
	unsigned long end = jiffies + secs_to_jiffies(p->seconds);
	u64 checks = 0, failures = 0, start = ktime_get_ns(), next = p->every;
	u64 progress = FZ_PROGRESS_EVERY;
	bool working;

	fz_smc(s, "take-rxtx", &r);
	if (!fz_map_own(s))
		pr_warn("our RX/TX pair was refused (0x%lx %ld): descriptors will not reach anyone\n",
			r.a0, (long)r.a2);
	while (s->calls < p->calls && time_before(jiffies, end)) {
		if ((s->calls & 63) == 0)
			fz_pick_tape(s);
		fz_one_call(s);
		if (s->calls >= next) {
			checks++;
			failures += fz_health(s, hp) ? 1 : 0;
			next = s->calls + p->every;
		}
		/* Where a dead boot stopped: replay with trace=<call>. */
		if (s->calls >= progress) {
			pr_info("progress seed %llu call %llu last %s\n", p->seed, s->calls,
				s->last_what);
			progress = s->calls + FZ_PROGRESS_EVERY;
		}
		cond_resched();
	}
	checks++;
	working = fz_health(s, hp) == 0;
	failures += working ? 0 : 1;
	fz_print_summary(s, p, (ktime_get_ns() - start) / NSEC_PER_MSEC, checks, failures,
			 working && !s->gained);
	pr_info("%s", fz_summary);
}

static int fz_setup(struct fz_state *s, const struct fz_run *p)
{
	struct page *rxtx = alloc_pages(GFP_KERNEL | __GFP_ZERO, 1);
	struct page *pool = alloc_pages(GFP_KERNEL | __GFP_ZERO, ilog2(FZ_POOL_PAGES));

	if (!rxtx || !pool) {
		if (rxtx)
			__free_pages(rxtx, 1);
		if (pool)
			__free_pages(pool, ilog2(FZ_POOL_PAGES));
		return -ENOMEM;
	}
	s->tx = page_address(rxtx);
	s->rx = page_address(rxtx + 1);
	s->tx_pa = page_to_phys(rxtx);
	s->rx_pa = page_to_phys(rxtx + 1);
	s->pool_pa = page_to_phys(pool);
	s->prng = p->seed;
	s->trace_from = p->trace;
	s->avoid_emad = p->avoid_emad;
	s->avoid_frag = p->avoid_frag;
	s->hyp_pa = p->hyp & ~(phys_addr_t)(FFA_PAGE_SIZE - 1);
	return 0;
}

static ssize_t fz_run_write(struct file *f, const char __user *ubuf, size_t len, loff_t *ppos)
{
	struct fz_run p;
	struct page *hp;
	char buf[160];
	int err;

	if (len >= sizeof(buf))
		return -EINVAL;
	if (copy_from_user(buf, ubuf, len))
		return -EFAULT;
	buf[len] = '\0';
	if (fz_parse(buf, &p))
		return -EINVAL;
	if (!mutex_trylock(&fz_lock))
		return -EBUSY;
	/* One run per boot: the pages of an earlier one may still be held. */
	err = -EALREADY;
	if (fz)
		goto out;
	err = -ENOMEM;
	fz = kzalloc(sizeof(*fz), GFP_KERNEL);
	hp = alloc_page(GFP_KERNEL);
	if (!fz || !hp || fz_setup(fz, &p)) {
		if (hp)
			__free_page(hp);
		goto out;
	}
	pr_info("run seed %llu seconds %llu calls %llu every %llu\n", p.seed, p.seconds,
		p.calls, p.every);
	fz_run(fz, &p, hp);
	err = len;
out:
	mutex_unlock(&fz_lock);
	return err;
}

static ssize_t fz_run_read(struct file *f, char __user *ubuf, size_t len, loff_t *ppos)
{
	return simple_read_from_buffer(ubuf, len, ppos, fz_summary, strlen(fz_summary));
}

static const struct file_operations fz_run_fops = {
	.owner = THIS_MODULE,
	.read = fz_run_read,
	.write = fz_run_write,
	.llseek = default_llseek,
};

static int __init fz_init(void)
{
	if (arm_smccc_1_1_get_conduit() != SMCCC_CONDUIT_SMC)
		pr_info("no SMC conduit: runs will see whatever answers HVC\n");
	fz_dir = debugfs_create_dir("ffa_fuzz", NULL);
	debugfs_create_file("run", 0600, fz_dir, NULL, &fz_run_fops);
	return 0;
}

/* The pages of a run are never freed: the SPMC or the proxy may hold them. */
static void __exit fz_exit(void)
{
	debugfs_remove_recursive(fz_dir);
}

module_init(fz_init);
module_exit(fz_exit);
MODULE_DESCRIPTION("ffa-stack hostile-host FF-A fuzzer (test only)");
MODULE_LICENSE("GPL");
