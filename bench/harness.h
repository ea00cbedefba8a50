/*
 * What the two C programs of `make bench` share — the reference (bench/reference/) and the floor
 * (bench/floor/) — so that they differ only in the work they do per bundle:
 *
 *     PROGRAM [-t THREADS] BUNDLES_DIR
 *
 * Every regular file under BUNDLES_DIR (walked recursively, sorted by path, so every run does the
 * same work) is read whole and its bytes handed to the program's `audit`, file i on thread i mod
 * THREADS (a file that cannot be read is counted unreadable here). Each thread has its
 * own worker: a `struct worker` first, then whatever the program keeps per thread. At the end one
 * line: how many files, certificates and verified signatures were seen, and a checksum folded from
 * every fact read (a sum: the same whatever thread saw which bundle), so that the compiler cannot
 * drop the work and two runs can be compared. Exit status: 0, or 2 on a usage error or an
 * unreadable folder.
 */
#ifndef CERTAUDIT_BENCH_HARNESS_H
#define CERTAUDIT_BENCH_HARNESS_H
#define _GNU_SOURCE
#include <dirent.h>
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

/* The start of every thread's worker. */
struct worker {
    const struct paths *paths;
    size_t first, step;
    struct tally tally;
    void (*audit)(struct worker *worker, const unsigned char *bytes, long length);
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

static void *run_worker(void *argument) {
    struct worker *worker = argument;
    for (size_t index = worker->first; index < worker->paths->count; index += worker->step) {
        worker->tally.files++;
        long length = 0;
        unsigned char *bytes = read_file(worker->paths->items[index], &length);
        if (!bytes) {
            worker->tally.unreadable++;
            continue;
        }
        worker->audit(worker, bytes, length);
        free(bytes);
    }
    return NULL;
}

/*
 * The whole program around `audit`: the arguments, the walk, the threads, the line printed.
 * Workers are `worker_size` bytes each, zeroed, a `struct worker` first; `release` (or NULL) frees
 * what a worker kept once its thread has joined.
 */
static int bench_main(int argc, char **argv, size_t worker_size,
                      void (*audit)(struct worker *, const unsigned char *, long),
                      void (*release)(struct worker *)) {
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
    unsigned char *workers = calloc(threads, worker_size);
    pthread_t *ids = calloc(threads, sizeof *ids);
    for (int index = 0; index < threads; index++) {
        struct worker *worker = (struct worker *)(workers + index * worker_size);
        *worker = (struct worker){.paths = &paths, .first = index, .step = threads, .audit = audit};
        if (pthread_create(&ids[index], NULL, run_worker, worker) != 0) {
            perror("pthread_create");
            return 2;
        }
    }
    struct tally total = {0};
    for (int index = 0; index < threads; index++) {
        pthread_join(ids[index], NULL);
        struct worker *worker = (struct worker *)(workers + index * worker_size);
        total.files += worker->tally.files;
        total.certificates += worker->tally.certificates;
        total.verified += worker->tally.verified;
        total.unreadable += worker->tally.unreadable;
        total.checksum += worker->tally.checksum;
        if (release) release(worker);
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
#endif
