"""Measures the start-up of the installed jfits kernel, as a notebook pays it.

    source scripts/jupyter-env.sh target/jupyter    # where scripts/notebooks.sh installs the kernel
    /usr/bin/python3 scripts/kernel-startup.py [RUNS]

For each run: the seconds from launching the kernel to its first answer (kernel_info), and to the
reply of a first cell; then the median of each.
"""
import statistics
import sys
import time

from jupyter_client.manager import start_new_kernel


def one_run():
    begin = time.monotonic()
    manager, client = start_new_kernel(kernel_name="jfits", startup_timeout=120)
    ready = time.monotonic()
    msg_id = client.execute("int x = 6 * 7;\nx")
    while client.get_shell_msg(timeout=120)["parent_header"].get("msg_id") != msg_id:
        pass
    done = time.monotonic()
    client.stop_channels()
    manager.shutdown_kernel(now=True)
    return ready - begin, done - begin


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    results = [one_run() for _ in range(runs)]
    for ready, first in results:
        print(f"ready {ready:.2f} s, first cell done {first:.2f} s")
    print(f"median of {runs}: ready {statistics.median(r for r, _ in results):.2f} s, "
          f"first cell done {statistics.median(f for _, f in results):.2f} s")


if __name__ == "__main__":
    main()
