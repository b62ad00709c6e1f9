#!/bin/busybox sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# /init of the demo VM (`make demo` on a machine without a GPU): load the
# DKMS-built gpuident.ko and show what an auditor would see. Lines for the
# host go to ttyS1 as "E2E | <text>"; tests/e2e/run prints them.
GUEST_TAG=E2E
. /guest.sh
show() { while IFS= read -r l; do out "| $l"; done; }

out "BOOT $(uname -r) $(cut -d' ' -f1 /proc/uptime)s"
if insmod /gpuident.ko; then pass "insmod gpuident.ko"; else fail "insmod gpuident.ko"; fi
# let every device finish its probe (gpuident waits too, up to 5 s)
for _ in $(seq 50); do
	grep -q probing /sys/class/gpuident/*/state 2>/dev/null || break
	usleep 200000
done

echo "\$ gpuident" | show
gpuident --color=always 2>&1 | show
rc=$?
echo "" | show
echo "\$ gpuident -v" | show
gpuident -v --color=always 2>&1 | show
echo "" | show
echo "\$ cd /sys/class/gpuident/0000:01:00.0; cat vendor_id device_id vbios_vendor_id vbios_device_id vbios_part_number verdict findings" | show
for a in vendor_id device_id vbios_vendor_id vbios_device_id vbios_part_number verdict findings; do
	cat /sys/class/gpuident/0000:01:00.0/$a 2>&1
done | show
echo "" | show
if gpuident --json >/tmp/j 2>&1; [ $? -eq 3 ]; then
	pass "gpuident audit ran (exit 3: suspicious GPUs found)"
else
	fail "gpuident audit exit status"
fi
out "RESULT $P $F"
out "END"
poweroff -f
