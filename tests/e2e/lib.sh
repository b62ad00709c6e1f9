# SPDX-License-Identifier: GPL-2.0-or-later
# shellcheck shell=bash
#
# Shared by tests/e2e/run and tests/dkms-roundtrip: putting the source tree
# where DKMS wants it (/usr/src/gpuident-<version>) and taking it away again.
# Sourced with the repository root as the working directory.

GI_STAGE_MARK=.gpuident-test-staging
GI_DKMS_LOCK=/run/lock/gpuident-dkms.lock

gi_pkg_version() {
	sed -n 's/^PACKAGE_VERSION="\(.*\)"/\1/p' dkms.conf
}

# gi_stage SRC DEST: copy the working tree the way a fresh clone of it
# looks (tracked files plus untracked files git does not ignore; no build
# outputs), so stale objects of a developer's own builds cannot leak in.
gi_stage() {
	local src=$1 dst=$2
	rm -rf "$dst"
	mkdir -p "$dst" || return 1
	if git -C "$src" rev-parse --git-dir >/dev/null 2>&1; then
		(cd "$src" &&
			git ls-files -z -c -o --exclude-standard | sort -zu |
			while IFS= read -rd '' f; do
				[ -e "$f" ] && printf '%s\0' "$f"
			done | cpio -0pdm --quiet "$dst") || return 1
	else
		tar -C "$src" --exclude=./build --exclude=./.git \
			--exclude='*.o' --exclude='*.ko' --exclude='*.mod' \
			--exclude='*.mod.c' --exclude='.*.cmd' --exclude=modules.order \
			--exclude=Module.symvers --exclude=./tools/gpuident \
			-cf - . | tar -C "$dst" -xf - || return 1
	fi
	touch "$dst/$GI_STAGE_MARK"
}

# gi_dkms_lock: one DKMS user of gpuident at a time on this machine.
gi_dkms_lock() {
	mkdir -p "$(dirname "$GI_DKMS_LOCK")"
	exec {GI_LOCK_FD}>"$GI_DKMS_LOCK"
	flock -w 900 "$GI_LOCK_FD"
}

# gi_dkms_claim VER: make room for a test registration of gpuident/VER.
# A registration left by an aborted test run (its /usr/src tree carries
# our mark) is removed; anything else is somebody's real installation and
# is left alone: the function then fails with a message.
gi_dkms_claim() {
	local ver=$1 src=/usr/src/gpuident-$1
	if [ -e "$src" ] || [ -L "$src" ] || [ -d "/var/lib/dkms/gpuident/$ver" ]; then
		if [ ! -e "$src/$GI_STAGE_MARK" ]; then
			echo "gpuident/$ver is already registered with DKMS or present in $src," \
				"and not by a test run: not touching it (remove it first)" >&2
			return 1
		fi
		echo "note: removing gpuident/$ver left by an earlier test run" >&2
		dkms remove -m gpuident -v "$ver" --all >/dev/null 2>&1
		rm -rf "$src" "/var/lib/dkms/gpuident/$ver"
		rmdir /var/lib/dkms/gpuident 2>/dev/null
	fi
	return 0
}

# gi_dkms_release VER: undo gi_stage + dkms add (only what carries our mark).
gi_dkms_release() {
	local ver=$1 src=/usr/src/gpuident-$1
	[ -e "$src/$GI_STAGE_MARK" ] || return 0
	dkms remove -m gpuident -v "$ver" --all >/dev/null 2>&1
	rm -rf "$src"
	[ -d "/var/lib/dkms/gpuident/$ver" ] && rm -rf "/var/lib/dkms/gpuident/$ver"
	rmdir /var/lib/dkms/gpuident 2>/dev/null
	return 0
}
