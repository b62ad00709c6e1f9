/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A very small unit-test harness. A test is a function declared with
 * GI_TEST(name); it registers itself at start-up and the runner
 * (tests/unit/main.c) calls every one, printing "ok"/"FAIL"/"skip" per test
 * and ending with the line "N passed, N failed[, N skipped]".
 */
#ifndef GPUIDENT_GITEST_H
#define GPUIDENT_GITEST_H

#include <stdio.h>
#include <string.h>

struct gi_test {
	const char *name;
	void (*fn)(void);
	struct gi_test *next;
};

void gi_test_register(struct gi_test *t);
void gi_test_fail(const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void gi_test_skip(const char *why);
/* Directory of ../shared (from $GI_SHARED or next to the checkout), or NULL. */
const char *gi_test_shared_dir(void);

#define GI_TEST(name)							\
	static void gi_test_fn_##name(void);				\
	static struct gi_test gi_test_##name = { #name, gi_test_fn_##name, 0 }; \
	__attribute__((constructor)) static void gi_test_reg_##name(void) \
	{								\
		gi_test_register(&gi_test_##name);			\
	}								\
	static void gi_test_fn_##name(void)

#define GI_EXPECT(cond)							\
	do {								\
		if (!(cond))						\
			gi_test_fail(__FILE__, __LINE__, "%s", #cond);	\
	} while (0)

#define GI_EXPECT_EQ(a, b)						\
	do {								\
		long long gi_a_ = (long long)(a), gi_b_ = (long long)(b); \
		if (gi_a_ != gi_b_)					\
			gi_test_fail(__FILE__, __LINE__,		\
				     "%s == %s: %lld (0x%llx) != %lld (0x%llx)", \
				     #a, #b, gi_a_, gi_a_, gi_b_, gi_b_); \
	} while (0)

#define GI_EXPECT_STR(a, b)						\
	do {								\
		const char *gi_a_ = (a), *gi_b_ = (b);			\
		if (!gi_a_ || !gi_b_ || strcmp(gi_a_, gi_b_))		\
			gi_test_fail(__FILE__, __LINE__,		\
				     "%s == %s: \"%s\" != \"%s\"", #a, #b, \
				     gi_a_ ? gi_a_ : "(null)",		\
				     gi_b_ ? gi_b_ : "(null)");		\
	} while (0)

/* Stop the current test when a precondition for the rest fails. */
#define GI_REQUIRE(cond)						\
	do {								\
		if (!(cond)) {						\
			gi_test_fail(__FILE__, __LINE__, "required: %s", #cond); \
			return;						\
		}							\
	} while (0)

#endif
