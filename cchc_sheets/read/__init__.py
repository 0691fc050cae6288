"""Reading: from a workbook file's bytes to a :class:`~cchc_sheets.model.Plan`.

``preflight`` (the bytes) → ``sources`` (grids) → ``reader`` (tables, tasks, criteria),
with ``headers`` and ``vocabulary`` (the columns), ``deadlines``, ``status``, ``codes``,
``years`` and ``scoring`` for the cells.
"""
