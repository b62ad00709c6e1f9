#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Send one command to a QEMU human monitor listening on a unix socket.

Usage: hmp.py SOCKET COMMAND...
Prints the monitor's answer; exits 1 when the answer reports an error or
the monitor cannot be reached, 0 otherwise.
"""
import re
import socket
import sys
import time

PROMPT = b"(qemu) "


def read_to_prompt(sock, deadline):
    buf = b""
    while not buf.endswith(PROMPT):
        sock.settimeout(max(0.1, deadline - time.monotonic()))
        chunk = sock.recv(4096)
        if not chunk:
            break
        buf += chunk
    return buf


def main():
    path, cmd = sys.argv[1], " ".join(sys.argv[2:])
    deadline = time.monotonic() + 15
    try:
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.settimeout(5)
        sock.connect(path)
        read_to_prompt(sock, deadline)
        sock.sendall(cmd.encode() + b"\n")
        answer = read_to_prompt(sock, deadline).decode(errors="replace")
        sock.close()
    except OSError as exc:
        print("monitor: %s" % exc)
        return 1
    # The monitor echoes the line with terminal escapes; drop them, the
    # echo and the prompt.
    # The first line is the monitor's echo of the command.
    answer = re.sub(r"\x1b\[[0-9;]*[A-Za-z]", "", answer).replace("\r", "")
    lines = [l for l in answer.split("\n")[1:]
             if l.strip() and not l.startswith("(qemu)")]
    text = "\n".join(lines)
    print(text)
    return 1 if re.search(r"error|not support|not found|failed", text, re.I) else 0


if __name__ == "__main__":
    sys.exit(main())
