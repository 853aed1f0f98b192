"""Running the CLI in-process as a user would: exit code, stdout, stderr."""

from desktop.cli import main


def invoke(capsys, *args):
    """Run `bioreserve ARGS…`; returns (exit code, stdout, stderr)."""
    try:
        main(list(args))
        code = 0
    except SystemExit as exc:
        code = exc.code or 0
    out, err = capsys.readouterr()
    return code, out, err
