#!/bin/sh
# The Galera proof (bench/cluster/run.py): 3 nodes + 2 serve + HAProxy, then 1 node. As root.
cd "$(dirname "$0")/../.." && exec .venv/bin/python bench/cluster/run.py "$@"
