"""The encodings a CSV export can be written in, declared once (no pandas, no Qt: the window's
menu and the settings read it before either is loaded)."""

# UTF-8 with a BOM: Excel and WPS show Chinese; GB18030: what older Excel on Chinese Windows reads.
EXPORT_ENCODINGS = ("utf-8-sig", "gb18030")
DEFAULT_EXPORT_ENCODING = EXPORT_ENCODINGS[0]
