"""PyInstaller hook for pyqtgraph, in place of the contrib one: its data (colour maps, the
plot buttons' icons) without the examples, and none of the parts ZoneApp never uses (OpenGL
3D, Jupyter, the examples) nor the other Qt bindings pyqtgraph can use."""
from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files("pyqtgraph", excludes=["**/examples/*", "**/examples/**/*"])
excludedimports = ["pyqtgraph.examples", "pyqtgraph.opengl", "pyqtgraph.jupyter",
                   "PyQt5", "PyQt6", "PySide2", "OpenGL", "matplotlib", "scipy", "h5py",
                   "cupy", "numba", "IPython"]
