#!/bin/busybox sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# /init of the stress VM (busybox ash), run by tests/stress/run in a debug
# kernel (KASAN, lockdep, kmemleak, debugobjects): insmod/rmmod cycles, a
# reprobe storm, hot-unplug / re-plug through the host, all while four
# readers loop over every attribute; then kmemleak scans, loaded and after
# the last rmmod.
#
# Protocol, on the console and (clean of kernel messages) on ttyS1, the
# same as tests/e2e/init.sh:
#   STRESS PASS <check> | STRESS FAIL <check>: <why> | STRESS INFO ...
#   STRESS STAT <name> <number>            (survival numbers)
#   STRESS HOST device_del|device_add <id> (the host acts on the monitor)
#   STRESS RESULT <passed> <failed>, STRESS END

GUEST_TAG=STRESS GUEST_ECHO=1
. /guest.sh
. /stress/params

out "BOOT $(uname -r) $(cut -d' ' -f1 /proc/uptime)s"
echo "stress: cmdline: $(cat /proc/cmdline)"

(
	sleep "$GUEST_TIMEOUT"
	out "FAIL guest watchdog: not done within ${GUEST_TIMEOUT}s"
	out "RESULT - -"
	reboot -f
) &
WATCHDOG=$!

all_ready() {
	local a
	for a in $(display_devices); do is_ready "$CLS/$a" || return 1; done
	return 0
}
# behind PORT: the PCI address of the function behind a root port
behind() {
	local d
	for d in "$PCI/$1"/0000:[0-9a-f][0-9a-f]:[0-9a-f][0-9a-f].[0-7]; do
		[ -e "$d" ] && { basename "$d"; return; }
	done
}
has_behind() { [ -n "$(behind "$1")" ]; }

# --- four readers: every attribute of every entry, and the vbios ---------
reader() {
	local n=0 f
	while ! [ -e /tmp/stop-readers ]; do
		for f in "$CLS"/*/*; do
			[ -f "$f" ] || continue
			cat "$f" >/dev/null 2>&1
			n=$((n + 1))
		done
		for f in "$CLS"/*/vbios; do
			[ -f "$f" ] || continue
			dd if="$f" of=/dev/null bs=4097 2>/dev/null
			n=$((n + 1))
		done
		# No entries (between rmmod and insmod): do not spin.
		[ -e "$CLS" ] || usleep 20000
	done
	echo $n >"/tmp/reads.$1"
}
rm -f /tmp/stop-readers /tmp/reads.*
READERS=
for r in 1 2 3 4; do
	reader $r &
	READERS="$READERS $!"
done

DEVS=$(echo $(display_devices))
NDEV=$(echo $DEVS | wc -w)
eq "display devices present" "$NDEV" "$NDEVS"

# --- 1. insmod / rmmod cycles ---------------------------------------------
# Odd cycles wait until every device is ready, even ones unload at once,
# while the collection work runs.
bad=
done_cycles=0
notready=0
i=1
end=$(($(now) + CYCLE_BUDGET))
while [ $i -le "$CYCLES" ]; do
	if [ "$(now)" -ge "$end" ]; then
		bad="$bad stopped-after-$((i - 1))-cycles(${CYCLE_BUDGET}s)"
		break
	fi
	if ! timeout 120 insmod /gpuident.ko 2>/tmp/err; then
		bad="$bad insmod#$i($(cat /tmp/err))"
		break
	fi
	if [ $((i % 2)) -eq 1 ]; then
		wait_for 60 all_ready || { notready=$((notready + 1)); bad="$bad not-ready#$i"; }
	fi
	if ! timeout 120 rmmod gpuident 2>/tmp/err; then
		bad="$bad rmmod#$i($(cat /tmp/err))"
		break
	fi
	[ -n "$(ls "$CLS" 2>/dev/null)" ] && bad="$bad left-entries#$i"
	done_cycles=$i
	i=$((i + 1))
done
eq "$CYCLES insmod/rmmod cycles (odd: all ready, even: unload mid-probe)" "${bad# }" ""
out "STAT cycles $done_cycles"

