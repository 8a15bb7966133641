"""ChangeReport -> text for people (terminal) and machines (JSON). Renderers read only the report."""
