/*
 * The naive reference for `make bench` (issue 10): what a user would write in C straight on
 * OpenSSL 3 instead of running certaudit — the least an audit needs per bundle, and nothing more.
 *
 *     reference [-t THREADS] BUNDLES_DIR
 *
 * For every regular file under BUNDLES_DIR (walked recursively, sorted by path, so every run does
 * the same work), one after the other on each of THREADS threads (file i on thread i mod THREADS):
 *   - read the file and every PEM certificate in it (PEM_read_bio_X509 until none is left);
 *   - take the first one as the leaf: its notAfter (ASN1_TIME_to_tm), its DNS/IP SANs, its key's
 *     type and size, its SHA-256 fingerprint (X509_digest);
 *   - verify the leaf's signature with the next certificate's public key (X509_verify).
 * It prints how many files, certificates and verified signatures it saw and a checksum folded from
 * every fact read, so that the compiler cannot drop the work and two runs can be compared.
 *
 * Deliberately naive, as a user would write it: the default library context shared by all threads
 * (no OSSL_LIB_CTX per thread), every certificate decoded every time (the intermediate each bundle
 * repeats is decoded and its key parsed 100,000 times), no chain building against a trust store, no
 * private keys, no CSV. certaudit does all of that and much more per certificate; the target
 * is that it still takes at most half this program's time with two threads.
 *
 * Exit status: 0, or 2 on a usage error or an unreadable folder. A file that holds no certificate
 * or does not verify is counted, not fatal.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

struct paths {
    char **items;
    size_t count, capacity;
};

struct tally {
    uint64_t files, certificates, verified, unreadable, checksum;
};

struct worker {
    const struct paths *paths;
    size_t first, step;
    struct tally tally;
};

static void add_path(struct paths *paths, char *path) {
    if (paths->count == paths->capacity) {
        paths->capacity = paths->capacity ? paths->capacity * 2 : 1024;
        paths->items = realloc(paths->items, paths->capacity * sizeof *paths->items);
        if (!paths->items) {
            perror("realloc");
            exit(2);
        }
    }
    paths->items[paths->count++] = path;
}

static int walk(const char *folder, struct paths *paths) {
    DIR *directory = opendir(folder);
    if (!directory) return -1;
    struct dirent *entry;
    while ((entry = readdir(directory)) != NULL) {
        if (entry->d_name[0] == '.') continue;
        char *path;
        if (asprintf(&path, "%s/%s", folder, entry->d_name) < 0) exit(2);
        struct stat status;
        if (stat(path, &status) != 0) {
            free(path);
            continue;
        }
        if (S_ISDIR(status.st_mode)) {
            walk(path, paths);
            free(path);
        } else if (S_ISREG(status.st_mode)) {
            add_path(paths, path);
        } else {
            free(path);
        }
    }
    closedir(directory);
    return 0;
}

static int by_name(const void *left, const void *right) {
    return strcmp(*(char *const *)left, *(char *const *)right);
}

static uint64_t fold(uint64_t sum, uint64_t value) { return (sum ^ value) * 0x100000001b3ULL; }

/* The whole file, or NULL. */
static unsigned char *read_file(const char *path, long *length) {
    FILE *file = fopen(path, "rb");
    if (!file) return NULL;
    unsigned char *bytes = NULL;
    if (fseek(file, 0, SEEK_END) == 0 && (*length = ftell(file)) >= 0 && fseek(file, 0, SEEK_SET) == 0) {
        bytes = malloc(*length + 1);
        if (bytes && fread(bytes, 1, *length, file) != (size_t)*length) {
            free(bytes);
            bytes = NULL;
        }
    }
    fclose(file);
    return bytes;
}

