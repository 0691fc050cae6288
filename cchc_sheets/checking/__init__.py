"""Checking: a :class:`~cchc_sheets.model.Plan` into a :class:`~cchc_sheets.model.CheckResult`.

``rules`` (the contract's rules), ``flags`` (the one table of flags), ``figures``
(the key figures), ``history`` (the weekly store behind ``unchanged`` and the trend).
"""
