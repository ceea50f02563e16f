"""pytest: the training folder is importable from every test, whichever file runs alone."""
import helpers  # noqa: F401  (puts models/training on sys.path)
