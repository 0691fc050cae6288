"""The province's roll-up (``cchc tong-hop``): every commune's plan or summary in one
workbook (``rollup``, ``rollup_book``, ``rollup_text``, ``commune``, ``province_scores``).
"""
