"""Rendering a check: ``terminal`` (the screen), ``report`` (the JSON), ``frames`` (pandas),
``summary`` (the workbook, with ``fastsheet``, ``properties`` and ``labels``), and the
blank plan (``template``, its words in ``template_text``).
"""
