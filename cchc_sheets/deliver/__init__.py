"""Delivering the outputs: written to disk, opened, e-mailed; one module per step.

* :mod:`~cchc_sheets.deliver.atomic` — every output written by one rename;
* :mod:`~cchc_sheets.deliver.opener` — ``--open``: the written file in its program;
* :mod:`~cchc_sheets.deliver.mail` — every public name of the e-mail in one import (the
  old paths ``cchc_sheets.mail``, ``cchc_sheets.sending``, ``cchc_sheets.header_text`` are
  this module, :mod:`~cchc_sheets.deliver.delivery` and :mod:`~cchc_sheets.deliver.headers`:
  see :mod:`cchc_sheets._moved`);
* ``[email]`` of ``cchc.toml`` is the configuration's: checked when it is loaded
  (:mod:`cchc_sheets.config_email`, old path ``cchc_sheets.deliver.settings``) into
  :attr:`Config.mail <cchc_sheets.config.Config.mail>`, which sending reads;
* :mod:`~cchc_sheets.deliver.headers` — text bound for a header: no line break, subject folding;
* :mod:`~cchc_sheets.deliver.addresses` — parsing ``--to``/``--cc`` and configured addresses;
* :mod:`~cchc_sheets.deliver.summary_figures` — the key figures read back from a summary;
* :mod:`~cchc_sheets.deliver.wording` — every word of the e-mails, both languages (the body is
  one template per language there);
* :mod:`~cchc_sheets.deliver.attachments` — the attachment and its ASCII / RFC 2231 names;
* :mod:`~cchc_sheets.deliver.compose` — the summary message and the per-unit lists;
* :mod:`~cchc_sheets.deliver.smtp` — sending over one SMTP connection, every failure named;
* :mod:`~cchc_sheets.deliver.eml` — ``--dry-run``: ``.eml`` files instead;
* :mod:`~cchc_sheets.deliver.delivery` — the one call behind ``cchc send`` and ``check --send``.
"""