timeout 120 insmod /gpuident.ko 2>/tmp/err || fail "insmod after the cycles: $(cat /tmp/err)"
t "all devices ready after insmod" wait_for 60 all_ready

# --- 2. reprobe storm --------------------------------------------------------
storm() {
	local n=0 k=0 f
	while [ $k -lt "$REPROBE_ROUNDS" ]; do
		for f in "$CLS"/*/reprobe; do
			echo 1 2>/dev/null >"$f" && n=$((n + 1))
		done
		k=$((k + 1))
	done
	echo $n >"/tmp/reprobe.$1"
}
# ... while a reader loops over the PCI core's own rom files, each read
# switching the ROM BAR on and off under the module's copies: a racing
# read may leave vbios_error, never a finding the device had not at rest.
for a in $DEVS; do
	cat "$CLS/$a/findings" >"/tmp/rest-findings.$a" 2>/dev/null
done
rm -f /tmp/reprobe.* /tmp/stop-hammer
rom_hammer &
HAMMER=$!
STORM=
for r in 1 2 3 4; do
	storm $r &
	STORM="$STORM $!"
done
wait $STORM
writes=0
for r in 1 2 3 4; do writes=$((writes + $(cat /tmp/reprobe.$r 2>/dev/null || echo 0))); done
t "reprobe storm: 4 writers x $REPROBE_ROUNDS rounds accepted writes ($writes)" [ "$writes" -gt 0 ]
t "all devices ready after the reprobe storm" wait_for 120 all_ready
touch /tmp/stop-hammer
wait $HAMMER
bad=
for a in $DEVS; do
	for n in $(cat "$CLS/$a/findings" 2>/dev/null); do
		word "$n" "$(cat "/tmp/rest-findings.$a")" || bad="$bad $a:$n"
	done
done
eq "reprobe storm beside rom readers: no finding the devices had not at rest" "${bad# }" ""
# The tool rebuilds each verdict from the module's attributes (and checks
# it against the module's own): the same verdict for every device.
if [ -x /bin/gpuident ]; then
	gpuident --json -w 10000 >/tmp/live.json 2>/tmp/live.err
	awk -F'"' '/"address":/ { a = $4; v = "" } /"verdict":/ && a != "" && v == "" { v = $4; print a, v }' \
		/tmp/live.json >/tmp/verdicts.txt
	bad=
	for a in $DEVS; do
		[ "$(sed -n "s/^$a //p" /tmp/verdicts.txt | head -n1)" = "$(cat "$CLS/$a/verdict" 2>&1)" ] ||
			bad="$bad $a"
	done
	eq "gpuident --json: every device's verdict is the module's ($NDEV devices)" "${bad# }" ""
else
	skip "gpuident --json: no tools/gpuident in the guest (make tool)"
fi
out "STAT reprobe_writes $writes"

# --- 3. hot-unplug / re-plug through the host ------------------------------
# Last of the stress phases: 6.1's pciehp itself trips lockdep on the first
# unplug (pci_rescan_remove_lock vs ctrl->reset_lock, no gpuident frame;
# tests/stress/run tells it apart), and lockdep is off after its first
# report, so the cycles and the reprobe storm run before it.
events=0
hbad=
# replug ID PORT NEWPORT: device_del ID (behind PORT); if NEWPORT is not
# "-", device_add (the host knows what) and wait for it behind NEWPORT.
replug() {
	local id=$1 port=$2 new=$3 a b cmd
	a=$(behind "$port")
	[ -n "$a" ] || { hbad="$hbad $id:nothing-behind-$port"; return; }
	out "HOST device_del $id"
	if wait_for 90 gone "$PCI/$a" && wait_for 30 gone "$CLS/$a"; then
		events=$((events + 1))
	else
		hbad="$hbad $id:unplug-$a"
		return
	fi
	[ "$new" = - ] && return
	out "HOST device_add $id"
	if wait_for 90 has_behind "$new" && b=$(behind "$new") && wait_for 30 test -d "$CLS/$b"; then
		events=$((events + 1))
	else
		hbad="$hbad $id:plug-$new"
		return
	fi
	# Nothing enables a hot-added device that no driver binds: turn on
	# memory decoding, so that a reprobe reads its ROM.
	cmd=$(od -An -tu2 -j4 -N2 "$PCI/$b/config" | tr -d ' ')
	cmd=$((cmd | 2))
	printf "$(printf '\\%03o\\%03o' $((cmd & 255)) $((cmd >> 8)))" |
		dd of="$PCI/$b/config" bs=2 seek=2 count=1 conv=notrunc 2>/dev/null
	echo 1 >"$CLS/$b/reprobe" 2>/dev/null
}
# Round 1: each device out and back as the other model, same port; round
# 2: that one out, the original model into a spare port; round 3: out.
for id in $PLUG; do
	eval "port=\$${id}_port spare=\$${id}_spare"
	replug "$id" "$port" "$port"
	if [ "$HOTPLUG_ROUNDS" -ge 2 ]; then
		replug "${id}b" "$port" "$spare"
		[ "$HOTPLUG_ROUNDS" -ge 3 ] && replug "${id}c" "$spare" -
	fi
done
eq "hot-unplug / re-plug of $PLUG ($HOTPLUG_ROUNDS rounds)" "${hbad# }" ""
t "all devices ready after the hotplugs" wait_for 90 all_ready
out "STAT hotplug_events $events"

# A last round of cycles with the hot-plugged devices, unloading mid-probe.
for i in 1 2; do
	timeout 120 rmmod gpuident 2>/dev/null
	timeout 120 insmod /gpuident.ko 2>/dev/null
done

touch /tmp/stop-readers
wait $READERS
reads=0
for r in 1 2 3 4; do
	n=$(cat /tmp/reads.$r 2>/dev/null)
	[ -n "$n" ] || fail "reader $r ended"
	reads=$((reads + ${n:-0}))
done
out "STAT attribute_reads $reads"
t "readers read attributes ($reads)" [ "$reads" -gt 0 ]

# --- 4. kmemleak ---------------------------------------------------------------
# A leak from gpuident shows gpuident in its backtrace while the module is
# loaded, an address in the module area (unresolved) once it is not.
KML=/sys/kernel/debug/kmemleak
MODADDR='\[<ffffffff[a-f][0-9a-f]{7}>\]'
kml_check() { # kml_check PHASE
	local n
	echo scan >"$KML"
	sleep 6
	echo scan >"$KML"
	cat "$KML" >/tmp/kml.$1
	n=$(grep -c '^unreferenced object' /tmp/kml.$1)
	out "INFO kmemleak ($1): $n unreferenced object(s) in all"
	awk -v RS='unreferenced object' -v re="gpuident|$MODADDR" \
		'NR > 1 && $0 ~ re { print "unreferenced object" $0 }' /tmp/kml.$1 >/tmp/kml.gi.$1
	n=$(grep -c '^unreferenced object' /tmp/kml.gi.$1)
	if [ "$n" -eq 0 ]; then
		pass "kmemleak ($1): no leak from gpuident"
	else
		fail "kmemleak ($1): $n leak(s) from gpuident"
		echo "stress: kmemleak records from gpuident:"
		head -n 200 /tmp/kml.gi.$1 | sed 's/^/stress-kmemleak: /'
	fi
}
if [ -e "$KML" ]; then
	kml_check loaded
	t "final rmmod gpuident" timeout 120 rmmod gpuident
	kml_check unloaded
else
	fail "kmemleak: no $KML"
	timeout 120 rmmod gpuident
fi

# The host judges the whole console (it knows the kernel's own reports).
n=$(dmesg | grep -cE 'BUG:|WARNING:|Oops|KASAN|INFO: |circular locking|ODEBUG|general protection|Call Trace')
out "INFO dmesg: $n line(s) of kernel reports (judged by the host)"

kill "$WATCHDOG" 2>/dev/null
out "RESULT $P $F"
out "END"
sync
reboot -f
