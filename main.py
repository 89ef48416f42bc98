"""ZoneApp entry point: `python main.py --help`."""
from zoneapp.cli import main

raise SystemExit(main())
