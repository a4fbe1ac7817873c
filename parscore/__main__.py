"""``python -m parscore``."""

from parscore.cli import main

main(prog_name="parscore")
