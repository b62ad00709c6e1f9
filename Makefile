# SPDX-License-Identifier: GPL-2.0
#
# gpuident: the wrapper Makefile. Kbuild (next to it) is what kbuild reads;
# this file builds the userspace tool, runs the tests and drives kbuild for
# the module. `make help` lists the targets.

VERSION := $(shell sed -n 's/^\#define GPUIDENT_VERSION "\(.*\)"/\1/p' include/gpuident/version.h)

KVER ?= $(if $(KERNELRELEASE),$(KERNELRELEASE),$(shell uname -r))
KDIR ?= /lib/modules/$(KVER)/build

CC ?= cc
CLANG ?= clang
BUILD := build
CFLAGS ?= -O2 -g
WARN := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
	-Wformat=2 -Wno-format-nonliteral -Wno-format-truncation
CPPFLAGS += -Iinclude -D_GNU_SOURCE
SAN := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer

CORE_SRC := $(sort $(wildcard kmod/core/*.c))
TOOL_SRC := $(sort $(wildcard tools/*.c tools/capture/*.c))
UNIT_SRC := $(sort $(wildcard tests/unit/*.c))
FUZZ_SRC := $(sort $(wildcard tests/fuzz/fuzz_*.c))
HDRS := $(wildcard include/gpuident/*.h tools/*.h tools/capture/*.h tests/unit/*.h)

# libkmod is dlopen()ed on demand (tools/kmodctl.c): only its header is a build need.
TOOL_LIBS := -ljson-c -lmd -ludev -lpci -ldl

CORE_OBJ := $(CORE_SRC:%.c=$(BUILD)/%.o)
TOOL_OBJ := $(TOOL_SRC:%.c=$(BUILD)/%.o)
# The unit tests run the core and the tool's own logic with sanitizers on.
TOOL_LIB_SRC := $(filter-out tools/gpuident.c,$(TOOL_SRC))
SAN_OBJ := $(addprefix $(BUILD)/san/,$(CORE_SRC:.c=.o) $(TOOL_LIB_SRC:.c=.o) $(UNIT_SRC:.c=.o))

FUZZ_SECONDS ?= 20

PHONY_INSTALL := install uninstall dkms-install dkms-uninstall
PHONY_INSTALL += demo deb deb-test
.PHONY: $(PHONY_INSTALL) all tool module test unit kunit e2e dkms-test corpus-test tool-test fuzz \
	fuzz-smoke check-version clean help bench

all: tool
	@if [ -d "$(KDIR)" ]; then $(MAKE) module; \
	else echo "note: no kernel headers at $(KDIR); module not built (set KDIR or KVER)"; fi

tool: tools/gpuident

tools/gpuident: $(CORE_OBJ) $(TOOL_OBJ)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(TOOL_LIBS)

$(BUILD)/%.o: %.c $(HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(WARN) -c -o $@ $<

$(BUILD)/san/%.o: %.c $(HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) -O1 -g $(WARN) $(SAN) -Itests/unit -Itools -c -o $@ $<

$(BUILD)/unit-tests: $(SAN_OBJ)
	$(CC) $(SAN) -o $@ $^ $(TOOL_LIBS)

module:
	$(MAKE) -C $(KDIR) M=$(CURDIR) modules

unit: $(BUILD)/unit-tests
	$(BUILD)/unit-tests

test: tool $(BUILD)/unit-tests
	tests/run-all

# KUnit suites (kmod/kunit/) in a small KUnit kernel under QEMU; the kernel
# is built once from linux-source-6.1 and cached in /var/cache/gpuident.
kunit:
	tests/kunit/run

# gpuident.ko under a debug kernel (KASAN, lockdep, kmemleak, debugobjects)
# in QEMU: insmod/rmmod cycles, hotplug, a reprobe storm, readers throughout.
# The kernel is built once from linux-source-6.1 and cached in
# /var/cache/gpuident. STRESS_CYCLES (100), STRESS_SHORT=1 (the CI mode).
.PHONY: stress
stress:
	tests/stress/run

# As root: the module built by DKMS, loaded in Debian's stock 6.1 kernel
# under QEMU with emulated display devices carrying real VBIOS images
# (../shared); the kernel image is cached in /var/cache/gpuident. The tool
# goes into the guest too when it builds.
e2e:
	-$(MAKE) tool
	tests/e2e/run

# As root: ratios measured in one run (tests/bench/run): the VBIOS parser
# against cat on this machine, and in the e2e kernel under QEMU the audit
# against lspci -vvv and lshw, attribute reads, and the module's probe.
# Prints a table, also written to build/bench/report.txt; never fails on timing.
bench: tool
	tests/bench/run

# gpuident analyze against the real-world captures in tests/wild: accuracy
# per input kind and verdict (issue 10); also a suite of `make test`.
.PHONY: wild
wild: tool
	tests/wild/report

# As root: dkms add/build/install/remove and W=1 builds for every installed
# Debian 6.1 and 6.12 header tree.
dkms-test:
	tests/dkms-roundtrip

fuzz-build: $(FUZZ_SRC:tests/fuzz/%.c=$(BUILD)/fuzz/%)

# Tool sources a fuzz target needs besides the core, per target.
FUZZ_EXTRA_fuzz_capture := $(sort $(wildcard tools/capture/*.c))
$(BUILD)/fuzz/fuzz_capture: $(FUZZ_EXTRA_fuzz_capture)

$(BUILD)/fuzz/%: tests/fuzz/%.c $(CORE_SRC) $(HDRS)
	@mkdir -p $(dir $@)
	$(CLANG) $(CPPFLAGS) -Itools -g -O1 -fsanitize=fuzzer,address,undefined \
		-fno-sanitize-recover=all -o $@ $< $(CORE_SRC) $(FUZZ_EXTRA_$*)

fuzz: fuzz-build
	FUZZ_SECONDS=$(FUZZ_SECONDS) tests/fuzz/run

PREFIX ?= /usr
DESTDIR ?=
UNITDIR ?= /lib/systemd/system

# The tool and its files; the module is installed with DKMS (dkms-install).
install: tool
	install -D -m 0755 tools/gpuident $(DESTDIR)$(PREFIX)/bin/gpuident
	install -D -m 0644 tools/gpuident.8 $(DESTDIR)$(PREFIX)/share/man/man8/gpuident.8
	install -D -m 0644 tools/contrib/gpuident.bash-completion \
		$(DESTDIR)$(PREFIX)/share/bash-completion/completions/gpuident
	install -D -m 0644 tools/contrib/gpuident.service $(DESTDIR)$(UNITDIR)/gpuident.service
	install -D -m 0644 tools/contrib/gpuident.timer $(DESTDIR)$(UNITDIR)/gpuident.timer

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/gpuident $(DESTDIR)$(PREFIX)/share/man/man8/gpuident.8 \
		$(DESTDIR)$(PREFIX)/share/bash-completion/completions/gpuident \
		$(DESTDIR)$(UNITDIR)/gpuident.service $(DESTDIR)$(UNITDIR)/gpuident.timer

# gpuident-dkms and gpuident, built with dpkg-buildpackage from a copy of
# the tree into build/deb/ and checked with lintian (tests/deb/mkdeb).
deb:
	tests/deb/mkdeb $(BUILD)/deb

# As root: the packages installed, upgraded and purged in a clean Debian 12
# root (tests/deb/run; the root is cached in /var/cache/gpuident).
deb-test:
	tests/deb/run

# Register this tree with DKMS and build and install the module for KVER.
dkms-install:
	rm -rf /usr/src/gpuident-$(VERSION)
	mkdir -p /usr/src/gpuident-$(VERSION)
	cp -r Kbuild Makefile dkms.conf kmod include /usr/src/gpuident-$(VERSION)/
	dkms add -m gpuident -v $(VERSION)
	dkms install -m gpuident -v $(VERSION) -k $(KVER)

dkms-uninstall:
	dkms remove -m gpuident -v $(VERSION) --all
	rm -rf /usr/src/gpuident-$(VERSION)

# The README's "try it": an audit of this machine's GPUs, or of emulated
# ones in QEMU when it has none (root: DKMS).
demo: tool
	tests/e2e/demo

check-version:
	tests/check-version

# The knowledge base is data (kmod/core/kb/*.tsv); its C table is generated
# and committed, so that DKMS builds need no generator run.
.PHONY: kb
kb:
	sh kmod/core/kb/gen.sh > kmod/core/kb_table.c.tmp
	mv kmod/core/kb_table.c.tmp kmod/core/kb_table.c

clean:
	rm -rf $(BUILD) tools/gpuident
	@if [ -d "$(KDIR)" ]; then $(MAKE) -C $(KDIR) M=$(CURDIR) clean; fi

help:
	@echo "Targets:"
	@echo "  all (default)  the tool, and the module when KDIR has kernel headers"
	@echo "  tool           tools/gpuident"
	@echo "  module         kmod/gpuident.ko against KDIR (KVER=$(KVER))"
	@echo "  test           every test this machine can run"
	@echo "  unit           the unit tests alone (ASan/UBSan)"
	@echo "  kb             kmod/core/kb_table.c from the knowledge base's tables"
	@echo "  kunit          KUnit suites of gpuident_kunit.ko in a KUnit kernel under QEMU"
	@echo "  stress         gpuident.ko under KASAN/lockdep/kmemleak in QEMU: load cycles, hotplug"
	@echo "  e2e            DKMS-built module in Debian's 6.1 kernel under QEMU (root)"
	@echo "  bench          parser, audit, scrape and probe costs vs cat/lspci/lshw (root)"
	@echo "  wild           gpuident analyze on the real-world captures in tests/wild"
	@echo "  dkms-test      DKMS round trip for every installed 6.1/6.12 header tree (root)"
	@echo "  fuzz           libFuzzer campaign, FUZZ_SECONDS per target"
	@echo "  check-version  one version in version.h, dkms.conf, the tool"
	@echo "  demo           the audit: this machine's GPUs, or emulated ones in QEMU (root)"
	@echo "  install        the tool, man page, completion, systemd units (PREFIX, DESTDIR)"
	@echo "  dkms-install   add, build and install the module with DKMS for KVER (root)"
	@echo "  deb            gpuident-dkms and gpuident packages in build/deb/, lintian-checked"
	@echo "  deb-test       the packages installed, upgraded, purged in a Debian 12 root (root)"
	@echo "Variables: KVER, KDIR, CC, CLANG, FUZZ_SECONDS"
