/* SPDX-License-Identifier: MIT */
#ifndef LINUX_TESTS_FFA_TEST_STORE_H
#define LINUX_TESTS_FFA_TEST_STORE_H

/* Prints the store-unreachable-from-ns check line; 1 when it failed. */
int store_check(void);

#endif /* LINUX_TESTS_FFA_TEST_STORE_H */
