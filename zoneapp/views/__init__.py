"""What each section shows, as plain objects: no Qt. The window, the PDF report, the share card,
`render` and `summary` all paint these views (see `section_view`)."""
