// SPDX-License-Identifier: GPL-2.0-or-later
/* The unit-test runner: runs every GI_TEST, optionally filtered by name. */
#include <stdarg.h>
#include <stdlib.h>
#include <unistd.h>

#include "gitest.h"

static struct gi_test *tests;
static int cur_failed, cur_skipped;

void gi_test_register(struct gi_test *t)
{
	t->next = tests;
	tests = t;
}

void gi_test_fail(const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "  %s:%d: ", file, line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	cur_failed++;
}

void gi_test_skip(const char *why)
{
	printf("  skipped: %s\n", why);
	cur_skipped = 1;
}

const char *gi_test_shared_dir(void)
{
	static const char *const guesses[] = { "../shared", "../../shared" };
	const char *env = getenv("GI_SHARED");
	size_t i;

	if (env && *env)
		return access(env, R_OK) == 0 ? env : NULL;
	for (i = 0; i < sizeof(guesses) / sizeof(guesses[0]); i++)
		if (access(guesses[i], R_OK) == 0)
			return guesses[i];
	return NULL;
}

/* Registration runs in link order reversed; put tests back in file order. */
static struct gi_test *reverse(struct gi_test *t)
{
	struct gi_test *out = NULL, *next;

	for (; t; t = next) {
		next = t->next;
		t->next = out;
		out = t;
	}
	return out;
}

int main(int argc, char **argv)
{
	int passed = 0, failed = 0, skipped = 0;
	struct gi_test *t;

	for (t = reverse(tests); t; t = t->next) {
		if (argc > 1 && !strstr(t->name, argv[1]))
			continue;
		cur_failed = 0;
		cur_skipped = 0;
		t->fn();
		if (cur_failed) {
			printf("FAIL %s\n", t->name);
			failed++;
		} else if (cur_skipped) {
			printf("skip %s\n", t->name);
			skipped++;
		} else {
			printf("ok   %s\n", t->name);
			passed++;
		}
		fflush(stdout);
	}
	if (skipped)
		printf("%d passed, %d failed, %d skipped\n", passed, failed, skipped);
	else
		printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
