#define _GNU_SOURCE
#include "CShims.h"

#include <fcntl.h>
#include <malloc.h>
#include <openssl/evp.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef RENAME_EXCHANGE
#define RENAME_EXCHANGE (1 << 1)
#endif

int aqb_renameat_exchange(int fromDirectory, const char *from, int toDirectory, const char *to) {
    return (int)syscall(SYS_renameat2, fromDirectory, from, toDirectory, to, RENAME_EXCHANGE);
}

const char *aqb_dirent_name(const struct dirent *entry) { return entry->d_name; }

int aqb_syncfs(int fd) { return syncfs(fd); }

int aqb_pipe_cloexec(int fds[2]) { return pipe2(fds, O_CLOEXEC); }

void aqb_release_free_memory(void) { malloc_trim(0); }

aqb_sha256 *aqb_sha256_new(void) {
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    if (ctx == NULL) return NULL;
    if (EVP_DigestInit_ex(ctx, EVP_sha256(), NULL) != 1) {
        EVP_MD_CTX_free(ctx);
        return NULL;
    }
    return (aqb_sha256 *)ctx;
}

int aqb_sha256_update(aqb_sha256 *ctx, const void *data, size_t length) {
    return EVP_DigestUpdate((EVP_MD_CTX *)ctx, data, length);
}

int aqb_sha256_final(aqb_sha256 *ctx, uint8_t digest[32]) {
    unsigned int length = 0;
    return EVP_DigestFinal_ex((EVP_MD_CTX *)ctx, digest, &length) == 1 && length == 32;
}

void aqb_sha256_free(aqb_sha256 *ctx) { EVP_MD_CTX_free((EVP_MD_CTX *)ctx); }
