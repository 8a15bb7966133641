"""Text out of other document formats (HTML pages, DOCX), for the plain-text reader."""
