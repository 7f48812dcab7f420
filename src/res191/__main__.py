"""`python -m res191` runs the command line."""

from res191.cli import main

main()
