/* SPDX-License-Identifier: MIT */
/* Helpers shared by the client's translation units (not part of its API). */
#ifndef HOST_CLIENT_FFA_CLIENT_PRIV_H
#define HOST_CLIENT_FFA_CLIENT_PRIV_H

#include "lib/client/ffa_client.h"

/* The status an FFA_ERROR frame carries, or BAD_RESPONSE for anything else. */
int32_t ffa_client_error_of(const struct ffa_regs *r);
/* SUCCESS when w0 is fid, else the error (or BAD_RESPONSE). */
int32_t ffa_client_expect(const struct ffa_regs *r, uint32_t fid);
/* Call and expect FFA_SUCCESS_32. */
int32_t ffa_client_simple(struct ffa_client *c, struct ffa_regs *r);
/* Bytes in each of RX and TX (0 when unmapped). */
uint32_t ffa_client_buf_size(const struct ffa_client *c);

#endif /* HOST_CLIENT_FFA_CLIENT_PRIV_H */
