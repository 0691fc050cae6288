"""Reading: from a workbook file's bytes to a :class:`~cchc_sheets.model.Plan`.

``preflight`` (the bytes) → ``sources`` (grids) → ``reader`` (the book: ``read_plan``) →
``layout`` (its tables, on each ``sheet``) → ``rows`` (each table's rows, read by ``criteria``
and ``tasks`` into one ``state``), with ``headers`` and ``vocabulary`` (the columns),
``deadlines``, ``status``, ``codes``, ``years`` and ``scoring`` for the cells.
"""
