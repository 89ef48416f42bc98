"""Peak resident memory of this process, in kB.

Linux keeps getrusage's ru_maxrss across exec, so a child started by a parent that had grown
large reports the parent's size; /proc/self/status VmHWM belongs to the new image alone.
"""
import resource


def peak_rss_kb() -> float:
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return float(line.split()[1])
    except OSError:
        pass
    return float(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
