"""Zips a folder reproducibly: sorted entries, fixed timestamps, deflate. The zip holds the folder itself
(Sideman.vst3/...), so unpacking it into a VST3 folder installs the bundle.

Usage: make_zip.py FOLDER OUT.zip
"""
import os
import sys
import zipfile

FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def main(folder: str, out: str) -> None:
    folder = os.path.abspath(folder)
    base = os.path.dirname(folder)
    entries = []
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        entries.extend(os.path.join(root, f) for f in sorted(files))
    tmp = out + ".tmp"
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as z:
        for path in entries:
            info = zipfile.ZipInfo(os.path.relpath(path, base).replace(os.sep, "/"), FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = (0o644 << 16)
            with open(path, "rb") as f:
                z.writestr(info, f.read())
    os.replace(tmp, out)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
