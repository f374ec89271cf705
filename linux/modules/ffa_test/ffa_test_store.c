// SPDX-License-Identifier: GPL-2.0
/*
 * store_window: the physical flash the UEFI variable store lived in and
 * lives in, mapped into a user process so /tests/ffa-test can write both as
 * any normal-world program with such a mapping could (check
 * store_unreachable_from_ns). Page 0 is the start of flash bank 1, where
 * the store was (and U-Boot keeps its environment); page 1 is the store's
 * start in flash bank 0, secure-only on QEMU virt with secure=on, where
 * the write must fault (a SIGBUS to the writer) or be ignored. Doing the
 * writes from user space is what makes a fault survivable: an external
 * abort on a kernel access is an oops.
 */
#include "ffa_test.h"

/* QEMU virt (secure=on) as fw/qemu-virt/platform.h describes it. */
#define FT_FLASH1_BASE	0x04000000ull
#define FT_STORE_BASE	0x00400000ull

static int ft_store_mmap(struct file *file, struct vm_area_struct *vma)
{
	pgprot_t prot = pgprot_device(vma->vm_page_prot);
	int ret;

	if (vma->vm_pgoff || vma->vm_end - vma->vm_start != 2 * PAGE_SIZE)
		return -EINVAL;
	ret = remap_pfn_range(vma, vma->vm_start, PHYS_PFN(FT_FLASH1_BASE), PAGE_SIZE, prot);
	return ret ? ret : remap_pfn_range(vma, vma->vm_start + PAGE_SIZE,
					   PHYS_PFN(FT_STORE_BASE), PAGE_SIZE, prot);
}

static const struct file_operations ft_store_fops = {
	.owner = THIS_MODULE,
	.open = simple_open,
	.mmap = ft_store_mmap,
};

/*
 * Reading store_window creates store_map, the file to mmap, once: the
 * check files' debugfs proxy does not pass mmap through, and this keeps the
 * mapping out of the check table's machinery. _unsafe: the mapping holds no
 * reference to module data, so no removal protection is needed.
 */
int ft_store_window(struct ffa_test *t, u32 n, bool unused, char *res, size_t len)
{
	static const char name[] = "store_map";
	struct dentry *d = debugfs_lookup(name, t->dir);

	if (d)
		dput(d);
	else
		debugfs_create_file_unsafe(name, 0600, t->dir, t, &ft_store_fops);
	return ft_result(res, len, 0,
			 "ok mmap 2 pages of %s: flash bank 1 at 0x%llx (the old store), the store at 0x%llx (secure flash bank 0)",
			 name, FT_FLASH1_BASE, FT_STORE_BASE);
}
