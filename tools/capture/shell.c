// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The shell lines around pasted output (prompts, "cd", the command with
 * its path): the PCI address of the device the output below is about,
 * for readers whose format does not show one (config-space dumps, old
 * /proc/driver/nvidia information files).
 */
#include "reader.h"

/*
 * The last PCI address in @s that is a path segment ("/0000:01:00.0/",
 * ".../0000:01:00.0#") or the directory of a "[root@host 0000:01:00.0]#"
 * prompt. Only the full "dddd:bb:dd.f" form: sysfs and /proc/driver/nvidia
 * always write it, and a shorter one in prose is too easily something else.
 */
static bool path_address(struct gi_span s, char *addr, size_t n)
{
	bool found = false;
	size_t i, used;
	u8 bus, dev, fn;
	u32 dom;

	for (i = 1; i < s.n; i++) {
		char prev = s.p[i - 1], next;

		if (prev != '/' && prev != ' ' && prev != '\t')
			continue;
		if (gi_hexval(s.p[i]) < 0 ||
		    !gi_parse_pci_addr(gi_span_sub(s, i, s.n), &dom, &bus, &dev,
				       &fn, &used) || used < 12)
			continue;
		next = i + used < s.n ? s.p[i + used] : '\0';
		if (prev == '/' ? !strchr("/#$]>% \t", next) : next != ']')
			continue;
		gi_format_pci_addr(addr, n, dom, bus, dev, fn);
		found = true;
		i += used - 1;
	}
	return found;
}

/*
 * "root@host:/sys/bus/pci/devices/0000:01:00.0# xxd config",
 * "[root@host 0000:01:00.0]# hexdump -C config", "$ cat ...": @dir gets the
 * prompt's working directory, @cmd what follows the prompt. False if the
 * line has no prompt.
 */
static bool prompt(struct gi_span t, struct gi_span *dir, struct gi_span *cmd)
{
	size_t i, at = t.n, colon = t.n;

	if (!t.n)
		return false;
	if (t.n >= 2 && (t.p[0] == '$' || t.p[0] == '#') && t.p[1] == ' ') {
		*dir = gi_span_sub(t, 0, 0);
		*cmd = gi_span_trim(gi_span_sub(t, 2, t.n));
		return true;
	}
	/* user@host:DIR$ or [user@host DIR]$; no blank before the '@' */
	for (i = 0; i < t.n && t.p[i] != ' ' && t.p[i] != '\t'; i++) {
		if (t.p[i] == '@' && at == t.n)
			at = i;
		else if (t.p[i] == ':' && at < t.n && colon == t.n)
			colon = i;
		else if ((t.p[i] == '#' || t.p[i] == '$') && colon < t.n &&
			 i + 1 < t.n && t.p[i + 1] == ' ') {
			*dir = gi_span_sub(t, colon + 1, i);
			*cmd = gi_span_trim(gi_span_sub(t, i + 1, t.n));
			return true;
		}
	}
	if (t.p[0] == '[' && at < t.n) {
		for (; i < t.n && t.p[i] != ']'; i++)
			;
		if (i + 2 < t.n && (t.p[i + 1] == '#' || t.p[i + 1] == '$') &&
		    t.p[i + 2] == ' ') {
			*dir = gi_span_sub(t, 0, i + 1);
			*cmd = gi_span_trim(gi_span_sub(t, i + 2, t.n));
			return true;
		}
	}
	return false;
}

void gi_shell_line(struct gi_shell *sh, struct gi_span t)
{
	char buf[256];
	struct gi_span dir, cmd;
	size_t i, n = 0;

	/* tab completion writes "0000\:07\:00.0": drop the backslashes */
	t = gi_span_trim(t);
	if (t.n < sizeof(buf) && memchr(t.p, '\\', t.n)) {
		for (i = 0; i < t.n; i++)
			if (t.p[i] != '\\' || i + 1 == t.n || t.p[i + 1] != ':')
				buf[n++] = t.p[i];
		t.p = buf;
		t.n = n;
	}
	if (prompt(t, &dir, &cmd)) {
		/* a prompt that shows its directory: the shell is there now */
		if (dir.n) {
			sh->cwd[0] = '\0';
			path_address(dir, sh->cwd, sizeof(sh->cwd));
		}
	} else {
		cmd = t;
	}
	sh->cmd[0] = '\0';
	sh->elsewhere = false;
	if (gi_span_starts_ci(cmd, "cd ")) {
		sh->cwd[0] = '\0';
		path_address(cmd, sh->cwd, sizeof(sh->cwd));
		return;
	}
	/* "xxd /tmp/config": a file named by its own path is not the cwd's */
	if (!path_address(cmd, sh->cmd, sizeof(sh->cmd)))
		sh->elsewhere = gi_span_find_ci(cmd, " /") >= 0;
}

const char *gi_shell_address(const struct gi_shell *sh)
{
	return sh->cmd[0] ? sh->cmd : sh->elsewhere ? "" : sh->cwd;
}
