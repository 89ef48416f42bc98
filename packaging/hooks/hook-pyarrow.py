"""PyInstaller hook for pyarrow, in place of the contrib one, which takes every submodule and
every library (about 70 MB more). pyarrow's Cython modules import each other where the import
analysis cannot see, so the submodules are listed, less the parts ZoneApp never reaches:
Flight, Substrait, Parquet, datasets, ORC, CUDA, Gandiva and the cloud filesystems (S3, GCS,
Azure, HDFS). The libraries the kept modules link against are found by their links."""
from PyInstaller.utils.hooks import collect_submodules

UNUSED = ("tests", "flight", "substrait", "parquet", "dataset", "orc", "cuda", "gandiva",
          "s3fs", "gcsfs", "azurefs", "hdfs", "jvm", "benchmark")


def _used(name: str) -> bool:
    return not any(part.lstrip("_").startswith(UNUSED) for part in name.split(".")[1:])


hiddenimports = collect_submodules("pyarrow", filter=_used)
excludedimports = [f"pyarrow.{n}" for n in ("flight", "_flight", "substrait", "_substrait",
                                              "parquet", "_parquet", "_parquet_encryption",
                                              "dataset", "_dataset", "_dataset_parquet",
                                              "_dataset_parquet_encryption", "_dataset_orc",
                                              "orc", "_orc", "cuda", "_cuda", "_s3fs", "_gcsfs",
                                              "_azurefs", "_hdfs", "tests")]
