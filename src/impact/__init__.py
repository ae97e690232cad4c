"""Impactbalans: multi-criteria impact assessment on ecology, economy and people."""

__version__ = "0.1.0"
