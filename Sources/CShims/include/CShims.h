#ifndef AQB_CSHIMS_H
#define AQB_CSHIMS_H

#include <stddef.h>
#include <stdint.h>

/* Atomically swaps two paths (Linux renameat2 with RENAME_EXCHANGE): a report folder is
   replaced as a whole, with no moment where neither the old nor the new one is in place.
   Returns 0 or -1 with errno set. */
int aqb_rename_exchange(const char *from, const char *to);

/* Flushes every dirty page of the file system that holds fd (Linux syncfs): one call makes a
   whole run's files durable, instead of one fsync per file. Returns 0 or -1 with errno set. */
int aqb_syncfs(int fd);

/* SHA-256 through OpenSSL's libcrypto (already a dependency of libpq).
   Incremental: init, update any number of times, final writes 32 bytes. Returns 1 on success. */
typedef struct aqb_sha256 aqb_sha256;
aqb_sha256 *aqb_sha256_new(void);
int aqb_sha256_update(aqb_sha256 *ctx, const void *data, size_t length);
int aqb_sha256_final(aqb_sha256 *ctx, uint8_t digest[32]);
void aqb_sha256_free(aqb_sha256 *ctx);

#endif
