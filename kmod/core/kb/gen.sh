#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Turn the knowledge base (the .tsv files next to this script) into the C
# table that the module and the tool compile: kmod/core/kb_table.c. It needs
# only POSIX sh and awk, which every kernel build has; `make kb` runs it and
# a unit test checks that the committed table is current.
#
# Usage: gen.sh [KB_DIR] > kb_table.c
set -eu
dir=${1:-$(dirname "$0")}
LC_ALL=C
export LC_ALL
exec awk -F '\t' -f "$dir/gen.awk" "$dir/chips.tsv" "$dir/skus.tsv" \
	"$dir/vendors.tsv" "$dir/boards.tsv"
