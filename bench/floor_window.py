"""The floor for start-up and memory: import the stack, show an empty window with tabs, once.

Prints `ZONEAPP_BENCH first_paint=<epoch seconds>` and `ZONEAPP_BENCH peak_rss_kb=<n>`, as the
app does under ZONEAPP_BENCH=1, so bench/run.py reads both the same way.
"""
import sys
import time

import pandas  # noqa: F401  (part of what is measured)
import pyqtgraph  # noqa: F401
from PySide6.QtWidgets import QApplication, QMainWindow, QTabWidget, QWidget

from bench.peak_rss import peak_rss_kb

app = QApplication(sys.argv[:1])
window = QMainWindow()
tabs = QTabWidget()
for name in ("概览", "产业项目", "金融服务", "扶贫与就业", "科技创新", "生态环保"):
    tabs.addTab(QWidget(), name)
window.setCentralWidget(tabs)
window.resize(1280, 800)
window.show()
app.processEvents()
print(f"ZONEAPP_BENCH first_paint={time.time():.6f}", flush=True)
print(f"ZONEAPP_BENCH peak_rss_kb={peak_rss_kb()}", flush=True)
