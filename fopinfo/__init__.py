"""fopinfo: a sourced, offline command-line reference for Fibrodysplasia Ossificans Progressiva."""

__version__ = "0.2.0"
