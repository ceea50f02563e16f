#!/usr/bin/python3
"""Puts a freshly copied bundle in place of the installed one in a single step.

Usage: swap_dirs.py NEW INSTALLED
  NEW and INSTALLED must be on the same file system (install.sh copies NEW next to INSTALLED).
  If INSTALLED exists, Linux's renameat2(RENAME_EXCHANGE) swaps the two folders atomically: a host
  scanning at that moment sees the old bundle or the new one, never a half-copied or missing one.
  Afterwards NEW holds the old bundle, for the caller to delete. If INSTALLED does not exist, NEW
  is renamed to it. Where the file system cannot exchange, it falls back to two renames and says so.
"""

import ctypes
import errno
import os
import sys

AT_FDCWD = -100
RENAME_EXCHANGE = 2


def exchange(a, b):
    libc = ctypes.CDLL(None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        raise OSError(errno.ENOSYS, "this C library has no renameat2")
    if renameat2(AT_FDCWD, a.encode(), AT_FDCWD, b.encode(), RENAME_EXCHANGE) != 0:
        err = ctypes.get_errno()
        raise OSError(err, os.strerror(err))


def main(argv):
    if len(argv) != 3:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    new, installed = argv[1], argv[2]
    if not os.path.isdir(new):
        print(f"swap_dirs: {new} is not a folder", file=sys.stderr)
        return 1
    if not os.path.lexists(installed):
        os.rename(new, installed)
        return 0
    try:
        exchange(new, installed)
    except OSError as e:
        if e.errno not in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
            print(f"swap_dirs: cannot swap {new} and {installed}: {e}", file=sys.stderr)
            return 1
        print(f"swap_dirs: this file system cannot swap atomically ({e}); replacing in two steps",
              file=sys.stderr)
        parked = new + ".old"
        os.rename(installed, parked)
        os.rename(new, installed)
        os.rename(parked, new)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
