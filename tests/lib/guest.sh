# SPDX-License-Identifier: GPL-2.0-or-later
#
# Sourced first by the /init of every test VM (tests/e2e, the demo,
# tests/stress, tests/bench), which its runner puts in the initramfs as
# /guest.sh: busybox's applets, the pseudo filesystems, the console, and
# the result channel, ttyS1 on descriptor 9, which the host reads clean of
# kernel messages.
#
# Set before sourcing: GUEST_TAG, the word that starts every line on ttyS1
# ("E2E", "STRESS"); GUEST_ECHO=1 to copy those lines to the console too.
/bin/busybox mkdir -p /proc /sys /dev /tmp /run /root
/bin/busybox --install -s /bin
export PATH=/bin:/sbin:/usr/bin:/usr/sbin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
mount -t debugfs debugfs /sys/kernel/debug 2>/dev/null
exec </dev/console >/dev/console 2>&1
exec 9>/dev/ttyS1
stty -F /dev/ttyS1 raw -echo 2>/dev/null

CLS=/sys/class/gpuident
PCI=/sys/bus/pci/devices

P=0 F=0
out() {
	[ "${GUEST_ECHO:-0}" = 1 ] && echo "$GUEST_TAG $*"
	echo "$GUEST_TAG $*" >&9
}
pass() { P=$((P + 1)); out "PASS $*"; }
fail() { F=$((F + 1)); out "FAIL $*"; }
skip() { out "SKIP $*"; }
# t NAME CMD...: the check passes when CMD succeeds.
t() { _t=$1; shift; if "$@"; then pass "$_t"; else fail "$_t"; fi; }
# eq NAME GOT WANT
eq() { if [ "$2" = "$3" ]; then pass "$1"; else fail "$1: got '$2', want '$3'"; fi; }
# word W LIST: W is one of the space-separated LIST
word() { case " $2 " in *" $1 "*) return 0 ;; esac; return 1; }
now() { cut -d. -f1 /proc/uptime; }

# wait_for SECS CMD...: poll CMD every 0.2 s for at most SECS seconds.
wait_for() {
	local end=$(($(now) + $1))
	shift
	while ! "$@"; do
		[ "$(now)" -ge "$end" ] && return 1
		usleep 200000
	done
	return 0
}
gone() { [ ! -e "$1" ]; }
is_ready() { [ "$(cat "$1/state" 2>/dev/null)" = ready ]; }

# The PCI addresses of the display-class devices (class 0x03xxxx).
display_devices() {
	local d
	for d in "$PCI"/*; do
		case "$(cat "$d/class" 2>/dev/null)" in 0x03*) basename "$d" ;; esac
	done
}

# rom_hammer: until /tmp/stop-hammer exists, read the PCI core's own rom
# file of every device in $DEVS. Each read enables the ROM BAR, copies and
# disables it, switching it off under any other reader: the race that a
# probe's ROM copy must survive without convicting the card.
rom_hammer() {
	local a
	while ! [ -e /tmp/stop-hammer ]; do
		for a in $DEVS; do
			[ -e "$PCI/$a/rom" ] || continue
			echo 1 >"$PCI/$a/rom" 2>/dev/null
			cat "$PCI/$a/rom" >/dev/null 2>&1
			echo 0 >"$PCI/$a/rom" 2>/dev/null
		done
	done
}