static void audit(const char *path, struct tally *tally) {
    tally->files++;
    long length = 0;
    unsigned char *bytes = read_file(path, &length);
    if (!bytes) {
        tally->unreadable++;
        return;
    }
    BIO *bio = BIO_new_mem_buf(bytes, (int)length);
    X509 *chain[16];
    int count = 0;
    while (count < 16) {
        X509 *certificate = PEM_read_bio_X509(bio, NULL, NULL, NULL);
        if (!certificate) break;
        chain[count++] = certificate;
    }
    ERR_clear_error(); /* the end of the file (or a key block) leaves "no start line" behind */
    BIO_free(bio);
    free(bytes);
    tally->certificates += count;
    if (count == 0) {
        tally->unreadable++;
        return;
    }
    X509 *leaf = chain[0];
    uint64_t facts = 0xcbf29ce484222325ULL; /* this bundle's facts, folded in order */
    struct tm expiry;
    if (ASN1_TIME_to_tm(X509_get0_notAfter(leaf), &expiry) == 1) {
        facts = fold(facts, (uint64_t)timegm(&expiry));
    }
    GENERAL_NAMES *names = X509_get_ext_d2i(leaf, NID_subject_alt_name, NULL, NULL);
    if (names) {
        for (int index = 0; index < sk_GENERAL_NAME_num(names); index++) {
            GENERAL_NAME *name = sk_GENERAL_NAME_value(names, index);
            if (name->type == GEN_DNS || name->type == GEN_IPADD) {
                ASN1_STRING *value = name->type == GEN_DNS ? name->d.dNSName : name->d.iPAddress;
                facts = fold(facts, (uint64_t)ASN1_STRING_length(value));
            }
        }
        GENERAL_NAMES_free(names);
    }
    EVP_PKEY *key = X509_get0_pubkey(leaf);
    if (key) {
        facts = fold(facts, (uint64_t)EVP_PKEY_get_base_id(key));
        facts = fold(facts, (uint64_t)EVP_PKEY_get_bits(key));
    }
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int digest_length = 0;
    if (X509_digest(leaf, EVP_sha256(), digest, &digest_length) == 1) {
        uint64_t head;
        memcpy(&head, digest, sizeof head);
        facts = fold(facts, head);
    }
    if (count > 1) {
        EVP_PKEY *issuer_key = X509_get0_pubkey(chain[1]);
        if (issuer_key && X509_verify(leaf, issuer_key) == 1) tally->verified++;
        ERR_clear_error();
    }
    tally->checksum += facts; /* a sum: the same whatever thread saw which bundle */
    for (int index = 0; index < count; index++) X509_free(chain[index]);
}

static void *run(void *argument) {
    struct worker *worker = argument;
    for (size_t index = worker->first; index < worker->paths->count; index += worker->step) {
        audit(worker->paths->items[index], &worker->tally);
    }
    return NULL;
}

int main(int argc, char **argv) {
    int threads = 1, option;
    while ((option = getopt(argc, argv, "t:")) != -1) {
        if (option == 't' && atoi(optarg) > 0) {
            threads = atoi(optarg);
        } else {
            fprintf(stderr, "usage: %s [-t THREADS] BUNDLES_DIR\n", argv[0]);
            return 2;
        }
    }
    if (optind != argc - 1) {
        fprintf(stderr, "usage: %s [-t THREADS] BUNDLES_DIR\n", argv[0]);
        return 2;
    }
    struct paths paths = {0};
    if (walk(argv[optind], &paths) != 0) {
        perror(argv[optind]);
        return 2;
    }
    qsort(paths.items, paths.count, sizeof *paths.items, by_name);

    struct timespec started, finished;
    clock_gettime(CLOCK_MONOTONIC, &started);
    struct worker *workers = calloc(threads, sizeof *workers);
    pthread_t *ids = calloc(threads, sizeof *ids);
    for (int index = 0; index < threads; index++) {
        workers[index] = (struct worker){.paths = &paths, .first = index, .step = threads};
        if (pthread_create(&ids[index], NULL, run, &workers[index]) != 0) {
            perror("pthread_create");
            return 2;
        }
    }
    struct tally total = {0};
    for (int index = 0; index < threads; index++) {
        pthread_join(ids[index], NULL);
        total.files += workers[index].tally.files;
        total.certificates += workers[index].tally.certificates;
        total.verified += workers[index].tally.verified;
        total.unreadable += workers[index].tally.unreadable;
        total.checksum += workers[index].tally.checksum;
    }
    clock_gettime(CLOCK_MONOTONIC, &finished);
    double seconds = (double)(finished.tv_sec - started.tv_sec) + (finished.tv_nsec - started.tv_nsec) / 1e9;
    printf("files %llu certificates %llu verified %llu unreadable %llu checksum %016llx threads %d seconds %.3f\n",
           (unsigned long long)total.files, (unsigned long long)total.certificates,
           (unsigned long long)total.verified, (unsigned long long)total.unreadable,
           (unsigned long long)total.checksum, threads, seconds);
    for (size_t index = 0; index < paths.count; index++) free(paths.items[index]);
    free(paths.items);
    free(workers);
    free(ids);
    return 0;
}
