// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * benchloop: the timer of tests/bench (built static, runs in the guest's
 * busybox initramfs and on the host). Monotonic clock, microseconds.
 *
 *   benchloop run N CMD [ARG...]   run CMD N times (stdout, stderr to
 *                                  /dev/null); prints "min median max" us
 *   benchloop read N FILE...       N rounds of open/read/close of every
 *                                  FILE; prints "median_ns_per_read
 *                                  min_ns_per_read reads changed", where
 *                                  changed counts reads whose content
 *                                  differs from the first round's
 *   benchloop probe COUNT TIMEOUT_MS KO [PARAMS]
 *                                  finit_module(KO, PARAMS), then poll
 *                                  /sys/class/gpuident/(*)/state until COUNT
 *                                  devices read "ready"; prints
 *                                  "insmod_us ready_us" (ready_us -1 on
 *                                  timeout)
 */
#include <errno.h>
#include <fcntl.h>
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static int cmp_ll(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;

	return x < y ? -1 : x > y;
}

static long long median(long long *v, int n)
{
	qsort(v, n, sizeof(*v), cmp_ll);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static int do_run(int n, char **argv)
{
	long long *t = calloc(n, sizeof(*t));
	int i;

	if (!t)
		return 1;
	for (i = 0; i < n; i++) {
		long long t0 = now_ns();
		pid_t pid = fork();
		int st;

		if (pid < 0)
			return perror("fork"), 1;
		if (pid == 0) {
			int fd = open("/dev/null", O_WRONLY);

			dup2(fd, 1);
			dup2(fd, 2);
			execvp(argv[0], argv);
			_exit(127);
		}
		if (waitpid(pid, &st, 0) < 0)
			return perror("waitpid"), 1;
		t[i] = now_ns() - t0;
		if (WIFEXITED(st) && WEXITSTATUS(st) == 127)
			return fprintf(stderr, "benchloop: cannot run %s\n", argv[0]), 1;
	}
	qsort(t, n, sizeof(*t), cmp_ll);
	printf("%lld %lld %lld\n", t[0] / 1000, median(t, n) / 1000, t[n - 1] / 1000);
	return 0;
}

static ssize_t slurp(const char *path, char *buf, size_t size)
{
	int fd = open(path, O_RDONLY);
	ssize_t r;

	if (fd < 0)
		return -1;
	r = read(fd, buf, size);
	close(fd);
	return r;
}

static int do_read(int n, int nf, char **files)
{
	static char buf[65536];
	char **first = calloc(nf, sizeof(*first));
	ssize_t *flen = calloc(nf, sizeof(*flen));
	long long *t = calloc(n, sizeof(*t));
	long changed = 0;
	int i, f;

	if (!first || !flen || !t)
		return 1;
	for (f = 0; f < nf; f++) {
		flen[f] = slurp(files[f], buf, sizeof(buf));
		first[f] = malloc(flen[f] > 0 ? flen[f] : 1);
		if (flen[f] > 0)
			memcpy(first[f], buf, flen[f]);
	}
	for (i = 0; i < n; i++) {
		long long t0 = now_ns();

		for (f = 0; f < nf; f++) {
			ssize_t r = slurp(files[f], buf, sizeof(buf));

			if (r != flen[f] || (r > 0 && memcmp(buf, first[f], r)))
				changed++;
		}
		t[i] = now_ns() - t0;
	}
	qsort(t, n, sizeof(*t), cmp_ll);
	printf("%lld %lld %ld %ld\n", median(t, n) / nf, t[0] / nf, (long)n * nf, changed);
	return 0;
}

static int count_ready(int *total)
{
	glob_t g;
	char buf[64];
	size_t i;
	int ready = 0;

	*total = 0;
	if (glob("/sys/class/gpuident/*/state", 0, NULL, &g))
		return 0;
	*total = g.gl_pathc;
	for (i = 0; i < g.gl_pathc; i++) {
		ssize_t r = slurp(g.gl_pathv[i], buf, sizeof(buf) - 1);

		if (r >= 5 && !strncmp(buf, "ready", 5))
			ready++;
	}
	globfree(&g);
	return ready;
}

static int do_probe(int count, int timeout_ms, const char *ko, const char *params)
{
	long long t0, t1, deadline;
	int fd = open(ko, O_RDONLY | O_CLOEXEC), total;

	if (fd < 0)
		return perror(ko), 1;
	t0 = now_ns();
	if (syscall(SYS_finit_module, fd, params, 0))
		return perror("finit_module"), 1;
	t1 = now_ns();
	close(fd);
	deadline = t0 + (long long)timeout_ms * 1000000LL;
	while (now_ns() < deadline) {
		if (count_ready(&total) >= count) {
			printf("%lld %lld\n", (t1 - t0) / 1000, (now_ns() - t0) / 1000);
			return 0;
		}
		usleep(1000);
	}
	printf("%lld -1\n", (t1 - t0) / 1000);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc >= 4 && !strcmp(argv[1], "run"))
		return do_run(atoi(argv[2]) > 0 ? atoi(argv[2]) : 1, argv + 3);
	if (argc >= 4 && !strcmp(argv[1], "read"))
		return do_read(atoi(argv[2]) > 0 ? atoi(argv[2]) : 1, argc - 3, argv + 3);
	if (argc >= 5 && !strcmp(argv[1], "probe"))
		return do_probe(atoi(argv[2]), atoi(argv[3]), argv[4], argc > 5 ? argv[5] : "");
	fprintf(stderr, "usage: benchloop run N CMD... | read N FILE... | "
		"probe COUNT TIMEOUT_MS KO [PARAMS]\n");
	return 2;
}
