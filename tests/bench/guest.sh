#!/bin/busybox sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# /init of the benchmark VM (tests/bench/run). Measures, in this order:
# probing (insmod until every device is ready, serial_probe x read_rom),
# the audit (gpuident, --json, lspci -vvv, lshw, cat of the attributes:
# wall time and system calls) and the monitoring scrape (--prometheus,
# single attribute reads). Results go to ttyS1 as "E2E BENCH <key> <values>";
# "E2E | text" lines are progress for the host. Before each phase the
# guest reads byte 0xfd of the host bridge's config space: the host counts
# the display devices' config-space accesses between these markers in
# QEMU's pci_cfg_* trace.
GUEST_TAG=E2E
. /guest.sh
. /bench/conf

say() { out "| $*"; }
res() { out "BENCH $*"; }
BL=/bin/benchloop
phase() { # phase NAME: a marker in the config-space trace
	res "phase $1"
	dd if=/sys/bus/pci/devices/0000:00:00.0/config of=/dev/null bs=1 skip=253 count=1 2>/dev/null
}
ndev=$(display_devices | wc -l)
out "BOOT $(uname -r) $(cut -d' ' -f1 /proc/uptime)s"
res "ndev $ndev"
say "guest: $ndev display devices, $(grep -c ^processor /proc/cpuinfo) vCPUs"

# --- probing --------------------------------------------------------------
for _ in $(seq "$PROBE_REPS"); do
	for sp in 0 1; do
		for rr in 1 0; do
			phase "probe-s$sp-r$rr"
			r=$($BL probe "$ndev" 60000 /gpuident.ko "serial_probe=$sp read_rom=$rr")
			res "probe $sp $rr $r"
			rmmod gpuident || say "rmmod failed"
		done
	done
done
say "probe: $PROBE_REPS rounds done"

phase load
insmod /gpuident.ko
for _ in $(seq 300); do
	[ "$(cat /sys/class/gpuident/*/state | grep -c ready)" -ge "$ndev" ] && break
	usleep 100000
done

# The text attributes of every device (not the vbios image, not reprobe).
ATTRS=
for f in /sys/class/gpuident/*/*; do
	[ -f "$f" ] && [ -r "$f" ] || continue
	case ${f##*/} in vbios | reprobe | uevent) continue ;; esac
	ATTRS="$ATTRS $f"
done
res "nattrs $(echo $ATTRS | wc -w)"
VERDICTS=$(ls /sys/class/gpuident/*/verdict)
VENDORS=
for d in /sys/class/gpuident/*; do VENDORS="$VENDORS $(readlink -f "$d/device")/vendor"; done
DCONFIGS=
for d in /sys/class/gpuident/*; do DCONFIGS="$DCONFIGS $(readlink -f "$d/device")/config"; done

# --- the audit: one traced run each, then timed runs ------------------------
# name|repetitions|command
CMDS="gpuident|$REPS|gpuident --color=never
json|$REPS|gpuident --json
numeric|$REPS|gpuident --color=never -n
startup|$REPS|gpuident --version
prom|$REPS|gpuident --prometheus
lspci|$REPS|lspci -vvv
lshw|$LSHW_REPS|lshw -class display
cat|$REPS|cat $ATTRS"
echo "$CMDS" >/tmp/cmds
while IFS='|' read -r name n cmd; do
	phase "cmd-$name"
	# shellcheck disable=SC2086
	$cmd >/tmp/out.$name 2>/dev/null
	res "bytes $name $(wc -c </tmp/out.$name)"
	phase "strace-$name"
	# shellcheck disable=SC2086
	strace -f -c -S calls -o /tmp/strace.$name $cmd >/dev/null 2>&1
	res "syscalls $name $(awk '$NF == "total" { print $4 }' /tmp/strace.$name)"
	res "top $name $(awk 'NR > 2 && $NF != "total" && $1 !~ /^-/ { print $NF "=" $4 }' /tmp/strace.$name | head -n 6 | tr '\n' ' ')"
	if [ "$name" = gpuident ]; then # every call of one audit, with the time since the one before
		# shellcheck disable=SC2086
		strace -f -r -o /tmp/full.$name $cmd >/dev/null 2>&1
		sed 's/^/E2E TRACE /' /tmp/full.$name >&9
	fi
	say "$name: $(wc -c </tmp/out.$name) bytes of output"
done </tmp/cmds
# Timed runs, interleaved (one of each command per round) so that drift in
# the emulation weighs on every command alike.
phase time
for r in $(seq "$REPS"); do
	while IFS='|' read -r name n cmd; do
		[ "$r" -le "$n" ] || continue
		# shellcheck disable=SC2086
		res "sample $name $($BL run 1 $cmd | cut -d' ' -f1)"
	done </tmp/cmds
done
say "timed runs: $REPS rounds done"

# --- reads: served from memory? ---------------------------------------------
snap() { for c in $DCONFIGS; do od -An -tx1 "$c"; done | md5sum | cut -d' ' -f1; }
before=$(snap)
phase reads-verdict
res "read verdict $($BL read "$READS" $VERDICTS)"
phase reads-attrs
res "read attrs $($BL read "$READS" $ATTRS)"
phase reads-pcivendor
res "read pcivendor $($BL read "$READS" $VENDORS)"
phase reads-pciconfig
res "read pciconfig $($BL read "$((READS / 10))" $DCONFIGS)"
phase end
after=$(snap)
res "configsnap $before $after"
out "END"
poweroff -f
