"""`make bench`: every benchmark, each printed with its ratio to an anchor measured
in the same run (so that noisy machines still compare fairly)."""

import sys

from bench import startup
from bench.generate import dataset


def main() -> int:
    city = dataset("city")
    print()
    startup.report(city)
    return 0


if __name__ == "__main__":
    sys.exit(main())
