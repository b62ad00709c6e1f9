# SPDX-License-Identifier: GPL-2.0-or-later
# shellcheck shell=bash
#
# Host side of the test VMs (tests/e2e/run, tests/bench/run): putting
# dynamically linked programs into an initramfs tree with what they load.

# gi_ir_libs FILE...: the shared objects FILE needs, the loader included.
gi_ir_libs() {
	ldd "$@" 2>/dev/null | sed -n 's/.*=> \(\/[^ ]*\).*/\1/p; s/^[[:space:]]*\(\/[^ ]*\) (.*/\1/p' | sort -u
}

# gi_ir_copy_libs IR FILE...: copy FILE's shared objects to the same paths
# under IR.
gi_ir_copy_libs() {
	local ir=$1 lib
	shift
	for lib in $(gi_ir_libs "$@"); do
		mkdir -p "$ir$(dirname "$lib")"
		cp -L "$lib" "$ir$lib" || return 1
	done
}

# gi_ir_add_program IR FILE...: FILE into IR/bin, with its libraries.
gi_ir_add_program() {
	local ir=$1 f
	shift
	mkdir -p "$ir/bin"
	for f in "$@"; do
		cp -L "$f" "$ir/bin/" || return 1
	done
	gi_ir_copy_libs "$ir" "$@"
}

# gi_ir_soname SONAME: the path the dynamic loader would open for SONAME.
gi_ir_soname() {
	ldconfig -p | awk -v n="$1" '$1 == n && /x86-64/ { print $NF; exit }'
}

# gi_ir_add_dlopen IR SONAME: a library a program opens with dlopen()
# (gpuident's libkmod), found as the dynamic loader would, with its own.
gi_ir_add_dlopen() {
	local ir=$1 path
	path=$(gi_ir_soname "$2")
	[ -n "$path" ] || return 1
	mkdir -p "$ir$(dirname "$path")"
	cp -L "$path" "$ir$path" && gi_ir_copy_libs "$ir" "$path"
}
