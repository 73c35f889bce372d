"""Readers: one per input kind, plus kind detection and decoding."""
