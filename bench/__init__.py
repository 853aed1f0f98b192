"""Benchmarks (`make bench`): figures as ratios against anchors measured in the same run."""
