"""``cchc nhap``: the appendix of a Word plan into a tracking workbook.

``docxtables`` turns a .docx's tables into grids; ``wordimport`` finds the appendix with
the reader's own table discovery and writes it in the template's shape.
"""
