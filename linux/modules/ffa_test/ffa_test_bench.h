/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The "bench" debugfs file of ffa_test (ffa_test_bench.c): FF-A call costs
 * in counter ticks, for QEMU runs with -icount (bench/run-qemu.sh).
 */
#ifndef FFA_TEST_BENCH_H
#define FFA_TEST_BENCH_H

struct dentry;
struct ffa_device;
struct mutex;

/* Adds "bench" to @dir; @lock serialises it with ffa_test's other files. */
int ft_bench_init(struct ffa_device *fdev, struct dentry *dir, struct mutex *lock);

#endif /* FFA_TEST_BENCH_H */
