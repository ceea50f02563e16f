"""Sideman training-data pipeline: corpus readers, harmonic analysis, role extraction,
the project-authored style library, the token vocabulary and the tokenizer.

Everything here reads only ../shared/corpus/ (see PROVENANCE.md there) and the
project-authored files under models/training/styles/.
"""
