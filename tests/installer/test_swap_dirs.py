"""Tests of installer/swap_dirs.py: the install step that replaces a bundle in one move."""

import os
import subprocess
import sys
import tempfile
import unittest

SCRIPT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "installer", "swap_dirs.py")


def make_bundle(path, marker):
    os.makedirs(os.path.join(path, "Contents"))
    with open(os.path.join(path, "Contents", "marker"), "w") as f:
        f.write(marker)


def marker(path):
    with open(os.path.join(path, "Contents", "marker")) as f:
        return f.read()


def run(*args):
    return subprocess.run([sys.executable, SCRIPT, *args], capture_output=True, text=True)


class SwapDirsTest(unittest.TestCase):
    def test_replaces_an_installed_bundle_and_hands_back_the_old_one(self):
        with tempfile.TemporaryDirectory() as d:
            new, installed = os.path.join(d, ".incoming"), os.path.join(d, "Sideman.vst3")
            make_bundle(new, "new")
            make_bundle(installed, "old")
            result = run(new, installed)
            self.assertEqual(0, result.returncode, result.stderr)
            self.assertEqual("new", marker(installed))
            self.assertEqual("old", marker(new))

    def test_first_install_is_a_rename(self):
        with tempfile.TemporaryDirectory() as d:
            new, installed = os.path.join(d, ".incoming"), os.path.join(d, "Sideman.vst3")
            make_bundle(new, "new")
            self.assertEqual(0, run(new, installed).returncode)
            self.assertEqual("new", marker(installed))
            self.assertFalse(os.path.exists(new))

    def test_missing_source_is_an_error_and_touches_nothing(self):
        with tempfile.TemporaryDirectory() as d:
            installed = os.path.join(d, "Sideman.vst3")
            make_bundle(installed, "old")
            result = run(os.path.join(d, "nope"), installed)
            self.assertEqual(1, result.returncode)
            self.assertIn("not a folder", result.stderr)
            self.assertEqual("old", marker(installed))


if __name__ == "__main__":
    unittest.main()
