"""``python -m cchc_sheets`` runs the ``cchc`` command."""

from cchc_sheets.cli import main

if __name__ == "__main__":
    main()
