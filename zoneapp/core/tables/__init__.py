"""Published statistics tables -> the folder's long rows: read, recognise, reshape, recipes (#14)."""
