"""Every output format in one place: the problems `validate` finds (problems/), the findings of
`overlaps` (findings.py) and the tables of `list` and `matrix` (tables.py). Each takes what a command
computed and writes it; none computes anything itself."""
