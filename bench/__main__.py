"""`make bench`: every benchmark, each printed with its ratio to an anchor measured in the same
run, so that noisy machines still compare fairly.

    make bench                     start-up, interactive queries, FEFO picking, incident
                                   activation, the drill console, printed orders, xlsx
                                   import (city data), the hub under load (200 stations)
    make bench ARGS=--province     also the province data set (generated once: about two hours here)
"""

import argparse
import sys

from bench import (
    documents,
    drills,
    hub_load,
    incidents,
    picking,
    queries,
    snapshot,
    startup,
    sync,
    write_cost,
    xlsx_import,
)
from bench.generate import DATA, dataset


def main() -> int:
    parser = argparse.ArgumentParser(prog="make bench")
    parser.add_argument("--province", action="store_true", help="generate and use province data")
    args = parser.parse_args()
    city = dataset("city")
    province = None
    if args.province or (DATA / "province.db").exists():
        province = dataset("province")
    print()
    startup.report(city)
    print()
    queries.report(city, province)
    print()
    picking.report(city, province)
    print()
    incidents.report(city)
    print()
    drills.report(city)
    print()
    documents.report(city)
    print()
    xlsx_import.report(city)
    print()
    sync.report()
    print()
    write_cost.report(city)  # the aggregates' cost on a write and a merge
    print()
    snapshot.main()  # a new station's first synchronization (city, province when present)
    print()
    hub_load.report()  # the hub under 200 stations: p50/p95/p99, SQLite and PostgreSQL
    return 0


if __name__ == "__main__":
    sys.exit(main())
