#ifndef AQB_CSHIMS_H
#define AQB_CSHIMS_H

#include <dirent.h>
#include <stddef.h>
#include <stdint.h>

/* Atomically swaps two entries (Linux renameat2 with RENAME_EXCHANGE): a report folder is
   replaced as a whole, with no moment where neither the old nor the new one is in place. Relative
   to directory descriptors, so that no path component can be swapped for a link between checking
   a folder and replacing it. Returns 0 or -1 with errno set. */
int aqb_renameat_exchange(int fromDirectory, const char *from, int toDirectory, const char *to);

/* The name of a directory entry. Swift cannot take the address of the `d_name` array without
   copying the whole declared struct, and glibc's entries are shorter than that: copying it reads
   past the end of the buffer readdir returned (valgrind: invalid read after a 32 816-byte block). */
const char *aqb_dirent_name(const struct dirent *entry);

/* Flushes every dirty page of the file system that holds fd (Linux syncfs): one call makes a
   whole run's files durable, instead of one fsync per file. Returns 0 or -1 with errno set. */
int aqb_syncfs(int fd);

/* A pipe whose ends are close-on-exec from the start (Linux pipe2 with O_CLOEXEC): another
   thread starting a process between pipe() and fcntl() would otherwise inherit an end and hold
   the mail program's output open. Returns 0 or -1 with errno set. */
int aqb_pipe_cloexec(int fds[2]);

/* Gives the pages of freed heap memory back to the system, in every arena of glibc's malloc
   (malloc_trim(0)); the memory stays usable. See Run/FreeMemory.swift for why. */
void aqb_release_free_memory(void);

/* SHA-256 through OpenSSL's libcrypto (already a dependency of libpq).
   Incremental: init, update any number of times, final writes 32 bytes. Returns 1 on success. */
typedef struct aqb_sha256 aqb_sha256;
aqb_sha256 *aqb_sha256_new(void);
int aqb_sha256_update(aqb_sha256 *ctx, const void *data, size_t length);
int aqb_sha256_final(aqb_sha256 *ctx, uint8_t digest[32]);
void aqb_sha256_free(aqb_sha256 *ctx);

#endif
