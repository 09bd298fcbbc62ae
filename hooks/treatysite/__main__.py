"""Validate the data without building the site: `python hooks/treatysite check [DATA_DIR]`.

Prints the same messages as the build and exits 1 when there is any error, 0 when the data is valid.
"""

from __future__ import annotations

import sys
from pathlib import Path

if __package__ in (None, ""):
    # Run as `python hooks/treatysite`: make the package importable by name.
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    __package__ = "treatysite"

from treatysite import DataErrors, load_dataset  # noqa: E402


def main(argv: list[str]) -> int:
    if not argv or argv[0] != "check" or len(argv) > 2:
        print("usage: python hooks/treatysite check [DATA_DIR]", file=sys.stderr)
        return 2
    data_dir = Path(argv[1]) if len(argv) == 2 else Path("data")
    try:
        dataset = load_dataset(data_dir, Path.cwd())
    except DataErrors as errors:
        print(errors.report(), file=sys.stderr)
        return 1
    counts = ", ".join(f"{len(dataset.of_kind(kind))} {kind}" for kind in ("treaty", "provision", "domain", "person", "project", "source", "event"))
    print(f"data is valid: {counts}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
