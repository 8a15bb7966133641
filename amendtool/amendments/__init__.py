"""EP amendments: numbering and targets ("Recital B a (new)"), lists, applying them."""
