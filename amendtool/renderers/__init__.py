"""ChangeReport -> text for people and JSON for machines; renderers read only the report."""
