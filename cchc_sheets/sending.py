"""Moved to :mod:`cchc_sheets.deliver.delivery` (the one call for ``cchc send`` and
``cchc check --send``); these names stay importable from here."""

from cchc_sheets.deliver.delivery import (
    Delivery,
    UnitLine,
    build_messages,
    config_source,
    deliver,
    plan_of_summary,
    recipients_of,
)

__all__ = ["Delivery", "UnitLine", "build_messages", "config_source", "deliver",
           "plan_of_summary", "recipients_of"]
