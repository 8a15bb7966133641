"""EP amendments: numbering and targets ("Recital B a (new)"), lists, and applying them to a text."""
